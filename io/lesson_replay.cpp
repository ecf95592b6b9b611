// lesson_replay.cpp: a lesson played as the app plays it (gui/session.cpp's
// applyAssignments and restart, gui/lesson_panel.cpp's "Run N weeks").
#include "io/lesson_replay.hpp"

#include <algorithm>

#include "io/scenario_io.hpp"

namespace tl {

bool changeNeedsRestart(P id) {
  return decl(id).section() == "population" || id == P::seed || id == P::weeks;
}

std::vector<ParamChange> stepChanges(const Scenario& current, const LessonStep& step) {
  Scenario next = current;
  for (const auto& kv : step.set) applySet(next, kv.first, kv.second);
  std::vector<ParamChange> out;
  for (const auto& d : paramTable()) {
    if (d.scope == Scope::World) {
      if (next.world[d.id] != current.world[d.id]) out.push_back({-1, d.id, next.world[d.id]});
    } else {
      for (size_t r = 0; r < current.regimes.size() && r < next.regimes.size(); ++r)
        if (next.regimes[r].values[d.id] != current.regimes[r].values[d.id])
          out.push_back({static_cast<int>(r), d.id, next.regimes[r].values[d.id]});
    }
  }
  return out;
}

std::vector<StepSpan> lessonTimeline(const Scenario& scenario, bool clip_to_run) {
  std::vector<StepSpan> out;
  // One working copy without the prose and the steps: each step's `set` is applied to
  // it in place, so a long lesson costs one pass, not a copy per step.
  Scenario current;
  current.world = scenario.world;
  current.regimes = scenario.regimes;
  int week = 0;
  for (const LessonStep& st : scenario.lesson) {
    const ParamValues before = current.world;
    for (const auto& kv : st.set) {
      try {
        applySet(current, kv.first, kv.second);
      } catch (const ScenarioError&) {
        // the reader reports a `set` that does not apply; the timeline goes on without it
      }
    }
    for (const auto& d : paramTable())
      if (d.scope == Scope::World && changeNeedsRestart(d.id) && current.world[d.id] != before[d.id])
        week = 0;
    StepSpan span{week, clip_to_run ? std::min(current.weeks(), week + st.run_weeks) : week + st.run_weeks};
    span.begin = std::min(span.begin, span.end);
    out.push_back(span);
    week = span.end;
  }
  return out;
}

LessonReplay::LessonReplay(const Scenario& scenario, SimOptions options)
    : current_(scenario), options_(options), sim_(std::make_unique<Simulation>(scenario, options)) {}

void LessonReplay::runStep(const LessonStep& step, bool apply_set) {
  restarted_ = false;
  if (apply_set) {
    for (const ParamChange& c : stepChanges(current_, step)) {
      if (c.regime < 0) {
        current_.world[c.id] = c.value;
        if (changeNeedsRestart(c.id))
          restarted_ = true;
        else
          sim_->setWorldParam(c.id, c.value);
      } else {
        current_.regimes[static_cast<size_t>(c.regime)].values[c.id] = c.value;
        sim_->setRegimeParam(c.regime, c.id, c.value);
      }
    }
    if (restarted_) sim_ = std::make_unique<Simulation>(current_, options_);
  }
  step_begin_ = sim_->week();
  const int end = std::min(current_.weeks(), step_begin_ + step.run_weeks);
  while (sim_->week() < end) sim_->step();
}

}  // namespace tl
