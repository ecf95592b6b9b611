// frontier_plot.cpp: see frontier_plot.hpp. Drawn with ImGui's draw list so it scales with
// the UI font (presenter mode) and is captured by the PNG export as seen.
#include "gui/frontier_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "gui/number_format.hpp"
#include "gui/palette.hpp"
#include "io/svg_plot.hpp"

namespace tl::gui {
namespace {

// Two points a viewer cannot tell apart on screen.
bool sameSpot(ImVec2 p, ImVec2 q) { return std::fabs(p.x - q.x) < 1.5f && std::fabs(p.y - q.y) < 1.5f; }

struct Pt {
  double x, xl, xh, y, yl, yh;
  size_t value, value2;
};
struct Curve {
  int pane;
  size_t value2;
  std::vector<Pt> pts;
};

bool finite(double v) { return std::isfinite(v); }

std::vector<DrawnPoint>& drawnPoints() {
  static std::vector<DrawnPoint> points;
  return points;
}

std::string axisNumber(double v, double step) {
  if (std::fabs(v) < step * 1e-6) v = 0;
  if (std::fabs(v) >= 1000) return countText(v);
  char b[32];
  int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  std::snprintf(b, sizeof b, "%.*f", std::min(decimals, 6), v);
  return b;
}

std::string valueNumber(double v) {
  if (!finite(v)) return "n/a";
  if (std::fabs(v) >= 1000) return countText(v);
  char b[32];
  std::snprintf(b, sizeof b, "%.3g", v);
  return b;
}

// A marker per pane slot: circle, square, triangle, diamond (the legend shows the same).
void marker(ImDrawList* dl, ImVec2 c, float r, int pane, ImU32 col, bool filled) {
  int shape = pane % 4;
  float t = std::max(1.5f, r * 0.35f);
  switch (shape) {
    case 0:
      filled ? dl->AddCircleFilled(c, r, col, 16) : dl->AddCircle(c, r, col, 16, t);
      break;
    case 1:
      filled ? dl->AddRectFilled(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f),
                                 ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), col)
             : dl->AddRect(ImVec2(c.x - r * 0.85f, c.y - r * 0.85f), ImVec2(c.x + r * 0.85f, c.y + r * 0.85f),
                           col, 0, 0, t);
      break;
    case 2: {
      ImVec2 a(c.x, c.y - r * 1.1f), b(c.x - r, c.y + r * 0.75f), d(c.x + r, c.y + r * 0.75f);
      filled ? dl->AddTriangleFilled(a, b, d, col) : dl->AddTriangle(a, b, d, col, t);
      break;
    }
    default: {
      ImVec2 a(c.x, c.y - r * 1.15f), b(c.x + r * 1.15f, c.y), d(c.x, c.y + r * 1.15f),
          e(c.x - r * 1.15f, c.y);
      filled ? dl->AddQuadFilled(a, b, d, e, col) : dl->AddQuad(a, b, d, e, col, t);
      break;
    }
  }
}

}  // namespace

