// legend.hpp: the legends under the city panes (swatch + state + count) and, when panes are too
// narrow for names, one shared key of the states: how many fit on a row, and drawing them.
#pragma once
#include <imgui.h>

#include <array>
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace tl::gui {

struct LegendItem {
  CitizenView view;
  std::string text;    // "wrongly sanctioned 41 (0.2%)", or only "41" when compact
  bool swatch = true;  // false: a note ("1 square = 29 citizens")
};

struct LegendLayout {
  std::vector<std::vector<LegendItem>> panes;  // one legend per pane
  int per_row = 1;                             // items per legend row
  int rows = 1;                                // rows of the tallest legend
  bool compact = false;                        // counts only, with a shared key below
  bool key_only = false;                       // no counts under the panes (the tiles have the numbers)
  int key_rows = 0, key_per_row = 1;           // the shared key (compact only)
  int key_entries = kViewCount;                // the states, and the note when there is one
  std::string note;                            // what a cell stands for, when not one citizen
};

// What a city cell stands for when it is not one citizen: "1 square = 29 citizens" ("" for 1).
std::string cellNote(int citizens_per_cell);
// Measures the legends of panes pane_w wide (the shared key spans all_w) with swatches of side s;
// `note` (cellNote) ends each pane's legend, or the shared key.
LegendLayout layoutLegends(const std::vector<std::array<size_t, kViewCount>>& counts, size_t population,
                           float pane_w, float all_w, float s, const std::string& note);
// The same legend with the per-pane counts dropped: only the shared key (to give the city room).
void keyOnly(LegendLayout& L, float all_w, float s);
// Draws one pane's legend at the cursor (advances it); `line_h` is a text line with spacing.
// Returns the state clicked (to highlight it), or -1.
int drawLegend(const LegendLayout& L, int pane, float pane_w, float s, float line_h);
// Draws the shared key of every state at `o`, in rows of L.key_per_row across all_w; returns the
// state clicked, or -1.
int drawSharedKey(const LegendLayout& L, ImVec2 o, float all_w, float s, float line_h);

}  // namespace tl::gui
