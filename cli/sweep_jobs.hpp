// sweep_jobs.hpp: a sweep's definition (one or two parameters x values x
// replications), its job list, running jobs in parallel, and the files
// jobs.csv / sweep.json that `sweep`, `merge`, `plot` and `bench --sweep` share.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "io/csv_read.hpp"
#include "io/frontier.hpp"
#include "io/svg_plot.hpp"
#include "sim/scenario.hpp"

namespace tl::cli {

// Everything the shards of one sweep must agree on.
struct SweepDef {
  Scenario base;
  std::string param, param2;                 // param2 "" for a one-parameter sweep
  std::vector<std::string> values, values2;  // values2 empty for a one-parameter sweep
  int reps = 10;
  long long seed_base = 1;
  size_t count2() const { return values2.empty() ? 1 : values2.size(); }
  int jobs() const { return static_cast<int>(values.size() * count2()) * reps; }
};

// Job j is value j / (reps x count2), value2 (j / reps) % count2, replication j % reps,
// seed seed_base + replication: every value gets the same seeds (common random numbers).
struct JobPoint {
  size_t value, value2;
  int rep;
  long long seed;
};
JobPoint jobPoint(const SweepDef& d, int job);

// "0.01:0.5:50" is 50 evenly spaced values from 0.01 to 0.5; other items are taken as written.
std::vector<std::string> expandValues(const std::string& list, const std::string& option);

// SCENARIO --param --values [--param2 --values2] --reps --seed-base: checked, every value
// tried on the scenario first (ScenarioError / UsageError on bad input).
SweepDef sweepFromArgs(const Args& a);
// sweep.json (shard "i/n") and back.
nlohmann::ordered_json sweepJson(const SweepDef& d, int shard, int shards);
SweepDef sweepFromJson(const nlohmann::ordered_json& j, const std::string& file);

std::string jobsHeader();
// How runJobs runs the jobs; the rows are the same text in every mode.
enum class RunMode {
  Batched,  // each distinct pane once, panes of one world together in one simulation; in parallel
  PerJob,   // one simulation per job with all its panes (as written); in parallel
  Serial,   // one simulation per job, one at a time, the threads inside it
};
// Runs the jobs and returns their rows of jobs.csv in the order given.
std::string runJobs(const SweepDef& d, const std::vector<int>& jobs, int threads, RunMode mode,
                    bool progress);
// The runs recorded in a jobs.csv text (header checked against this build's outcomes).
std::vector<RunResult> parseJobs(const std::string& jobs_csv, const std::string& file);

// The plot options --x, --y, --group (defaults: wrongful sanction-weeks against unpaid,
// or missed where the model has no unpaid count; group "all"), checked.
FrontierPlot plotFromArgs(const Args& a, const SweepDef& d);

}  // namespace tl::cli
