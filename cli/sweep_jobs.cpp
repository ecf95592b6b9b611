// sweep_jobs.cpp: the sweep's definition, its jobs and the files shards share.
#include "cli/sweep_jobs.hpp"

#include <iostream>
#include <limits>

#include "cli/commands.hpp"
#include "io/output.hpp"
#include "io/scenario_io.hpp"
#include "io/sweep_setup.hpp"
#include "sim/simulation.hpp"

namespace tl::cli {
namespace {
using ojson = nlohmann::ordered_json;
}  // namespace

std::vector<std::string> expandValues(const std::string& list, const std::string& option) {
  try {
    return expandSweepValues(list);
  } catch (const SweepValuesError& e) {
    throw UsageError(option + " " + e.what());
  }
}

SweepDef sweepFromArgs(const Args& a) {
  SweepDef d;
  if (a.positional.size() != 1) throw UsageError("sweep: expected one SCENARIO");
  auto param = a.get("--param"), values = a.get("--values");
  if (!param) throw UsageError("sweep: --param PATH is required");
  if (!values) throw UsageError("sweep: --values A,B,C (or FROM:TO:COUNT) is required");
  auto param2 = a.get("--param2"), values2 = a.get("--values2");
  if (param2.has_value() != values2.has_value())
    throw UsageError("sweep: --param2 and --values2 go together (a two-parameter grid)");
  d.base = scenarioFromArgs(a);
  d.param = *param;
  d.values = expandValues(*values, "--values");
  if (param2) {
    if (*param2 == *param) throw UsageError("sweep: --param2 must differ from --param");
    d.param2 = *param2;
    d.values2 = expandValues(*values2, "--values2");
  }
  d.reps = static_cast<int>(a.getInt("--reps", 10, 1, 100000));
  d.seed_base = a.getInt("--seed-base", 1, 0, 9007199254740991LL - 100000);
  if (static_cast<double>(d.values.size()) * static_cast<double>(d.count2()) * d.reps > 1e7)
    throw UsageError("sweep: more than 10,000,000 jobs (values x values2 x reps)");
  checkSweepValues(d);
  return d;
}

ojson sweepJson(const SweepDef& d, int shard, int shards) {
  ojson j;
  j["version"] = TRUSTLAB_VERSION;
  j["scenario_hash"] = scenarioHashHex(d.base);
  j["param"] = d.param;
  j["values"] = d.values;
  if (!d.values2.empty()) {
    j["param2"] = d.param2;
    j["values2"] = d.values2;
  }
  j["reps"] = d.reps;
  j["seed_base"] = d.seed_base;
  j["jobs"] = d.jobs();
  j["shard"] = std::to_string(shard) + "/" + std::to_string(shards);
  j["scenario"] = scenarioToJsonValue(d.base, true);
  return j;
}

SweepDef sweepFromJson(const ojson& j, const std::string& file) {
  SweepDef d;
  try {
    d.param = j.at("param").get<std::string>();
    d.values = j.at("values").get<std::vector<std::string>>();
    if (j.contains("param2")) {
      d.param2 = j.at("param2").get<std::string>();
      d.values2 = j.at("values2").get<std::vector<std::string>>();
    }
    d.reps = j.at("reps").get<int>();
    d.seed_base = j.at("seed_base").get<long long>();
    if (d.reps < 1 || d.values.empty()) throw std::runtime_error("no jobs");
    d.base = parseScenario(j.at("scenario").dump(), file + " (scenario)");
  } catch (const ScenarioError&) {
    throw;
  } catch (const std::exception& e) {
    throw UsageError(file + ": not a sweep definition (" + e.what() + ")");
  }
  return d;
}

std::string jobsHeader() {
  std::string h = "job,value,value2,rep,seed,regime,group";
  for (const auto& o : frontierOutcomes()) h += "," + o.name;
  return h + "\n";
}

std::string runJobs(const SweepDef& d, const std::vector<int>& jobs, int threads, RunMode mode,
                    bool progress) {
  SweepControl control;
  if (progress)
    control.on_simulation = [](int done, int total, int panes, uint64_t seed) {
      std::cout << "simulation " << done << "/" << total << " done: " << panes << " pane(s), seed " << seed
                << std::endl;
    };
  std::vector<JobOutcomes> outcomes = runSweepJobs(d, jobs, threads, mode, control);
  std::string out;
  for (size_t i = 0; i < jobs.size(); ++i) {
    JobPoint jp = jobPoint(d, jobs[i]);
    std::string prefix = std::to_string(jobs[i]) + "," + csvField(d.values[jp.value]) + "," +
                         csvField(d.values2.empty() ? "" : d.values2[jp.value2]) + "," +
                         std::to_string(jp.rep) + "," + std::to_string(jp.seed) + ",";
    for (size_t r = 0; r < d.base.regimes.size(); ++r)
      for (int g = 0; g < 3; ++g) {
        out += prefix + csvField(d.base.regimes[r].name) + "," + csvField(groupLabel(d.base, g));
        for (double x : outcomes[i][r][static_cast<size_t>(g)]) out += "," + formatNumber(x);
        out += "\n";
      }
  }
  return out;
}

std::vector<RunResult> parseJobs(const std::string& jobs_csv, const std::string& file) {
  std::vector<std::string> lines = splitList(jobs_csv, '\n');
  if (lines.empty() || lines[0] + "\n" != jobsHeader())
    throw UsageError(file + ": its columns are not this trustlab-cli's (" + TRUSTLAB_VERSION +
                     "); merge and plot shards made by the same version");
  const size_t no = frontierOutcomes().size();
  std::vector<RunResult> runs;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    auto f = csvFields(lines[i]);
    if (f.size() != 7 + no) throw UsageError(file + ":" + std::to_string(i + 1) + ": malformed line");
    RunResult r{f[1], f[2], f[5], f[6], {}};
    for (size_t m = 0; m < no; ++m)
      r.outcomes.push_back(f[7 + m].empty() ? std::numeric_limits<double>::quiet_NaN()
                                            : std::strtod(f[7 + m].c_str(), nullptr));
    runs.push_back(std::move(r));
  }
  return runs;
}

FrontierPlot plotFromArgs(const Args& a, const SweepDef& d) {
  auto pick = [&](const char* opt, int fallback) {
    auto name = a.get(opt);
    if (!name) return fallback;
    int i = outcomeIndex(*name);
    if (i < 0) {
      std::vector<std::string> names;
      for (const auto& o : frontierOutcomes()) names.push_back(o.name);
      std::string near = closestMatch(*name, names);
      throw UsageError(std::string(opt) + " " + *name + ": not an outcome" +
                       (near.empty() ? "" : "; did you mean " + near + "?") + " (one of: " + outcomeNames() +
                       ")");
    }
    return i;
  };
  int x = pick("--x", defaultOutcomeX());
  int y = pick("--y", defaultOutcomeY());
  std::string g = a.get("--group").value_or("all");
  std::string group = sweepGroup(d.base, g);
  if (group.empty())
    throw UsageError("--group " + g + ": expected A, B or all (this scenario's groups: " + d.base.label_a +
                     ", " + d.base.label_b + ")");
  return sweepPlot(d, x, y, group);
}

}  // namespace tl::cli
