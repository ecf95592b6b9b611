// app.cpp: the trustlab window: the frame loop (events, model frames, drawing) and the layout of
// the panels. The other jobs are in the files app_window.hpp lists.
#include "gui/app.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include "gui/app_window.hpp"
#include "gui/charts.hpp"
#include "gui/fonts.hpp"
#include "gui/palette.hpp"
#include "gui/sfml_compat.hpp"

namespace tl::gui {
namespace {
constexpr float kBaseFontPx = 16.0f;
constexpr float kPresenterScale = 2.0f;
}  // namespace

void beginPanel(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra) {
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

App::App(const Scenario& sc, const AppOptions& opt)
    : opt_(opt),
      window_(sfc::videoMode(opt.width, opt.height), "trustlab", sf::Style::Default),
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
  for (int i = 0; i < kSpeedCount; ++i)
    if (kSpeeds[i] == opt.speed) speed_index_ = i;
  session_.load(sc);
  city_.setLabels(sc.label_a, sc.label_b);
  if (opt.inspect >= 0) inspect(opt.inspect);
  if (opt.after_weeks > 0) worker_.step(opt.after_weeks);
  if (opt.play || opt.bench_frames > 0) setPlaying(true);
  if (opt.right_tab == "notes") right_tab_request_ = static_cast<int>(RightTab::Notes);
  if (opt.right_tab == "lesson") right_tab_request_ = static_cast<int>(RightTab::Lesson);
  if (opt.right_tab == "inspector") right_tab_request_ = static_cast<int>(RightTab::Inspector);
  if (opt.bottom_tab == "metrics") numbers_tab_request_ = static_cast<int>(NumbersTab::Metrics);
  if (opt.bottom_tab == "funnel") numbers_tab_request_ = static_cast<int>(NumbersTab::Funnel);
  if (!opt.tooltip.empty()) policy_.forceTooltip(opt.tooltip, opt.tooltip_regime);
  show_help_ = opt.help;
  if (opt.lesson_step >= 0) {
    lesson_.goTo(opt.lesson_step);
    if (opt.lesson_reveal || opt.lesson_apply) lesson_.reveal();
    if (opt.lesson_apply) lesson_.applyOnNextDraw();
    if (right_tab_request_ < 0) right_tab_request_ = static_cast<int>(RightTab::Lesson);
  }
  std::snprintf(pop_buf_, sizeof pop_buf_, "%zu", sc.population());
  std::snprintf(seed_buf_, sizeof seed_buf_, "%llu", static_cast<unsigned long long>(sc.seed()));
  std::snprintf(path_buf_, sizeof path_buf_, "%s", "my_scenario.json");
}

void App::setPlaying(bool p) {
  playing_ = p;
  worker_.setPlaying(p);
}

void App::inspect(int64_t id) {
  selected_ = id;
  worker_.inspect(id);
}

void App::setSpeedIndex(int i) {
  speed_index_ = std::min(std::max(i, 0), kSpeedCount - 1);
  worker_.setSpeed(kSpeeds[speed_index_]);
}

void App::restart() {
  setPlaying(false);
  if (session_.current().population() > kMaxAppPopulation) {
    showErrors(
        "Population too large",
        {"A population of " + thousands(session_.current().population()) + " is more than the app draws (" +
         thousands(kMaxAppPopulation) + "); run it headless with trustlab-cli."},
        "The population was set back.");
    session_.setPopulation(static_cast<double>(std::min(session_.loaded().population(), kMaxAppPopulation)));
    std::snprintf(pop_buf_, sizeof pop_buf_, "%zu", session_.current().population());
  }
  session_.restart();
}

void App::rebuildFonts() {
  float scale = presenter_ ? kPresenterScale : 1.0f;
  buildFonts(glue_, kBaseFontPx, scale);
  applyStyle(presenter_, scale);
  fonts_scale_ = scale;
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
    auto flag = [&](NumbersTab t) {
      return numbers_tab_request_ == static_cast<int>(t) ? ImGuiTabItemFlags_SetSelected : 0;
    };
    if (ImGui::BeginTabItem("Fairness metrics", nullptr, flag(NumbersTab::Metrics))) {
      drawMetricsTable(frame_, sc.label_a.c_str(), sc.label_b.c_str());
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Appeal funnel", nullptr, flag(NumbersTab::Funnel))) {
      drawFunnel(frame_, sc.label_a.c_str(), sc.label_b.c_str());
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  numbers_tab_request_ = -1;
  ImGui::EndChild();
  ImGui::End();
}

void App::drawRight(ImVec2 pos, ImVec2 size) {
  beginPanel("Details", pos, size);
  if (ImGui::BeginTabBar("right_tabs")) {
    auto flag = [&](RightTab t) {
      return right_tab_request_ == static_cast<int>(t) ? ImGuiTabItemFlags_SetSelected : 0;
    };
    if (ImGui::BeginTabItem("Inspector", nullptr, flag(RightTab::Inspector))) {
      int64_t c = inspector_.draw(frame_, session_.current().label_a, session_.current().label_b);
      if (c >= 0) inspect(c);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Notes", nullptr, flag(RightTab::Notes))) {
      drawNotes(session_.loaded());
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Lesson", nullptr, flag(RightTab::Lesson))) {
      lesson_.draw(session_, worker_, frame_);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  right_tab_request_ = -1;
  ImGui::End();
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
  drawFileDialog();
  drawErrors();
  drawHelp();
}

// Takes the newest frame and rows the model thread has published.
void App::pollModel() {
  if (!worker_.poll(frame_)) return;
  if (frame_.generation != rows_gen_) {
    rows_.clear();
    rows_gen_ = frame_.generation;
  }
  worker_.copyRows(rows_gen_, rows_.size(), rows_);
  playing_ = frame_.playing;
}

int App::run() {
  using Clock = ScriptedRun::Clock;
  ScriptedRun script;
  sf::Clock frame_clock;
  int busy_frames = 4;
  bool skipped = false;
  float fps_acc = 0;
  int fps_n = 0;
  while (window_.isOpen()) {
    sfc::Event e;
    bool had_event = false;
    while (sfc::pollEvent(window_, e)) {
      had_event = true;
      glue_.processEvent(e);
      if (e.type == sfc::Event::Closed) window_.close();
      if (e.type == sfc::Event::KeyPressed) runCommand(commandForKey(e.key));
      if (e.type == sfc::Event::TextEntered) runCommand(commandForText(e.unicode));
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
    uint64_t version = frame_.version;
    pollModel();
    bool new_frame = frame_.version != version;
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
    script.ui_seconds += std::chrono::duration<double>(t1 - t0).count();
    script.gl_seconds += std::chrono::duration<double>(t2 - t1).count();
    ++script.frames;
    if (!pending_png_.empty() && --pending_png_frames_ <= 0) {
      std::string p = pending_png_;
      pending_png_.clear();
      if (savePng(p))
        status("Saved picture " + p);
      else
        showErrors("Not exported", {p + ": cannot write the picture"}, "Choose another folder or name.");
    }
    int exit_code = scriptedFrame(script);
    if (exit_code >= 0) return exit_code;
    auto t3 = Clock::now();
    window_.display();
    script.swap_seconds += std::chrono::duration<double>(Clock::now() - t3).count();
  }
  return 0;
}

int runApp(const Scenario& scenario, const AppOptions& options) {
  App app(scenario, options);
  return app.run();
}

}  // namespace tl::gui
