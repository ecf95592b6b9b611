// main.cpp: trustlab's command line: which scenario, window size, and the scripted screenshot/bench modes.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <utility>

#include "gui/app.hpp"
#include "gui/palette.hpp"
#include "io/lesson_replay.hpp"
#include "io/output_path.hpp"
#include "io/scenario_io.hpp"

namespace {

const char* kUsage =
    "usage: trustlab [SCENARIO] [options]\n"
    "  SCENARIO               a scenario file, or a built-in name (default: the embedded default scenario)\n"
    "  --population N         number of synthetic citizens\n"
    "  --seed N               random seed\n"
    "  --set PATH=VALUE       change a parameter, e.g. --set regimes[1].appeal.cost=0.1 (repeatable)\n"
    "  --size WxH             window size in pixels (default 1600x900)\n"
    "  --presenter            presenter mode: large text, high contrast (F5)\n"
    "  --play                 start playing\n"
    "  --speed W              weeks per second when playing (0 = as fast as possible; default 10)\n"
    "  --threads N            model threads, 1 to 256 (default: all cores but one)\n"
    "  --screenshot OUT.png   run, save a picture of the window and exit\n"
    "  --after-weeks N        weeks to run before the screenshot\n"
    "  --inspect ID|wrongly   inspect this citizen (wrongly: the first one wrongly sanctioned at the end)\n"
    "  --panel inspector|notes|lesson|policy   right-hand tab to show\n"
    "  --numbers charts|metrics|funnel  tab to show beside (or instead of) the charts\n"
    "  --tooltip PATH[@R]     open the help of this parameter (of regime R, 0-based; -1 = world)\n"
    "  --lesson-step N [--reveal|--apply]  open the lesson at step N (1-based), past its\n"
    "                         prediction, or with its changes applied\n"
    "  --apply-at-week W      apply the lesson step's changes at week W, then run on to --after-weeks\n"
    "  --lesson-replay N      play lesson steps 1 to N as the class does: each step's changes applied at\n"
    "                         its week, then its weeks run (as check-lessons replays them); the\n"
    "                         picture shows step N after its weeks (or at --after-weeks)\n"
    "  --help-overlay         show the keyboard shortcuts\n"
    "  --city sorted|identity the city view (default sorted)\n"
    "  --highlight STATE      dim every citizen but this state, e.g. wrongly_sanctioned\n"
    "  --by-group             outcome tiles by group (as ticking \"by group\")\n"
    "  --predict PANE[:NUMBER]   with --lesson-step: record the class's prediction (a pane number, or\n"
    "                         'same'; and a number) and reveal\n"
    "  --pane-rects FILE      write the city panes' screen rectangles (screenshot test)\n"
    "  --layout-report FILE   with --screenshot: write the panels' rectangles, city cell sizes, outcome\n"
    "                         tiles and any text that did not fit, as JSON (layout test)\n"
    "  --export-csv OUT.csv   after --after-weeks weeks, write the numbers as the CLI's timeseries.csv\n"
    "                         plus a pane column, then exit (with --screenshot: after the picture)\n"
    "  --bench-frames N       play and print frames/s and weeks/s over N frames, then exit\n"
    "  --sweep PATH:FROM:TO:COUNT  open the trade-off view and run this sweep (as trustlab-cli sweep\n"
    "                         --param PATH --values FROM:TO:COUNT; PATH=LIST takes a list of values)\n"
    "  --sweep2 PATH:FROM:TO:COUNT a second parameter (a grid)\n"
    "  --sweep-reps R         replications per value (default 3)\n"
    "  --sweep-x / --sweep-y OUTCOME, --sweep-group A|B|all   the picture's axes and group\n"
    "  --sweep-out FILE.csv   write the sweep's frontier.csv, then exit (after --screenshot, if given)\n"
    "  --sweep-png FILE.png   write the trade-off picture, then exit\n"
    "  --sweep-click K        then click the point of the K-th value (0-based) of the first pane the\n"
    "                         sweep changes, and print the setting the click gave\n"
    "  --export-citizens FILE.csv  write the synthetic citizens of a whole run of the settings (as\n"
    "                         trustlab-cli run --citizens-out), then exit\n";

// "PATH:FROM:TO:COUNT" (the last three fields) or "PATH=A,B,C" into a path and --values text.
bool takeSweep(const std::string& spec, std::string& path, std::string& values) {
  size_t eq = spec.find('=');
  if (eq != std::string::npos) {
    path = spec.substr(0, eq), values = spec.substr(eq + 1);
    return !path.empty() && !values.empty();
  }
  size_t c3 = spec.rfind(':');
  size_t c2 = c3 == std::string::npos || c3 == 0 ? std::string::npos : spec.rfind(':', c3 - 1);
  size_t c1 = c2 == std::string::npos || c2 == 0 ? std::string::npos : spec.rfind(':', c2 - 1);
  if (c1 == std::string::npos || c1 == 0) return false;
  path = spec.substr(0, c1), values = spec.substr(c1 + 1);
  return true;
}

bool takeInt(const char* s, long long& out) {
  char* end = nullptr;
  out = std::strtoll(s, &end, 10);
  return end && *end == '\0' && end != s;
}

}  // namespace

