// app.cpp: the trustlab window: the frame loop (events, model frames, drawing) and the layout of
// the panels. The other jobs are in the files app_window.hpp lists.
#include "gui/app.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "gui/app_window.hpp"
#include "gui/charts.hpp"
#include "gui/fonts.hpp"
#include "gui/layout.hpp"
#include "gui/layout_report.hpp"
#include "gui/numbers_tables.hpp"
#include "gui/palette.hpp"
#include "gui/sfml_compat.hpp"
#include "io/lesson_replay.hpp"

namespace tl::gui {
namespace {
constexpr float kBaseFontPx = 16.0f;
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
  presenter_ = presenter_applied_ = opt.presenter;
  show_policy_ = show_right_ = !presenter_;
  if (!opt.tooltip.empty()) show_policy_ = true;
  if (!opt.right_tab.empty() || opt.inspect != -1 || opt.lesson_step >= 0) show_right_ = true;
  int hw = static_cast<int>(std::thread::hardware_concurrency());
  worker_.setThreads(opt.threads >= 0 ? opt.threads : std::max(1, hw - 1));
  lesson_.setClaimThreads(opt.threads >= 0 ? opt.threads : std::max(1, hw - 1));
  worker_.setSpeed(opt.speed);
  speed_index_ = 3;
  for (int i = 0; i < kSpeedCount; ++i)
    if (kSpeeds[i] == opt.speed) speed_index_ = i;
  session_.load(sc);
  city_.setLabels(sc.label_a, sc.label_b);
  if (opt.inspect >= 0) inspect(opt.inspect);
  // Lesson steps applied at given weeks: run to the first (scriptedFrame applies, then runs on).
  if (opt.apply_at_week >= 0) apply_plan_.push_back({opt.apply_at_week, opt.lesson_step});
  if (opt.lesson_replay > 0) {
    std::vector<StepSpan> spans = lessonTimeline(sc);
    for (int k = 0; k < opt.lesson_replay && k < static_cast<int>(spans.size()); ++k)
      apply_plan_.push_back({spans[static_cast<size_t>(k)].begin, k});
  }
  int first_run = apply_plan_.empty() ? opt.after_weeks : apply_plan_.front().first;
  if (first_run > 0) worker_.step(first_run);
  if (opt.play || opt.bench_frames > 0) setPlaying(true);
  if (opt.right_tab == "notes") right_tab_request_ = static_cast<int>(RightTab::Notes);
  if (opt.right_tab == "lesson") right_tab_request_ = static_cast<int>(RightTab::Lesson);
  if (opt.right_tab == "inspector") right_tab_request_ = static_cast<int>(RightTab::Inspector);
  if (opt.right_tab == "policy") right_tab_request_ = static_cast<int>(RightTab::Policy);
  if (opt.bottom_tab == "charts") numbers_tab_request_ = static_cast<int>(NumbersTab::Charts);
  if (opt.bottom_tab == "metrics") numbers_tab_request_ = static_cast<int>(NumbersTab::Metrics);
  if (opt.bottom_tab == "funnel") numbers_tab_request_ = static_cast<int>(NumbersTab::Funnel);
  if (!opt.bottom_tab.empty()) charts_wanted_ = true;  // a tab asked for is shown, not folded away
  if (!opt.tooltip.empty()) policy_.forceTooltip(opt.tooltip, opt.tooltip_regime);
  show_help_ = opt.help;
  if (opt.lesson_step >= 0) {
    lesson_.goTo(opt.lesson_step);
    if (opt.lesson_reveal || opt.lesson_apply) lesson_.reveal();
    if (opt.lesson_apply && apply_plan_.empty()) lesson_.applyOnNextDraw();
    if (!opt.predict.empty()) {  // "2", "same", "2:120"
      Prediction p;
      std::string c = opt.predict.substr(0, opt.predict.find(':'));
      p.choice = c == "same" ? Prediction::kSame : std::atoi(c.c_str()) - 1;
      if (opt.predict.find(':') != std::string::npos)
        p.number = opt.predict.substr(opt.predict.find(':') + 1);
      lesson_.predict(p);
    }
    if (right_tab_request_ < 0) right_tab_request_ = static_cast<int>(RightTab::Lesson);
    // A scripted picture of a revealed step shows what happened and the claims' records.
    if ((opt.lesson_reveal || opt.lesson_apply || !opt.predict.empty()) && !opt.screenshot.empty())
      lesson_.scrollToReveal();
  }
  if (opt.city_identity) city_.setOrder(CityOrder::Identity);
  if (!opt.highlight.empty()) city_.setHighlight(stateFromName(opt.highlight));
  if (opt.by_group) tiles_.setByGroup(true);
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

void App::rebuildFonts(float scale, float lesson_scale) {
  buildFonts(glue_, kBaseFontPx, scale, lesson_scale);
  applyStyle(presenter_, scale);
  fonts_scale_ = scale;
}

void App::drawNumbersTabs(bool with_charts) {
  const Scenario& sc = session_.current();
  int since = tiles_.sinceWeek(session_.marks());
  if (!ImGui::BeginTabBar("numbers_tabs")) return;
  auto flag = [&](NumbersTab t) {
    return numbers_tab_request_ == static_cast<int>(t) ? ImGuiTabItemFlags_SetSelected : 0;
  };
  if (with_charts && ImGui::BeginTabItem("Charts", nullptr, flag(NumbersTab::Charts))) {
    drawCharts(rows_, frame_, session_.marks(), ImGui::GetContentRegionAvail());
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Fairness metrics", nullptr, flag(NumbersTab::Metrics))) {
    ImGui::BeginChild("metrics_scroll");
    drawMetricsTable(rows_, frame_, since, sc.label_a.c_str(), sc.label_b.c_str());
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Appeal funnel", nullptr, flag(NumbersTab::Funnel))) {
    ImGui::BeginChild("funnel_scroll");
    drawFunnel(frame_, sc.label_a.c_str(), sc.label_b.c_str());
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  numbers_tab_request_ = -1;
}

void App::drawAnalysis(const Box& b, bool tabs, bool collapsed) {
  beginPanel("Analysis", ImVec2(b.x, b.y), ImVec2(b.w, b.h), ImGuiWindowFlags_NoScrollbar);
  if (collapsed) {
    if (ImGui::Button("Show the charts, metrics and funnel")) charts_wanted_ = true;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("The window is too small for them and a legible city; they take room from the city.");
  } else if (tabs) {
    drawNumbersTabs(true);
  } else {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::BeginChild("charts", ImVec2(avail.x * 0.55f, avail.y), false, ImGuiWindowFlags_NoScrollbar);
    drawCharts(rows_, frame_, session_.marks(), ImGui::GetContentRegionAvail());
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("numbers", ImVec2(0, avail.y), false, ImGuiWindowFlags_NoScrollbar);
    drawNumbersTabs(false);
    ImGui::EndChild();
  }
  reportPanel("analysis", false);
  ImGui::End();
}

bool App::ghostPending() {
  if (lesson_.currentWithout(session_).skip < 0) return false;
  const Counterfactual::Result& r = ghost_result_;
  return r.error.empty() &&
         (!r.valid || r.generation != frame_.generation || r.week < frame_.week || r.summary_weeks != r.week);
}

void App::drawOutcomes(const Box& b) {
  beginPanel("Outcomes", ImVec2(b.x, b.y), ImVec2(b.w, b.h),
             ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  Watched watched = lesson_.currentWatched(session_);
  // A step compared with the run without it: that run, replayed beside this one up to its week.
  LessonPanel::Without without = lesson_.currentWithout(session_);
  Ghost ghost;
  if (without.skip >= 0 && frame_.ready) {
    counterfactual_.request(frame_.generation, session_.runStart(), session_.history(), without.skip,
                            frame_.week);
    ghost_result_ = counterfactual_.result();
    ghost = Ghost{&ghost_result_, without.panes, without.step};
  } else {
    counterfactual_.clear();
  }
  float used = tiles_.draw(rows_, frame_, session_.marks(), watched, session_.current(),
                           ImGui::GetContentRegionAvail(), ghost, lesson_.currentEarlier(session_));
  outcomes_h_ = std::ceil(used + 2 * ImGui::GetStyle().WindowPadding.y + 2);
  reportPanel("outcomes", false);
  ImGui::End();
}

void App::drawRight(const Box& b, bool with_policy) {
  beginPanel("Details", ImVec2(b.x, b.y), ImVec2(b.w, b.h));
  if (ImGui::BeginTabBar("right_tabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
    auto flag = [&](RightTab t) {
      return right_tab_request_ == static_cast<int>(t) ? ImGuiTabItemFlags_SetSelected : 0;
    };
    if (with_policy && ImGui::BeginTabItem("Policy", nullptr, flag(RightTab::Policy))) {
      policy_.draw(session_, lesson_.currentChanges(session_));
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Inspector", nullptr, flag(RightTab::Inspector))) {
      int64_t c = inspector_.draw(frame_, session_.current().label_a, session_.current().label_b);
      if (c >= 0) inspect(c);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Notes", nullptr, flag(RightTab::Notes))) {
      lesson_.drawNotesTab(session_);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Lesson", nullptr, flag(RightTab::Lesson))) {
      lesson_.draw(session_, worker_, frame_, tiles_.summaryLines(frame_, lesson_.currentWatched(session_)));
      // A step about groups shows the tiles by group; leaving it undoes what it switched on.
      int by_group = lesson_.takeByGroupRequest();
      if (by_group == 1 && !tiles_.byGroup()) tiles_.setByGroup(true), by_group_by_lesson_ = true;
      if (by_group == 0 && by_group_by_lesson_) tiles_.setByGroup(false), by_group_by_lesson_ = false;
      // A step that began counts the tiles as its claims do: over its own weeks, or from the start.
      int since_request = lesson_.takeSinceRequest();
      if (since_request >= 0) tiles_.setSinceChange(since_request == 1);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  right_tab_request_ = -1;
  reportPanel("details", true);
  ImGui::End();
}

void App::drawUi() {
  ImGuiIO& io = ImGui::GetIO();
  setPaneSlots(session_.paneSlots());
  reportBeginFrame(io.DisplaySize.x, io.DisplaySize.y, ImGui::GetFontSize(), presenter_);
  drawMenu();
  float top = ImGui::GetFrameHeight();
  float tool_h = toolbar_rows_ * ImGui::GetFrameHeightWithSpacing() - ImGui::GetStyle().ItemSpacing.y +
                 ImGui::GetStyle().WindowPadding.y * 2;
  drawToolbar(top, tool_h);
  top += tool_h;
  LayoutInput in;
  in.width = io.DisplaySize.x, in.height = io.DisplaySize.y, in.font = ImGui::GetFontSize(), in.top = top;
  in.lesson_font = fontAddedSize(lessonFont());
  in.want_policy = show_policy_, in.want_right = show_right_, in.presenter = presenter_;
  in.outcomes_h = outcomes_h_ > 0 ? outcomes_h_ : ImGui::GetFontSize() * 7;
  in.city_min = city_min_h_;
  in.population = frame_.population, in.panes = std::max<int>(1, static_cast<int>(frame_.names.size()));
  in.charts_wanted = charts_wanted_;
  ScreenLayout L = computeLayout(in);
  if (L.policy_shown) {
    beginPanel("Policy", ImVec2(L.policy.x, L.policy.y), ImVec2(L.policy.w, L.policy.h));
    ImGui::TextUnformatted("Policy");
    ImGui::Separator();
    policy_.draw(session_, lesson_.currentChanges(session_));
    reportPanel("policy", true);
    ImGui::End();
  }
  float city_h = city_used_h_ > 0 ? std::min(L.city.h, std::ceil(city_used_h_)) : L.city.h;
  // What the city does not use goes to the charts.
  float spare = L.city.h - city_h;
  drawCity(ImVec2(L.city.x, L.city.y), ImVec2(L.city.w, city_h), L.city.h);
  drawOutcomes(Box{L.outcomes.x, L.outcomes.y - spare, L.outcomes.w, L.outcomes.h});
  // Folded charts come back when the city left them the room after all.
  const float charts_min = ImGui::GetFontSize() * (presenter_ ? 7.5f : 9.0f);
  drawAnalysis(Box{L.analysis.x, L.analysis.y - spare, L.analysis.w, L.analysis.h + spare}, L.analysis_tabs,
               L.analysis_collapsed && L.analysis.h + spare < charts_min);
  if (L.right_shown) drawRight(L.right, L.stacked);
  drawTradeoff();
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
    if (presenter_ != presenter_applied_) {
      // Presenter mode gives the city the whole width; F2 / F3 bring the side panels back.
      if (fonts_scale_ > 0) {
        show_policy_ = !presenter_;
        show_right_ = !presenter_;
      }
      presenter_applied_ = presenter_;
    }
    sf::Vector2u win = window_.getSize();
    float want_scale = uiScale(static_cast<float>(win.x), static_cast<float>(win.y), presenter_);
    float want_lesson = lessonScale(static_cast<float>(win.x), static_cast<float>(win.y), presenter_);
    if (want_scale != fonts_scale_ || want_lesson != lessonFontScale()) rebuildFonts(want_scale, want_lesson);
    uint64_t version = frame_.version;
    pollModel();
    bool new_frame = frame_.version != version;
    // Nothing new (no input, no new week): skip drawing, so the model gets the CPU.
    // A few frames are still drawn after anything happens, and one every 0.25 s.
    busy_frames = had_event || new_frame || !pending_png_.empty() || tradeoff_.running() ||
                          tradeoff_.pngPending() || citizens_job_.running()
                      ? 4
                      : busy_frames - 1;
    bool scripted = !opt_.screenshot.empty() || !opt_.export_csv.empty() || opt_.bench_frames > 0 ||
                    !opt_.sweep.empty() || !opt_.export_citizens.empty();
    // A running sweep only moves its progress bar: four frames a second leave the cores to the
    // sweep (drawing flat out took about a third of the CPU under a software renderer, ten
    // frames a second still about 0.6 s of a 3.5 s sweep; docs/performance.md).
    const bool sweep_only = tradeoff_.running() && !had_event && !new_frame && pending_png_.empty();
    if (sweep_only && frame_clock.getElapsedTime().asSeconds() < 0.25f) {
      sf::sleep(sf::milliseconds(5));
      skipped = true;
      continue;
    }
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
      std::string why = savePng(p);
      if (why.empty())
        status("Saved picture " + p);
      else
        showErrors("Not exported", {why}, "Nothing was overwritten. Choose another folder or name.");
    }
    std::string png_saved, png_error = tradeoff_.captureIfAsked(window_, png_saved);
    if (!png_saved.empty()) status("Saved picture " + png_saved);
    if (!png_error.empty()) showErrors("Not exported", {png_error}, "Choose another folder or name.");
    int exit_code = tradeoffScript(script);
    if (exit_code < 0) exit_code = scriptedFrame(script);
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
