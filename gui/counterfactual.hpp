// counterfactual.hpp: the same run without one change, computed on a thread of its own beside the
// live run, so the outcome tiles can show "with the step" and "without it" on the same citizens
// facing the same shocks: the run's start replayed with every change made since at its week except
// the one left out, up to the live run's week. A lesson step whose claims compare it with the run
// without it ("vs": "without_step") shows both on screen.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gui/session.hpp"
#include "gui/wronged_tracker.hpp"
#include "io/claim_metrics.hpp"

namespace tl::gui {

class Counterfactual {
 public:
  Counterfactual();
  ~Counterfactual();  // stops the replay after the week in hand
  Counterfactual(const Counterfactual&) = delete;
  Counterfactual& operator=(const Counterfactual&) = delete;

  // Replays `start` with the changes of `history` but the one at `skip`, up to week `to_week`, for
  // the live run of generation `generation`. The same request with a later week carries on.
  void request(uint64_t generation, const Scenario& start, const std::vector<TimedEdit>& history, int skip,
               int to_week);
  void clear();  // nothing to compute (no step on screen compares with the run without it)

  // What has been computed: the counterfactual's outputs as far as `week`.
  struct Result {
    bool valid = false;
    uint64_t generation = 0;
    int skip = -1, skip_week = 0, week = 0;  // the change left out, its week; weeks replayed
    int summary_weeks = -1;                  // the week `summary` was taken at
    std::shared_ptr<const std::vector<WeekRow>> rows;
    std::vector<RegimeSummary> summary;  // at `week`
    std::vector<Snapshot> kept;          // the totals at the weeks of the changes
    WrongedHistory wronged;
    std::string error;
  };
  Result result() const;

 private:
  struct Job {
    uint64_t generation = 0;
    Scenario start;
    std::vector<TimedEdit> history;
    int skip = -1, to_week = 0;
    bool same(uint64_t g, const std::vector<TimedEdit>& h, int s) const;
  };
  void loop();
  void run(const Job& job, unsigned serial);

  mutable std::mutex mu_;
  std::condition_variable cv_;
  Job job_;
  bool have_job_ = false, quit_ = false;
  unsigned serial_ = 0;  // bumped by every new job: the one running stops and starts again
  Result result_;
  std::thread thread_;
};

}  // namespace tl::gui
