// claim_check.hpp: checks a scenario's claims (`expect` in its notes and lesson steps)
// over many seeds. The notes' claims are read from the run as shipped; each step's
// from a replay of the lesson as the app plays it (io/lesson_replay.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario.hpp"

namespace tl {

struct CheckOptions {
  int seeds = 10;           // runs per claim
  int64_t seed_base = -1;   // first seed; -1 = the scenario's own seed (then +1, +2...)
  int64_t population = -1;  // -1 = the scenario's population
  int threads = 0;          // runs in parallel (0 = all cores); results do not depend on it
  int only_step = -2;       // -2 every claim, -1 the notes' claims only, k the claims of step k (0-based)
};

struct ClaimResult {
  int step = -1;  // -1 = a claim of the notes, else the lesson step (0-based)
  Expect expect;
  std::vector<double> effects;  // one per run: side - other, or side / other (NaN: undefined)
  std::vector<char> holds;      // one per run
  int held() const;
  int runs() const { return static_cast<int>(holds.size()); }
  bool passes() const;         // held in at least requiredHolds(runs) runs
  double mean() const;         // of the defined effects (NaN when none)
  double sd() const;           // sample standard deviation (0 with one run)
  std::string record() const;  // "holds in 10 of 10 runs (effect 0.0012 ± 0.0003)"
};

// A claim must hold in at least 9 of 10 runs: ceil(0.9 * runs).
int requiredHolds(int runs);

// Whether one effect satisfies the claim's direction and smallest effect.
bool effectHolds(const Expect& e, double effect);

// Runs the scenario (and its lesson) for each seed and checks every claim selected by
// options.only_step. Throws ScenarioError when a claim cannot be evaluated (a window
// outside the run, a lesson step that does not apply).
std::vector<ClaimResult> checkClaims(const Scenario& scenario, const CheckOptions& options = {});

// Words for a claim's comparison: "regime 1, group B: wrongly_sanctioned per capita over
// the run, ratio to group A >= 1.2".
std::string describeClaim(const Expect& e, const Scenario& s);

}  // namespace tl
