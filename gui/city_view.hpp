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
  struct Block {
    int x = 0, y = 0, w = 0, h = 0, cols = 1;
    size_t n = 0;
  };
  std::array<Block, CityLayout::kBlocks> blocks;
  bool operator==(const CityGeometry& o) const;
};

class CityView {
 public:
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

 private:
  struct Pane {
    sf::Texture tex;
    std::vector<uint8_t> pixels;
    CityGeometry geo;
    uint64_t version = ~0ull;
    std::array<size_t, kViewCount> counts{};
    Rect rect{0, 0, 0, 0};
  };
  void ensureIndex(const Frame& f);
  void fill(Pane& p, const Frame& f, int pane);
  int64_t citizenAt(const Pane& p, const Frame& f, float tx, float ty) const;
  bool cellOf(const Pane& p, uint32_t id, float& tx, float& ty) const;
  void drawLens(const Pane& p, const Frame& f, int pane, float tx, float ty);

  std::vector<std::unique_ptr<Pane>> panes_;
  std::shared_ptr<const CityLayout> indexed_;
  std::vector<uint8_t> block_of_;
  std::vector<uint32_t> index_of_;
  std::string label_a_ = "A", label_b_ = "B";
};

}  // namespace tl::gui
