// city_panel.cpp: the centre-top panel: one city per pane with its title, remove button and legend.
#include <algorithm>

#include "gui/app_window.hpp"
#include "gui/legend.hpp"
#include "gui/palette.hpp"

namespace tl::gui {

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
  LegendLayout legend = layoutLegends(counts, frame_.population, pw, avail.x, s);
  float city_h = avail.y - lh * (1 + legend.rows + legend.key_rows) - 6;
  float legend_end = 0;
  for (int p = 0; p < n; ++p) {
    if (p) ImGui::SameLine();
    ImGui::BeginChild(ImGui::GetID(reinterpret_cast<void*>(static_cast<intptr_t>(p + 1))),
                      ImVec2(pw, avail.y - lh * legend.key_rows), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(p)), "%d %s", p + 1,
                       frame_.names[static_cast<size_t>(p)].c_str());
    if (n > 1) {
      ImGui::SameLine(pw - ImGui::GetFrameHeight() - 4);
      ImGui::PushID(p);
      if (ImGui::SmallButton("x")) session_.removePane(p, frame_.week);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this pane");
      ImGui::PopID();
    }
    int64_t picked = city_.draw(p, frame_, ImVec2(pw, std::max(40.f, city_h)), selected_);
    if (picked >= 0) inspect(picked);
    drawLegend(legend, p, pw, s, lh);
    legend_end = std::max(legend_end, ImGui::GetCursorScreenPos().y);
    ImGui::EndChild();
  }
  if (legend.compact) {  // the shared key sits right under the tallest legend
    drawSharedKey(legend, ImVec2(ImGui::GetCursorScreenPos().x, legend_end), avail.x, s, lh);
    legend_end += lh * legend.key_rows;
  }
  city_used_h_ = legend_end - pos.y + ImGui::GetStyle().WindowPadding.y + 2;
  ImGui::End();
}

}  // namespace tl::gui
