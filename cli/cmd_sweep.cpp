// cmd_sweep.cpp: `sweep` (replications over values of one parameter, optionally one
// shard of the job list) and `merge` (shards back into one sweep). Both aggregate by
// the same code from the same jobs.csv text, so a merged sweep is byte-identical to
// an unsharded one.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "io/output.hpp"
#include "io/scenario_io.hpp"
#include "sim/simulation.hpp"

namespace tl::cli {
namespace {

using ojson = nlohmann::ordered_json;

const std::vector<std::string> kMetrics = {
    "fpr", "fnr", "ppv", "base_rate", "selection_rate", "disparate_impact", "wrongful_sanction_weeks"};

std::vector<double> metricsOf(const GroupSummary& g) {
  return {g.rates.fpr,
          g.rates.fnr,
          g.rates.ppv,
          g.rates.base_rate,
          g.rates.selection_rate,
          g.disparate_impact,
          g.wrongful_sanction_weeks};
}

// Splits at `sep`; with `quotes`, CSV rules: quoted fields may hold the separator and "".
std::vector<std::string> splitList(const std::string& text, char sep, bool quotes = false) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        cur += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        cur += c;
    } else if (quotes && c == '"') {
      quoted = true;
    } else if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> csvFields(const std::string& line) { return splitList(line, ',', true); }

// Two-sided 95 % Student t quantile for df degrees of freedom.
double t975(int df) {
  static const double table[] = {0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                 2.201, 2.179,  2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080,
                                 2.074, 2.069,  2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df <= 30) return table[df];
  return 1.959964 + 2.37 / df;  // Cornish-Fisher first term: close enough beyond 30
}

// The sweep's definition: everything shards must agree on.
struct SweepDef {
  Scenario base;
  std::string param;
  std::vector<std::string> values;
  int reps = 10;
  long long seed_base = 1;
  int shard = 0, shards = 1;
  int jobs() const { return static_cast<int>(values.size()) * reps; }
};

ojson defJson(const SweepDef& d, int shard, int shards) {
  ojson j;
  j["version"] = TRUSTLAB_VERSION;
  j["scenario_hash"] = scenarioHashHex(d.base);
  j["param"] = d.param;
  j["values"] = d.values;
  j["reps"] = d.reps;
  j["seed_base"] = d.seed_base;
  j["jobs"] = d.jobs();
  j["shard"] = std::to_string(shard) + "/" + std::to_string(shards);
  j["scenario"] = scenarioToJsonValue(d.base, true);
  return j;
}

std::string jobsHeader() {
  std::string h = "job,value,rep,seed,regime,group";
  for (const auto& m : kMetrics) h += "," + m;
  return h + "\n";
}

// Runs one job and renders its rows of jobs.csv (one per regime x group).
std::string runJob(const SweepDef& d, int job, int threads) {
  int v = job / d.reps, rep = job % d.reps;
  Scenario s = d.base;
  applySet(s, d.param, d.values[static_cast<size_t>(v)]);
  long long seed = d.seed_base + rep;
  applySet(s, "seed", std::to_string(seed));
  SimOptions opt;
  opt.threads = threads;
  Simulation sim(s, opt);
  sim.run(s.weeks());
  std::string out;
  for (const RegimeSummary& rs : sim.summary()) {
    for (int g = 0; g < 3; ++g) {
      out += std::to_string(job) + "," + csvField(d.values[static_cast<size_t>(v)]) + "," +
             std::to_string(rep) + "," + std::to_string(seed) + "," + csvField(rs.name) + "," +
             csvField(groupLabel(s, g));
      for (double x : metricsOf(rs.group[g])) out += "," + formatNumber(x);
      out += "\n";
    }
  }
  return out;
}

// sweep.csv from the text of a complete jobs.csv (rows in job order).
std::string aggregate(const std::string& jobs_csv) {
  struct Cell {
    std::string value, regime, group;
    std::vector<std::vector<double>> samples;  // per metric
  };
  std::vector<Cell> cells;
  std::map<std::string, size_t> index;
  std::vector<std::string> lines = splitList(jobs_csv, '\n');
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    auto f = csvFields(lines[i]);
    if (f.size() != 6 + kMetrics.size())
      throw std::runtime_error("jobs.csv: malformed line " + std::to_string(i + 1));
    std::string key = f[1] + '\x1f' + f[4] + '\x1f' + f[5];
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, cells.size()).first;
      cells.push_back({f[1], f[4], f[5], std::vector<std::vector<double>>(kMetrics.size())});
    }
    for (size_t m = 0; m < kMetrics.size(); ++m) {
      const std::string& x = f[6 + m];
      if (!x.empty()) cells[it->second].samples[m].push_back(std::strtod(x.c_str(), nullptr));
    }
  }
  std::string out = "value,regime,group,n";
  for (const auto& m : kMetrics) out += "," + m + "_mean," + m + "_ci95_low," + m + "_ci95_high," + m + "_n";
  out += "\n";
  for (const Cell& c : cells) {
    size_t n = 0;
    for (const auto& s : c.samples) n = std::max(n, s.size());
    out += csvField(c.value) + "," + csvField(c.regime) + "," + csvField(c.group) + "," + std::to_string(n);
    for (const auto& s : c.samples) {
      // Mean and a t-based 95 % interval over the replications where the metric is defined.
      double mean = NAN, half = NAN;
      if (!s.empty()) {
        double sum = 0;
        for (double x : s) sum += x;
        mean = sum / static_cast<double>(s.size());
        if (s.size() > 1) {
          double ss = 0;
          for (double x : s) ss += (x - mean) * (x - mean);
          double sd = std::sqrt(ss / static_cast<double>(s.size() - 1));
          half = t975(static_cast<int>(s.size()) - 1) * sd / std::sqrt(static_cast<double>(s.size()));
        }
      }
      out += "," + formatNumber(mean) + "," + formatNumber(mean - half) + "," + formatNumber(mean + half) +
             "," + std::to_string(s.size());
    }
    out += "\n";
  }
  return out;
}

