// legend.cpp: the legends under the city panes: measured first, so every pane gets the same city
// height (and the same cell size); narrow panes show counts only, with one shared key below.
#include "gui/legend.hpp"

#include <algorithm>
#include <cstdio>

#include "gui/app_window.hpp"
#include "gui/layout_report.hpp"
#include "gui/palette.hpp"

namespace tl::gui {

namespace {
// The shared key's rows: as many states on a row as fit across all_w (and the note last).
void keyOnlyRows(LegendLayout& L, float all_w, float s) {
  float key_w = 0;
  for (int v = 0; v < kViewCount; ++v)
    key_w = std::max(key_w, ImGui::CalcTextSize(stateLabel(static_cast<CitizenView>(v))).x + s + 14);
  if (!L.note.empty()) key_w = std::max(key_w, ImGui::CalcTextSize(L.note.c_str()).x + s + 14);
  L.key_entries = kViewCount + (L.note.empty() ? 0 : 1);
  L.key_per_row = std::max(1, static_cast<int>(all_w / key_w));
  L.key_rows = (L.key_entries + L.key_per_row - 1) / L.key_per_row;
}

// Hovering the note says how a shared cell is drawn.
void noteTooltip(const std::string& note) {
  ImGui::SetTooltip(
      "%s in a row of the sorted order: a square shows the rarest state among its citizens (in the "
      "order of the sorted view: wrongly sanctioned first), so a single wrongly sanctioned citizen "
      "still shows. The numbers under the panes and in the outcome tiles count citizens.",
      note.c_str());
}
}  // namespace

std::string cellNote(int citizens_per_cell) {
  if (citizens_per_cell <= 1) return "";
  return "1 square = " + thousands(static_cast<size_t>(citizens_per_cell)) + " citizens";
}

LegendLayout layoutLegends(const std::vector<std::array<size_t, kViewCount>>& counts, size_t population,
                           float pane_w, float all_w, float s, const std::string& note) {
  LegendLayout L;
  L.note = note;
  const size_t n = counts.size();
  double total = static_cast<double>(std::max<size_t>(1, population));
  L.panes.assign(n, {});
  for (int attempt = 0; attempt < 2; ++attempt) {
    float widest = 0;
    for (size_t p = 0; p < n; ++p) {
      auto& items = L.panes[p];
      items.clear();
      for (int v = 0; v < kViewCount; ++v) {
        size_t c = counts[p][static_cast<size_t>(v)];
        if (v == 0 && c == 0) continue;  // "not enrolled" only where enrolment is opt-in
        char b[96];
        if (L.compact)
          std::snprintf(b, sizeof b, "%s", thousands(c).c_str());
        else
          std::snprintf(b, sizeof b, "%s %s (%.1f%%)", stateLabel(static_cast<CitizenView>(v)),
                        thousands(c).c_str(), 100.0 * c / total);
        items.push_back({static_cast<CitizenView>(v), b});
        widest = std::max(widest, ImGui::CalcTextSize(b).x + s + 10);
      }
      if (!L.compact && !note.empty()) {
        items.push_back({CitizenView::Normal, note, false});
        widest = std::max(widest, ImGui::CalcTextSize(note.c_str()).x + s + 10);
      }
    }
    L.per_row = std::max(1, static_cast<int>(pane_w / std::max(1.f, widest)));
    if (L.per_row >= 2 || L.compact) break;
    L.compact = true;
  }
  L.rows = 1;
  for (const auto& items : L.panes)
    L.rows = std::max(L.rows, (static_cast<int>(items.size()) + L.per_row - 1) / L.per_row);
  if (L.compact) keyOnlyRows(L, all_w, s);
  return L;
}

void keyOnly(LegendLayout& L, float all_w, float s) {
  for (auto& items : L.panes) items.clear();
  L.rows = 0;
  L.compact = L.key_only = true;
  keyOnlyRows(L, all_w, s);
}

namespace {
// A legend entry: clicking it picks the state to highlight.
bool entryClicked(ImVec2 at, float w, float h) {
  ImVec2 to(at.x + w, at.y + h);
  if (!ImGui::IsMouseHoveringRect(at, to)) return false;
  ImGui::SetTooltip("Click to highlight this state in every city (click again to stop)");
  return ImGui::IsMouseClicked(0);
}
}  // namespace

int drawLegend(const LegendLayout& L, int pane, float pane_w, float s, float lh) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float x0 = ImGui::GetCursorScreenPos().x, col_w = pane_w / L.per_row;
  int col = 0, clicked = -1;
  for (const auto& it : L.panes[static_cast<size_t>(pane)]) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    at.x = x0 + col * col_w;
    if (it.swatch) drawSwatch(dl, ImVec2(at.x, at.y + (lh - s) * 0.5f - 1), s, it.view);
    dl->AddText(ImVec2(at.x + s + 5, at.y),
                ImGui::GetColorU32(it.swatch ? ImGuiCol_Text : ImGuiCol_TextDisabled), it.text.c_str());
    float tw = ImGui::CalcTextSize(it.text.c_str()).x + s + 5;
    if (tw > col_w + 0.5f) reportClipped("city legend", it.text, tw, col_w);
    if (!it.swatch) {
      if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + std::min(tw, col_w), at.y + lh))) noteTooltip(it.text);
    } else if (entryClicked(at, std::min(tw, col_w), lh)) {
      clicked = static_cast<int>(it.view);
    }
    if (++col == L.per_row) {
      col = 0;
      ImGui::Dummy(ImVec2(pane_w, lh - ImGui::GetStyle().ItemSpacing.y));
    }
  }
  if (col) ImGui::Dummy(ImVec2(pane_w, lh));
  return clicked;
}

int drawSharedKey(const LegendLayout& L, ImVec2 o, float all_w, float s, float lh) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  int clicked = -1;
  float col_w = all_w / L.key_per_row;
  for (int v = 0; v < kViewCount; ++v) {
    ImVec2 at(o.x + (v % L.key_per_row) * col_w, o.y + (v / L.key_per_row) * lh);
    drawSwatch(dl, ImVec2(at.x, at.y + (lh - s) * 0.5f - 1), s, static_cast<CitizenView>(v));
    const char* label = stateLabel(static_cast<CitizenView>(v));
    dl->AddText(ImVec2(at.x + s + 5, at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), label);
    float tw = ImGui::CalcTextSize(label).x + s + 5;
    if (tw > col_w + 0.5f) reportClipped("city key", label, tw, col_w);
    if (entryClicked(at, std::min(tw, col_w), lh)) clicked = v;
  }
  if (!L.note.empty()) {
    ImVec2 at(o.x + (kViewCount % L.key_per_row) * col_w, o.y + (kViewCount / L.key_per_row) * lh);
    dl->AddText(ImVec2(at.x + s + 5, at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), L.note.c_str());
    float tw = ImGui::CalcTextSize(L.note.c_str()).x + s + 5;
    if (tw > col_w + 0.5f) reportClipped("city key", L.note, tw, col_w);
    if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + std::min(tw, col_w), at.y + lh))) noteTooltip(L.note);
  }
  return clicked;
}

}  // namespace tl::gui
