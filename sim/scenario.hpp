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

// One step of a lesson: narrative, a "predict first" question, changes, what to watch.
struct LessonStep {
  std::string title, narrative, predict, watch;
  std::vector<std::pair<std::string, std::string>> set;  // ("regimes[1].appeal.available", "true")
  int run_weeks = 0;                                     // suggested weeks to run after the changes
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
  std::string source_file;  // where it was loaded from ("<embedded default>")
  std::string source_text;  // exact bytes loaded, for the manifest hash

  int weeks() const { return world.i(P::weeks); }
  uint64_t seed() const { return static_cast<uint64_t>(world[P::seed]); }
  size_t population() const { return static_cast<size_t>(world[P::population_size]); }
};

constexpr int kMaxRegimes = 4;

}  // namespace tl
