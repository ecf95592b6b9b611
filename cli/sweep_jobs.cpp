// sweep_jobs.cpp: the sweep's definition, its jobs and the files shards share.
#include "cli/sweep_jobs.hpp"

#include <cctype>
#include <cmath>
#include <iostream>
#include <limits>

#include "cli/commands.hpp"
#include "io/output.hpp"
#include "io/scenario_io.hpp"
#include "sim/simulation.hpp"

namespace tl::cli {
namespace {

using ojson = nlohmann::ordered_json;

// The parameter a --param path names: a world one, or a regime one for every regime
// (regime -1) or for one regime ("regimes[1].appeal.cost").
struct ParamTarget {
  const ParamDecl* decl = nullptr;
  bool world = false;
  int regime = -1;
};

ParamTarget resolve(const std::string& path) {
  ParamTarget t;
  std::string rest = path;
  if (path.rfind("regimes[", 0) == 0) {
    size_t close = path.find("].");
    if (close == std::string::npos) return t;
    auto idx = parseWhole(path.substr(8, close - 8));
    if (!idx) return t;
    t.regime = static_cast<int>(*idx);
    rest = path.substr(close + 2);
    t.decl = findParam(Scope::Regime, rest);
    return t;
  }
  if ((t.decl = findParam(Scope::Regime, rest))) return t;
  t.decl = findParam(Scope::World, rest);
  t.world = t.decl != nullptr;
  return t;
}

// 20000 -> "20,000".
std::string thousands(size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

bool changes(const ParamTarget& t, int regime) {
  return t.decl && (t.world || t.regime < 0 || t.regime == regime);
}

std::string currentValue(const Scenario& s, const ParamTarget& t, int regime) {
  if (!changes(t, regime)) return "";
  double v = t.world ? s.world[t.decl->id] : s.regimes[static_cast<size_t>(regime)].values[t.decl->id];
  return formatValue(*t.decl, v);
}

// Every value must apply before any job runs; errors name the option and the value.
void checkValues(const Scenario& base, const std::string& param, const std::vector<std::string>& values,
                 const std::string& option, std::vector<InputError>& errors) {
  for (const auto& v : values) {
    Scenario trial = base;
    try {
      applySet(trial, param, v);
    } catch (const ScenarioError& e) {
      for (auto err : e.errors) {
        err.file = option + " " + param + " with value " + v;
        errors.push_back(err);
      }
    }
  }
}

}  // namespace

std::vector<std::string> expandValues(const std::string& list, const std::string& option) {
  std::vector<std::string> out;
  for (const auto& item : splitList(list, ',')) {
    auto parts = splitList(item, ':');
    if (parts.size() == 1) {
      if (item.empty()) throw UsageError(option + " " + list + ": an empty value");
      out.push_back(item);
      continue;
    }
    char* e1 = nullptr;
    char* e2 = nullptr;
    double from = parts.size() == 3 ? std::strtod(parts[0].c_str(), &e1) : 0;
    double to = parts.size() == 3 ? std::strtod(parts[1].c_str(), &e2) : 0;
    auto count = parts.size() == 3 ? parseWhole(parts[2]) : std::nullopt;
    if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || *e1 || *e2 || !std::isfinite(from) ||
        !std::isfinite(to) || !count || *count < 1 || *count > 100000)
      throw UsageError(option + " " + item +
                       ": expected FROM:TO:COUNT, e.g. 0.01:0.5:50 (COUNT in [1, 100000])");
    for (long long k = 0; k < *count; ++k)
      out.push_back(
          jsonNumber(*count == 1 ? from : from + (to - from) * static_cast<double>(k) / (*count - 1)));
  }
  return out;
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
  std::vector<InputError> errors;
  checkValues(d.base, d.param, d.values, "--param", errors);
  if (!d.values2.empty()) checkValues(d.base, d.param2, d.values2, "--param2", errors);
  if (!errors.empty()) throw ScenarioError(errors);
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
  FrontierPlot p;
  auto pick = [&](const char* opt, const std::string& fallback) {
    std::string name = a.get(opt).value_or(fallback);
    int i = outcomeIndex(name);
    if (i < 0) {
      std::vector<std::string> names;
      for (const auto& o : frontierOutcomes()) names.push_back(o.name);
      std::string near = closestMatch(name, names);
      throw UsageError(std::string(opt) + " " + name + ": not an outcome" +
                       (near.empty() ? "" : "; did you mean " + near + "?") + " (one of: " + outcomeNames() +
                       ")");
    }
    return i;
  };
  p.x = pick("--x", "wrongful_sanction_weeks");
  p.y = pick("--y", outcomeIndex("unpaid") >= 0 ? "unpaid" : "missed");
  std::string g = a.get("--group").value_or("all");
  const Scenario& s = d.base;
  if (g == "A" || g == s.label_a)
    p.group = s.label_a;
  else if (g == "B" || g == s.label_b)
    p.group = s.label_b;
  else if (g == "all")
    p.group = "all";
  else
    throw UsageError("--group " + g + ": expected A, B or all (this scenario's groups: " + s.label_a + ", " +
                     s.label_b + ")");
  p.param = d.param;
  p.param2 = d.param2;
  p.reps = d.reps;
  ParamTarget t1 = resolve(d.param), t2 = resolve(d.param2);
  p.param_label = t1.decl ? t1.decl->label : "";
  p.param2_label = t2.decl ? t2.decl->label : "";
  for (size_t r = 0; r < s.regimes.size(); ++r) {
    FrontierPlot::Regime reg;
    reg.name = s.regimes[r].name;
    int ri = static_cast<int>(r);
    reg.affected = changes(t1, ri) || (!d.param2.empty() && changes(t2, ri));
    reg.current = currentValue(s, t1, ri);
    reg.current2 = d.param2.empty() ? "" : currentValue(s, t2, ri);
    p.regimes.push_back(reg);
  }
  const auto& outs = frontierOutcomes();
  std::string xl = outs[static_cast<size_t>(p.x)].label;
  if (xl.size() > 1 && std::islower(static_cast<unsigned char>(xl[1])))
    xl[0] = static_cast<char>(std::tolower(xl[0]));
  p.title = outs[static_cast<size_t>(p.y)].label + " against " + xl +
            (p.group == "all" ? "" : ", group " + p.group);
  auto named = [](const std::string& label, const std::string& path) {
    return label.empty() ? path : label + " (" + path + ")";
  };
  std::string sweep = named(p.param_label, d.param) + ", " + std::to_string(d.values.size()) + " values";
  if (!d.param2.empty())
    sweep += " x " + named(p.param2_label, d.param2) + ", " + std::to_string(d.values2.size()) + " values";
  p.subtitle = (s.title.empty() ? s.name : s.title) + "\nSweep of " + sweep + ".\n" + std::to_string(d.reps) +
               " replications per point; " + thousands(s.population()) + " citizens x " +
               std::to_string(s.weeks()) + " weeks; group " + p.group + ".";
  return p;
}

}  // namespace tl::cli
