// scenario.hpp: a scenario resolved into parameter values (what the model runs).
// Scenarios hold distributions and policies, never people.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "sim/params.hpp"

namespace tl {

// NetLogo-style notes shown in the GUI's notes panel.
struct Notes {
  std::string what_is_it, how_it_works, things_to_notice, things_to_try;
  std::string passage;  // the essay passage it illustrates, with its seed file name
};

// A claim about the outcome that the notes or a lesson step make (the answer a
// "predict" question implies included), written so a machine can check it over many
// seeds: trustlab-cli check-lessons. The JSON form is in docs/scenarios.md.
//
// One side of a claim: a metric (its output name) of one regime and group over a window.
struct ClaimWindow {
  enum class Kind { Run, Step, End, Week, Weeks };
  // Run: week 0 to the end (of the run, or of the step); Step: the step's own weeks;
  // End: the last week only; Week/Weeks: weeks [from, to] counted from 0.
  Kind kind = Kind::Run;
  int from = 0, to = 0;
  bool operator==(const ClaimWindow& o) const { return kind == o.kind && from == o.from && to == o.to; }
  bool operator!=(const ClaimWindow& o) const { return !(*this == o); }
};
struct ClaimSide {
  std::string metric;  // a timeseries.csv column or a summary.json field ("wrongly_sanctioned", "ppv")
  int regime = 0;      // the pane, counted from 0
  int group = 2;       // 0 = group A, 1 = group B, 2 = all
  ClaimWindow window;
};
struct Expect {
  std::string says;  // the claim in words
  ClaimSide side;
  // What the side is compared with: a number, another side (any of metric, regime,
  // group and window changed), or the same side in a replay without this step's `set`.
  enum class Versus { Value, Side, WithoutStep };
  Versus versus = Versus::Value;
  ClaimSide other;
  double value = 0;
  bool per_capita = false;  // both sides divided by their group's population
  enum class Effect { Difference, Ratio };
  Effect effect = Effect::Difference;  // side - other, or side / other
  enum class Direction { Higher, Lower, Same };
  Direction direction = Direction::Higher;
  // The smallest effect that counts. Difference: higher means >= by, lower <= -by,
  // same |d| <= by. Ratio: the bound of side / other: higher >= by, lower <= by, same
  // between 1/by and by (by >= 1).
  double by = 0;
};

// A sweep a lesson step opens in the app's trade-off view (docs/sweeps.md): a parameter
// path and its values as trustlab-cli sweep takes them ("0.01:0.5:11" or "1,2,4"),
// optionally a second one (a grid), replications, the outcomes on the axes (names of
// docs/metrics.md section 11; "" = the defaults) and the group.
struct LessonSweep {
  std::string param, values, param2, values2;
  int reps = 3;
  std::string x, y;
  std::string group = "all";
  bool empty() const { return param.empty(); }
};

// One step of a lesson: narrative, a "predict first" question, changes, what to watch.
struct LessonStep {
  std::string title, narrative, predict, watch;
  std::vector<std::pair<std::string, std::string>> set;  // ("regimes[1].appeal.available", "true")
  int run_weeks = 0;                                     // suggested weeks to run after the changes
  std::vector<Expect> expect;                            // what the step claims happens
  LessonSweep sweep;                                     // the trade-off it opens (empty: none)
};

struct RegimeSpec {
  std::string name;    // shown as the pane title
  std::string preset;  // preset it starts from ("" = defaults)
  ParamValues values;  // every regime-scope parameter, effective
};

struct Scenario {
  std::string name;  // file stem or "default"
  std::string title, description;
  std::string label_a = "A", label_b = "B";
  ParamValues world = ParamValues::defaults();  // world-scope parameters (weeks, seed, population...)
  std::vector<RegimeSpec> regimes;              // 1..4
  Notes notes;
  std::vector<LessonStep> lesson;
  std::vector<Expect> expect;  // what the notes claim of the run as shipped
  std::string source_file;     // where it was loaded from ("<embedded default>")
  std::string source_text;     // exact bytes loaded, for the manifest hash

  int weeks() const { return world.i(P::weeks); }
  uint64_t seed() const { return static_cast<uint64_t>(world[P::seed]); }
  size_t population() const { return static_cast<size_t>(world[P::population_size]); }
};

// A scenario file, and the app, show at most this many panes side by side.
constexpr int kMaxPanes = 4;
// A simulation runs at most this many regimes on one population. More than the panes
// a lecturer sees: a sweep runs its variants as regimes of one simulation, so they
// share the population and the life draws (pass 1 of a week) instead of repeating them.
constexpr int kMaxRegimes = 16;

}  // namespace tl
