// menus.cpp: the menu bar (File, View, Panes, Help) and the toolbar (play, step, reset, speed, seed,
// population, frames/s).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "gui/app_window.hpp"
#include "gui/layout_report.hpp"
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
    if (ImGui::MenuItem("Export trade-off picture (PNG)...", nullptr, false,
                        tradeoff_.isOpen() && tradeoff_.hasResult()))
      requestFile(FileDialogMode::ExportTradeoffPng);
    if (ImGui::MenuItem("Export citizens (CSV)...", nullptr, false, !citizens_job_.running()))
      requestFile(FileDialogMode::ExportCitizens);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "The synthetic population with its ground truth and each regime's decisions, one row per\n"
          "citizen per regime, over a whole run of the current settings (as trustlab-cli run\n"
          "--citizens-out); docs/audit.md shows an audit of it in pandas.");
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) window_.close();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    ImGui::MenuItem("Presenter mode", "F5", &presenter_);
    ImGui::MenuItem("Policy panel", "F2", &show_policy_);
    ImGui::MenuItem("Inspector, notes and lesson", "F3", &show_right_);
    if (ImGui::MenuItem("Trade-off: sweep a policy...")) tradeoff_.open(session_.current());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "Run a parameter over a range with replications and draw one outcome against another\n"
          "(also: right-click a slider, Sweep this)");
    ImGui::MenuItem("Charts on a small screen", nullptr, &charts_wanted_);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Show the charts even when they leave the city too little room for 2-pixel cells");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Panes")) {
    const auto& regs = session_.current().regimes;
    if (ImGui::BeginMenu("Add a pane", regs.size() < static_cast<size_t>(kMaxPanes))) {
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
  beginPanel("Controls", ImVec2(0, y), ImVec2(ImGui::GetIO().DisplaySize.x, h),
             ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const float fs = ImGui::GetFontSize(), sp = ImGui::GetStyle().ItemSpacing.x;
  const float pad = ImGui::GetStyle().FramePadding.x * 2;
  const float right = ImGui::GetWindowContentRegionMax().x;
  // The controls flow onto a second row rather than running off a narrow window.
  int rows = 1;
  bool first = true;
  auto place = [&](float w) {
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + w > right) {
        ImGui::NewLine();
        ++rows;
      }
    }
    first = false;
  };
  auto textW = [](const char* t) { return ImGui::CalcTextSize(t).x; };
  const bool over = frame_.ready && frame_.week >= frame_.total_weeks;
  place(fs * 4);
  ImGui::BeginDisabled(over && !playing_);
  if (ImGui::Button(playing_ ? "Pause" : "Play", ImVec2(fs * 4, 0))) setPlaying(!playing_);
  ImGui::EndDisabled();
  if (over && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("The run is over (week %d of %d): Reset (R) starts it again.", frame_.week,
                      frame_.total_weeks);
  place(textW("Step") + pad);
  ImGui::BeginDisabled(over);
  if (ImGui::Button("Step")) worker_.step(1);
  ImGui::EndDisabled();
  place(textW("Reset") + pad);
  if (ImGui::Button("Reset")) restart();
  place(fs * 7.5f + sp + textW("speed"));
  ImGui::SetNextItemWidth(fs * 7.5f);
  int speed = speed_index_;
  if (ImGui::Combo("speed", &speed, kSpeedNames, kSpeedCount)) setSpeedIndex(speed);
  char week[64];
  std::snprintf(week, sizeof week, "| week %d of %d%s", frame_.week, frame_.total_weeks,
                over ? " (over)" : "");
  place(textW(week));
  ImGui::TextUnformatted(week);
  place(fs * 6 + sp + textW("seed"));
  ImGui::SetNextItemWidth(fs * 6);
  ImGui::InputText("seed", seed_buf_, sizeof seed_buf_, ImGuiInputTextFlags_CharsDecimal);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    const ParamDecl& d = decl(P::seed);
    double seed = std::min(std::max(std::floor(std::fabs(std::atof(seed_buf_))), d.lo), d.hi);
    std::snprintf(seed_buf_, sizeof seed_buf_, "%.0f", seed);
    session_.setSeed(seed);
    restart();
  }
  place(fs * 6.5f + sp + textW("population"));
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
  // Extras only where they fit on the last row: they are for the lecturer, not the class.
  char perf[96];
  std::snprintf(perf, sizeof perf, "| %.0f frames/s, %.1f weeks/s, %d model threads", fps_,
                frame_.weeks_per_second, frame_.threads);
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x > textW(perf)) ImGui::TextDisabled("%s", perf);
  if (!status_.empty() && clock_.getElapsedTime().asSeconds() - status_time_ < 6) {
    ImGui::SameLine();
    std::string st = status_;
    float room = ImGui::GetContentRegionAvail().x;
    if (textW(st.c_str()) > room) {  // a long status gets a row of its own (wrapped)
      ImGui::NewLine();
      ++rows;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.34f, 0.71f, 0.91f, 1), "%s", st.c_str());
    ImGui::PopTextWrapPos();
  }
  toolbar_rows_ = rows;
  reportPanel("toolbar", false);
  ImGui::End();
}

}  // namespace tl::gui
