// tradeoff_app.cpp: the app's side of the trade-off view (requests from a slider, the lesson
// and the command line; its PNG) and of the citizens export (File > Export citizens, or
// --export-citizens): a whole run of the current settings under io/citizens_export's audit,
// off the UI thread, written atomically: the file trustlab-cli run --citizens-out writes.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "gui/app_window.hpp"
#include "gui/frontier_plot.hpp"
#include "io/atomic_file.hpp"
#include "io/citizens_export.hpp"
#include "io/output_path.hpp"
#include "io/sweep_setup.hpp"

namespace tl::gui {

void App::drawTradeoff() {
  int regime = 0;
  P id = P::seed;
  if (policy_.takeSweepRequest(regime, id)) tradeoff_.openFor(session_.current(), regime, id);
  LessonSweep ls;
  if (lesson_.takeSweepRequest(ls)) {
    std::string e = tradeoff_.openRequest(session_.current(), ls);
    if (!e.empty()) showErrors("The lesson's sweep cannot run", {e}, "The scenario's lesson step names it.");
  }
  tradeoff_.draw(session_);
  if (tradeoff_.takePngDialogRequest()) requestFile(FileDialogMode::ExportTradeoffPng);
  std::string error;
  bool cancelled = false;
  if (citizens_job_.finished(error, cancelled)) {
    if (error.empty())
      status("Exported the citizens to " + citizens_path_);
    else
      showErrors("Citizens not exported", {citizens_path_ + ": " + error}, "Nothing was overwritten.");
  }
}

void App::exportCitizens(const std::string& path) {
  if (citizens_job_.running()) return;
  std::string why = whyUnwritable(path);
  if (!why.empty()) {
    showErrors("Citizens not exported", {path + ": " + why}, "Choose another folder or name.");
    return;
  }
  citizens_path_ = path;
  Scenario s = session_.current();
  status("Exporting the citizens: a whole run of the current settings...");
  citizens_job_.start([s, path](BackgroundJob&) -> std::string {
    SimOptions opt;
    opt.log_events = true;  // the appeal columns count the log's events
    Simulation sim(s, opt);
    writeFileAtomic(path, runWithCitizenAudit(sim));
    return "";
  });
}

// --sweep-click K: moves the mouse to the point of the K-th value of the first pane the sweep
// changes, clicks it as a user would (through ImGui's input), and prints the slider's value then.
// Returns -1 while clicking, -2 when done, else an exit code.
int App::sweepClick(ScriptedRun& sr) {
  const SweepTarget t = sweepTarget(opt_.sweep.param);
  int regime = -1;
  for (int r = 0; regime < 0 && r < static_cast<int>(session_.current().regimes.size()); ++r)
    if (t.world || t.changes(r)) regime = r;
  // The window's own mouse events, through the same glue as a user's.
  auto mouse = [&](sfc::Event::Type type, ImVec2 where) {
    sfc::Event e;
    e.type = type;
    e.x = static_cast<int>(std::lround(where.x)), e.y = static_cast<int>(std::lround(where.y));
    glue_.processEvent(e);
  };
  if (sr.click_frame < 0) {
    for (const DrawnPoint& d : drawnFrontierPoints())
      if (d.point.pane == std::max(0, regime) && d.point.value == static_cast<size_t>(opt_.sweep_click)) {
        mouse(sfc::Event::MouseMoved, d.at);
        sr.click_frame = sr.sweep_frames, sr.click_at.x = d.at.x, sr.click_at.y = d.at.y;
        return -1;
      }
    std::cerr << "trustlab: --sweep-click " << opt_.sweep_click << ": no such point in the picture\n";
    return 2;
  }
  const int since = sr.sweep_frames - sr.click_frame;
  const ImVec2 at(sr.click_at.x, sr.click_at.y);
  if (since == 2) mouse(sfc::Event::MouseButtonPressed, at);
  if (since == 3) mouse(sfc::Event::MouseButtonReleased, at);
  if (since < 6) return -1;
  if (since == 6) {
    mouse(sfc::Event::MouseLeft, at);
    std::cout << "clicked: " << opt_.sweep.param << " = " << currentSweepValue(session_.current(), t, regime)
              << "\n";
  }
  return -2;
}

int App::tradeoffScript(ScriptedRun& sr) {
  if (!opt_.export_citizens.empty()) {
    if (!sr.citizens_started) {
      sr.citizens_started = true;
      exportCitizens(opt_.export_citizens);
      if (show_errors_) {
        std::cerr << "trustlab: --export-citizens " << (errors_.empty() ? "" : errors_[0]) << "\n";
        return 2;
      }
    }
    if (citizens_job_.running()) return -1;
    if (show_errors_) {
      std::cerr << "trustlab: " << (errors_.empty() ? opt_.export_citizens : errors_[0]) << "\n";
      return 1;
    }
    if (opt_.sweep.empty() && opt_.screenshot.empty() && opt_.export_csv.empty()) {
      std::cout << "exported citizens to " << opt_.export_citizens << "\n";
      return 0;
    }
  }
  if (opt_.sweep.empty()) return -1;
  if (!sr.sweep_started) {
    sr.sweep_started = true;
    std::string e = tradeoff_.openRequest(session_.current(), opt_.sweep);
    if (!e.empty()) {
      std::cerr << "trustlab: --sweep: " << e << "\n";
      return 2;
    }
    return -1;
  }
  if (!tradeoff_.settled()) return -1;
  if (!tradeoff_.error().empty()) {
    std::cerr << "trustlab: the sweep failed: " << tradeoff_.error() << "\n";
    return 1;
  }
  if (sr.sweep_frames == 0)  // the same figure as under the plot, for docs/performance.md
    std::printf("sweep: %d runs in %.2f s (wall, off the UI thread)\n", tradeoff_.result().def.jobs(),
                tradeoff_.result().seconds);
  // A few frames with the picture drawn, then its PNG, then the frontier.
  if (++sr.sweep_frames == 3 && !opt_.sweep_png.empty()) tradeoff_.requestPng(opt_.sweep_png);
  if (sr.sweep_frames < 3 || tradeoff_.pngPending() || sr.sweep_written) return -1;
  if (show_errors_) {
    std::cerr << "trustlab: " << (errors_.empty() ? opt_.sweep_png : errors_[0]) << "\n";
    return 1;
  }
  if (opt_.sweep_click >= 0) {  // the mouse on the point, pressed, released; then the setting
    int r = sweepClick(sr);
    if (r != -2) return r;
  }
  if (!opt_.sweep_out.empty()) {
    try {
      writeFileAtomic(opt_.sweep_out, tradeoff_.frontierCsvText());
    } catch (const std::exception& e) {
      std::cerr << "trustlab: " << e.what() << "\n";
      return 1;
    }
    std::cout << "wrote the frontier to " << opt_.sweep_out << "\n";
  }
  if (!opt_.sweep_png.empty()) std::cout << "wrote the trade-off picture to " << opt_.sweep_png << "\n";
  sr.sweep_written = true;
  return opt_.screenshot.empty() && opt_.export_csv.empty() ? 0 : -1;
}

}  // namespace tl::gui
