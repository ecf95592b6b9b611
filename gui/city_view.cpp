// city_view.cpp: draws each pane's city (one cell per citizen, grouped by region and group) and picks
// citizens.
#include "gui/city_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "gui/imgui_sfml.hpp"
#include "gui/layout_report.hpp"
#include "gui/palette.hpp"
#include "gui/sfml_compat.hpp"

namespace tl::gui {
namespace {

constexpr int kMaxCell = 14;
constexpr int kWaffle = 10;  // the sorted view fills 10 x 10 squares of 100 citizens one at a time

// Rows a block of n cells needs at `cols` columns: row by row, or square by square.
size_t rowsFor(size_t n, int cols, bool waffle) {
  if (n == 0 || cols <= 0) return 0;
  if (!waffle || cols < kWaffle) return (n + static_cast<size_t>(cols) - 1) / static_cast<size_t>(cols);
  const size_t sq = kWaffle * kWaffle, band = static_cast<size_t>(cols / kWaffle) * sq;
  size_t rows = n / band * kWaffle, rest = n % band;
  if (rest) rows += rest > sq ? kWaffle : (rest + kWaffle - 1) / kWaffle;
  return rows;
}

// Where cell k of a block sits (column, row); a waffle fills its squares left to right, each
// square row by row, so the first cells (the errors in the sorted view) make a compact corner.
void cellXY(size_t k, int cols, bool waffle, int& x, int& y) {
  if (!waffle || cols < kWaffle) {
    x = static_cast<int>(k % static_cast<size_t>(cols)), y = static_cast<int>(k / static_cast<size_t>(cols));
    return;
  }
  const size_t sq = kWaffle * kWaffle, per_row = static_cast<size_t>(cols / kWaffle);
  size_t t = k / sq, w = k % sq;
  x = static_cast<int>((t % per_row) * kWaffle + w % kWaffle);
  y = static_cast<int>((t / per_row) * kWaffle + w / kWaffle);
}

// The cell index at (column, row), or -1 outside the filled pattern's columns.
int64_t cellIndex(int x, int y, int cols, bool waffle) {
  if (x < 0 || y < 0 || x >= cols) return -1;
  if (!waffle || cols < kWaffle) return static_cast<int64_t>(y) * cols + x;
  const int per_row = cols / kWaffle;
  if (x >= per_row * kWaffle) return -1;
  int64_t t = static_cast<int64_t>(y / kWaffle) * per_row + x / kWaffle;
  return t * kWaffle * kWaffle + (y % kWaffle) * kWaffle + x % kWaffle;
}

bool fits(const CityGeometry& g, int cell) {
  for (const auto& b : g.blocks) {
    if (b.n == 0) continue;
    int cols = b.w / cell;
    if (cols <= 0) return false;
    if (rowsFor(b.n, cols, g.waffle) * static_cast<size_t>(cell) > static_cast<size_t>(b.h)) return false;
  }
  return true;
}

// Splits the texture into the four blocks: urban above rural (heights by their counts),
// group A left of B (widths by their counts); `label` pixels above each row of blocks.
void splitBlocks(CityGeometry& g, const std::array<size_t, 4>& n, int gap, int label) {
  size_t total = n[0] + n[1] + n[2] + n[3];
  size_t urban = n[0] + n[1];
  int avail = std::max(4, g.tex_h - 2 * label - gap);
  int top_h = total ? static_cast<int>(std::lround(avail * double(urban) / double(total))) : avail;
  for (int region = 0; region < 2; ++region) {
    int y = region == 0 ? label : label + top_h + gap + label;
    int h = region == 0 ? top_h : avail - top_h;
    size_t a = n[static_cast<size_t>(region * 2)], b = n[static_cast<size_t>(region * 2 + 1)];
    int wa = a + b ? static_cast<int>(std::lround((g.tex_w - gap) * double(a) / double(a + b))) : g.tex_w;
    if (b == 0) wa = g.tex_w;
    if (a == 0) wa = 0;
    auto& ba = g.blocks[static_cast<size_t>(region * 2)];
    auto& bb = g.blocks[static_cast<size_t>(region * 2 + 1)];
    ba = {0, y, wa, h, 1, a};
    int xb = wa + (wa > 0 ? gap : 0);
    bb = {xb, y, g.tex_w - xb, h, 1, b};
  }
}

// The same four blocks side by side under one row of labels (urban A, urban B, rural A, rural B;
// widths by their counts, a double gap between the regions): a wide, low city loses a row of
// labels and its cells get the height.
void splitRow(CityGeometry& g, const std::array<size_t, 4>& n, int gap, int label) {
  const size_t total = std::max<size_t>(1, n[0] + n[1] + n[2] + n[3]);
  const int room = std::max(4, g.tex_w - 4 * gap);
  int x = 0;
  for (size_t b = 0; b < 4; ++b) {
    int w = static_cast<int>(std::lround(room * double(n[b]) / double(total)));
    if (b == 3) w = std::max(0, g.tex_w - x);
    g.blocks[b] = {x, label, w, std::max(4, g.tex_h - label), 1, n[b]};
    x += w + (b == 1 ? 2 * gap : gap);
  }
}

// Rows of cells a block uses at its column count.
int usedHeight(const CityGeometry::Block& b, int cell, bool waffle) {
  return static_cast<int>(rowsFor(b.n, b.cols, waffle)) * cell;
}

CityGeometry fitGeometry(float w, float h, const std::array<size_t, 4>& n, float label_px, bool waffle,
                         bool one_row, int max_cell) {
  CityGeometry g;
  g.waffle = waffle;
  g.one_row = one_row;
  size_t total = n[0] + n[1] + n[2] + n[3];
  const int label_rows = one_row ? 1 : 2;
  w = std::max(w, 40.f);
  h = std::max(h, 40.f + label_rows * label_px);
  double s = std::max(1.0, std::sqrt(double(total) * 1.25 / (double(w) * double(h - label_rows * label_px))));
  for (int attempt = 0; attempt < 60; ++attempt) {
    g.tex_w = static_cast<int>(w * s);
    g.tex_h = static_cast<int>(h * s);
    g.screen_per_tex = static_cast<float>(1.0 / s);
    int gap = static_cast<int>(std::ceil(6 * s)), label = static_cast<int>(std::ceil(label_px * s));
    if (one_row)
      splitRow(g, n, gap, label);
    else
      splitBlocks(g, n, gap, label);
    int cell = 0;
    for (int c = max_cell; c >= 1 && !cell; --c)
      if (fits(g, c)) cell = c;
    if (!cell) {
      s *= 1.08;
      continue;
    }
    // Compact: each row of blocks only as tall as its cells, rural right under urban.
    g.cell = cell;
    for (auto& b : g.blocks) b.cols = std::max(1, b.w / cell);
    if (one_row) {
      int used = 0;
      for (const auto& b : g.blocks) used = std::max(used, usedHeight(b, cell, waffle));
      for (auto& b : g.blocks) b.h = used;
      g.tex_h = label + used;
      return g;
    }
    int urban_h = std::max(usedHeight(g.blocks[0], cell, waffle), usedHeight(g.blocks[1], cell, waffle));
    int rural_h = std::max(usedHeight(g.blocks[2], cell, waffle), usedHeight(g.blocks[3], cell, waffle));
    int rural_y = label + urban_h + (urban_h ? gap + label : 0);
    g.blocks[0].y = g.blocks[1].y = label;
    g.blocks[0].h = g.blocks[1].h = urban_h;
    g.blocks[2].y = g.blocks[3].y = rural_y;
    g.blocks[2].h = g.blocks[3].h = rural_h;
    g.tex_h = rural_y + rural_h;
    return g;
  }
  g.cell = 1;
  for (auto& b : g.blocks) b.cols = std::max(1, b.w);
  return g;
}

// Urban above rural, or the four blocks in one row: the one that fits the height given (a city
// taller than its room takes it from the outcome tiles), then the one with the bigger cells (urban
// above rural when they tie).
CityGeometry computeGeometry(float w, float h, const std::array<size_t, 4>& n, float label_px, bool waffle,
                             int max_cell = kMaxCell) {
  CityGeometry two = fitGeometry(w, h, n, label_px, waffle, false, max_cell);
  CityGeometry row = fitGeometry(w, h, n, label_px, waffle, true, max_cell);
  const bool two_fits = two.tex_h * two.screen_per_tex <= h + 0.5f;
  const bool row_fits = row.tex_h * row.screen_per_tex <= h + 0.5f;
  if (two_fits != row_fits) return row_fits ? row : two;
  if (!two_fits) return row.tex_h * row.screen_per_tex < two.tex_h * two.screen_per_tex ? row : two;
  return row.cell * row.screen_per_tex > two.cell * two.screen_per_tex + 0.01f ? row : two;
}

// The glyph of a state in a q x q cell: true where the cell is painted.
bool glyphPixel(Glyph gl, int x, int y, int q) {
  if (q == 2) {
    // 2 x 2 cells keep a texture cue: a dot is one pixel, a cross a checker, stripes one row.
    switch (gl) {
      case Glyph::Dot:
        return x == 0 && y == 0;
      case Glyph::Cross:
        return x == y;
      case Glyph::Hatch:
        return y == 0;
      case Glyph::Ring:
        return !(x == 1 && y == 1);
      case Glyph::Bars:
        return x == 0;
      default:
        return true;
    }
  }
  if (q < 2) return true;
  // 3 x 3: the dot is a 2 x 2 corner (one pixel would leave an opt-in pane of the not enrolled
  // looking blank; the plus is the diamond's, the full square normal's).
  if (q == 3 && gl == Glyph::Dot) return x < 2 && y < 2;
  int c = q / 2;
  switch (gl) {
    case Glyph::Square:
      return true;
    case Glyph::Dot: {
      int r = std::max(0, q / 4);
      return std::abs(x - c) <= r && std::abs(y - c) <= r;
    }
    case Glyph::Ring:
      return x == 0 || y == 0 || x == q - 1 || y == q - 1;
    case Glyph::Cross:
      return std::abs(x - y) <= (q >= 7 ? 1 : 0) || std::abs(x + y - (q - 1)) <= (q >= 7 ? 1 : 0);
    case Glyph::Hatch:
      return (y % 2) == 0;
    case Glyph::Diamond:
      return std::abs(2 * x - (q - 1)) + std::abs(2 * y - (q - 1)) <= q;
    case Glyph::Bars:
      return (x % 2) == 0;
  }
  return true;
}

// Sorted view: the order of states in a block, errors first (the top-left corner).
constexpr int kSortRank[kViewCount] = {
    6,  // NotEnrolled
    5,  // Normal
    4,  // Rewarded
    3,  // Flagged
    2,  // RightlySanctioned
    0,  // WronglySanctioned
    1,  // InAppeal
};

// Dimmed colour of a state that is not highlighted: a quarter of its brightness.
Rgb dimmed(Rgb c) {
  return {static_cast<uint8_t>(c.r / 4), static_cast<uint8_t>(c.g / 4), static_cast<uint8_t>(c.b / 4)};
}

}  // namespace

bool CityGeometry::operator==(const CityGeometry& o) const {
  if (tex_w != o.tex_w || tex_h != o.tex_h || cell != o.cell || waffle != o.waffle || one_row != o.one_row)
    return false;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (blocks[i].x != o.blocks[i].x || blocks[i].y != o.blocks[i].y || blocks[i].w != o.blocks[i].w ||
        blocks[i].h != o.blocks[i].h || blocks[i].n != o.blocks[i].n)
      return false;
  return true;
}

const std::array<size_t, kViewCount>& CityView::counts(int pane) const {
  static const std::array<size_t, kViewCount> none{};
  return pane >= 0 && pane < static_cast<int>(panes_.size()) ? panes_[static_cast<size_t>(pane)]->counts
                                                             : none;
}

CityView::Rect CityView::rect(int pane) const {
  return pane >= 0 && pane < static_cast<int>(panes_.size()) ? panes_[static_cast<size_t>(pane)]->rect
                                                             : Rect{0, 0, 0, 0};
}

float CityView::minSortedCellPx(float) { return 4.0f; }

size_t CityView::cellsShowing(int pane, CitizenView v) const {
  if (pane < 0 || pane >= static_cast<int>(panes_.size())) return 0;
  return panes_[static_cast<size_t>(pane)]->cells[static_cast<size_t>(v)];
}

int CityView::citizensPerCell(int pane) const {
  if (pane < 0 || pane >= static_cast<int>(panes_.size())) return 1;
  return panes_[static_cast<size_t>(pane)]->per_cell;
}

float CityView::cellPixels(int pane) const {
  if (pane < 0 || pane >= static_cast<int>(panes_.size())) return 0;
  const CityGeometry& g = panes_[static_cast<size_t>(pane)]->geo;
  return g.cell * g.screen_per_tex;
}

void CityView::ensureIndex(const Frame& f) {
  if (indexed_ == f.layout) return;
  indexed_ = f.layout;
  block_of_.assign(f.population, 0);
  index_of_.assign(f.population, 0);
  if (!indexed_) return;
  for (int b = 0; b < CityLayout::kBlocks; ++b) {
    const auto& ids = indexed_->ids[b];
    for (size_t k = 0; k < ids.size(); ++k) {
      if (ids[k] >= block_of_.size()) continue;
      block_of_[ids[k]] = static_cast<uint8_t>(b);
      index_of_[ids[k]] = static_cast<uint32_t>(k);
    }
  }
}

const std::vector<uint32_t>& CityView::blockIds(const Pane& p, const Frame& f, int block) const {
  return p.order == CityOrder::Sorted ? p.sorted[static_cast<size_t>(block)] : f.layout->ids[block];
}

void CityView::sortBlocks(Pane& p, const Frame& f, int pane) {
  // A counting sort by state rank: stable, so citizens of one state keep their id order.
  const auto& views = f.views[static_cast<size_t>(pane)];
  p.sorted_pos.assign(f.population, 0);
  for (int b = 0; b < CityLayout::kBlocks; ++b) {
    const auto& ids = f.layout->ids[b];
    std::array<size_t, kViewCount + 1> start{};
    for (uint32_t id : ids) {
      uint8_t v = id < views.size() ? views[id] : 1;
      ++start[static_cast<size_t>(kSortRank[v < kViewCount ? v : 1]) + 1];
    }
    for (int r = 0; r < kViewCount; ++r) start[static_cast<size_t>(r) + 1] += start[static_cast<size_t>(r)];
    auto& out = p.sorted[static_cast<size_t>(b)];
    out.assign(ids.size(), 0);
    p.wrongly[static_cast<size_t>(b)] =
        start[static_cast<size_t>(kSortRank[static_cast<int>(CitizenView::WronglySanctioned)]) + 1] -
        start[static_cast<size_t>(kSortRank[static_cast<int>(CitizenView::WronglySanctioned)])];
    for (uint32_t id : ids) {
      uint8_t v = id < views.size() ? views[id] : 1;
      size_t k = start[static_cast<size_t>(kSortRank[v < kViewCount ? v : 1])]++;
      out[k] = id;
      if (id < p.sorted_pos.size()) p.sorted_pos[id] = static_cast<uint32_t>(k);
    }
  }
}

void CityView::fill(Pane& p, const Frame& f, int pane) {
  const CityGeometry& g = p.geo;
  p.pixels.assign(static_cast<size_t>(g.tex_w) * static_cast<size_t>(g.tex_h) * 4, 0);
  p.counts.fill(0);
  p.cells.fill(0);
  const auto& views = f.views[static_cast<size_t>(pane)];
  if (p.order == CityOrder::Sorted) sortBlocks(p, f, pane);
  int c = g.cell;
  int q = c >= 4 ? c - 1 : c;  // leave a 1-pixel gap between big cells
  // Pre-rendered glyph masks, one per state.
  std::vector<uint8_t> masks(static_cast<size_t>(kViewCount * q * q));
  for (int v = 0; v < kViewCount; ++v)
    for (int y = 0; y < q; ++y)
      for (int x = 0; x < q; ++x)
        masks[static_cast<size_t>((v * q + y) * q + x)] =
            glyphPixel(stateGlyph(static_cast<CitizenView>(v)), x, y, q);
  Rgb cols[kViewCount];
  for (int v = 0; v < kViewCount; ++v) {
    cols[v] = stateColour(static_cast<CitizenView>(v));
    if (p.highlight >= 0 && v != p.highlight) cols[v] = dimmed(cols[v]);
  }
  uint8_t* px = p.pixels.data();
  const size_t stride = static_cast<size_t>(g.tex_w) * 4;
  const size_t k_per = static_cast<size_t>(std::max(1, p.per_cell));
  for (int b = 0; b < CityLayout::kBlocks; ++b) {
    const auto& blk = g.blocks[static_cast<size_t>(b)];
    const auto& ids = blockIds(p, f, b);
    for (uint32_t id : ids) {
      uint8_t v = id < views.size() ? views[id] : 1;
      ++p.counts[v < kViewCount ? v : 1];
    }
    const size_t cells = (ids.size() + k_per - 1) / k_per;
    for (size_t k = 0; k < cells; ++k) {
      // A shared cell shows the rarest state of its citizens (the first in the sorted order):
      // one wrongly sanctioned citizen among k makes the cell wrongly sanctioned, so a 0.2 % error
      // rate never vanishes into its neighbours. The citizens are consecutive in the sorted order,
      // so a cell mixes states only where one state's run ends: at most one cell per state and
      // block shows a state that fewer than k of its citizens have.
      int v = 1, best = kViewCount;
      for (size_t i = k * k_per; i < std::min(ids.size(), (k + 1) * k_per); ++i) {
        uint8_t u = ids[i] < views.size() ? views[ids[i]] : 1;
        if (u >= kViewCount) u = 1;
        if (kSortRank[u] < best) best = kSortRank[u], v = u;
      }
      ++p.cells[static_cast<size_t>(v)];
      int cx, cy;
      cellXY(k, blk.cols, g.waffle, cx, cy);
      int x0 = blk.x + cx * c, y0 = blk.y + cy * c;
      if (x0 + q > g.tex_w || y0 + q > g.tex_h) continue;
      const Rgb col = cols[v];
      const uint8_t* m = &masks[static_cast<size_t>(v * q * q)];
      for (int y = 0; y < q; ++y) {
        uint8_t* row = px + static_cast<size_t>(y0 + y) * stride + static_cast<size_t>(x0) * 4;
        for (int x = 0; x < q; ++x, row += 4) {
          if (!m[y * q + x]) continue;
          row[0] = col.r, row[1] = col.g, row[2] = col.b, row[3] = 255;
        }
      }
    }
  }
  if (p.tex.getSize().x != static_cast<unsigned>(g.tex_w) ||
      p.tex.getSize().y != static_cast<unsigned>(g.tex_h))
    sfc::createTexture(p.tex, static_cast<unsigned>(g.tex_w), static_cast<unsigned>(g.tex_h));
  p.tex.update(p.pixels.data());
  p.tex.setSmooth(g.screen_per_tex < 0.999f);  // average when several citizens share a screen pixel
}

int64_t CityView::citizenAt(const Pane& p, const Frame& f, float tx, float ty) const {
  const CityGeometry& g = p.geo;
  for (int b = 0; b < CityLayout::kBlocks; ++b) {
    const auto& blk = g.blocks[static_cast<size_t>(b)];
    if (tx < blk.x || ty < blk.y || tx >= blk.x + blk.w || ty >= blk.y + blk.h) continue;
    int col = static_cast<int>(tx - blk.x) / g.cell, row = static_cast<int>(ty - blk.y) / g.cell;
    int64_t cell = cellIndex(col, row, blk.cols, g.waffle);
    if (cell < 0) return -1;
    size_t k = static_cast<size_t>(cell) * static_cast<size_t>(std::max(1, p.per_cell));
    const auto& ids = blockIds(p, f, b);
    if (k >= ids.size()) return -1;
    return ids[k];
  }
  return -1;
}

bool CityView::cellOf(const Pane& p, uint32_t id, float& tx, float& ty) const {
  if (id >= block_of_.size()) return false;
  const auto& blk = p.geo.blocks[block_of_[id]];
  size_t k = p.order == CityOrder::Sorted && id < p.sorted_pos.size() ? p.sorted_pos[id] : index_of_[id];
  k /= static_cast<size_t>(std::max(1, p.per_cell));
  int cx, cy;
  cellXY(k, blk.cols, p.geo.waffle, cx, cy);
  tx = blk.x + static_cast<float>(cx) * p.geo.cell + p.geo.cell * 0.5f;
  ty = blk.y + static_cast<float>(cy) * p.geo.cell + p.geo.cell * 0.5f;
  return true;
}

void CityView::drawLens(const Pane& p, const Frame& f, int pane, float tx, float ty) {
  // A magnifier: the 9 x 9 cells around the mouse, drawn large with their shapes.
  const auto& views = f.views[static_cast<size_t>(pane)];
  const float s = ImGui::GetFontSize() * 0.9f;
  const int r = 4;
  ImGui::BeginTooltip();
  int64_t id = citizenAt(p, f, tx, ty);
  if (id >= 0) {
    auto v = static_cast<CitizenView>(views[static_cast<size_t>(id)]);
    ImGui::Text("citizen #%lld: %s", static_cast<long long>(id), stateLabel(v));
    ImGui::TextDisabled("click to inspect");
  }
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int dy = -r; dy <= r; ++dy)
    for (int dx = -r; dx <= r; ++dx) {
      int64_t c = citizenAt(p, f, tx + dx * p.geo.cell, ty + dy * p.geo.cell);
      ImVec2 q(o.x + (dx + r) * s * 1.15f, o.y + (dy + r) * s * 1.15f);
      if (c < 0) continue;
      drawSwatch(dl, q, s, static_cast<CitizenView>(views[static_cast<size_t>(c)]));
      if (dx == 0 && dy == 0)
        dl->AddRect(ImVec2(q.x - 2, q.y - 2), ImVec2(q.x + s + 2, q.y + s + 2), IM_COL32(255, 255, 255, 255),
                    0, 0, 2);
    }
  ImGui::Dummy(ImVec2((2 * r + 1) * s * 1.15f, (2 * r + 1) * s * 1.15f));
  ImGui::EndTooltip();
}

