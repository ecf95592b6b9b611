// menus.cpp: the menu bar (File, View, Panes, Help) and the toolbar (play, step, reset, speed, seed,
// population, frames/s).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "gui/app_window.hpp"
#include "io/scenario_io.hpp"

namespace tl::gui {

void App::drawMenu() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open scenario...", "Ctrl+O")) requestFile(FileDialogMode::Open);
    if (ImGui::MenuItem("Save scenario...", "Ctrl+S")) requestFile(FileDialogMode::Save);
    ImGui::Separator();
    if (ImGui::MenuItem("Export numbers (CSV)...", "Ctrl+E")) requestFile(FileDialogMode::ExportCsv);
    if (ImGui::MenuItem("Export picture (PNG)...", "Ctrl+P")) requestFile(FileDialogMode::ExportPng);
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) window_.close();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    ImGui::MenuItem("Presenter mode", "F5", &presenter_);
    ImGui::MenuItem("Policy panel", "F2", &show_policy_);
    ImGui::MenuItem("Inspector, notes and lesson", "F3", &show_right_);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Panes")) {
    const auto& regs = session_.current().regimes;
    if (ImGui::BeginMenu("Add a pane", regs.size() < static_cast<size_t>(kMaxRegimes))) {
      for (const auto& p : presetNames())
        if (ImGui::MenuItem(p.c_str())) session_.addPane(p, frame_.week);
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Remove a pane", regs.size() > 1)) {
      for (size_t i = 0; i < regs.size(); ++i) {
        std::string l = std::to_string(i + 1) + " " + regs[i].name;
        if (ImGui::MenuItem(l.c_str())) session_.removePane(static_cast<int>(i), frame_.week);
      }
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) show_help_ = true;
    ImGui::EndMenu();
  }
  std::string title = session_.loaded().title.empty() ? session_.loaded().name : session_.loaded().title;
  float title_x = ImGui::GetWindowWidth() - ImGui::CalcTextSize(title.c_str()).x - 16;
  if (title_x > ImGui::GetCursorPosX() + 20) {  // only when it fits beside the menus
    ImGui::SameLine(title_x);
    ImGui::TextDisabled("%s", title.c_str());
  }
  ImGui::EndMainMenuBar();
}

void App::drawToolbar(float y, float h) {
  beginPanel("Controls", ImVec2(0, y), ImVec2(ImGui::GetIO().DisplaySize.x, h), ImGuiWindowFlags_NoScrollbar);
  float fs = ImGui::GetFontSize();
  if (ImGui::Button(playing_ ? "Pause" : "Play", ImVec2(fs * 4, 0))) setPlaying(!playing_);
  ImGui::SameLine();
  if (ImGui::Button("Step")) worker_.step(1);
  ImGui::SameLine();
  if (ImGui::Button("Reset")) restart();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 7.5f);
  int speed = speed_index_;
  if (ImGui::Combo("speed", &speed, kSpeedNames, kSpeedCount)) setSpeedIndex(speed);
  ImGui::SameLine();
  ImGui::Text("| week %d of %d", frame_.week, frame_.total_weeks);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::InputText("seed", seed_buf_, sizeof seed_buf_, ImGuiInputTextFlags_CharsDecimal);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    const ParamDecl& d = decl(P::seed);
    double seed = std::min(std::max(std::floor(std::fabs(std::atof(seed_buf_))), d.lo), d.hi);
    std::snprintf(seed_buf_, sizeof seed_buf_, "%.0f", seed);
    session_.setSeed(seed);
    restart();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fs * 6.5f);
  ImGui::InputText("population", pop_buf_, sizeof pop_buf_, ImGuiInputTextFlags_CharsDecimal);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    const ParamDecl& d = decl(P::population_size);
    double n = std::min(std::max(std::floor(std::atof(pop_buf_)), d.lo), d.hi);
    std::snprintf(pop_buf_, sizeof pop_buf_, "%.0f", n);
    session_.setPopulation(n);
    restart();
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Number of synthetic citizens (a new run starts when you press Enter).");
  char perf[96];
  std::snprintf(perf, sizeof perf, "| %.0f frames/s, %.1f weeks/s, %d model threads", fps_,
                frame_.weeks_per_second, frame_.threads);
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize(perf).x)
    ImGui::TextDisabled("%s", perf);
  else
    ImGui::NewLine();
  if (!status_.empty() && clock_.getElapsedTime().asSeconds() - status_time_ < 6) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.34f, 0.71f, 0.91f, 1), "%s", status_.c_str());
  }
  ImGui::End();
}

}  // namespace tl::gui
