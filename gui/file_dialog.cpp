// file_dialog.cpp: the one path dialog (open a scenario, save it, export CSV or PNG) and what
// opening and saving do. Saving writes a temp file and renames it, so a failed save keeps the old file.
#include <cstdio>
#include <filesystem>

#include "gui/app_window.hpp"
#include "io/atomic_file.hpp"
#include "io/scenario_io.hpp"

namespace tl::gui {
namespace {

struct ModeText {
  const char* title;
  const char* ok;
};
ModeText modeText(FileDialogMode m) {
  switch (m) {
    case FileDialogMode::Open:
      return {"Open a scenario", "Open"};
    case FileDialogMode::Save:
      return {"Save the scenario as edited", "Save"};
    case FileDialogMode::ExportCsv:
      return {"Export the numbers (CSV, one row per week x regime x group)", "Export"};
    case FileDialogMode::ExportPng:
      return {"Export a picture of the window (PNG)", "Export"};
    case FileDialogMode::ExportTradeoffPng:
      return {"Export the trade-off picture (PNG)", "Export"};
    case FileDialogMode::ExportCitizens:
      return {"Export the synthetic citizens (CSV, one row per citizen x regime; docs/audit.md)", "Export"};
  }
  return {"", ""};
}

// Scenario files offered in the Open dialog: the built-in ones, then *.json here and in scenarios/.
std::vector<std::string> scenarioChoices() {
  std::vector<std::string> names = embeddedScenarioPaths();
  std::error_code ec;
  for (const char* dir : {".", "scenarios"})
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".json") names.push_back(e.path().lexically_normal().string());
  return names;
}

}  // namespace

void App::requestFile(FileDialogMode m) {
  file_mode_ = m;
  want_file_ = true;
}

void App::drawFileDialog() {
  float fs = ImGui::GetFontSize();
  ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
  if (want_file_) {
    if (file_mode_ == FileDialogMode::ExportCsv)
      std::snprintf(path_buf_, sizeof path_buf_, "%s", "trustlab_timeseries.csv");
    if (file_mode_ == FileDialogMode::ExportPng)
      std::snprintf(path_buf_, sizeof path_buf_, "%s", "trustlab_charts.png");
    if (file_mode_ == FileDialogMode::ExportTradeoffPng)
      std::snprintf(path_buf_, sizeof path_buf_, "%s", "trustlab_tradeoff.png");
    if (file_mode_ == FileDialogMode::ExportCitizens)
      std::snprintf(path_buf_, sizeof path_buf_, "%s", "trustlab_citizens.csv");
    if (file_mode_ == FileDialogMode::Save)
      std::snprintf(path_buf_, sizeof path_buf_, "%s.json",
                    session_.loaded().name.empty() ? "my_scenario" : session_.loaded().name.c_str());
    want_file_ = false;
    ImGui::OpenPopup("File");
  }
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(fs * 34, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("File", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ModeText text = modeText(file_mode_);
  ImGui::TextUnformatted(text.title);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  bool enter = ImGui::InputText("##path", path_buf_, sizeof path_buf_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (file_mode_ == FileDialogMode::Open) {
    ImGui::TextDisabled("A path on disk, or one of the built-in scenarios:");
    ImGui::BeginChild("list", ImVec2(0, fs * 10), true);
    for (const auto& nme : scenarioChoices())
      if (ImGui::Selectable(nme.c_str(), nme == path_buf_, ImGuiSelectableFlags_AllowDoubleClick)) {
        std::snprintf(path_buf_, sizeof path_buf_, "%s", nme.c_str());
        if (ImGui::IsMouseDoubleClicked(0)) enter = true;
      }
    ImGui::EndChild();
  }
  if (ImGui::Button(text.ok) || enter) {
    std::string path = path_buf_;
    ImGui::CloseCurrentPopup();
    switch (file_mode_) {
      case FileDialogMode::Open:
        openScenario(path);
        break;
      case FileDialogMode::Save:
        saveScenario(path);
        break;
      case FileDialogMode::ExportCsv:
        exportCsv(path);
        break;
      case FileDialogMode::ExportPng:
        pending_png_ = path;  // captured two frames later, once the dialog is gone
        pending_png_frames_ = 2;
        break;
      case FileDialogMode::ExportTradeoffPng:
        tradeoff_.requestPng(path);  // also once the dialog is gone
        break;
      case FileDialogMode::ExportCitizens:
        exportCitizens(path);
        break;
    }
  }
  ImGui::SameLine();
#if IMGUI_VERSION_NUM >= 18700
  bool esc = ImGui::IsKeyPressed(ImGuiKey_Escape);
#else
  bool esc = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
#endif
  if (ImGui::Button("Cancel") || esc) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void App::openScenario(const std::string& path) {
  try {
    Scenario s = loadScenario(path);
    setPlaying(false);
    session_.load(s);
    city_.setLabels(s.label_a, s.label_b);
    lesson_.restart();
    inspect(selected_ < static_cast<int64_t>(s.population()) ? selected_ : -1);
    std::snprintf(pop_buf_, sizeof pop_buf_, "%zu", s.population());
    std::snprintf(seed_buf_, sizeof seed_buf_, "%llu", static_cast<unsigned long long>(s.seed()));
    status("Opened " + path);
  } catch (const ScenarioError& e) {
    std::vector<std::string> lines;
    for (const auto& err : e.errors) lines.push_back(err.str());
    showErrors("The file could not be used", lines, "Nothing was changed. Fix the file and open it again.");
  } catch (const std::exception& e) {
    showErrors("The file could not be used", {path + ": " + e.what()}, "Nothing was changed.");
  }
}

void App::saveScenario(const std::string& path) {
  try {
    writeFileAtomic(path, scenarioToJson(session_.current()));
    status("Saved " + path);
  } catch (const std::exception& e) {
    showErrors("Not saved", {path + ": " + e.what()},
               "Nothing was overwritten. Choose another folder or name.");
  }
}

}  // namespace tl::gui
