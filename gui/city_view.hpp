// city_view.hpp: draws each pane's city (one cell per citizen, grouped by region and group) and picks
// citizens.
#pragma once
#include <imgui.h>

#include <SFML/Graphics/Texture.hpp>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gui/model_worker.hpp"

namespace tl::gui {

// Where the blocks and cells of one pane sit, in texture pixels.
struct CityGeometry {
  int tex_w = 0, tex_h = 0;  // texture size (may exceed the screen size: then drawn scaled down)
  float screen_per_tex = 1;  // screen pixels per texture pixel (<= 1)
  int cell = 1;              // texture pixels per citizen cell
  bool waffle = false;       // cells in 10 x 10 squares, filled one square at a time (sorted view)
  bool one_row = false;      // the four blocks side by side (a wide, low city), else urban above rural
  struct Block {
    int x = 0, y = 0, w = 0, h = 0, cols = 1;
    size_t n = 0;
  };
  std::array<Block, CityLayout::kBlocks> blocks;
  bool operator==(const CityGeometry& o) const;
};

// How citizens are placed in their block: by id (where they live: the same citizen is in the same
// place in every pane) or sorted by state, so that counts read like a waffle chart and the rare
// errors gather in the block's top-left corner.
enum class CityOrder { Sorted, Identity };

class CityView {
 public:
  void setOrder(CityOrder o) { order_ = o; }
  CityOrder order() const { return order_; }
  // Dims every citizen not in this state (-1 = none).
  void setHighlight(int view) { highlight_ = view; }
  int highlight() const { return highlight_; }
  // Group labels shown on the blocks (the scenario's label_a / label_b).
  void setLabels(const std::string& a, const std::string& b) { label_a_ = a, label_b_ = b; }
  // Draws pane `pane` of the frame filling `size`; returns the clicked citizen or -1.
  int64_t draw(int pane, const Frame& frame, ImVec2 size, int64_t selected);
  // Counts per state of the last drawn frame of a pane.
  const std::array<size_t, kViewCount>& counts(int pane) const;
  // Screen rectangle of a pane's city as last drawn (screenshot checks).
  struct Rect {
    float x, y, w, h;
  };
  Rect rect(int pane) const;
  // Screen pixels per citizen cell of a pane as last drawn (shapes show from 3).
  float cellPixels(int pane) const;
  // Citizens per cell (sorted view: when one citizen per cell would give cells under 2 pixels,
  // cells of at least minSortedCellPx are shared: consecutive citizens of the sorted order share a cell,
  // which shows the rarest state among them: a single wrongly sanctioned citizen still shows).
  int citizensPerCell(int pane) const;
  // Cells of a pane as last drawn that show this state, and citizens in it (layout report).
  size_t cellsShowing(int pane, CitizenView v) const;
  // The sorted view's smallest shared cell on screen: big enough for a state's shape (3 pixels)
  // and a 1-pixel gap, so that a rare state reads as squares, not a smear. (A fifth of the text height
  // was tried: at 3840x2160 presenter its 11-pixel cells pushed the charts off the screen.)
  static float minSortedCellPx(float font_px);

 private:
  struct Pane {
    sf::Texture tex;
    std::vector<uint8_t> pixels;
    CityGeometry geo;
    uint64_t version = ~0ull;
    CityOrder order = CityOrder::Identity;
    int highlight = -1;
    int per_cell = 1;
    std::array<size_t, kViewCount> counts{};
    std::array<size_t, kViewCount> cells{};  // cells showing each state
    // What the geometry was computed for (it is reused while these stay the same).
    float fit_w = -1, fit_h = -1, fit_label = -1;
    const CityLayout* fit_layout = nullptr;
    size_t fit_population = 0;
    CityOrder fit_order = CityOrder::Identity;
    std::array<std::vector<uint32_t>, CityLayout::kBlocks> sorted;  // sorted view: ids in drawing order
    std::vector<uint32_t> sorted_pos;                               // sorted view: id -> place in its block
    std::array<size_t, CityLayout::kBlocks> wrongly{};  // sorted view: wrongly sanctioned per block
    Rect rect{0, 0, 0, 0};
  };
  void ensureIndex(const Frame& f);
  void sortBlocks(Pane& p, const Frame& f, int pane);
  void fill(Pane& p, const Frame& f, int pane);
  const std::vector<uint32_t>& blockIds(const Pane& p, const Frame& f, int block) const;
  int64_t citizenAt(const Pane& p, const Frame& f, float tx, float ty) const;
  bool cellOf(const Pane& p, uint32_t id, float& tx, float& ty) const;
  void drawLens(const Pane& p, const Frame& f, int pane, float tx, float ty);

  CityOrder order_ = CityOrder::Sorted;
  int highlight_ = -1;
  std::vector<std::unique_ptr<Pane>> panes_;
  std::shared_ptr<const CityLayout> indexed_;
  std::vector<uint8_t> block_of_;
  std::vector<uint32_t> index_of_;
  std::string label_a_ = "A", label_b_ = "B";
};

}  // namespace tl::gui
