// cmd_info.cpp: the read-only commands — validate, params, presets, scenarios.
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "io/input_file.hpp"
#include "io/metric_docs.hpp"
#include "io/param_docs.hpp"
#include "io/scenario_io.hpp"
#include "sim/simulation.hpp"

namespace tl::cli {
namespace {

std::string regimeList(const Scenario& s) {
  std::string names;
  for (size_t i = 0; i < s.regimes.size(); ++i) names += (i ? ", " : "") + s.regimes[i].name;
  return std::to_string(s.regimes.size()) + (s.regimes.size() == 1 ? " regime: " : " regimes: ") + names;
}

}  // namespace

int cmdValidate(const Args& a) {
  if (a.positional.empty()) throw UsageError("validate: expected one or more FILEs");
  bool bad = false;
  for (const auto& file : a.positional) {  // every file is checked, whatever the others hold
    FileCheck check = checkFile(file);
    if (check.errors.empty()) {
      std::cout << printable(file) << ": ok ("
                << (check.is_preset ? std::string("preset") : regimeList(check.scenario)) << ")\n";
    } else {
      bad = true;
      for (const auto& e : check.errors) std::cerr << e.str() << "\n";
    }
  }
  return bad ? 2 : 0;
}

int cmdParams(const Args& a) {
  if (!a.positional.empty()) throw UsageError("params: takes no FILE");
  if (a.has("--json") && a.has("--markdown"))
    throw UsageError("params: choose --json or --markdown, not both");
  if (a.has("--json")) {
    std::cout << parametersJson();
    return 0;
  }
  if (a.has("--markdown")) {
    std::cout << parametersMarkdown();
    return 0;
  }
  std::printf("%-42s %-7s %-15s %-10s %s\n", "parameter", "scope", "unit", "default", "range");
  for (const auto& d : paramTable()) {
    std::string range;
    if (d.type == ParamType::Choice)
      for (size_t k = 0; k < d.choices.size(); ++k) range += (k ? "|" : "") + d.choices[k];
    else if (d.type == ParamType::Bool)
      range = "true|false";
    else
      range = formatValue(d, d.lo) + " .. " + formatValue(d, d.hi);
    std::printf("%-42s %-7s %-15s %-10s %s\n", d.path, d.scope == Scope::World ? "world" : "regime", d.unit,
                formatValue(d, d.def).c_str(), range.c_str());
    std::printf("    %s\n", d.description);
  }
  std::printf(
      "\nWorld parameters go at the top level of a scenario; regime parameters inside each regime.\n"
      "trustlab-cli params --markdown prints docs/parameters.md (sources included).\n");
  return 0;
}

int cmdPresets(const Args& a) {
  if (!a.positional.empty()) throw UsageError("presets: takes no argument");
  bool bad = false;
  for (const auto& name : presetNames()) {
    try {
      const auto& j = presetJson(name);
      std::cout << name << "\n  " << j.value("title", std::string("(no title)"))
                << "\n  target: " << j.value("target_description", std::string("(not described)")) << "\n";
    } catch (const ScenarioError& e) {
      bad = true;
      std::cout << name << ": HAS ERRORS\n";
      for (const auto& err : e.errors) std::cerr << err.str() << "\n";
    }
  }
  if (presetNames().empty()) std::cout << "(no presets are embedded in this build)\n";
  return bad ? 2 : 0;
}

int cmdMetrics(const Args& a) {
  if (!a.positional.empty()) throw UsageError("metrics: takes no FILE");
  if (a.has("--markdown")) {
    std::cout << metricsMarkdown();
    return 0;
  }
  std::printf("%-24s %-26s %-17s %s\n", "column", "name on screen", "unit", "counts");
  for (const MetricDecl& m : metricTable()) {
    std::printf("%-24s %-26s %-17s %s\n", m.column, m.label, m.unit,
                metricWhenWords(static_cast<int>(m.when)));
    std::printf("    %s\n", m.description);
  }
  std::printf("\nColumns of timeseries.csv after week, regime, group; docs/metrics.md defines each.\n");
  return 0;
}

int cmdScenarios(const Args& a) {
  if (!a.positional.empty()) throw UsageError("scenarios: takes no argument");
  bool bad = false;
  for (const auto& path : embeddedScenarioPaths()) {
    try {
      Scenario s = loadScenario(path);
      std::cout << path << "\n  " << (s.title.empty() ? s.name : s.title) << " (" << regimeList(s) << ")\n";
    } catch (const ScenarioError& e) {
      bad = true;
      std::cout << path << ": HAS ERRORS\n";
      for (const auto& err : e.errors) std::cerr << err.str() << "\n";
    }
  }
  std::cout << "Run one with: trustlab-cli run NAME (e.g. trustlab-cli run default)\n";
  return bad ? 2 : 0;
}

}  // namespace tl::cli
