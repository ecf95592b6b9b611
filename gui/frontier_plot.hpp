// frontier_plot.hpp: the trade-off view's picture: one outcome against another for one
// group, a curve per pane in the pane's colour, line pattern and marker shape (told apart
// without colour), every point with its 95 % interval both ways, value labels where they
// fit, the current setting ringed; hovering a point names it, clicking picks it.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "io/frontier.hpp"

namespace tl::gui {

struct FrontierPicture {
  std::vector<FrontierRow> rows;  // the sweep's frontier (all groups)
  std::vector<std::string> values, values2;
  std::string param_label, param2_label;
  int x = 0, y = 1;   // indices into frontierOutcomes()
  std::string group;  // rows of this group are drawn
  struct Pane {
    std::string name;
    bool affected = true;           // the sweep changes it
    std::string current, current2;  // its current setting ("" = not swept here)
  };
  std::vector<Pane> panes;
};

// A point the user clicked: its pane and the index of its value (and value2).
struct PickedPoint {
  int pane = -1;
  size_t value = 0, value2 = 0;
};

// Draws the picture into a `size` rectangle at the cursor; returns the clicked point (pane -1: none).
PickedPoint drawFrontier(const FrontierPicture& pic, ImVec2 size);

// Where the last picture drew its points on screen (scripted clicks: --sweep-click).
struct DrawnPoint {
  PickedPoint point;
  ImVec2 at;
};
const std::vector<DrawnPoint>& drawnFrontierPoints();

}  // namespace tl::gui
