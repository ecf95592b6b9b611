// model_fixtures.hpp: small helpers shared by the model tests (test_model_*.cpp).
// Scenarios are built from presets plus --set style assignments, so each test
// reads as "this preset, with this one thing changed".
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "io/scenario_io.hpp"
#include "sim/simulation.hpp"

namespace tlt {

using namespace tl;

// The teaching scenarios in the source tree ("scenarios/NAME.json", sorted): what the
// binaries must embed. Tests compare against this rather than a fixed count, so a new
// scenario is covered, and one that was not embedded (cmake not re-run) is caught.
inline std::vector<std::string> shippedScenarioFiles() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(TRUSTLAB_SOURCE_DIR "/scenarios"))
    if (e.is_regular_file() && e.path().extension() == ".json")
      out.push_back("scenarios/" + e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// A scenario of the given presets (one regime each) over a small population.
inline Scenario scenarioOf(std::initializer_list<const char*> presets, int population, int weeks,
                           int seed = 1) {
  std::string text = "{\"weeks\": " + std::to_string(weeks) + ", \"seed\": " + std::to_string(seed) +
                     ", \"population\": {\"size\": " + std::to_string(population) + "}, \"regimes\": [";
  bool first = true;
  int i = 0;
  for (const char* p : presets) {
    if (!first) text += ", ";
    first = false;
    text += "{\"name\": \"R" + std::to_string(i++) + " " + p + "\", \"preset\": \"" + p + "\"}";
  }
  text += "]}";
  return parseScenario(text, "<test>");
}

// Applies "path=value" assignments (the CLI's --set), e.g. "regimes[1].appeal.cost=0".
inline Scenario with(Scenario s, std::initializer_list<std::string> sets) {
  for (const auto& a : sets) applySet(s, a);
  return s;
}

inline std::unique_ptr<Simulation> run(const Scenario& s, int weeks = -1, int threads = 2, bool log = false) {
  SimOptions o;
  o.threads = threads;
  o.log_events = log;
  auto sim = std::make_unique<Simulation>(s, o);
  sim->run(weeks < 0 ? s.weeks() : weeks);
  return sim;
}

// Rows of one regime and group (0 = A, 1 = B, 2 = all), in week order.
inline std::vector<WeekRow> rowsOf(const Simulation& sim, int regime, int group = 2) {
  std::vector<WeekRow> out;
  for (const WeekRow& r : sim.rows())
    if (r.regime == regime && r.group == group) out.push_back(r);
  return out;
}

// Sum of one field over the weeks [from, to) (to < 0: to the end).
inline double sumOf(const Simulation& sim, int regime, double WeekRow::*field, int group = 2, int from = 0,
                    int to = -1) {
  double s = 0;
  for (const WeekRow& r : rowsOf(sim, regime, group))
    if (r.week >= from && (to < 0 || r.week < to)) s += r.*field;
  return s;
}

inline WeekRow lastRow(const Simulation& sim, int regime, int group = 2) {
  auto rs = rowsOf(sim, regime, group);
  REQUIRE(!rs.empty());
  return rs.back();
}

inline const GroupSummary& summaryOf(const std::vector<RegimeSummary>& s, int regime, int group = 2) {
  return s.at(static_cast<size_t>(regime)).group[group];
}

// Binomial standard error of a proportion p estimated from n trials.
inline double binomialSe(double p, double n) { return n > 0 ? std::sqrt(p * (1 - p) / n) : INFINITY; }

// Behavioural responses that would let one regime's policy leak into another's truth.
inline Scenario behaviourOff(Scenario s) {
  return with(std::move(s),
              {"behaviour.deterrence=false", "behaviour.chilling=false", "behaviour.gaming=false",
               "behaviour.trust=false", "behaviour.poverty_feedback=false"});
}

}  // namespace tlt