std::unique_ptr<AtomicDir> openOut(const Args& a) {
  auto dir = a.get("--out");
  if (!dir) throw UsageError("--out DIR is required");
  try {
    return std::make_unique<AtomicDir>(*dir, std::vector<std::string>{"jobs.csv", "sweep.json", "sweep.csv"});
  } catch (const std::exception& e) {
    throw UsageError(std::string("--out: ") + e.what());
  }
}

SweepDef sweepFromArgs(const Args& a) {
  SweepDef d;
  if (a.positional.size() != 1) throw UsageError("sweep: expected one SCENARIO");
  auto param = a.get("--param"), values = a.get("--values");
  if (!param) throw UsageError("sweep: --param PATH is required");
  if (!values) throw UsageError("sweep: --values A,B,C is required");
  d.base = scenarioFromArgs(a);
  d.param = *param;
  d.values = splitList(*values, ',');
  d.reps = static_cast<int>(a.getInt("--reps", 10, 1, 100000));
  d.seed_base = a.getInt("--seed-base", 1, 0, 9007199254740991LL - 100000);
  if (auto shard = a.get("--shard")) {
    auto parts = splitList(*shard, '/');
    auto i = parts.size() == 2 ? parseWhole(parts[0]) : std::nullopt;
    auto n = parts.size() == 2 ? parseWhole(parts[1]) : std::nullopt;
    if (!i || !n || *n < 1 || *i < 0 || *i >= *n || *n > 100000)
      throw UsageError("--shard " + *shard + ": expected I/N with 0 <= I < N, e.g. 0/4");
    d.shard = static_cast<int>(*i);
    d.shards = static_cast<int>(*n);
  }
  // Every value must apply before any job runs.
  std::vector<InputError> errors;
  for (const auto& v : d.values) {
    Scenario trial = d.base;
    try {
      applySet(trial, d.param, v);
    } catch (const ScenarioError& e) {
      for (auto err : e.errors) {
        err.file = "--param " + d.param + " with value " + v;
        errors.push_back(err);
      }
    }
  }
  if (!errors.empty()) throw ScenarioError(errors);
  return d;
}

}  // namespace

