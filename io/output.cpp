// output.cpp: renders a Simulation's rows and summary as CSV, JSON and a text table.
#include "io/output.hpp"

#include <cmath>
#include <cstdio>

#include "io/input_file.hpp"
#include "io/param_docs.hpp"
#include "io/scenario_io.hpp"

#ifndef TRUSTLAB_VERSION
#define TRUSTLAB_VERSION "unknown"
#endif

namespace tl {
namespace {

using ojson = nlohmann::ordered_json;

ojson numberOrNull(double v) { return std::isfinite(v) ? ojson(v) : ojson(nullptr); }

ojson groupJson(const GroupSummary& g) {
  ojson o;
  o["fpr"] = numberOrNull(g.rates.fpr);
  o["fnr"] = numberOrNull(g.rates.fnr);
  o["ppv"] = numberOrNull(g.rates.ppv);
  o["npv"] = numberOrNull(g.rates.npv);
  o["base_rate"] = numberOrNull(g.rates.base_rate);
  o["selection_rate"] = numberOrNull(g.rates.selection_rate);
  o["accuracy"] = numberOrNull(g.rates.accuracy);
  o["disparate_impact"] = numberOrNull(g.disparate_impact);
  o["sanction_rate"] = numberOrNull(g.sanction_rate);
  o["benefit_rate"] = numberOrNull(g.benefit_rate);
  o["sanction_ratio"] = numberOrNull(g.sanction_ratio);
  o["benefit_ratio"] = numberOrNull(g.benefit_ratio);
  o["wrongful_sanction_weeks"] = numberOrNull(g.wrongful_sanction_weeks);
  o["funnel"] = {{"wronged", numberOrNull(g.funnel.wronged)},
                 {"aware", numberOrNull(g.funnel.aware)},
                 {"appealed", numberOrNull(g.funnel.appealed)},
                 {"decided", numberOrNull(g.funnel.decided)},
                 {"overturned", numberOrNull(g.funnel.overturned)}};
  o["median_weeks_to_correction"] = numberOrNull(g.median_weeks_to_correction);
  o["corrections"] = numberOrNull(g.corrections);
  // Run totals of every weekly count and the last week's value of every metric
  // (names as timeseries.csv columns; sim/metrics.def).
  ojson totals, last;
  for (const auto& m : metricTable()) {
    if (!m.mean()) totals[m.column] = numberOrNull(metricValue(WeekRow{g.totals, 0, 0, 0, {}}, m.id));
    last[m.column] = numberOrNull(metricValue(g.last, m.id));
  }
  o["totals"] = totals;
  o["final_week"] = last;
  o["confusion"] = {{"tp", numberOrNull(g.confusion.tp)},
                    {"fp", numberOrNull(g.confusion.fp)},
                    {"fn", numberOrNull(g.confusion.fn)},
                    {"tn", numberOrNull(g.confusion.tn)}};
  return o;
}

std::string rate(double v) {
  if (!std::isfinite(v)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

std::string count(double v) {
  if (!std::isfinite(v)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.0f", v);
  return b;
}

}  // namespace

std::string formatNumber(double v) {
  if (!std::isfinite(v)) return "";
  char b[40];
  if (std::floor(v) == v && std::fabs(v) < 1e15)
    std::snprintf(b, sizeof b, "%.0f", v);
  else
    std::snprintf(b, sizeof b, "%.17g", v);
  return b;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string groupLabel(const Scenario& s, int group) {
  return group == 0 ? s.label_a : group == 1 ? s.label_b : std::string("all");
}

Scenario effectiveScenario(const Simulation& sim) {
  Scenario s = sim.scenario();
  s.world = sim.worldParams();
  for (int r = 0; r < sim.regimeCount() && r < static_cast<int>(s.regimes.size()); ++r)
    s.regimes[static_cast<size_t>(r)].values = sim.regimeParams(r);
  return s;
}

std::string timeseriesCsv(const Simulation& sim) { return timeseriesCsv(sim.scenario(), sim.rows()); }

std::string timeseriesCsv(const Scenario& s, const std::vector<WeekRow>& rows, bool pane_column) {
  std::string out = "week,regime,group";
  for (const auto& c : weekRowColumns()) out += "," + c;
  out += pane_column ? ",pane\n" : "\n";
  for (const WeekRow& row : rows) {
    out += std::to_string(row.week) + "," + csvField(s.regimes[static_cast<size_t>(row.regime)].name) + "," +
           csvField(groupLabel(s, row.group));
    for (double v : weekRowValues(row)) out += "," + formatNumber(v);
    if (pane_column) out += "," + std::to_string(row.regime + 1);
    out += "\n";
  }
  return out;
}

ojson manifestJson(const Simulation& sim) {
  Scenario s = effectiveScenario(sim);
  ojson m;
  m["version"] = TRUSTLAB_VERSION;
  m["scenario_hash"] = scenarioHashHex(s);
  m["source_file"] = printable(s.source_file);  // a file name is bytes; JSON wants UTF-8
  m["seed"] = s.seed();
  m["threads"] = sim.threads();
  m["weeks"] = s.weeks();
  m["weeks_run"] = sim.week();
  m["population"] = s.population();
  m["group_labels"] = {s.label_a, s.label_b};
  ojson world;
  for (const auto& d : paramTable())
    if (d.scope == Scope::World) world[d.path] = paramJsonValue<ojson>(d, s.world[d.id]);
  m["world"] = world;
  ojson regimes = ojson::array();
  for (const auto& r : s.regimes) {
    ojson o;
    o["name"] = r.name;
    o["preset"] = r.preset;
    ojson params;
    for (const auto& d : paramTable())
      if (d.scope == Scope::Regime) params[d.path] = paramJsonValue<ojson>(d, r.values[d.id]);
    o["parameters"] = params;
    regimes.push_back(o);
  }
  m["regimes"] = regimes;
  // Every value written out, so a preset edited later cannot change the rerun.
  m["scenario"] = scenarioToJsonValue(s, true);
  return m;
}

ojson summaryJsonValue(const Simulation& sim) {
  const Scenario& s = sim.scenario();
  ojson out;
  ojson regimes = ojson::array();
  for (const RegimeSummary& rs : sim.summary()) {
    ojson o;
    o["name"] = rs.name;
    o["preset"] = rs.preset;
    o["target"] = rs.target;
    ojson groups;
    for (int g = 0; g < 3; ++g) groups[groupLabel(s, g)] = groupJson(rs.group[g]);
    o["groups"] = groups;
    regimes.push_back(o);
  }
  out["regimes"] = regimes;
  out["manifest"] = manifestJson(sim);
  return out;
}

std::string summaryJson(const Simulation& sim) { return summaryJsonValue(sim).dump(2) + "\n"; }

std::string summaryTable(const Simulation& sim) {
  const Scenario& s = sim.scenario();
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%s: %zu citizens, %d weeks, seed %llu\n",
                s.title.empty() ? s.name.c_str() : s.title.c_str(), sim.population(), sim.week(),
                static_cast<unsigned long long>(s.seed()));
  out += line;
  for (const RegimeSummary& rs : sim.summary()) {
    out += "\n== " + rs.name + (rs.preset.empty() ? "" : " (preset " + rs.preset + ")") +
           (rs.target.empty() ? "" : "; target: " + rs.target) + "\n";
    std::snprintf(line, sizeof line, "%-8s %6s %6s %6s %6s %6s %6s %12s  %-32s %9s\n", "group", "FPR", "FNR",
                  "PPV", "base", "select", "DI", "wrong-wks", "appeal funnel", "med-corr");
    out += line;
    for (int g = 0; g < 3; ++g) {
      const GroupSummary& gs = rs.group[g];
      std::string funnel = count(gs.funnel.wronged) + ">" + count(gs.funnel.aware) + ">" +
                           count(gs.funnel.appealed) + ">" + count(gs.funnel.decided) + ">" +
                           count(gs.funnel.overturned);
      std::snprintf(
          line, sizeof line, "%-8s %6s %6s %6s %6s %6s %6s %12s  %-32s %9s\n",
          groupLabel(s, g).substr(0, 8).c_str(), rate(gs.rates.fpr).c_str(), rate(gs.rates.fnr).c_str(),
          rate(gs.rates.ppv).c_str(), rate(gs.rates.base_rate).c_str(), rate(gs.rates.selection_rate).c_str(),
          rate(gs.disparate_impact).c_str(), count(gs.wrongful_sanction_weeks).c_str(), funnel.c_str(),
          std::isfinite(gs.median_weeks_to_correction) ? count(gs.median_weeks_to_correction).c_str()
                                                       : "n/a");
      out += line;
    }
  }
  out +=
      "\nFPR/FNR/PPV: false positive / false negative rate and precision over citizen-weeks "
      "(docs/metrics.md);\n"
      "DI: group B's selection rate over group A's; wrong-wks: weeks wrongly sanctioned; appeal funnel:\n"
      "wronged > aware > appealed > decided > overturned (citizens); med-corr: median weeks from a\n"
      "wrongful sanction to its correction.\n";
  return out;
}

}  // namespace tl
