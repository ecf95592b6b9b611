// sweep_jobs.hpp: the CLI's side of a sweep (io/sweep_run.hpp runs it): its
// arguments, and the files jobs.csv / sweep.json that `sweep`, `merge`, `plot` and
// `bench --sweep` share.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "io/csv_read.hpp"
#include "io/frontier.hpp"
#include "io/svg_plot.hpp"
#include "io/sweep_run.hpp"
#include "sim/scenario.hpp"

namespace tl::cli {

using tl::JobPoint;
using tl::RunMode;
using tl::SweepDef;

// "0.01:0.5:50" is 50 evenly spaced values from 0.01 to 0.5; other items are taken as written.
std::vector<std::string> expandValues(const std::string& list, const std::string& option);

// SCENARIO --param --values [--param2 --values2] --reps --seed-base: checked, every value
// tried on the scenario first (ScenarioError / UsageError on bad input).
SweepDef sweepFromArgs(const Args& a);
// sweep.json (shard "i/n") and back.
nlohmann::ordered_json sweepJson(const SweepDef& d, int shard, int shards);
SweepDef sweepFromJson(const nlohmann::ordered_json& j, const std::string& file);

std::string jobsHeader();
// Runs the jobs (io/sweep_run.hpp) and returns their rows of jobs.csv in the order given;
// `progress` prints a line per simulation.
std::string runJobs(const SweepDef& d, const std::vector<int>& jobs, int threads, RunMode mode,
                    bool progress);
// The runs recorded in a jobs.csv text (header checked against this build's outcomes).
std::vector<RunResult> parseJobs(const std::string& jobs_csv, const std::string& file);

// The plot options --x, --y, --group (defaults: wrongful sanction-weeks against unpaid,
// or missed where the model has no unpaid count; group "all"), checked.
FrontierPlot plotFromArgs(const Args& a, const SweepDef& d);

}  // namespace tl::cli
