// error_dialog.cpp: the error window (a file that could not be used, a save that failed) and the
// status line's message.
#include "gui/app_window.hpp"
#include "gui/palette.hpp"

namespace tl::gui {

void App::showErrors(const std::string& title, std::vector<std::string> errors, const std::string& hint) {
  errors_title_ = title;
  errors_ = std::move(errors);
  errors_hint_ = hint;
  show_errors_ = true;
}

void App::status(const std::string& s) {
  status_ = s;
  status_time_ = clock_.getElapsedTime().asSeconds();
}

void App::drawErrors() {
  if (!show_errors_) return;
  float fs = ImGui::GetFontSize();
  ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(fs * 40, fs * 14), ImGuiCond_Appearing);
  std::string title = errors_title_ + "###errors";
  ImGui::Begin(title.c_str(), &show_errors_, ImGuiWindowFlags_NoSavedSettings);
  for (const auto& e : errors_) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(stateColourVec(CitizenView::WronglySanctioned), "%s", e.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::TextDisabled("%s", errors_hint_.c_str());
  if (ImGui::Button("Close")) show_errors_ = false;
  ImGui::End();
}

}  // namespace tl::gui
