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

bool drawStateBullet(const std::string& text) {
  std::vector<CitizenView> states = statesNamedIn(text);
  if (states.size() != 1) return false;
  const float s = ImGui::GetFontSize() * 0.8f;
  ImVec2 p = ImGui::GetCursorScreenPos();
  drawSwatch(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + (ImGui::GetTextLineHeight() - s) * 0.5f), s,
             states[0]);
  // As wide as ImGui::Bullet with its spacing, so keyed and plain claims start their text alike.
  ImGui::Dummy(ImVec2(ImGui::GetFontSize(), ImGui::GetTextLineHeight()));
  ImGui::SameLine(0, ImGui::GetStyle().FramePadding.x * 2);
  return true;
}

}  // namespace tl::gui
