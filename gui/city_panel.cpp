// city_panel.cpp: the centre-top panel: how the cities are drawn (sorted or as they live, a state
// highlighted), then one city per pane with its title, remove button and legend.
#include <algorithm>

#include "gui/app_window.hpp"
#include "gui/layout_report.hpp"
#include "gui/legend.hpp"
#include "gui/palette.hpp"

namespace tl::gui {

namespace {
// Wide enough for the longest state name and the combo's arrow: the choice is never cut.
float highlightComboWidth() {
  float w = 0;
  for (int v = 0; v < kViewCount; ++v)
    w = std::max(w, ImGui::CalcTextSize(stateLabel(static_cast<CitizenView>(v))).x);
  return w + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2 + 2;
}
}  // namespace

float App::cityControlsWidth() const {
  const ImGuiStyle& st = ImGui::GetStyle();
  float radio = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x;
  return ImGui::CalcTextSize("City:  sorted  where they live    highlight:").x + 2 * radio +
         highlightComboWidth() + st.ItemSpacing.x * 5;
}

void App::drawCityControls(bool counts) {
  ImGui::TextUnformatted("City:");
  ImGui::SameLine();
  if (ImGui::RadioButton("sorted", city_.order() == CityOrder::Sorted)) city_.setOrder(CityOrder::Sorted);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "In each block citizens are sorted by state, in squares of 100: the counts read like a waffle "
        "chart and wrongly sanctioned citizens gather in the top-left corner. When there are too many "
        "citizens for a cell each, a square stands for several (the key says how many) and shows the "
        "rarest state among them.");
  ImGui::SameLine();
  if (ImGui::RadioButton("where they live", city_.order() == CityOrder::Identity))
    city_.setOrder(CityOrder::Identity);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Each citizen keeps their place: the same cell is the same person in every pane.");
  ImGui::SameLine();
  ImGui::TextUnformatted("  highlight:");
  ImGui::SameLine();
  int h = city_.highlight();
  const char* preview = h < 0 ? "none" : stateLabel(static_cast<CitizenView>(h));
  ImGui::SetNextItemWidth(highlightComboWidth());
  if (ImGui::BeginCombo("##highlight", preview)) {
    if (ImGui::Selectable("none", h < 0)) city_.setHighlight(-1);
    for (int v = 0; v < kViewCount; ++v)
      if (ImGui::Selectable(stateLabel(static_cast<CitizenView>(v)), v == h)) city_.setHighlight(v);
    ImGui::EndCombo();
  }
  h = city_.highlight();
  if (!counts || h < 0) return;
  // "404  34": how many citizens are in the highlighted state now, in each pane's colour, left to
  // right as the panes (the pane's name on hover).
  // Never a row more: they follow on the row only where it has room (checked before SameLine, so
  // that the cursor stays under the row when they do not).
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + highlightCountsWidth() > right) return;
  ImGui::SameLine();
  for (int p = 0; p < static_cast<int>(frame_.views.size()); ++p) {
    const std::string n = thousands(city_.counts(p)[static_cast<size_t>(h)]);
    if (p) ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 2);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(p)), "%s", n.c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%d %s: %s %s now", p + 1, frame_.names[static_cast<size_t>(p)].c_str(), n.c_str(),
                        stateLabel(static_cast<CitizenView>(h)));
    reportCityCount(p, stateLabel(static_cast<CitizenView>(h)), n, ImGui::GetItemRectMin(),
                    ImGui::GetItemRectSize());
  }
}

float App::highlightCountsWidth() const {
  const int h = city_.highlight();
  if (h < 0 || !frame_.ready) return 0;
  float need = 0;
  for (int p = 0; p < static_cast<int>(frame_.views.size()); ++p)
    need += ImGui::CalcTextSize(thousands(city_.counts(p)[static_cast<size_t>(h)]).c_str()).x +
            ImGui::GetStyle().ItemSpacing.x * 2;
  return need;
}

