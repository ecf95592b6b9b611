// lesson_replay.hpp: a scenario's lesson replayed exactly as the app's lesson panel
// plays it: each step's `set` applied to the running simulation (cumulatively, on top
// of the steps before), then its `run_weeks`. check-lessons and the tests use it; the
// app's Session can use stepChanges() and changeNeedsRestart() for the same semantics.
#pragma once
#include <memory>
#include <vector>

#include "sim/simulation.hpp"

namespace tl {

// A world parameter that shapes the population (population.*, seed, weeks) cannot
// change in the middle of a run: applying it starts a new run at week 0.
bool changeNeedsRestart(P id);

// One parameter change a step makes (regime -1 for a world parameter).
struct ParamChange {
  int regime;
  P id;
  double value;
};
// The changes a step's `set` makes to `current` (values that already hold are left
// out). Throws ScenarioError when an assignment does not apply.
std::vector<ParamChange> stepChanges(const Scenario& current, const LessonStep& step);

// The weeks each step runs, [begin, end), as a replay will run them: steps follow one
// another, a step that starts a new run begins at week 0, and none runs past the end.
// With clip_to_run false, steps keep their own run_weeks past the end of the run: the
// lesson's timeline as written, which claims are checked against, so a run shortened
// with --weeks (and the summary.json it writes) still loads.
struct StepSpan {
  int begin = 0, end = 0;
};
std::vector<StepSpan> lessonTimeline(const Scenario& scenario, bool clip_to_run = true);

class LessonReplay {
 public:
  // A new run of `scenario` at week 0, as the app starts a lesson.
  explicit LessonReplay(const Scenario& scenario, SimOptions options = {});
  // Applies the step's changes (or none, for a counterfactual) and runs its weeks,
  // stopping at the end of the run as the app's "Run N weeks" button does.
  void runStep(const LessonStep& step, bool apply_set = true);

  const Simulation& sim() const { return *sim_; }
  const Scenario& current() const { return current_; }  // the values now in force
  int stepBegin() const { return step_begin_; }         // the week the last step started at
  bool restarted() const { return restarted_; }         // the last step started a new run

 private:
  Scenario current_;
  SimOptions options_;
  std::unique_ptr<Simulation> sim_;
  int step_begin_ = 0;
  bool restarted_ = false;
};

}  // namespace tl