PickedPoint drawFrontier(const FrontierPicture& pic, ImVec2 size) {
  PickedPoint picked;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("frontier", size);
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  const float fs = ImGui::GetFontSize();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg), 3);

  // The curves: one per pane (x value2), points in the order of the swept values.
  const size_t n2 = std::max<size_t>(1, pic.values2.size());
  std::map<std::vector<std::string>, const FrontierRow*> at;
  for (const auto& r : pic.rows)
    if (r.group == pic.group) at[{r.value, r.value2, r.regime}] = &r;
  std::vector<Curve> curves;
  for (size_t p = 0; p < pic.panes.size(); ++p)
    for (size_t k = 0; k < n2; ++k) {
      Curve c{static_cast<int>(p), k, {}};
      for (size_t v = 0; v < pic.values.size(); ++v) {
        auto it = at.find({pic.values[v], pic.values2.empty() ? "" : pic.values2[k], pic.panes[p].name});
        if (it == at.end()) continue;
        const Estimate& ex = it->second->outcomes[static_cast<size_t>(pic.x)];
        const Estimate& ey = it->second->outcomes[static_cast<size_t>(pic.y)];
        if (!finite(ex.mean) || !finite(ey.mean)) continue;
        c.pts.push_back({ex.mean, ex.low, ex.high, ey.mean, ey.low, ey.high, v, k});
      }
      if (!c.pts.empty()) curves.push_back(std::move(c));
    }
  // The axes fit the panes the sweep changes (a pane it does not change is one point).
  bool any_affected = false;
  for (const auto& p : pic.panes) any_affected = any_affected || p.affected;
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (const auto& c : curves) {
    if (any_affected && !pic.panes[static_cast<size_t>(c.pane)].affected) continue;
    for (const auto& p : c.pts) {
      for (double v : {p.x, p.xl, p.xh})
        if (finite(v)) x0 = std::min(x0, v), x1 = std::max(x1, v);
      for (double v : {p.y, p.yl, p.yh})
        if (finite(v)) y0 = std::min(y0, v), y1 = std::max(y1, v);
    }
  }
  if (!(x0 <= x1) || !(y0 <= y1)) {
    dl->AddText(ImVec2(o.x + fs, o.y + fs), dim, "No numbers for this outcome and group.");
    return picked;
  }
  auto widen = [](double& a, double& b) {
    double span = b - a;
    if (span <= 0) span = std::max(1e-9, std::fabs(a) * 0.1 + 1e-9);
    a -= span * 0.06;
    b += span * 0.06;
  };
  widen(x0, x1);
  widen(y0, y1);
  const auto& outs = frontierOutcomes();
  const Outcome& ox = outs[static_cast<size_t>(pic.x)];
  const Outcome& oy = outs[static_cast<size_t>(pic.y)];
  std::string ytitle = oy.label + " (" + oy.unit + ")", xtitle = ox.label + " (" + ox.unit + ")";

  // Plot area: y tick labels at the left, the y title above, x ticks and title below, legend under it.
  const float tick_w = ImGui::CalcTextSize("000,000").x + fs * 0.6f;
  // Legend items: each pane (marker, line pattern, name; a pane the sweep leaves alone says so),
  // then a grid's second values; they flow into rows across the plot's width.
  struct Item {
    std::string text;
    ImU32 col;
    int pane, value2;  // one of them >= 0
    ImVec2 at;
  };
  std::vector<Item> items;
  for (size_t p = 0; p < pic.panes.size(); ++p) {
    int pane = static_cast<int>(p);
    std::string t = std::to_string(p + 1) + " " + pic.panes[p].name;
    if (!pic.panes[p].affected) {
      bool inside = false;
      for (const auto& c : curves)
        if (c.pane == pane)
          inside = c.pts[0].x >= x0 && c.pts[0].x <= x1 && c.pts[0].y >= y0 && c.pts[0].y <= y1;
      t += inside ? "  (not changed by this sweep: one point)"
                  : "  (not changed by this sweep; off the chart)";
    }
    items.push_back({t, paneColour(pane), pane, -1, {}});
  }
  for (size_t k = 0; k < pic.values2.size(); ++k)
    items.push_back({(pic.param2_label.empty() ? "value2" : pic.param2_label) + " = " + pic.values2[k],
                     text,
                     -1,
                     static_cast<int>(k),
                     {}});
  const float left = o.x + tick_w, right = o.x + size.x - fs * 1.2f, row_h = fs * 1.35f;
  float lx = left, rows = 1;
  for (auto& it : items) {
    float w = fs * 2.8f + ImGui::CalcTextSize(it.text.c_str()).x + fs * 1.5f;
    if (lx > left && lx + w > right) lx = left, ++rows;
    it.at = ImVec2(lx, (rows - 1) * row_h);
    lx += w;
  }
  const float legend_h = row_h * rows + fs * 0.4f;
  ImVec2 a(o.x + tick_w, o.y + fs * 1.8f), b(o.x + size.x - fs * 1.2f, o.y + size.y - fs * 3.2f - legend_h);
  if (b.y - a.y < fs * 4 || b.x - a.x < fs * 8) return picked;
  auto sx = [&](double v) { return static_cast<float>(a.x + (v - x0) / (x1 - x0) * (b.x - a.x)); };
  auto sy = [&](double v) { return static_cast<float>(b.y - (v - y0) / (y1 - y0) * (b.y - a.y)); };
  auto clampx = [&](double v) { return std::min(std::max(v, x0), x1); };
  auto clampy = [&](double v) { return std::min(std::max(v, y0), y1); };
  dl->AddText(ImVec2(o.x + fs * 0.4f, o.y + fs * 0.3f), text, ytitle.c_str());
  dl->AddRect(a, b, grid);
  int xt = std::max(2, static_cast<int>((b.x - a.x) / (fs * 7)));
  int yt = std::max(2, static_cast<int>((b.y - a.y) / (fs * 2.5f)));
  double xs = niceStep(x1 - x0, xt), ys = niceStep(y1 - y0, yt);
  for (double v = std::ceil(x0 / xs) * xs; v <= x1; v += xs) {
    float px = sx(v);
    dl->AddLine(ImVec2(px, a.y), ImVec2(px, b.y), (grid & 0x00FFFFFF) | 0x50000000);
    std::string t = axisNumber(v, xs);
    float w = ImGui::CalcTextSize(t.c_str()).x;
    dl->AddText(ImVec2(px - w / 2, b.y + fs * 0.2f), dim, t.c_str());
  }
  for (double v = std::ceil(y0 / ys) * ys; v <= y1; v += ys) {
    float py = sy(v);
    dl->AddLine(ImVec2(a.x, py), ImVec2(b.x, py), (grid & 0x00FFFFFF) | 0x50000000);
    std::string t = axisNumber(v, ys);
    float w = ImGui::CalcTextSize(t.c_str()).x;
    dl->AddText(ImVec2(a.x - w - fs * 0.3f, py - fs * 0.5f), dim, t.c_str());
  }
  float xtw = ImGui::CalcTextSize(xtitle.c_str()).x;
  dl->AddText(ImVec2((a.x + b.x) / 2 - xtw / 2, b.y + fs * 1.4f), text, xtitle.c_str());

  // Curves, intervals, markers; the point nearest the mouse.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  float best = fs * 0.9f;
  drawnPoints().clear();
  const Curve* hc = nullptr;
  const Pt* hp = nullptr;
  const float r = std::max(3.0f, fs * 0.28f);
  dl->PushClipRect(a, b, true);
  std::vector<std::pair<ImVec2, std::string>> labels;  // drawn last, on top
  for (const auto& c : curves) {
    const auto& pane = pic.panes[static_cast<size_t>(c.pane)];
    ImU32 col = paneColour(c.pane), bar = (col & 0x00FFFFFF) | 0x90000000;
    std::vector<ImVec2> line;
    for (const auto& p : c.pts) line.emplace_back(sx(p.x), sy(p.y));
    // A grid's curves of one pane differ by pattern (and hollow markers every other value2).
    const bool grid = !pic.values2.empty();
    const float th = std::max(1.5f, fs * 0.11f);
    if (pane.affected && line.size() > 1) {
      if (grid)
        addDashedLine(dl, line.data(), static_cast<int>(line.size()), col,
                      slotDash(static_cast<int>(c.value2)), th);
      else
        addPaneLine(dl, line.data(), static_cast<int>(line.size()), c.pane, th);
    }
    // A pane the sweep does not change has the same numbers at every value: one point.
    size_t shown = pane.affected ? c.pts.size() : 1;
    size_t every = std::max<size_t>(1, (shown + 8) / 9);
    int run_label = -1;  // the label of the run of coincident points the next one may join
    std::string run_first;
    bool run_current = false;
    for (size_t i = 0; i < shown; ++i) {
      const Pt& p = c.pts[i];
      ImVec2 m = line[i];
      if (finite(p.xl) && finite(p.xh)) {
        dl->AddLine(ImVec2(sx(clampx(p.xl)), m.y), ImVec2(sx(clampx(p.xh)), m.y), bar, 1.5f);
        dl->AddLine(ImVec2(sx(clampx(p.xl)), m.y - r * 0.6f), ImVec2(sx(clampx(p.xl)), m.y + r * 0.6f), bar,
                    1.5f);
        dl->AddLine(ImVec2(sx(clampx(p.xh)), m.y - r * 0.6f), ImVec2(sx(clampx(p.xh)), m.y + r * 0.6f), bar,
                    1.5f);
      }
      if (finite(p.yl) && finite(p.yh)) {
        dl->AddLine(ImVec2(m.x, sy(clampy(p.yl))), ImVec2(m.x, sy(clampy(p.yh))), bar, 1.5f);
        dl->AddLine(ImVec2(m.x - r * 0.6f, sy(clampy(p.yl))), ImVec2(m.x + r * 0.6f, sy(clampy(p.yl))), bar,
                    1.5f);
        dl->AddLine(ImVec2(m.x - r * 0.6f, sy(clampy(p.yh))), ImVec2(m.x + r * 0.6f, sy(clampy(p.yh))), bar,
                    1.5f);
      }
      marker(dl, m, r, c.pane, col, !grid || c.value2 % 2 == 0);
      drawnPoints().push_back({{c.pane, p.value, p.value2}, m});
      const std::string& v = pic.values[p.value];
      bool current = pane.affected && !pane.current.empty() && sameValue(v, pane.current) &&
                     (pic.values2.empty() || sameValue(pic.values2[p.value2], pane.current2));
      // Values whose points fall on the same spot (a parameter that stops mattering) share
      // one label, "2 to 20", so the flat stretch is not hidden behind its first value.
      if (current) dl->AddCircle(m, r * 2.3f, text, 24, std::max(2.0f, fs * 0.12f));
      const bool run_starts = pane.affected && i + 1 < shown && sameSpot(line[i], line[i + 1]);
      if (pane.affected && i > 0 && sameSpot(line[i], line[i - 1]) && run_label >= 0) {
        run_current = run_current || current;
        labels[static_cast<size_t>(run_label)].second =
            run_first + " to " + v + (run_current ? " (current)" : "");
      } else if (current || run_starts || (pane.affected && (i == 0 || i + 1 == shown || i % every == 0))) {
        labels.emplace_back(
            current ? ImVec2(m.x + r * 2.6f, m.y - fs * 1.3f) : ImVec2(m.x + r * 1.4f, m.y - fs * 1.05f),
            current ? v + " (current)" : v);
        run_label = static_cast<int>(labels.size()) - 1, run_first = v, run_current = current;
      } else {
        run_label = -1;
      }
      float dx = mouse.x - m.x, dy = mouse.y - m.y, d = std::sqrt(dx * dx + dy * dy);
      if (hovered && d < best) best = d, hc = &c, hp = &p;
    }
    if (!pic.values2.empty() && pane.affected && !line.empty())
      labels.emplace_back(
          ImVec2(line.back().x + r * 1.4f, line.back().y + fs * 0.1f),
          (pic.param2_label.empty() ? "value2" : pic.param2_label) + " = " + pic.values2[c.value2]);
  }
  // Labels: skipped where they would cover one already placed.
  std::vector<ImVec4> placed;
  for (const auto& [pos, t] : labels) {
    ImVec2 sz = ImGui::CalcTextSize(t.c_str());
    ImVec2 p = pos;
    if (p.x + sz.x > b.x) p.x = b.x - sz.x - 2;
    if (p.y < a.y) p.y = a.y + 2;
    ImVec4 box(p.x, p.y, p.x + sz.x, p.y + sz.y);
    bool overlaps = false;
    for (const auto& q : placed)
      overlaps = overlaps || (box.x < q.z && q.x < box.z && box.y < q.w && q.y < box.w);
    if (overlaps && t.find("(current)") == std::string::npos) continue;
    placed.push_back(box);
    dl->AddText(p, text, t.c_str());
  }
  if (hp) dl->AddCircle(ImVec2(sx(hp->x), sy(hp->y)), r * 1.8f, IM_COL32(240, 228, 66, 255), 20, 2.5f);
  dl->PopClipRect();

  const float ly = b.y + fs * 3.0f;
  for (const auto& it : items) {
    ImVec2 p(it.at.x, ly + it.at.y);
    if (it.pane >= 0) {
      drawPaneDash(dl, ImVec2(p.x, p.y + fs * 0.6f), fs * 2.2f, it.pane);
      marker(dl, ImVec2(p.x + fs * 1.1f, p.y + fs * 0.6f), r, it.pane, it.col, true);
    } else {
      ImVec2 seg[2] = {ImVec2(p.x, p.y + fs * 0.6f), ImVec2(p.x + fs * 2.2f, p.y + fs * 0.6f)};
      addDashedLine(dl, seg, 2, text, slotDash(it.value2), std::max(2.0f, fs * 0.14f));
      marker(dl, ImVec2(p.x + fs * 1.1f, p.y + fs * 0.6f), r, 0, text, it.value2 % 2 == 0);
    }
    dl->AddText(ImVec2(p.x + fs * 2.8f, p.y), it.col, it.text.c_str());
  }

  if (hp) {
    const auto& pane = pic.panes[static_cast<size_t>(hc->pane)];
    std::string v = (pic.param_label.empty() ? "value" : pic.param_label) + " = " + pic.values[hp->value];
    if (!pic.values2.empty())
      v += ", " + (pic.param2_label.empty() ? "value2" : pic.param2_label) + " = " + pic.values2[hp->value2];
    ImGui::BeginTooltip();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(hc->pane)), "%d %s", hc->pane + 1,
                       pane.name.c_str());
    ImGui::TextUnformatted(v.c_str());
    // Settings whose points fall on this one (a parameter that stops mattering past some
    // value) hide each other: name them all, so a flat stretch reads as one.
    if (pane.affected && pic.values2.empty()) {
      const ImVec2 at(sx(hp->x), sy(hp->y));
      std::vector<std::string> same;
      for (const auto& q : hc->pts)
        if (std::fabs(sx(q.x) - at.x) < 1.5f && std::fabs(sy(q.y) - at.y) < 1.5f)
          same.push_back(pic.values[q.value]);
      if (same.size() > 1)
        ImGui::Text("%zu settings land on this point (%s ... %s)", same.size(), same.front().c_str(),
                    same.back().c_str());
    }
    ImGui::Text("%s: %s (95 %% interval %s to %s)", ox.label.c_str(), valueNumber(hp->x).c_str(),
                valueNumber(hp->xl).c_str(), valueNumber(hp->xh).c_str());
    ImGui::Text("%s: %s (95 %% interval %s to %s)", oy.label.c_str(), valueNumber(hp->y).c_str(),
                valueNumber(hp->yl).c_str(), valueNumber(hp->yh).c_str());
    if (pane.affected) ImGui::TextDisabled("Click to set the slider to this value.");
    ImGui::EndTooltip();
    if (clicked && pane.affected) picked = {hc->pane, hp->value, hp->value2};
  }
  return picked;
}

const std::vector<DrawnPoint>& drawnFrontierPoints() { return drawnPoints(); }

}  // namespace tl::gui