int64_t CityView::draw(int pane, const Frame& f, ImVec2 size, int64_t selected) {
  while (static_cast<int>(panes_.size()) <= pane) panes_.push_back(std::make_unique<Pane>());
  Pane& p = *panes_[static_cast<size_t>(pane)];
  if (!f.ready || !f.layout || pane >= static_cast<int>(f.views.size())) {
    ImGui::Dummy(size);
    return -1;
  }
  ensureIndex(f);
  // Sorted view: cells of at least minSortedCellPx, several citizens to a cell when needed (then
  // filled row by row: a 10 x 10 square of shared cells would not be 100 citizens).
  // Computed again only when the room, the font, the citizens or the view change.
  const float label_px = ImGui::GetTextLineHeight() + 2, min_px = minSortedCellPx(ImGui::GetFontSize());
  int per_cell = p.per_cell;
  CityGeometry g = p.geo;
  if (p.fit_w != size.x || p.fit_h != size.y || p.fit_label != label_px || p.fit_layout != f.layout.get() ||
      p.fit_population != f.population || p.fit_order != order_) {
    per_cell = 1;
    for (int attempt = 0; attempt < 40; ++attempt) {
      std::array<size_t, 4> n;
      for (int b = 0; b < 4; ++b)
        n[static_cast<size_t>(b)] =
            (f.layout->ids[b].size() + static_cast<size_t>(per_cell) - 1) / static_cast<size_t>(per_cell);
      g = computeGeometry(size.x, size.y, n, label_px, order_ == CityOrder::Sorted && per_cell == 1);
      float px = g.cell * g.screen_per_tex;
      // One citizen to a cell while that gives 2 pixels (shapes become textures, the waffle's
      // squares are 100 citizens); below, shared cells of at least min_px.
      if (order_ != CityOrder::Sorted || px >= (per_cell == 1 ? 1.999f : min_px - 0.001f)) break;
      // The fewest citizens per cell that give big enough cells: grow in small steps.
      per_cell = px < 0.5f ? per_cell * 2 : per_cell + std::max(1, per_cell / 8);
    }
    // Shared cells no bigger than the smallest cell: bigger ones would only make the city claim
    // more of the screen (the outcome tiles and charts need it) for no more detail.
    if (per_cell > 1) {
      std::array<size_t, 4> n;
      for (int b = 0; b < 4; ++b)
        n[static_cast<size_t>(b)] =
            (f.layout->ids[b].size() + static_cast<size_t>(per_cell) - 1) / static_cast<size_t>(per_cell);
      const int max_cell = static_cast<int>(std::ceil(min_px / g.screen_per_tex - 0.001f));
      if (max_cell < g.cell) g = computeGeometry(size.x, size.y, n, label_px, false, max_cell);
    }
    p.fit_w = size.x, p.fit_h = size.y, p.fit_label = label_px, p.fit_layout = f.layout.get();
    p.fit_order = order_, p.fit_population = f.population;
  }
  if (!(g == p.geo) || p.version != f.version || p.order != order_ || p.highlight != highlight_ ||
      p.per_cell != per_cell) {
    p.geo = g;
    p.version = f.version;
    p.order = order_;
    p.highlight = highlight_;
    p.per_cell = per_cell;
    fill(p, f, pane);
  }
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImVec2 shown(g.tex_w * g.screen_per_tex, g.tex_h * g.screen_per_tex);
  p.rect = {o.x, o.y, shown.x, shown.y};
  {
    float px = g.cell * g.screen_per_tex;  // below 1, several citizens are averaged into a pixel
    int shared = per_cell > 1 ? per_cell : px < 1 ? static_cast<int>(std::ceil(1.0f / (px * px))) : 1;
    const auto w = static_cast<size_t>(CitizenView::WronglySanctioned);
    reportCity(pane, o, shown, px, shared, p.counts[w], p.cells[w]);
  }
  ImGui::Image(textureId(p.tex), shown);
  bool hovered = ImGui::IsItemHovered();
  bool clicked = ImGui::IsItemClicked(0);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Block labels: region and group, with their size; shortened to what fits above the block (up
  // to the next block's label): "urban · B 3,581", "urban · B", "B". In one row, a region's B
  // block right after its A block is "B 3,581" (the region is named just left of it).
  for (int b = 0; b < CityLayout::kBlocks; ++b) {
    const auto& blk = g.blocks[static_cast<size_t>(b)];
    if (blk.n == 0) continue;
    const std::string group = CityLayout::group(b) ? label_b_ : label_a_;
    const bool after_a = g.one_row && CityLayout::group(b) == 1 && g.blocks[static_cast<size_t>(b - 1)].n > 0;
    const std::string name =
        after_a ? group : std::string(CityLayout::rural(b) ? "rural" : "urban") + " \xC2\xB7 " + group;
    const std::string count = std::to_string(f.layout->ids[b].size());
    int next_x = g.tex_w;
    for (const auto& other : g.blocks)
      if (other.n > 0 && other.y == blk.y && other.x > blk.x) next_x = std::min(next_x, other.x);
    const float room = (next_x - blk.x) * g.screen_per_tex - (next_x < g.tex_w ? 4.0f : 0.0f);
    ImVec2 at(o.x + blk.x * g.screen_per_tex,
              o.y + blk.y * g.screen_per_tex - ImGui::GetTextLineHeight() - 1);
    float name_w = ImGui::CalcTextSize(name.c_str()).x, count_w = ImGui::CalcTextSize(count.c_str()).x;
    if (name_w + 6 + count_w <= room) {
      dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
      dl->AddText(ImVec2(at.x + name_w + 6, at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), count.c_str());
    } else if (name_w <= room) {
      dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
    } else {
      dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), group.c_str());
      float gw = ImGui::CalcTextSize(group.c_str()).x;
      if (gw > room) reportClipped("city block label", group, gw, room);
    }
  }
  // Sorted view: the wrongly sanctioned corner of each block is framed, so that a handful of errors
  // in thousands still catches the eye on a projector.
  if (p.order == CityOrder::Sorted && (highlight_ < 0 || highlight_ == int(CitizenView::WronglySanctioned))) {
    const float spt = g.screen_per_tex;
    const ImU32 frame_col = stateColourU32(CitizenView::WronglySanctioned);
    for (int b = 0; b < CityLayout::kBlocks; ++b) {
      const auto& blk = g.blocks[static_cast<size_t>(b)];
      size_t cells = (p.wrongly[static_cast<size_t>(b)] + static_cast<size_t>(p.per_cell) - 1) /
                     static_cast<size_t>(p.per_cell);
      if (cells == 0 || blk.cols <= 0) continue;
      int x0 = blk.cols, y0 = 1 << 30, x1 = 0, y1 = 0;
      for (size_t k = 0; k < cells; ++k) {
        int cx, cy;
        cellXY(k, blk.cols, g.waffle, cx, cy);
        x0 = std::min(x0, cx), y0 = std::min(y0, cy), x1 = std::max(x1, cx + 1), y1 = std::max(y1, cy + 1);
      }
      float t = std::max(2.0f, ImGui::GetFontSize() * 0.12f);
      ImVec2 a(o.x + (blk.x + x0 * g.cell) * spt - t, o.y + (blk.y + y0 * g.cell) * spt - t);
      ImVec2 z(o.x + (blk.x + x1 * g.cell) * spt + t, o.y + (blk.y + y1 * g.cell) * spt + t);
      dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(z.x + 1, z.y + 1), IM_COL32(255, 255, 255, 255), 0, 0,
                  1.5f);
      dl->AddRect(a, z, frame_col, 0, 0, t);
    }
  }
  // The inspected citizen is ringed in every pane.
  float tx, ty;
  if (selected >= 0 && cellOf(p, static_cast<uint32_t>(selected), tx, ty)) {
    ImVec2 c(o.x + tx * g.screen_per_tex, o.y + ty * g.screen_per_tex);
    float rad = std::max(7.0f, g.cell * g.screen_per_tex * 1.6f);
    dl->AddCircle(c, rad + 2, IM_COL32(0, 0, 0, 255), 24, 4);
    dl->AddCircle(c, rad, IM_COL32(255, 255, 255, 255), 24, 2.5f);
    dl->AddLine(ImVec2(c.x - rad - 10, c.y), ImVec2(c.x - rad, c.y), IM_COL32(255, 255, 255, 255), 2);
    dl->AddLine(ImVec2(c.x + rad, c.y), ImVec2(c.x + rad + 10, c.y), IM_COL32(255, 255, 255, 255), 2);
  }
  int64_t picked = -1;
  if (hovered) {
    ImVec2 m = ImGui::GetIO().MousePos;
    float mx = (m.x - o.x) / g.screen_per_tex, my = (m.y - o.y) / g.screen_per_tex;
    drawLens(p, f, pane, mx, my);
    if (clicked) picked = citizenAt(p, f, mx, my);
  }
  return picked;
}

}  // namespace tl::gui
