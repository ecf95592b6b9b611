// commands.hpp: the trustlab-cli subcommands and the helpers they share.
#pragma once
#include <string>

#include "cli/args.hpp"
#include "sim/scenario.hpp"

namespace tl::cli {

struct Command {
  const char* name;
  const char* summary;  // one line for the command list
  const char* usage;    // the full --help text
  OptionSpec options;
  int (*run)(const Args&);
};

int cmdRun(const Args& a);
int cmdValidate(const Args& a);
int cmdParams(const Args& a);
int cmdMetrics(const Args& a);
int cmdPresets(const Args& a);
int cmdScenarios(const Args& a);
int cmdBench(const Args& a);
int cmdBenchSweep(const Args& a);  // bench --sweep (cli/sweep_bench.cpp)
int cmdSweep(const Args& a);
int cmdMerge(const Args& a);
int cmdPlot(const Args& a);
int cmdValidateModel(const Args& a);  // cli/validate_model.cpp
int cmdCheckLessons(const Args& a);   // cli/cmd_check_lessons.cpp

// The scenario named by the arguments (SCENARIO, --manifest, or the embedded default)
// with --set, --seed, --weeks and --population applied. Throws ScenarioError/UsageError.
Scenario scenarioFromArgs(const Args& a);

}  // namespace tl::cli