void App::drawCity(ImVec2 pos, ImVec2 size, float max_h) {
  beginPanel("City", pos, size, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (!frame_.ready) {
    ImGui::Text(
        frame_.error.empty() ? "Building %s synthetic citizens..." : "%s",
        frame_.error.empty() ? thousands(session_.current().population()).c_str() : frame_.error.c_str());
    ImGui::End();
    return;
  }
  if (!frame_.error.empty())
    ImGui::TextColored(stateColourVec(CitizenView::WronglySanctioned), "%s", frame_.error.c_str());
  int n = static_cast<int>(frame_.views.size());
  float sp = ImGui::GetStyle().ItemSpacing.x;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  avail.y = max_h - 2 * ImGui::GetStyle().WindowPadding.y -
            (ImGui::GetCursorScreenPos().y - pos.y - ImGui::GetStyle().WindowPadding.y);
  float pw = (avail.x - sp * (n - 1)) / std::max(1, n);
  float lh = ImGui::GetTextLineHeightWithSpacing();
  float s = ImGui::GetFontSize() * 0.75f;
  std::vector<std::array<size_t, kViewCount>> counts;
  for (int p = 0; p < n; ++p) counts.push_back(city_.counts(p));
  LegendLayout legend =
      layoutLegends(counts, frame_.population, pw, avail.x, s, cellNote(city_.citizensPerCell(0)));
  // The view controls go at the end of the shared key's last row when they fit there, else on a
  // row of their own.
  auto controlsRows = [&](const LegendLayout& L, float extra = 0) {
    if (!L.compact) return 1;
    int on_last = L.key_entries - (L.key_rows - 1) * L.key_per_row;
    return avail.x - on_last * (avail.x / L.key_per_row) >= cityControlsWidth() + extra ? 0 : 1;
  };
  // The controls are framed widgets, taller than a line of text in presenter mode.
  const float ctl_h = ImGui::GetFrameHeightWithSpacing();
  float city_h = avail.y - lh * (1 + legend.rows + legend.key_rows) - ctl_h * controlsRows(legend) - 6;
  // The counts under the panes give way when they would take the room the cells need (the
  // outcome tiles carry the numbers); the key of the states always stays.
  if (city_h < avail.y * 0.6f) {
    keyOnly(legend, avail.x, s);
    city_h = avail.y - lh * (1 + legend.key_rows) - ctl_h * controlsRows(legend) - 6;
  }
  float legend_end = 0, cells_h = 0, drawn_h = 0;
  int clicked = -1;
  // The tallest wrapped pane title: every pane's city starts below it.
  float title_h = 0;
  for (int p = 0; p < n; ++p) {
    std::string t = std::to_string(p + 1) + " " + frame_.names[static_cast<size_t>(p)];
    title_h = std::max(title_h, ImGui::CalcTextSize(t.c_str(), nullptr, false,
                                                    pw - (n > 1 ? ImGui::GetFrameHeight() + 4 : 0) - sp)
                                    .y);
  }
  city_h -= title_h - ImGui::GetTextLineHeight();
  for (int p = 0; p < n; ++p) {
    if (p) ImGui::SameLine();
    ImGui::BeginChild(ImGui::GetID(reinterpret_cast<void*>(static_cast<intptr_t>(p + 1))),
                      ImVec2(pw, avail.y - lh * legend.key_rows), false, ImGuiWindowFlags_NoScrollbar);
    // The title wraps (to the same height in every pane, so that the cities line up); the
    // remove button sits at its right.
    const float x_w = n > 1 ? ImGui::GetFrameHeight() + 4 : 0;
    const float title_y = ImGui::GetCursorPosY();
    ImGui::PushTextWrapPos(pw - x_w - sp);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(p)), "%d %s", p + 1,
                       frame_.names[static_cast<size_t>(p)].c_str());
    ImGui::PopTextWrapPos();
    if (n > 1) {
      ImGui::SetCursorPos(ImVec2(pw - x_w, title_y));
      ImGui::PushID(p);
      if (ImGui::SmallButton("x")) session_.removePane(p, frame_.week);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this pane");
      ImGui::PopID();
    }
    ImGui::SetCursorPosY(title_y + title_h + ImGui::GetStyle().ItemSpacing.y);
    const float cells_top = ImGui::GetCursorScreenPos().y;
    int64_t picked = city_.draw(p, frame_, ImVec2(pw, std::max(40.f, city_h)), selected_);
    cells_h = std::max(cells_h, ImGui::GetCursorScreenPos().y - cells_top);
    drawn_h = std::max(drawn_h, city_.rect(p).h);
    if (picked >= 0) inspect(picked);
    if (!legend.key_only) {
      int c = drawLegend(legend, p, pw, s, lh);
      if (c >= 0) clicked = c;
    }
    legend_end = std::max(legend_end, ImGui::GetCursorScreenPos().y);
    ImGui::EndChild();
  }
  const float x0 = ImGui::GetCursorScreenPos().x;
  if (legend.compact) {  // the shared key sits right under the tallest legend
    int c = drawSharedKey(legend, ImVec2(x0, legend_end), avail.x, s, lh);
    if (c >= 0) clicked = c;
    legend_end += lh * legend.key_rows;
  }
  // A key without counts: the highlighted state's counts after the controls, where that takes no row.
  const float counts_w = legend.key_only ? highlightCountsWidth() : 0;
  // On the key's last row they may take the room its last column leaves (its text is shorter).
  auto lastRowUsed = [&](const LegendLayout& L) {
    const int on_last = L.key_entries - (L.key_rows - 1) * L.key_per_row;
    const bool note_last = !L.note.empty();
    const float label_w =
        ImGui::CalcTextSize(note_last ? L.note.c_str() : stateLabel(static_cast<CitizenView>(kViewCount - 1)))
            .x;
    return (on_last - 1) * (avail.x / L.key_per_row) + s + 5 + label_w + ImGui::GetStyle().ItemSpacing.x * 2;
  };
  const bool show_counts =
      counts_w > 0 &&
      (controlsRows(legend) == 0 ? avail.x - lastRowUsed(legend) >= cityControlsWidth() + counts_w
                                 : avail.x >= cityControlsWidth() + counts_w);
  if (controlsRows(legend) == 0) {
    ImGui::SetCursorScreenPos(
        ImVec2(x0 + avail.x - cityControlsWidth() - (show_counts ? counts_w : 0), legend_end - lh));
  } else {
    ImGui::SetCursorScreenPos(ImVec2(x0, legend_end));
  }
  drawCityControls(show_counts);
  // The row's end: under its tallest item (the framed controls, not the counts after them).
  legend_end = std::max(legend_end, ImGui::GetCursorScreenPos().y);
  if (clicked >= 0) city_.setHighlight(city_.highlight() == clicked ? -1 : clicked);
  city_used_h_ = legend_end - pos.y + ImGui::GetStyle().WindowPadding.y + 2;
  // The least the panel needs: the same with the cells as small as the view draws them (40 pixels
  // and two rows of block labels, or what it drew when given less); the layout gives the outcome
  // tiles no more than leaves this. (The picture itself is compared with what it was given: cells_h
  // has the spacing under it too, and counting that as "drew more than given" made the city claim
  // ever more room.)
  const float cells_given = std::max(40.f, city_h);
  const float cells_floor =
      std::max(40.f + 2 * (ImGui::GetTextLineHeight() + 2), drawn_h > cells_given + 1 ? cells_h : 0.f);
  city_min_h_ = city_used_h_ - cells_h + std::min(cells_h, cells_floor) + ImGui::GetStyle().ItemSpacing.y;
  // The pane children are laid out for max_h and the window only shows what they use: the check
  // is that the legends end inside the window (a frame later it has shrunk to fit them).
  reportPanel("city", true);
  if (legend_end > pos.y + size.y + 1 && size.y >= max_h - 1)
    reportClipped("city", "legend below the city panel", legend_end - pos.y, size.y);
  ImGui::End();
}

}  // namespace tl::gui