int cmdSweep(const Args& a) {
  SweepDef d = sweepFromArgs(a);
  int threads = static_cast<int>(a.getInt("--threads", 0, 0, 1024));
  auto out = openOut(a);
  std::string jobs = jobsHeader();
  for (int j = d.shard; j < d.jobs(); j += d.shards) {
    if (!a.has("--quiet"))
      std::cout << "job " << j + 1 << "/" << d.jobs() << ": " << d.param << "="
                << d.values[static_cast<size_t>(j / d.reps)] << ", seed " << d.seed_base + j % d.reps
                << std::endl;
    jobs += runJob(d, j, threads);
  }
  out->write("jobs.csv", jobs);
  out->write("sweep.json", defJson(d, d.shard, d.shards).dump(2) + "\n");
  if (d.shards == 1) out->write("sweep.csv", aggregate(jobs));
  out->commit();
  if (!a.has("--quiet"))
    std::cout << "wrote " << out->dir()
              << (d.shards == 1 ? "/sweep.csv, jobs.csv, sweep.json\n"
                                : "/jobs.csv, sweep.json (merge the shards with trustlab-cli merge)\n");
  return 0;
}

int cmdMerge(const Args& a) {
  if (a.positional.empty()) throw UsageError("merge: expected the shard folders DIR1 DIR2...");
  ojson reference;
  std::map<int, std::string> by_job;  // job -> its rows of jobs.csv, verbatim
  std::map<int, size_t> source;       // job -> the folder it came from
  std::string header;
  for (size_t d = 0; d < a.positional.size(); ++d) {
    const std::string& dir = a.positional[d];
    std::string def_text, jobs_text;
    std::string def_path = (std::filesystem::path(dir) / "sweep.json").string();
    std::string jobs_path = (std::filesystem::path(dir) / "jobs.csv").string();
    if (!readTextFile(def_path, def_text) || !readTextFile(jobs_path, jobs_text))
      throw UsageError(dir + ": not a sweep folder (needs sweep.json and jobs.csv)");
    ojson def = ojson::parse(def_text, nullptr, false);
    if (def.is_discarded() || !def.contains("shard")) throw UsageError(def_path + ": not a sweep definition");
    ojson same = def;
    same.erase("shard");
    if (reference.is_null())
      reference = same;
    else if (same != reference)
      throw UsageError(dir + ": a shard of a different sweep (its sweep.json differs)");
    auto lines = splitList(jobs_text, '\n');
    header = lines[0] + "\n";
    for (size_t i = 1; i < lines.size(); ++i) {
      if (lines[i].empty()) continue;
      auto job = parseWhole(csvFields(lines[i])[0]);
      if (!job) throw UsageError(jobs_path + ": malformed line " + std::to_string(i + 1));
      auto from = source.emplace(static_cast<int>(*job), d).first;
      if (from->second != d)
        throw UsageError("merge: job " + std::to_string(*job) + " is in both " + a.positional[from->second] +
                         " and " + dir);
      by_job[static_cast<int>(*job)] += lines[i] + "\n";
    }
  }
  int total = reference.value("jobs", 0);
  std::string jobs = header;
  std::vector<int> missing;
  for (int j = 0; j < total; ++j) {
    if (!by_job.count(j))
      missing.push_back(j);
    else
      jobs += by_job[j];
  }
  if (!missing.empty())
    throw UsageError("merge: " + std::to_string(missing.size()) + " of " + std::to_string(total) +
                     " jobs are missing (first: job " + std::to_string(missing[0]) +
                     "); give every shard's folder");
  if (static_cast<int>(by_job.size()) != total) throw UsageError("merge: jobs beyond the sweep's job list");
  auto out = openOut(a);
  ojson def;
  for (auto it = reference.begin(); it != reference.end(); ++it) {
    if (it.key() == "scenario") def["shard"] = "0/1";  // same key order as an unsharded sweep.json
    def[it.key()] = it.value();
  }
  out->write("jobs.csv", jobs);
  out->write("sweep.json", def.dump(2) + "\n");
  out->write("sweep.csv", aggregate(jobs));
  out->commit();
  std::cout << "merged " << a.positional.size() << " shards (" << total << " jobs) into " << out->dir()
            << "/sweep.csv\n";
  return 0;
}

}  // namespace tl::cli
