// tradeoff_worker.hpp: runs a sweep for the trade-off view off the UI thread, with the
// CLI's code (io/sweep_run, io/frontier): the same jobs, seeds and summary as
// `trustlab-cli sweep`, so the numbers are the CLI's. Progress per simulation; cancellable.
#pragma once
#include <string>
#include <vector>

#include "gui/background_job.hpp"
#include "io/frontier.hpp"
#include "io/sweep_run.hpp"

namespace tl::gui {

struct SweepResult {
  SweepDef def;
  std::vector<FrontierRow> rows;  // as frontier.csv, in the CLI's order
  double seconds = 0;             // wall time of the runs
};

// The frontier rows of a sweep (all its jobs, batched), as `trustlab-cli sweep` computes
// them; `threads` 0 = all cores. Throws SweepCancelled when `control.cancel` is set.
SweepResult runSweep(const SweepDef& d, int threads, const SweepControl& control);

class TradeoffWorker {
 public:
  void start(const SweepDef& d, int threads);
  void cancel() { job_.cancel(); }
  bool running() const { return job_.running(); }
  // Simulations done and planned (0 of 0 while the sweep is being planned).
  int done() const { return job_.done(); }
  int total() const { return job_.total(); }
  // Once per finished sweep: true, with "" and the new result(), or the error / cancellation.
  bool poll(std::string& error, bool& cancelled);
  bool hasResult() const { return have_; }
  const SweepResult& result() const { return result_; }

 private:
  BackgroundJob job_;
  SweepResult pending_;  // written by the job's thread, read after it has finished
  SweepResult result_;
  bool have_ = false;
};

}  // namespace tl::gui
