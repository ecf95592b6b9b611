// app_window.hpp: the state the parts of the trustlab window share (the App class). Each job is in
// its own file: app.cpp (frame loop and layout), shortcuts.cpp (key map and the help overlay),
// menus.cpp (menu bar and toolbar), city_panel.cpp + legend.cpp (the city and its legends),
// file_dialog.cpp (open / save / export paths), csv_export.cpp, error_dialog.cpp, scripted.cpp
// (the --screenshot and --bench-frames modes).
#pragma once
#include <imgui.h>

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "gui/app.hpp"
#include "gui/background_job.hpp"
#include "gui/city_view.hpp"
#include "gui/imgui_sfml.hpp"
#include "gui/inspector.hpp"
#include "gui/layout.hpp"
#include "gui/lesson_panel.hpp"
#include "gui/model_worker.hpp"
#include "gui/outcome_tiles.hpp"
#include "gui/policy_panel.hpp"
#include "gui/scripted.hpp"
#include "gui/session.hpp"
#include "gui/shortcuts.hpp"
#include "gui/tradeoff_view.hpp"

namespace tl::gui {

constexpr size_t kMaxAppPopulation = 5000000;  // beyond this, memory and drawing are for trustlab-cli
// Playing speeds (weeks per second; 0 = as fast as the model runs) and their names in the toolbar.
inline constexpr double kSpeeds[] = {1, 2, 5, 10, 20, 50, 0};
inline constexpr const char* kSpeedNames[] = {"1 week/s",   "2 weeks/s",  "5 weeks/s", "10 weeks/s",
                                              "20 weeks/s", "50 weeks/s", "max"};
inline constexpr int kSpeedCount = 7;

// The tabs of the right-hand panel and of the numbers beside the charts, in their on-screen order.
enum class RightTab { Policy, Inspector, Notes, Lesson };  // Policy only when the panels are stacked
enum class NumbersTab { Charts, Metrics, Funnel };         // Charts only when they share the tabs
// What the one path dialog is doing.
enum class FileDialogMode { Open, Save, ExportCsv, ExportPng, ExportTradeoffPng, ExportCitizens };

// A panel pinned at a computed place (the layout follows the window size).
void beginPanel(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0);
// 20000 -> "20,000".
std::string thousands(size_t n);

class App {
 public:
  App(const Scenario& sc, const AppOptions& opt);
  int run();

 private:
  // app.cpp: state changes shared by the controls, and the layout.
  void setPlaying(bool p);
  void inspect(int64_t id);
  void restart();  // a new run from week 0; the lesson keeps its step
  void rebuildFonts(float scale, float lesson_scale);
  void setSpeedIndex(int i);
  void drawUi();
  void drawAnalysis(const Box& b, bool tabs, bool collapsed);
  void drawNumbersTabs(bool with_charts);
  void drawOutcomes(const Box& b);
  void drawRight(const Box& b, bool with_policy);
  void pollModel();

  // shortcuts.cpp
  void runCommand(Command c);
  void drawHelp();

  // menus.cpp
  void drawMenu();
  void drawToolbar(float y, float h);

  // city_panel.cpp: the city is laid out for max_h (stable cell sizes); its window only takes the
  // height used.
  void drawCity(ImVec2 pos, ImVec2 size, float max_h);
  // `counts`: after the highlight choice, the highlighted state's count in each pane, where the
  // row has room (the key without counts, as in presenter mode, shows no numbers otherwise).
  void drawCityControls(bool counts = false);
  float cityControlsWidth() const;
  // The highlighted state's counts after the controls (0 without a highlight).
  float highlightCountsWidth() const;

  // file_dialog.cpp
  void requestFile(FileDialogMode m);
  void drawFileDialog();
  void openScenario(const std::string& path);
  void saveScenario(const std::string& path);

  // csv_export.cpp
  void exportCsv(const std::string& path);
  // tradeoff_app.cpp: the trade-off view's requests, --sweep, and the citizens export (--export-citizens).
  void drawTradeoff();
  void exportCitizens(const std::string& path);
  int tradeoffScript(ScriptedRun& script);  // an exit code when a scripted sweep or export is over, else -1
  int sweepClick(ScriptedRun& script);  // --sweep-click: -1 while clicking, -2 when done, else an exit code

  // error_dialog.cpp
  void showErrors(const std::string& title, std::vector<std::string> errors, const std::string& hint);
  void drawErrors();
  void status(const std::string& s);

  // scripted.cpp (and the PNG exports, which capture the window the same way)
  // Both write all-or-nothing and return "" when written, else why not (naming the file).
  std::string savePng(const std::string& path);
  std::string writePaneRects(const std::string& path);
  // One scripted check per frame: returns an exit code when the run is over, -1 to go on.
  int scriptedFrame(ScriptedRun& script);

  AppOptions opt_;
  sf::RenderWindow window_;
  ImGuiSfml glue_;
  ModelWorker worker_;
  Session session_;
  CityView city_;
  PolicyPanel policy_;
  Inspector inspector_;
  // Scripted lesson steps: (week, step) in the order applied (--apply-at-week, --lesson-replay).
  std::vector<std::pair<int, int>> apply_plan_;
  LessonPanel lesson_;
  OutcomeTiles tiles_;
  Counterfactual counterfactual_;        // the run without the lesson step, for the tiles
  Counterfactual::Result ghost_result_;  // as of this frame
  bool ghostPending();                   // it is wanted and has not caught up with the live run
  bool by_group_by_lesson_ = false;      // the tiles are by group because the lesson step asked
  TradeoffView tradeoff_;
  BackgroundJob citizens_job_;
  std::string citizens_path_;
  Frame frame_;
  std::vector<WeekRow> rows_;
  uint64_t rows_gen_ = ~0ull;

  bool presenter_ = false, presenter_applied_ = false;
  int toolbar_rows_ = 1;        // rows the toolbar wrapped to last frame
  float outcomes_h_ = 0;        // height the outcome tiles needed last frame
  bool charts_wanted_ = false;  // charts shown even where they leave the city too little room
  float fonts_scale_ = -1;
  bool playing_ = false;
  int speed_index_ = 3;
  int64_t selected_ = -1;
  bool show_help_ = false, show_policy_ = true, show_right_ = true;
  int right_tab_request_ = -1, numbers_tab_request_ = -1;  // a RightTab / NumbersTab to select, or -1
  bool want_file_ = false;
  FileDialogMode file_mode_ = FileDialogMode::Open;
  std::string pending_png_;
  int pending_png_frames_ = 0;
  std::vector<std::string> errors_;
  std::string errors_title_, errors_hint_;
  bool show_errors_ = false;
  std::string status_;
  float status_time_ = -100;
  char pop_buf_[32] = {}, seed_buf_[32] = {}, path_buf_[512] = {};
  sf::Clock clock_;
  float fps_ = 0;
  float city_min_h_ = 0;   // the least height the city panel needs (its cells at their minimum)
  float city_used_h_ = 0;  // height the city used last frame (the rest goes to the charts)
};

}  // namespace tl::gui
