// app.hpp: the trustlab window: layout of the panels, controls, shortcuts, dialogs, exports, screenshots.
#pragma once
#include <cstdint>
#include <string>

#include "sim/scenario.hpp"

namespace tl::gui {

constexpr int64_t kInspectWronglySanctioned = -2;  // --inspect wrongly

struct AppOptions {
  std::string screenshot;  // save the window here after `after_weeks` and exit
  int after_weeks = 0;
  bool presenter = false;
  int64_t inspect = -1;  // a citizen id, -1 = nobody, kInspectWronglySanctioned
  unsigned width = 1600, height = 900;
  int bench_frames = 0;    // print frames/s and weeks/s over this many frames, then exit
  double speed = 10;       // weeks per second when playing (0 = as fast as possible)
  bool play = false;       // start playing
  int threads = -1;        // model threads (-1 = all cores but one)
  std::string right_tab;   // inspector | notes | lesson | policy
  std::string bottom_tab;  // charts | metrics | funnel
  std::string tooltip;     // open this parameter's help (docs screenshots)
  int tooltip_regime = 0;
  bool help = false;           // show the shortcuts overlay
  int lesson_step = -1;        // open the lesson at this step (0-based)
  bool lesson_reveal = false;  // and get past its prediction
  bool lesson_apply = false;   // and apply its changes
  int apply_at_week = -1;      // with lesson_apply: at this week, then run on to after_weeks
  int lesson_replay = -1;      // play the lesson's steps 1..N as the class does (each applied at its week)
  std::string pane_rects;      // write the panes' screen rectangles here (screenshot test)
  std::string layout_report;   // write the layout report (JSON) here (layout test)
  std::string export_csv;      // write the numbers (CSV) here after `after_weeks`, then exit
  std::string predict;         // the class's prediction for lesson_step: "2", "same", "2:120"
  bool city_identity = false;  // the city as citizens live, not sorted by state
  std::string highlight;       // a state to highlight ("wrongly_sanctioned")
  bool by_group = false;       // the outcome tiles by group
  LessonSweep sweep;           // --sweep: open the trade-off view on this sweep and run it
  std::string sweep_out;       // write its frontier.csv here, then exit (after any --screenshot)
  std::string sweep_png;       // write the view's picture here, then exit
  int sweep_click = -1;  // click the point of this value (index) of the first swept pane, print the setting
  std::string export_citizens;  // write the audit export (trustlab-cli run --citizens-out), then exit
};

// Runs the app on the scenario until the window closes; returns the exit code.
int runApp(const Scenario& scenario, const AppOptions& options);

}  // namespace tl::gui
