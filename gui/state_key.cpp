// state_key.cpp: the key of the states a text names (see state_key.hpp).
#include "gui/state_key.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>

#include "gui/palette.hpp"

namespace tl::gui {

std::vector<CitizenView> statesNamedIn(const std::string& text) {
  std::string low = text;
  std::transform(low.begin(), low.end(), low.begin(), [](unsigned char c) { return std::tolower(c); });
  std::vector<CitizenView> out;
  for (int v = 0; v < kViewCount; ++v) {
    auto cv = static_cast<CitizenView>(v);
    if (cv == CitizenView::Normal) continue;
    std::string label = stateLabel(cv);
    if (low.find(label) != std::string::npos) out.push_back(cv);
  }
  return out;
}

void drawStateKeyFor(const std::string& text) {
  std::vector<CitizenView> states = statesNamedIn(text);
  if (states.empty()) return;
  const float s = ImGui::GetFontSize() * 0.8f, sp = ImGui::GetStyle().ItemSpacing.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool first = true;
  for (CitizenView v : states) {
    const char* label = stateLabel(v);
    float w = s + 4 + ImGui::CalcTextSize(label).x;
    if (!first) {
      ImGui::SameLine(0, sp * 2);
      if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    }
    first = false;
    ImVec2 p = ImGui::GetCursorScreenPos();
    drawSwatch(dl, ImVec2(p.x, p.y + (ImGui::GetTextLineHeight() - s) * 0.5f), s, v);
    ImGui::Dummy(ImVec2(s, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 4);
    ImGui::TextDisabled("%s", label);
  }
}

}  // namespace tl::gui
