// fuzz_targets.cpp: the properties the fuzzers check (see fuzz_targets.hpp).
#include "tests/fuzz/fuzz_targets.hpp"

#include <algorithm>
#include <string>

#include "io/output.hpp"
#include "io/scenario_io.hpp"
#include "sim/simulation.hpp"

namespace tl::fuzz {
namespace {

void require(bool ok, const std::string& what) {
  if (!ok) throw FuzzViolation(what);
}

// Every value of the scenario inside its declared range.
void requireInRange(const Scenario& s, const std::string& context) {
  for (const auto& d : paramTable()) {
    if (d.scope == Scope::World) {
      require(checkValue(d, s.world[d.id]).empty(), context + ": " + d.path + " out of range");
    } else {
      for (const auto& r : s.regimes)
        require(checkValue(d, r.values[d.id]).empty(), context + ": " + d.path + " out of range");
    }
  }
}

}  // namespace

void scenarioLoader(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  Scenario s;
  try {
    s = parseScenario(text, "fuzz.json");
  } catch (const ScenarioError& e) {
    require(!e.errors.empty(), "a ScenarioError without errors");
    return;
  }
  requireInRange(s, "loaded");
  require(!s.regimes.empty() && s.regimes.size() <= static_cast<size_t>(kMaxPanes), "regime count");
  for (const auto& step : s.lesson)
    for (const auto& kv : step.set) {
      Scenario t = s;
      try {
        applySet(t, kv.first, kv.second);
      } catch (const ScenarioError&) {
        throw FuzzViolation("a lesson set entry accepted at load fails to apply: " + kv.first);
      }
    }
  // Its own JSON reads back to the same effective values.
  for (bool every : {false, true}) {
    Scenario back;
    try {
      back = parseScenario(scenarioToJson(s, every), "back.json");
    } catch (const ScenarioError& e) {
      throw FuzzViolation(std::string("scenarioToJson is refused by the loader: ") + e.what());
    }
    require(scenarioHash(back) == scenarioHash(s), "scenarioToJson does not round-trip");
  }
  // A short run of what was accepted, and its outputs.
  s.world[P::population_size] = 100;
  s.world[P::weeks] = std::min(s.world[P::weeks], 3.0);
  SimOptions opt;
  opt.threads = 1;
  Simulation sim(s, opt);
  sim.run(s.weeks());
  require(!timeseriesCsv(sim).empty(), "no timeseries");
  std::string summary = summaryJson(sim);
  try {
    parseScenario(summary, "summary.json");  // a run is reproduced from its summary.json
  } catch (const ScenarioError& e) {
    throw FuzzViolation(std::string("a summary.json is refused by the loader: ") + e.what());
  }
}

void setAssignment(const uint8_t* data, size_t size) {
  static const Scenario base = [] {
    Scenario s = defaultScenario();
    while (s.regimes.size() < 2) s.regimes.push_back(s.regimes.front());
    s.source_text.clear();  // --set never reads them; cheaper copies, more executions
    s.lesson.clear();
    s.notes = Notes{};
    return s;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  Scenario s = base;
  try {
    applySet(s, text);
  } catch (const ScenarioError& e) {
    require(e.errors.size() == 1, "one --set, one error");
    require(s.world == base.world, "a refused --set changed a world value");
    for (size_t r = 0; r < s.regimes.size(); ++r)
      require(s.regimes[r].values == base.regimes[r].values, "a refused --set changed a regime value");
    return;
  }
  requireInRange(s, "--set " + text);
}

}  // namespace tl::fuzz
