// tradeoff_worker.cpp: see tradeoff_worker.hpp.
#include "gui/tradeoff_worker.hpp"

#include <chrono>

#include "io/scenario_io.hpp"

namespace tl::gui {

SweepResult runSweep(const SweepDef& d, int threads, const SweepControl& control) {
  auto t0 = std::chrono::steady_clock::now();
  std::vector<int> jobs;
  for (int j = 0; j < d.jobs(); ++j) jobs.push_back(j);
  // jobs.csv keeps every number to 17 significant digits (formatNumber), so summarising the
  // runs directly gives the frontier the CLI computes from that file.
  std::vector<JobOutcomes> outcomes = runSweepJobs(d, jobs, threads, RunMode::Batched, control);
  SweepResult r;
  r.def = d;
  r.rows = frontier(runResults(d, jobs, outcomes));
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

void TradeoffWorker::start(const SweepDef& d, int threads) {
  job_.start([this, d, threads](BackgroundJob& job) -> std::string {
    SweepControl control;
    control.cancel = &job.cancelFlag();
    control.on_simulation = [&job](int done, int total, int, uint64_t) { job.progress(done, total); };
    try {
      pending_ = runSweep(d, threads, control);
    } catch (const SweepCancelled&) {
      return "cancelled";
    } catch (const ScenarioError& e) {
      std::string text;
      for (const auto& err : e.errors) text += (text.empty() ? "" : "\n") + err.str();
      return text;
    }
    return "";
  });
}

bool TradeoffWorker::poll(std::string& error, bool& cancelled) {
  if (!job_.finished(error, cancelled)) return false;
  if (error.empty() && !cancelled) {
    result_ = std::move(pending_);
    have_ = true;
  }
  return true;
}

}  // namespace tl::gui
