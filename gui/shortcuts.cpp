// shortcuts.cpp: the key map (key -> Command), what each command does, and the help overlay.
#include "gui/shortcuts.hpp"

#include <algorithm>

#include "gui/app_window.hpp"
#include "gui/palette.hpp"

namespace tl::gui {
namespace {

struct Binding {
  sfc::Key key;
  bool ctrl, shift;
  Command command;
};
using K = sfc::Key;
// With Ctrl held only the Ctrl rows apply; shift is checked only where a row asks for it.
const Binding kBindings[] = {
    {K::Z, true, true, Command::Redo},
    {K::Z, true, false, Command::Undo},
    {K::Y, true, false, Command::Redo},
    {K::O, true, false, Command::Open},
    {K::S, true, false, Command::Save},
    {K::E, true, false, Command::ExportCsv},
    {K::P, true, false, Command::ExportPng},
    {K::Q, true, false, Command::Quit},
    {K::Space, false, false, Command::PlayPause},
    {K::S, false, false, Command::Step},
    {K::Right, false, false, Command::Step},
    {K::R, false, false, Command::Reset},
    {K::F1, false, false, Command::Help},
    {K::F5, false, false, Command::Presenter},
    {K::F2, false, false, Command::TogglePolicy},
    {K::F3, false, false, Command::ToggleRight},
    {K::F12, false, false, Command::QuickPng},
    {K::Add, false, false, Command::Faster},
    {K::Equal, false, false, Command::Faster},
    {K::Subtract, false, false, Command::Slower},
    {K::Hyphen, false, false, Command::Slower},
    {K::Escape, false, false, Command::Escape},
};

const ShortcutHelp kHelp[] = {
    {"Space", "play / pause"},
    {"S or Right arrow", "step one week"},
    {"R", "reset: new run from week 0 (applies population and seed changes)"},
    {"+ / -", "faster / slower"},
    {"Ctrl+Z / Ctrl+Y", "undo / redo a parameter change"},
    {"Ctrl+O / Ctrl+S", "open / save a scenario"},
    {"Ctrl+E", "export the numbers (CSV)"},
    {"Ctrl+P", "export the window as a picture (PNG)"},
    {"Ctrl+Q", "quit"},
    {"F12", "quick picture: trustlab_weekN.png in the current folder"},
    {"F5", "presenter mode (large text, high contrast)"},
    {"F2 / F3", "show or hide the policy panel / the inspector, notes and lesson"},
    {"F1 or ?", "this help"},
    {"Esc", "close dialogs, stop inspecting"},
    {"Click a citizen", "inspect them in every pane"},
    {"Ctrl+click a slider", "type an exact value"},
};

}  // namespace

Command commandForKey(const sfc::KeyEvent& k) {
  for (const auto& b : kBindings) {
    if (b.key != k.code || b.ctrl != k.control) continue;
    if (b.ctrl && b.shift && !k.shift) continue;
    return b.command;
  }
  return Command::None;
}

Command commandForText(unsigned unicode) { return unicode == '?' ? Command::Help : Command::None; }

const ShortcutHelp* shortcutHelp(int& count) {
  count = static_cast<int>(sizeof kHelp / sizeof kHelp[0]);
  return kHelp;
}

void App::runCommand(Command c) {
  if (c == Command::None || ImGui::GetIO().WantTextInput) return;  // typing in a field
  switch (c) {
    case Command::None:
      break;
    case Command::PlayPause:
      setPlaying(!playing_);
      break;
    case Command::Step:
      worker_.step(1);
      break;
    case Command::Reset:
      restart();
      break;
    case Command::Faster:
      setSpeedIndex(speed_index_ + 1);
      break;
    case Command::Slower:
      setSpeedIndex(speed_index_ - 1);
      break;
    case Command::Undo:
      session_.undo();
      break;
    case Command::Redo:
      session_.redo();
      break;
    case Command::Open:
      requestFile(FileDialogMode::Open);
      break;
    case Command::Save:
      requestFile(FileDialogMode::Save);
      break;
    case Command::ExportCsv:
      requestFile(FileDialogMode::ExportCsv);
      break;
    case Command::ExportPng:
      requestFile(FileDialogMode::ExportPng);
      break;
    case Command::QuickPng:  // a quick picture, no dialog
      pending_png_ = "trustlab_week" + std::to_string(frame_.week) + ".png";
      pending_png_frames_ = 1;
      break;
    case Command::Presenter:
      presenter_ = !presenter_;
      break;
    case Command::TogglePolicy:
      show_policy_ = !show_policy_;
      break;
    case Command::ToggleRight:
      show_right_ = !show_right_;
      break;
    case Command::Help:
      show_help_ = !show_help_;
      break;
    case Command::Quit:
      window_.close();
      break;
    case Command::Escape:
      if (show_help_)
        show_help_ = false;
      else if (show_errors_)
        show_errors_ = false;
      else
        inspect(-1);
      break;
  }
}

void App::drawHelp() {
  if (!show_help_) return;
  ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
  ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::Begin(
      "Keyboard shortcuts", &show_help_,
      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
    int n = 0;
    const ShortcutHelp* rows = shortcutHelp(n);
    for (int i = 0; i < n; ++i) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(ImVec4(0.94f, 0.89f, 0.26f, 1), "%s", rows[i].keys);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(rows[i].what);
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::TextUnformatted("Colours and shapes of citizens:");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int v = 0; v < kViewCount; ++v) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float s = ImGui::GetFontSize() * 0.8f;
    drawSwatch(dl, ImVec2(p.x, p.y + 2), s, static_cast<CitizenView>(v));
    ImGui::Dummy(ImVec2(s + 4, s));
    ImGui::SameLine();
    ImGui::Text("%s (%s)", stateLabel(static_cast<CitizenView>(v)),
                glyphName(stateGlyph(static_cast<CitizenView>(v))));
  }
  ImGui::TextDisabled("Shapes show when cells are big enough; hover a city for a magnified view.");
  ImGui::End();
}

}  // namespace tl::gui
