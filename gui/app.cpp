// app.cpp: the trustlab window: layout of the panels, controls, shortcuts, dialogs, exports, screenshots.
#include "gui/app.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "gui/charts.hpp"
#include "gui/city_view.hpp"
#include "gui/fonts.hpp"
#include "gui/imgui_sfml.hpp"
#include "gui/inspector.hpp"
#include "gui/lesson_panel.hpp"
#include "gui/model_worker.hpp"
#include "gui/palette.hpp"
#include "gui/png_writer.hpp"
#include "gui/policy_panel.hpp"
#include "gui/session.hpp"
#include "io/scenario_io.hpp"

namespace tl::gui {
namespace {

constexpr float kBaseFontPx = 16.0f;
constexpr size_t kMaxAppPopulation = 5000000;  // beyond this, memory and drawing are for trustlab-cli
constexpr float kPresenterScale = 2.0f;
const double kSpeeds[] = {1, 2, 5, 10, 20, 50, 0};
const char* kSpeedNames[] = {"1 week/s",   "2 weeks/s",  "5 weeks/s", "10 weeks/s",
                             "20 weeks/s", "50 weeks/s", "max"};

struct Shortcut {
  const char* keys;
  const char* what;
};
const Shortcut kShortcuts[] = {
    {"Space", "play / pause"},
    {"S or Right arrow", "step one week"},
    {"R", "reset: new run from week 0 (applies population and seed changes)"},
    {"+ / -", "faster / slower"},
    {"Ctrl+Z / Ctrl+Y", "undo / redo a parameter change"},
    {"Ctrl+O / Ctrl+S", "open / save a scenario"},
    {"Ctrl+E", "export the numbers (CSV)"},
    {"Ctrl+P", "export the window as a picture (PNG)"},
    {"F12", "quick picture: trustlab_weekN.png in the current folder"},
    {"F5", "presenter mode (large text, high contrast)"},
    {"F2 / F3", "show or hide the policy panel / the inspector, notes and lesson"},
    {"F1 or ?", "this help"},
    {"Esc", "close dialogs, stop inspecting"},
    {"Click a citizen", "inspect them in every pane"},
    {"Ctrl+click a slider", "type an exact value"},
};

// A panel pinned at a computed place (the layout follows the window size).
void beginPanel(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin(name, nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | extra);
}

std::string thousands(size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

class App {
 public:
  App(const Scenario& sc, const AppOptions& opt)
      : opt_(opt),
        window_(sf::VideoMode(opt.width, opt.height), "trustlab", sf::Style::Default),
        glue_(window_),
        session_(worker_) {
    if (opt.bench_frames <= 0) window_.setFramerateLimit(60);
    presenter_ = opt.presenter;
    show_policy_ = show_right_ = !presenter_;
    if (!opt.tooltip.empty()) show_policy_ = true;
    if (!opt.right_tab.empty() || opt.inspect != -1 || opt.lesson_step >= 0) show_right_ = true;
    int hw = static_cast<int>(std::thread::hardware_concurrency());
    worker_.setThreads(opt.threads >= 0 ? opt.threads : std::max(1, hw - 1));
    worker_.setSpeed(opt.speed);
    speed_index_ = 3;
    for (int i = 0; i < 7; ++i)
      if (kSpeeds[i] == opt.speed) speed_index_ = i;
    session_.load(sc);
    city_.setLabels(sc.label_a, sc.label_b);
    if (opt.inspect >= 0) inspect(opt.inspect);
    if (opt.after_weeks > 0) worker_.step(opt.after_weeks);
    if (opt.play || opt.bench_frames > 0) setPlaying(true);
    if (opt.right_tab == "notes") right_tab_request_ = 1;
    if (opt.right_tab == "lesson") right_tab_request_ = 2;
    if (opt.right_tab == "inspector") right_tab_request_ = 0;
    if (opt.bottom_tab == "metrics") bottom_tab_request_ = 0;
    if (opt.bottom_tab == "funnel") bottom_tab_request_ = 1;
    if (!opt.tooltip.empty()) policy_.forceTooltip(opt.tooltip, opt.tooltip_regime);
    show_help_ = opt.help;
    if (opt.lesson_step >= 0) {
      lesson_.goTo(opt.lesson_step);
      if (opt.lesson_reveal || opt.lesson_apply) lesson_.reveal();
      if (opt.lesson_apply) lesson_.applyOnNextDraw();
      if (right_tab_request_ < 0) right_tab_request_ = 2;
    }
    std::snprintf(pop_buf_, sizeof pop_buf_, "%zu", sc.population());
    std::snprintf(seed_buf_, sizeof seed_buf_, "%llu", static_cast<unsigned long long>(sc.seed()));
    std::snprintf(path_buf_, sizeof path_buf_, "%s", "my_scenario.json");
  }

  int run();

 private:
  void setPlaying(bool p) {
    playing_ = p;
    worker_.setPlaying(p);
  }
  void inspect(int64_t id) {
    selected_ = id;
    worker_.inspect(id);
  }
  void restart() {  // a new run from week 0; the lesson keeps its step
    setPlaying(false);
    if (session_.current().population() > kMaxAppPopulation) {
      showErrors(
          "Population too large",
          {"A population of " + thousands(session_.current().population()) + " is more than the app draws (" +
           thousands(kMaxAppPopulation) + "); run it headless with trustlab-cli."},
          "The population was set back.");
      session_.setPopulation(
          static_cast<double>(std::min(session_.loaded().population(), kMaxAppPopulation)));
      std::snprintf(pop_buf_, sizeof pop_buf_, "%zu", session_.current().population());
    }
    session_.restart();
  }
  void rebuildFonts() {
    float scale = presenter_ ? kPresenterScale : 1.0f;
    buildFonts(glue_, kBaseFontPx, scale);
    applyStyle(presenter_, scale);
    fonts_scale_ = scale;
  }
  void handleKey(const sf::Event::KeyEvent& k);
  void drawUi();
  void drawMenu();
  void drawToolbar(float y, float h);
  // The city is laid out for max_h (stable cell sizes); its window only takes the height used.
  void drawCity(ImVec2 pos, ImVec2 size, float max_h);
  void drawAnalysis(ImVec2 pos, ImVec2 size);
  void drawRight(ImVec2 pos, ImVec2 size);
  void drawDialogs();
  void openScenario(const std::string& path);
  void saveScenario(const std::string& path);
  void exportCsv(const std::string& path);
  bool savePng(const std::string& path);
  void writePaneRects(const std::string& path);
  void showErrors(const std::string& title, std::vector<std::string> errors, const std::string& hint) {
    errors_title_ = title;
    errors_ = std::move(errors);
    errors_hint_ = hint;
    show_errors_ = true;
  }
  void status(const std::string& s) {
    status_ = s;
    status_time_ = clock_.getElapsedTime().asSeconds();
  }

  AppOptions opt_;
  sf::RenderWindow window_;
  ImGuiSfml glue_;
  ModelWorker worker_;
  Session session_;
  CityView city_;
  PolicyPanel policy_;
  Inspector inspector_;
  LessonPanel lesson_;
  Frame frame_;
  std::vector<WeekRow> rows_;
  uint64_t rows_gen_ = ~0ull;

  bool presenter_ = false;
  float fonts_scale_ = -1;
  bool playing_ = false;
  int speed_index_ = 3;
  int64_t selected_ = -1;
  bool show_help_ = false, show_policy_ = true, show_right_ = true;
  int right_tab_request_ = -1, bottom_tab_request_ = -1;
  bool want_open_ = false, want_save_ = false, want_csv_ = false, want_png_ = false;
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
  float city_used_h_ = 0;  // height the city used last frame (the rest goes to the charts)
};

void App::handleKey(const sf::Event::KeyEvent& k) {
  if (ImGui::GetIO().WantTextInput) return;  // typing in a field
  using K = sf::Keyboard;
  if (k.control) {
    switch (k.code) {
      case K::Z:
        k.shift ? session_.redo() : session_.undo();
        break;
      case K::Y:
        session_.redo();
        break;
      case K::O:
        want_open_ = true;
        break;
      case K::S:
        want_save_ = true;
        break;
      case K::E:
        want_csv_ = true;
        break;
      case K::P:
        want_png_ = true;
        break;
      default:
        break;
    }
    return;
  }
  switch (k.code) {
    case K::Space:
      setPlaying(!playing_);
      break;
    case K::S:
    case K::Right:
      worker_.step(1);
      break;
    case K::R:
      restart();
      break;
    case K::F1:
      show_help_ = !show_help_;
      break;
    case K::F5:
      presenter_ = !presenter_;
      break;
    case K::F2:
      show_policy_ = !show_policy_;
      break;
    case K::F12:  // a quick picture, no dialog
      pending_png_ = "trustlab_week" + std::to_string(frame_.week) + ".png";
      pending_png_frames_ = 1;
      break;
    case K::F3:
      show_right_ = !show_right_;
      break;
    case K::Add:
    case K::Equal:
      speed_index_ = std::min(speed_index_ + 1, 6);
      worker_.setSpeed(kSpeeds[speed_index_]);
      break;
    case K::Subtract:
    case K::Hyphen:
      speed_index_ = std::max(speed_index_ - 1, 0);
      worker_.setSpeed(kSpeeds[speed_index_]);
      break;
    case K::Escape:
      if (show_help_)
        show_help_ = false;
      else if (show_errors_)
        show_errors_ = false;
      else
        inspect(-1);
      break;
    default:
      break;
  }
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
    std::string text = scenarioToJson(session_.current());
    std::ofstream f(path, std::ios::binary);
    f << text;
    f.close();
    if (!f) throw std::runtime_error("cannot write the file");
    status("Saved " + path);
  } catch (const std::exception& e) {
    showErrors("Not saved", {path + ": " + e.what()}, "Choose another folder or name.");
  }
}

void App::exportCsv(const std::string& path) {
  std::ofstream f(path);
  auto cols = weekRowColumns();
  f << "regime_name";
  for (const auto& c : cols) f << "," << c;
  f << "\n";
  for (const auto& r : rows_) {
    std::string name = r.regime >= 0 && r.regime < static_cast<int>(frame_.names.size())
                           ? frame_.names[static_cast<size_t>(r.regime)]
                           : "";
    f << '"' << name << '"';
    for (double v : weekRowValues(r)) {
      char b[32];
      std::snprintf(b, sizeof b, "%.10g", v);
      f << "," << b;
    }
    f << "\n";
  }
  f.close();
  if (!f) {
    showErrors("Not exported", {path + ": cannot write the file"}, "Choose another folder or name.");
  } else {
    status("Exported " + std::to_string(rows_.size()) + " rows to " + path);
  }
}

bool App::savePng(const std::string& path) {
  sf::Vector2u size = window_.getSize();
  sf::Texture tex;
  if (!tex.create(size.x, size.y)) return false;
  tex.update(window_);
  sf::Image img = tex.copyToImage();
  return writePng(path, size.x, size.y, img.getPixelsPtr());
}

void App::writePaneRects(const std::string& path) {
  std::ofstream f(path);
  f << "# pane x y w h name (screen pixels of each city)\n";
  for (size_t p = 0; p < frame_.names.size(); ++p) {
    auto r = city_.rect(static_cast<int>(p));
    f << p << " " << r.x << " " << r.y << " " << r.w << " " << r.h << " " << frame_.names[p] << "\n";
  }
}

void App::drawMenu() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open scenario...", "Ctrl+O")) want_open_ = true;
    if (ImGui::MenuItem("Save scenario...", "Ctrl+S")) want_save_ = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Export numbers (CSV)...", "Ctrl+E")) want_csv_ = true;
    if (ImGui::MenuItem("Export picture (PNG)...", "Ctrl+P")) want_png_ = true;
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
  if (ImGui::Combo("speed", &speed_index_, kSpeedNames, 7)) worker_.setSpeed(kSpeeds[speed_index_]);
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
  // Legends with counts: colour and shape for every state. Measured first, so that every
  // pane gets the same city height (and the same cell size).
  float s = ImGui::GetFontSize() * 0.75f;
  double total = static_cast<double>(std::max<size_t>(1, frame_.population));
  std::vector<std::vector<std::pair<int, std::string>>> legends(static_cast<size_t>(n));
  int legend_rows = 1, per_row = 1;
  // Narrow panes show counts only, and one shared key of the states below them all.
  bool compact = false;
  for (int attempt = 0; attempt < 2; ++attempt) {
    float widest = 0;
    for (int p = 0; p < n; ++p) {
      const auto& counts = city_.counts(p);
      auto& items = legends[static_cast<size_t>(p)];
      items.clear();
      for (int v = 0; v < kViewCount; ++v) {
        if (v == 0 && counts[0] == 0) continue;
        char b[96];
        size_t c = counts[static_cast<size_t>(v)];
        if (compact)
          std::snprintf(b, sizeof b, "%s", thousands(c).c_str());
        else
          std::snprintf(b, sizeof b, "%s %s (%.1f%%)", stateLabel(static_cast<CitizenView>(v)),
                        thousands(c).c_str(), 100.0 * c / total);
        items.emplace_back(v, b);
        widest = std::max(widest, ImGui::CalcTextSize(b).x + s + 10);
      }
    }
    per_row = std::max(1, static_cast<int>(pw / std::max(1.f, widest)));
    if (per_row >= 2 || compact) break;
    compact = true;
  }
  for (const auto& items : legends)
    legend_rows = std::max(legend_rows, (static_cast<int>(items.size()) + per_row - 1) / per_row);
  int key_rows = 0, key_per_row = 1;
  float key_w = 0;
  if (compact) {
    for (int v = 0; v < kViewCount; ++v)
      key_w = std::max(key_w, ImGui::CalcTextSize(stateLabel(static_cast<CitizenView>(v))).x + s + 14);
    key_per_row = std::max(1, static_cast<int>(avail.x / key_w));
    key_rows = (kViewCount + key_per_row - 1) / key_per_row;
  }
  float city_h = avail.y - lh * (1 + legend_rows + key_rows) - 6;
  float legend_end = 0;
  for (int p = 0; p < n; ++p) {
    if (p) ImGui::SameLine();
    ImGui::BeginChild(ImGui::GetID(reinterpret_cast<void*>(static_cast<intptr_t>(p + 1))),
                      ImVec2(pw, avail.y - lh * key_rows), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(p)), "%d %s", p + 1,
                       frame_.names[static_cast<size_t>(p)].c_str());
    if (n > 1) {
      ImGui::SameLine(pw - ImGui::GetFrameHeight() - 4);
      ImGui::PushID(p);
      if (ImGui::SmallButton("x")) session_.removePane(p, frame_.week);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this pane");
      ImGui::PopID();
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto& items = legends[static_cast<size_t>(p)];
    int64_t picked = city_.draw(p, frame_, ImVec2(pw, std::max(40.f, city_h)), selected_);
    if (picked >= 0) inspect(picked);
    float x0 = ImGui::GetCursorScreenPos().x, col_w = pw / per_row;
    int col = 0;
    for (const auto& it : items) {
      ImVec2 at = ImGui::GetCursorScreenPos();
      at.x = x0 + col * col_w;
      drawSwatch(dl, ImVec2(at.x, at.y + (lh - s) * 0.5f - 1), s, static_cast<CitizenView>(it.first));
      dl->AddText(ImVec2(at.x + s + 5, at.y), ImGui::GetColorU32(ImGuiCol_Text), it.second.c_str());
      if (++col == per_row) {
        col = 0;
        ImGui::Dummy(ImVec2(pw, lh - ImGui::GetStyle().ItemSpacing.y));
      }
    }
    if (col) ImGui::Dummy(ImVec2(pw, lh));
    legend_end = std::max(legend_end, ImGui::GetCursorScreenPos().y);
    ImGui::EndChild();
  }
  if (compact) {
    // The shared key sits right under the tallest legend.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 o(ImGui::GetCursorScreenPos().x, legend_end);
    for (int v = 0; v < kViewCount; ++v) {
      ImVec2 at(o.x + (v % key_per_row) * (avail.x / key_per_row), o.y + (v / key_per_row) * lh);
      drawSwatch(dl, ImVec2(at.x, at.y + (lh - s) * 0.5f - 1), s, static_cast<CitizenView>(v));
      dl->AddText(ImVec2(at.x + s + 5, at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  stateLabel(static_cast<CitizenView>(v)));
    }
    legend_end += lh * key_rows;
  }
  city_used_h_ = legend_end - pos.y + ImGui::GetStyle().WindowPadding.y + 2;
  ImGui::End();
}

void App::drawAnalysis(ImVec2 pos, ImVec2 size) {
  beginPanel("Analysis", pos, size);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float charts_w = avail.x * 0.52f;
  ImGui::BeginChild("charts", ImVec2(charts_w, avail.y), false);
  drawCharts(rows_, frame_, ImGui::GetContentRegionAvail());
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("numbers", ImVec2(0, avail.y), false);
  const Scenario& sc = session_.current();
  if (ImGui::BeginTabBar("numbers_tabs")) {
    ImGuiTabItemFlags f0 = bottom_tab_request_ == 0 ? ImGuiTabItemFlags_SetSelected : 0;
    ImGuiTabItemFlags f1 = bottom_tab_request_ == 1 ? ImGuiTabItemFlags_SetSelected : 0;
    if (ImGui::BeginTabItem("Fairness metrics", nullptr, f0)) {
      drawMetricsTable(frame_, sc.label_a.c_str(), sc.label_b.c_str());
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Appeal funnel", nullptr, f1)) {
      drawFunnel(frame_, sc.label_a.c_str(), sc.label_b.c_str());
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  bottom_tab_request_ = -1;
  ImGui::EndChild();
  ImGui::End();
}

void App::drawRight(ImVec2 pos, ImVec2 size) {
  beginPanel("Details", pos, size);
  if (ImGui::BeginTabBar("right_tabs")) {
    ImGuiTabItemFlags f[3] = {0, 0, 0};
    if (right_tab_request_ >= 0 && right_tab_request_ < 3)
      f[right_tab_request_] = ImGuiTabItemFlags_SetSelected;
    if (ImGui::BeginTabItem("Inspector", nullptr, f[0])) {
      int64_t c = inspector_.draw(frame_, session_.current().label_a, session_.current().label_b);
      if (c >= 0) inspect(c);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Notes", nullptr, f[1])) {
      drawNotes(session_.loaded());
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Lesson", nullptr, f[2])) {
      lesson_.draw(session_, worker_, frame_);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  right_tab_request_ = -1;
  ImGui::End();
}

void App::drawDialogs() {
  float fs = ImGui::GetFontSize();
  ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
  // One path dialog serves open, save and both exports.
  static int mode = 0;  // 1 open, 2 save, 3 csv, 4 png
  if (want_open_ || want_save_ || want_csv_ || want_png_) {
    mode = want_open_ ? 1 : want_save_ ? 2 : want_csv_ ? 3 : 4;
    if (mode == 3) std::snprintf(path_buf_, sizeof path_buf_, "%s", "trustlab_timeseries.csv");
    if (mode == 4) std::snprintf(path_buf_, sizeof path_buf_, "%s", "trustlab_charts.png");
    if (mode == 2)
      std::snprintf(path_buf_, sizeof path_buf_, "%s.json",
                    session_.loaded().name.empty() ? "my_scenario" : session_.loaded().name.c_str());
    want_open_ = want_save_ = want_csv_ = want_png_ = false;
    ImGui::OpenPopup("File");
  }
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(fs * 34, 0), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal("File", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    const char* titles[] = {"", "Open a scenario", "Save the scenario as edited",
                            "Export the numbers (CSV, one row per week x regime x group)",
                            "Export a picture of the window (PNG)"};
    ImGui::TextUnformatted(titles[mode]);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter =
        ImGui::InputText("##path", path_buf_, sizeof path_buf_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (mode == 1) {
      ImGui::TextDisabled("A path on disk, or one of the built-in scenarios:");
      ImGui::BeginChild("list", ImVec2(0, fs * 10), true);
      std::vector<std::string> names = embeddedScenarioPaths();
      std::error_code ec;
      for (const char* dir : {".", "scenarios"})
        for (const auto& e : std::filesystem::directory_iterator(dir, ec))
          if (e.path().extension() == ".json") names.push_back(e.path().lexically_normal().string());
      for (const auto& nme : names)
        if (ImGui::Selectable(nme.c_str(), nme == path_buf_, ImGuiSelectableFlags_AllowDoubleClick)) {
          std::snprintf(path_buf_, sizeof path_buf_, "%s", nme.c_str());
          if (ImGui::IsMouseDoubleClicked(0)) enter = true;
        }
      ImGui::EndChild();
    }
    const char* ok[] = {"", "Open", "Save", "Export", "Export"};
    if (ImGui::Button(ok[mode]) || enter) {
      std::string path = path_buf_;
      ImGui::CloseCurrentPopup();
      if (mode == 1) openScenario(path);
      if (mode == 2) saveScenario(path);
      if (mode == 3) exportCsv(path);
      if (mode == 4) {
        pending_png_ = path;  // captured two frames later, once the dialog is gone
        pending_png_frames_ = 2;
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
  if (show_errors_) {
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
  if (show_help_) {
    ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin(
        "Keyboard shortcuts", &show_help_,
        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
      for (const auto& s : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(ImVec4(0.94f, 0.89f, 0.26f, 1), "%s", s.keys);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.what);
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
}

void App::drawUi() {
  ImGuiIO& io = ImGui::GetIO();
  drawMenu();
  float W = io.DisplaySize.x, H = io.DisplaySize.y;
  float top = ImGui::GetFrameHeight();
  float tool_h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2;
  drawToolbar(top, tool_h);
  top += tool_h;
  float fs = ImGui::GetFontSize();
  float lw = show_policy_ ? std::min(std::max(W * 0.2f, fs * 17), W * 0.34f) : 0;
  float rw = show_right_ ? std::min(std::max(W * 0.21f, fs * 19), W * 0.34f) : 0;
  float cw = std::max(100.f, W - lw - rw);
  float avail_h = H - top;
  if (show_policy_) {
    beginPanel("Policy", ImVec2(0, top), ImVec2(lw, avail_h));
    ImGui::TextUnformatted("Policy");
    ImGui::Separator();
    policy_.draw(session_);
    ImGui::End();
  }
  float city_max = std::floor(avail_h * (presenter_ ? 0.66f : 0.6f));
  float city_h = city_used_h_ > 0 ? std::min(city_max, std::ceil(city_used_h_)) : city_max;
  drawCity(ImVec2(lw, top), ImVec2(cw, city_h), city_max);
  drawAnalysis(ImVec2(lw, top + city_h), ImVec2(cw, avail_h - city_h));
  if (show_right_) drawRight(ImVec2(W - rw, top), ImVec2(rw, avail_h));
  drawDialogs();
}

int App::run() {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  sf::Clock frame_clock;
  int frames = 0, after_ready = 0, busy_frames = 4;
  bool skipped = false;
  int bench_frames = 0, bench_week0 = -1;
  Clock::time_point bench_start;
  float fps_acc = 0;
  int fps_n = 0;
  double ui_seconds = 0, gl_seconds = 0, swap_seconds = 0;  // where a frame's time goes (bench)
  while (window_.isOpen()) {
    sf::Event e;
    bool had_event = false;
    while (window_.pollEvent(e)) {
      had_event = true;
      glue_.processEvent(e);
      if (e.type == sf::Event::Closed) window_.close();
      if (e.type == sf::Event::KeyPressed) handleKey(e.key);
      if (e.type == sf::Event::TextEntered && e.text.unicode == '?' && !ImGui::GetIO().WantTextInput)
        show_help_ = !show_help_;
    }
    if (!window_.isOpen()) break;
    float want_scale = presenter_ ? kPresenterScale : 1.0f;
    if (want_scale != fonts_scale_) {
      // Presenter mode gives the city the whole width; F2 / F3 bring the side panels back.
      if (fonts_scale_ > 0) {
        show_policy_ = !presenter_;
        show_right_ = !presenter_;
      }
      rebuildFonts();
    }
    bool new_frame = worker_.poll(frame_);
    if (new_frame) {
      if (frame_.generation != rows_gen_) {
        rows_.clear();
        rows_gen_ = frame_.generation;
      }
      worker_.copyRows(rows_gen_, rows_.size(), rows_);
      playing_ = frame_.playing;
    }
    // Nothing new (no input, no new week): skip drawing, so the model gets the CPU.
    // A few frames are still drawn after anything happens, and one every 0.25 s.
    busy_frames = had_event || new_frame || !pending_png_.empty() ? 4 : busy_frames - 1;
    bool scripted = !opt_.screenshot.empty() || opt_.bench_frames > 0;
    if (!scripted && busy_frames <= 0 && frame_clock.getElapsedTime().asSeconds() < 0.25f) {
      sf::sleep(sf::milliseconds(5));
      skipped = true;
      continue;
    }
    float dt = frame_clock.restart().asSeconds();
    if (!skipped) {  // frames/s counts back-to-back frames only, not idle pauses
      fps_acc += dt;
      ++fps_n;
    }
    skipped = false;
    if (fps_acc > 0.5f) {
      fps_ = fps_n / fps_acc;
      fps_acc = 0;
      fps_n = 0;
    }
    auto t0 = Clock::now();
    glue_.newFrame(dt);
    drawUi();
    auto t1 = Clock::now();
    Rgb bg = backgroundColour(presenter_);
    window_.clear(sf::Color(bg.r, bg.g, bg.b));
    glue_.render();
    auto t2 = Clock::now();
    ui_seconds += std::chrono::duration<double>(t1 - t0).count();
    gl_seconds += std::chrono::duration<double>(t2 - t1).count();
    ++frames;
    if (!pending_png_.empty() && --pending_png_frames_ <= 0) {
      std::string p = pending_png_;
      pending_png_.clear();
      if (savePng(p))
        status("Saved picture " + p);
      else {
        showErrors("Not exported", {p + ": cannot write the picture"}, "Choose another folder or name.");
      }
    }
    // Scripted screenshot: wait until the worker has run the weeks, then settle a few frames.
    if (!opt_.screenshot.empty()) {
      int target = std::min(opt_.after_weeks, frame_.total_weeks);
      bool done = frame_.ready && frame_.week >= target && worker_.idle() && !frame_.summary.empty() &&
                  (opt_.inspect < 0 || opt_.inspect == kInspectWronglySanctioned || frame_.inspect.valid) &&
                  rows_.size() >= static_cast<size_t>(frame_.week) * frame_.names.size() * 3;
      if (!frame_.error.empty() && frame_.ready == false) {
        std::cerr << "trustlab: " << frame_.error << "\n";
        return 1;
      }
      if (done && opt_.inspect == kInspectWronglySanctioned && selected_ < 0) {
        // --inspect wrongly: the first citizen wrongly sanctioned in any pane, picked now.
        for (size_t p = 0; p < frame_.views.size() && selected_ < 0; ++p)
          for (size_t i = 0; i < frame_.views[p].size(); ++i)
            if (frame_.views[p][i] == static_cast<uint8_t>(CitizenView::WronglySanctioned)) {
              inspect(static_cast<int64_t>(i));
              break;
            }
        done = false;
      }
      if (opt_.inspect == kInspectWronglySanctioned && selected_ >= 0 && !frame_.inspect.valid) done = false;
      after_ready = done ? after_ready + 1 : 0;
      if (after_ready >= 4) {
        if (!opt_.pane_rects.empty()) writePaneRects(opt_.pane_rects);
        if (!savePng(opt_.screenshot)) {
          std::cerr << "trustlab: cannot write " << opt_.screenshot << "\n";
          return 1;
        }
        double secs = std::chrono::duration<double>(Clock::now() - start).count();
        std::cout << "saved " << opt_.screenshot << " at week " << frame_.week << " (" << frames
                  << " frames, " << secs << " s; city cells " << city_.cellPixels(0) << " px)\n";
        return 0;
      }
      if (std::chrono::duration<double>(Clock::now() - start).count() > 900) {
        std::cerr << "trustlab: timed out waiting for the model\n";
        return 1;
      }
    }
    if (opt_.bench_frames > 0 && frame_.ready) {
      if (bench_week0 < 0) {
        bench_week0 = frame_.week;
        bench_start = Clock::now();
      } else if (++bench_frames >= opt_.bench_frames || frame_.week >= frame_.total_weeks) {
        double secs = std::chrono::duration<double>(Clock::now() - bench_start).count();
        std::printf(
            "bench: %zu citizens x %zu panes, %u x %u window, %d model threads: %.1f frames/s, %.1f weeks/s "
            "(%d frames, %d weeks in %.2f s)\n",
            frame_.population, frame_.names.size(), window_.getSize().x, window_.getSize().y, frame_.threads,
            bench_frames / secs, (frame_.week - bench_week0) / secs, bench_frames, frame_.week - bench_week0,
            secs);
        std::printf("bench: per frame %.1f ms building the UI, %.1f ms drawing, %.1f ms presenting\n",
                    1000 * ui_seconds / frames, 1000 * gl_seconds / frames, 1000 * swap_seconds / frames);
        return 0;
      }
    }
    auto t3 = Clock::now();
    window_.display();
    swap_seconds += std::chrono::duration<double>(Clock::now() - t3).count();
  }
  return 0;
}

}  // namespace

int runApp(const Scenario& scenario, const AppOptions& options) {
  App app(scenario, options);
  return app.run();
}

}  // namespace tl::gui
