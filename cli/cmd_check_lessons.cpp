// cmd_check_lessons.cpp: `trustlab-cli check-lessons` — every claim a scenario's notes
// and lesson make (their `expect` entries), checked over several seeds with the
// lesson replayed as the app plays it. A claim passes when it holds in at least 9 of
// 10 runs (ceil(0.9 N) of N).
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "io/claim_check.hpp"
#include "io/scenario_io.hpp"

namespace tl::cli {
namespace {

std::string where(const Scenario& s, int step) {
  if (step < 0) return "notes";
  return "step " + std::to_string(step + 1) + " (" + s.lesson[static_cast<size_t>(step)].title + ")";
}

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.4g", v);
  return b;
}

}  // namespace

int cmdCheckLessons(const Args& a) {
  CheckOptions o;
  o.seeds = static_cast<int>(a.getInt("--seeds", 10, 1, 1000));
  o.seed_base = a.getInt("--seed-base", -1, 0, 9007199254740991LL);
  o.population = a.getInt("--population", -1, 100, 20000000);
  o.threads = static_cast<int>(a.getInt("--threads", 0, 0, 1024));

  // Load everything first: bad input fails before any run (exit 2).
  std::vector<std::string> names = a.positional;
  if (names.empty()) names = embeddedScenarioPaths();
  std::vector<Scenario> scenarios;
  std::vector<InputError> errors;
  for (const auto& n : names) {
    try {
      scenarios.push_back(loadScenario(n));
    } catch (const ScenarioError& e) {
      errors.insert(errors.end(), e.errors.begin(), e.errors.end());
    }
  }
  if (!errors.empty()) throw ScenarioError(errors);

  int claims = 0, failed = 0, silent = 0;
  for (const Scenario& s : scenarios) {
    const long long first = o.seed_base >= 0 ? o.seed_base : static_cast<long long>(s.seed());
    std::cout << s.source_file << ": " << s.title << "\n  " << o.seeds << " runs (seeds " << first << "-"
              << first + o.seeds - 1 << "), "
              << (o.population > 0 ? static_cast<size_t>(o.population) : s.population()) << " citizens\n";
    std::vector<ClaimResult> results = checkClaims(s, o);
    if (results.empty()) {
      ++silent;
      std::cout << "  FAIL  no claims: a teaching scenario states what it claims in `expect` entries "
                   "(docs/scenarios.md)\n\n";
      continue;
    }
    for (const ClaimResult& r : results) {
      ++claims;
      const bool ok = r.passes();
      failed += ok ? 0 : 1;
      std::cout << "  " << (ok ? "PASS" : "FAIL") << "  " << where(s, r.step) << ": " << r.expect.says << "\n"
                << "        " << describeClaim(r.expect, s) << "\n"
                << "        holds in " << r.held() << " of " << r.runs() << " runs; effect " << num(r.mean())
                << " ± " << num(r.sd()) << "\n";
    }
    std::cout << "\n";
  }
  std::cout << claims << " claims in " << scenarios.size() << " scenarios: " << claims - failed << " hold, "
            << failed << " fail"
            << (silent ? "; " + std::to_string(silent) + " scenarios state no claims" : "")
            << " (a claim holds when it is true in at least " << requiredHolds(o.seeds) << " of " << o.seeds
            << " runs)\n";
  return failed == 0 && silent == 0 ? 0 : 1;
}

}  // namespace tl::cli
