// scenario_args.cpp: turns SCENARIO / --manifest / --set / --seed / --weeks /
// --population into one scenario, collecting every argument error before failing.
#include "cli/commands.hpp"
#include "io/scenario_io.hpp"

namespace tl::cli {

Scenario scenarioFromArgs(const Args& a) {
  if (a.positional.size() > 1)
    throw UsageError("expected at most one SCENARIO, got " + std::to_string(a.positional.size()));
  Scenario s;
  auto manifest = a.get("--manifest");
  if (manifest && !a.positional.empty()) throw UsageError("give either SCENARIO or --manifest, not both");
  if (manifest)
    s = loadScenarioFile(*manifest);
  else if (!a.positional.empty())
    s = loadScenario(a.positional[0]);
  else
    s = defaultScenario();

  std::vector<InputError> errors;
  for (const auto& set : a.all("--set")) {
    try {
      applySet(s, set);
    } catch (const ScenarioError& e) {
      errors.insert(errors.end(), e.errors.begin(), e.errors.end());
    }
  }
  // The shortcuts win over --set, whatever the order they were typed in.
  const std::pair<const char*, const char*> shortcuts[] = {
      {"--seed", "seed"}, {"--weeks", "weeks"}, {"--population", "population.size"}};
  for (const auto& sc : shortcuts) {
    auto v = a.get(sc.first);
    if (!v) continue;
    try {
      applySet(s, sc.second, *v);
    } catch (const ScenarioError& e) {
      for (auto err : e.errors) {
        err.file = std::string(sc.first) + " " + *v;
        errors.push_back(err);
      }
    }
  }
  if (!errors.empty()) throw ScenarioError(errors);
  return s;
}

}  // namespace tl::cli