int main(int argc, char** argv) {
  tl::gui::AppOptions opt;
  std::string scenario_arg;
  std::vector<std::string> sets;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&](const char* what) -> const char* {
      if (i + 1 >= argc) {
        std::cerr << "trustlab: " << a << " needs " << what << "\n" << kUsage;
        std::exit(2);
      }
      return argv[++i];
    };
    auto number = [&](const char* what) -> long long {
      long long v = 0;
      const char* s = next(what);
      if (!takeInt(s, v)) {
        std::cerr << "trustlab: " << a << ": expected " << what << ", got \"" << s << "\"\n";
        std::exit(2);
      }
      return v;
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (a == "--screenshot")
      opt.screenshot = next("a file name");
    else if (a == "--after-weeks")
      opt.after_weeks = static_cast<int>(number("a number of weeks"));
    else if (a == "--presenter")
      opt.presenter = true;
    else if (a == "--play")
      opt.play = true;
    else if (a == "--inspect" && i + 1 < argc && std::string(argv[i + 1]) == "wrongly") {
      opt.inspect = tl::gui::kInspectWronglySanctioned;
      ++i;
    } else if (a == "--inspect") {
      opt.inspect = number("a citizen id");
      if (opt.inspect < 0) {  // -1 and -2 mean "nobody" and "wrongly" inside the app
        std::cerr << "trustlab: --inspect: expected a citizen id from 0 or 'wrongly', got " << opt.inspect
                  << "\n";
        return 2;
      }
    } else if (a == "--population")
      sets.push_back("population.size=" + std::to_string(number("a number of citizens")));
    else if (a == "--seed")
      sets.push_back("seed=" + std::to_string(number("a seed")));
    else if (a == "--set")
      sets.push_back(next("PATH=VALUE"));
    else if (a == "--threads") {
      long long t = number("a number of threads");
      if (t < 1 || t > 256) {
        std::cerr << "trustlab: --threads: expected 1 to 256, got " << t << "\n";
        return 2;
      }
      opt.threads = static_cast<int>(t);
    } else if (a == "--speed")
      opt.speed = std::atof(next("weeks per second"));
    else if (a == "--bench-frames")
      opt.bench_frames = static_cast<int>(number("a number of frames"));
    else if (a == "--panel")
      opt.right_tab = next("inspector, notes or lesson");
    else if (a == "--numbers")
      opt.bottom_tab = next("metrics or funnel");
    else if (a == "--help-overlay")
      opt.help = true;
    else if (a == "--reveal")
      opt.lesson_reveal = true;
    else if (a == "--apply")
      opt.lesson_apply = true;
    else if (a == "--apply-at-week") {
      opt.lesson_apply = true;
      opt.apply_at_week = static_cast<int>(number("a week"));
    } else if (a == "--lesson-replay")
      opt.lesson_replay = static_cast<int>(number("a step number"));
    else if (a == "--lesson-step")
      opt.lesson_step = static_cast<int>(number("a step number")) - 1;
    else if (a == "--pane-rects")
      opt.pane_rects = next("a file name");
    else if (a == "--layout-report")
      opt.layout_report = next("a file name");
    else if (a == "--export-csv")
      opt.export_csv = next("a file name");
    else if (a == "--sweep" || a == "--sweep2") {
      std::string spec = next("PATH:FROM:TO:COUNT");
      bool first = a == "--sweep";
      if (!takeSweep(spec, first ? opt.sweep.param : opt.sweep.param2,
                     first ? opt.sweep.values : opt.sweep.values2)) {
        std::cerr << "trustlab: " << a << " " << spec << ": expected PATH:FROM:TO:COUNT or PATH=A,B,C\n";
        return 2;
      }
    } else if (a == "--sweep-reps") {
      long long r = number("a number of replications");
      if (r < 1 || r > 100000) {
        std::cerr << "trustlab: --sweep-reps: expected 1 to 100000, got " << r << "\n";
        return 2;
      }
      opt.sweep.reps = static_cast<int>(r);
    } else if (a == "--sweep-x")
      opt.sweep.x = next("an outcome");
    else if (a == "--sweep-y")
      opt.sweep.y = next("an outcome");
    else if (a == "--sweep-group")
      opt.sweep.group = next("A, B or all");
    else if (a == "--sweep-out")
      opt.sweep_out = next("a file name");
    else if (a == "--sweep-png")
      opt.sweep_png = next("a file name");
    else if (a == "--sweep-click")
      opt.sweep_click = static_cast<int>(number("a value's index (0 = the first)"));
    else if (a == "--export-citizens")
      opt.export_citizens = next("a file name");
    else if (a == "--city") {
      std::string v = next("sorted or identity");
      if (v != "sorted" && v != "identity") {
        std::cerr << "trustlab: --city: expected sorted or identity, got \"" << v << "\"\n";
        return 2;
      }
      opt.city_identity = v == "identity";
    } else if (a == "--highlight")
      opt.highlight = next("a state such as wrongly_sanctioned");
    else if (a == "--by-group")
      opt.by_group = true;
    else if (a == "--predict")
      opt.predict = next("a pane number or 'same', optionally :NUMBER");
    else if (a == "--tooltip") {
      std::string t = next("a parameter path");
      auto at = t.find('@');
      if (at != std::string::npos) {
        opt.tooltip_regime = std::atoi(t.c_str() + at + 1);
        t = t.substr(0, at);
      }
      opt.tooltip = t;
    } else if (a == "--size") {
      unsigned w = 0, h = 0;
      if (std::sscanf(next("WxH"), "%ux%u", &w, &h) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192) {
        std::cerr << "trustlab: --size: expected WxH such as 1600x900 (320x240 to 8192x8192)\n";
        return 2;
      }
      opt.width = w, opt.height = h;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "trustlab: unknown option " << a << "\n" << kUsage;
      return 2;
    } else if (scenario_arg.empty()) {
      scenario_arg = a;
    } else {
      std::cerr << "trustlab: only one scenario can be given (got " << scenario_arg << " and " << a << ")\n";
      return 2;
    }
  }
  tl::Scenario scenario;
  try {
    scenario = scenario_arg.empty() ? tl::defaultScenario() : tl::loadScenario(scenario_arg);
    for (const auto& s : sets) tl::applySet(scenario, s);
  } catch (const tl::ScenarioError& e) {
    for (const auto& err : e.errors) std::cerr << err.str() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "trustlab: " << e.what() << "\n";
    return 2;
  }
  // A citizen who does not exist would never be shown: the scripted screenshot would wait for them.
  if (opt.inspect >= 0 && static_cast<size_t>(opt.inspect) >= scenario.population()) {
    std::cerr << "trustlab: --inspect " << opt.inspect << ": the population has citizens 0 to "
              << scenario.population() - 1 << "\n";
    return 2;
  }
  if (!opt.highlight.empty() && tl::gui::stateFromName(opt.highlight) < 0) {
    std::cerr << "trustlab: --highlight: expected one of " << tl::gui::stateNames() << ", got \""
              << opt.highlight << "\"\n";
    return 2;
  }
  if (opt.apply_at_week >= 0 && (opt.lesson_step < 0 || opt.apply_at_week > opt.after_weeks)) {
    std::cerr << "trustlab: --apply-at-week needs --lesson-step and a week up to --after-weeks\n";
    return 2;
  }
  if (opt.lesson_replay != -1) {
    const int steps = static_cast<int>(scenario.lesson.size());
    if (opt.lesson_replay < 1 || opt.lesson_replay > steps || opt.lesson_step >= 0 ||
        opt.apply_at_week >= 0) {
      std::cerr << "trustlab: --lesson-replay: expected a step from 1 to " << steps
                << " of the scenario's lesson (without --lesson-step or --apply-at-week)\n";
      return 2;
    }
    // The picture shows step N after its weeks, unless --after-weeks asks for later.
    const auto spans = tl::lessonTimeline(scenario);
    const tl::StepSpan& last = spans[static_cast<size_t>(opt.lesson_replay - 1)];
    if (opt.after_weeks < last.end) opt.after_weeks = last.end;
    opt.lesson_step = opt.lesson_replay - 1;
    opt.lesson_reveal = true;
  }
  if (!opt.predict.empty() && opt.lesson_step < 0) {
    std::cerr << "trustlab: --predict needs --lesson-step\n";
    return 2;
  }
  if ((!opt.sweep_out.empty() || !opt.sweep_png.empty() || !opt.sweep.param2.empty()) && opt.sweep.empty()) {
    std::cerr << "trustlab: --sweep2, --sweep-out and --sweep-png need --sweep\n";
    return 2;
  }
  if ((!opt.layout_report.empty() || !opt.pane_rects.empty()) && opt.screenshot.empty()) {
    std::cerr << "trustlab: --layout-report and --pane-rects need --screenshot\n";
    return 2;
  }
  // A file the run cannot write is refused now, not after the weeks have run (each is then written
  // all-or-nothing: a failure later leaves an existing file as it was).
  const std::pair<const char*, const std::string*> outputs[] = {{"--screenshot", &opt.screenshot},
                                                                {"--pane-rects", &opt.pane_rects},
                                                                {"--layout-report", &opt.layout_report},
                                                                {"--export-csv", &opt.export_csv},
                                                                {"--export-citizens", &opt.export_citizens},
                                                                {"--sweep-out", &opt.sweep_out},
                                                                {"--sweep-png", &opt.sweep_png}};
  for (const auto& [flag, path] : outputs) {
    if (path->empty()) continue;
    std::string why = tl::whyUnwritable(*path);
    if (!why.empty()) {
      std::cerr << "trustlab: " << flag << " " << *path << ": " << why << "\n";
      return 2;
    }
  }
  // Without a display SFML aborts (SIGABRT) when it opens the window: say what to do instead.
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    std::cerr << "trustlab: no display (DISPLAY is not set): start it in a desktop session, or without a "
                 "screen as xvfb-run -a trustlab ... (tools/run.sh does that)\n";
    return 1;
  }
  return tl::gui::runApp(scenario, opt);
}
