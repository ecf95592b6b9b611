// tradeoff_app.cpp: the app's side of the trade-off view (requests from a slider, the lesson
// and the command line; its PNG) and of the citizens export (File > Export citizens, or
// --export-citizens): a whole run of the current settings under io/citizens_export's audit,
// off the UI thread, written atomically: the file trustlab-cli run --citizens-out writes.
#include <iostream>

#include "gui/app_window.hpp"
#include "io/atomic_file.hpp"
#include "io/citizens_export.hpp"
#include "io/output_path.hpp"

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
  // A few frames with the picture drawn, then its PNG, then the frontier.
  if (++sr.sweep_frames == 3 && !opt_.sweep_png.empty()) tradeoff_.requestPng(opt_.sweep_png);
  if (sr.sweep_frames < 3 || tradeoff_.pngPending() || sr.sweep_written) return -1;
  if (show_errors_) {
    std::cerr << "trustlab: " << (errors_.empty() ? opt_.sweep_png : errors_[0]) << "\n";
    return 1;
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
