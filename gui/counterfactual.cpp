// counterfactual.cpp: the same run without one change, on its own thread (see counterfactual.hpp).
#include "gui/counterfactual.hpp"

#include <algorithm>
#include <exception>

namespace tl::gui {
namespace {
bool sameEdit(const TimedEdit& a, const TimedEdit& b) {
  if (a.week != b.week || a.why != b.why || a.edit.size() != b.edit.size()) return false;
  for (size_t i = 0; i < a.edit.size(); ++i) {
    const Change &x = a.edit[i], &y = b.edit[i];
    if (x.regime != y.regime || x.id != y.id || x.before != y.before || x.after != y.after) return false;
  }
  return true;
}
}  // namespace

bool Counterfactual::Job::same(uint64_t g, const std::vector<TimedEdit>& h, int s) const {
  if (g != generation || s != skip || h.size() != history.size()) return false;
  for (size_t i = 0; i < h.size(); ++i)
    if (!sameEdit(h[i], history[i])) return false;
  return true;
}

Counterfactual::Counterfactual() {
  thread_ = std::thread([this] { loop(); });
}

Counterfactual::~Counterfactual() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    quit_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Counterfactual::request(uint64_t generation, const Scenario& start,
                             const std::vector<TimedEdit>& history, int skip, int to_week) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (have_job_ && job_.same(generation, history, skip)) {
      if (to_week <= job_.to_week) return;
      job_.to_week = to_week;  // the live run moved on: carry on
    } else {
      job_ = Job{generation, start, history, skip, to_week};
      have_job_ = true;
      ++serial_;
      result_ = Result{};
    }
  }
  cv_.notify_all();
}

void Counterfactual::clear() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!have_job_) return;
  have_job_ = false;
  ++serial_;
  result_ = Result{};
}

Counterfactual::Result Counterfactual::result() const {
  std::lock_guard<std::mutex> lock(mu_);
  return result_;
}

void Counterfactual::loop() {
  unsigned done = 0;  // the serial of the last job run
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return quit_ || (have_job_ && serial_ != done); });
    if (quit_) return;
    Job job = job_;
    const unsigned serial = done = serial_;
    lock.unlock();
    try {
      run(job, serial);
    } catch (const std::exception& e) {
      std::lock_guard<std::mutex> guard(mu_);
      if (serial == serial_) result_.error = e.what();
    }
    lock.lock();
  }
}

void Counterfactual::run(const Job& job, unsigned serial) {
  if (job.skip < 0 || job.skip >= static_cast<int>(job.history.size())) return;
  SimOptions options;
  options.threads = 1;  // beside the live run, on a machine that may have two cores
  Simulation sim(job.start, options);
  WrongedTracker wronged;
  wronged.reset(sim);
  std::vector<Snapshot> kept;
  size_t next = 0;  // the next change to apply
  auto publish = [&](bool with_summary) {
    auto rows = std::make_shared<const std::vector<WeekRow>>(sim.rows());
    std::vector<RegimeSummary> summary;
    if (with_summary) summary = sim.summary();
    std::lock_guard<std::mutex> lock(mu_);
    if (serial != serial_) return;
    result_.valid = true;
    result_.generation = job.generation;
    result_.skip = job.skip;
    result_.skip_week = job.history[static_cast<size_t>(job.skip)].week;
    result_.week = sim.week();
    result_.rows = std::move(rows);
    result_.kept = kept;
    result_.wronged = wronged.history();
    if (with_summary) result_.summary = std::move(summary), result_.summary_weeks = sim.week();
  };
  for (int since_publish = 0;;) {
    int to = 0;
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (quit_ || serial != serial_) return;
      to = std::min(job_.to_week, sim.scenario().weeks());
      if (sim.week() >= to) {
        lock.unlock();
        publish(true);
        lock.lock();
        // Caught up with the live run: wait for it to move on (or for another job).
        cv_.wait(lock, [&] { return quit_ || serial != serial_ || job_.to_week > sim.week(); });
        continue;
      }
    }
    // The changes made at this week, as the live run took them, but the one left out; the totals
    // here are kept so that counts since a change can be read.
    const int week = sim.week();
    if (next < job.history.size() && job.history[next].week == week && week > 0)
      kept.push_back({week, sim.summary()});
    for (; next < job.history.size() && job.history[next].week <= week; ++next) {
      if (static_cast<int>(next) == job.skip) continue;
      for (const Change& c : job.history[next].edit) {
        if (c.regime < 0)
          sim.setWorldParam(c.id, c.after);
        else if (c.regime < sim.regimeCount())
          sim.setRegimeParam(c.regime, c.id, c.after);
      }
    }
    sim.step();
    wronged.afterWeek(sim);
    if (++since_publish >= 8) publish(false), since_publish = 0;
  }
}

}  // namespace tl::gui
