// claim_metrics.cpp: output names for claims and their aggregation over windows.
#include "io/claim_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace tl {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const WeekRow* rowAt(const RunRecord& run, int week, int regime, int group) {
  const auto& rows = *run.rows;
  if (rows.empty() || run.regimes <= 0) return nullptr;
  const long per_week = run.regimes * 3L;
  const long i = (week - rows.front().week) * per_week + regime * 3L + group;
  if (i < 0 || i >= static_cast<long>(rows.size())) return nullptr;
  const WeekRow& r = rows[static_cast<size_t>(i)];
  return r.week == week && r.regime == regime && r.group == group ? &r : nullptr;
}

double rateField(const Rates& r, const std::string& name) {
  if (name == "fpr") return r.fpr;
  if (name == "fnr") return r.fnr;
  if (name == "ppv") return r.ppv;
  if (name == "npv") return r.npv;
  if (name == "base_rate") return r.base_rate;
  if (name == "selection_rate") return r.selection_rate;
  return r.accuracy;
}

double episodeField(const GroupSummary& g, const std::string& name) {
  if (name == "wronged") return g.funnel.wronged;
  if (name == "aware") return g.funnel.aware;
  if (name == "appealed") return g.funnel.appealed;
  if (name == "decided") return g.funnel.decided;
  if (name == "overturned") return g.funnel.overturned;
  return g.corrections;
}

const Snapshot* snapshotAt(const RunRecord& run, int weeks) {
  for (const auto& s : run.snapshots)
    if (s.weeks == weeks) return &s;
  return nullptr;
}

}  // namespace

const std::vector<ClaimMetric>& claimMetrics() {
  static const std::vector<ClaimMetric> table = [] {
    std::vector<ClaimMetric> t;
    for (const MetricDecl& m : metricTable()) {
      const std::string c = m.column;
      t.push_back({c,
                   // sim/metrics.def says whether a column is a state at week's end,
                   // an event in the week or a weekly mean.
                   m.when == MetricWhen::mean    ? MetricKind::Level
                   : m.when == MetricWhen::event ? MetricKind::Flow
                                                 : MetricKind::State,
                   c});
    }
    for (const char* r : {"fpr", "fnr", "ppv", "npv", "base_rate", "selection_rate", "accuracy"})
      t.push_back({r, MetricKind::Rate, ""});
    t.push_back({"sanction_rate", MetricKind::Share, "sanctioned"});
    t.push_back({"benefit_rate", MetricKind::Share, "benefited"});
    t.push_back({"disparate_impact", MetricKind::GroupRatio, ""});
    t.push_back({"sanction_ratio", MetricKind::GroupRatio, "sanctioned"});
    t.push_back({"benefit_ratio", MetricKind::GroupRatio, "benefited"});
    t.push_back({"wrongful_sanction_weeks", MetricKind::Flow, "wrongly_sanctioned"});
    for (const char* f : {"wronged", "aware", "appealed", "decided", "overturned", "corrections"})
      t.push_back({f, MetricKind::Episode, ""});
    t.push_back({"median_weeks_to_correction", MetricKind::Median, ""});
    return t;
  }();
  return table;
}

const ClaimMetric* findClaimMetric(const std::string& name) {
  for (const auto& m : claimMetrics())
    if (m.name == name) return &m;
  return nullptr;
}

std::vector<std::string> claimMetricNames() {
  std::vector<std::string> out;
  for (const auto& m : claimMetrics()) out.push_back(m.name);
  return out;
}

double claimValue(const RunRecord& run, const ClaimMetric& m, int regime, int group, int from, int to,
                  bool per_capita) {
  if (from > to || regime < 0 || regime >= run.regimes || group < 0 || group > 2) return kNaN;
  for (int w = from; w <= to; ++w)
    if (!rowAt(run, w, regime, group)) return kNaN;  // the run holds no such week
  const int weeks = to - from + 1;
  // A column summed over the window, for one group.
  auto sum = [&](Metric id, int g) {
    double s = 0;
    for (int w = from; w <= to; ++w) s += metricValue(*rowAt(run, w, regime, g), id);
    return s;
  };
  const double population = sum(Metric::population, group) / weeks;
  double value = kNaN;
  switch (m.kind) {
    case MetricKind::State:
    case MetricKind::Flow:
    case MetricKind::Level: {
      const double s = sum(findMetric(m.column)->id, group);
      value = m.kind == MetricKind::Flow ? s : s / weeks;
      break;
    }
    case MetricKind::Share: {
      const double n = sum(Metric::population, group);
      value = n > 0 ? sum(findMetric(m.column)->id, group) / n : kNaN;
      break;
    }
    case MetricKind::Rate:
    case MetricKind::GroupRatio: {
      if (m.kind == MetricKind::GroupRatio && !m.column.empty()) {
        const Metric id = findMetric(m.column)->id;
        const double a = sum(id, 0) / sum(Metric::population, 0), b = sum(id, 1) / sum(Metric::population, 1);
        value = disparateImpact(b, a);
        break;
      }
      Confusion c[3];
      for (int w = from; w <= to; ++w)
        for (int g = 0; g < 3; ++g) c[g] += rowAt(run, w, regime, g)->confusion;
      if (m.kind == MetricKind::Rate)
        value = rateField(rates(c[group]), m.name);
      else
        value = disparateImpact(rates(c[1]).selection_rate, rates(c[0]).selection_rate);
      break;
    }
    case MetricKind::Episode:
    case MetricKind::Median: {
      const Snapshot* end = snapshotAt(run, to + 1);
      const Snapshot* begin = from == 0 ? nullptr : snapshotAt(run, from);
      if (!end || (from != 0 && (!begin || m.kind == MetricKind::Median)))
        throw std::invalid_argument("'" + m.name +
                                    "' is counted over a whole run or a lesson step only (window \"run\" or "
                                    "\"step\")");
      const GroupSummary& ge = end->summary.at(static_cast<size_t>(regime)).group[group];
      if (m.kind == MetricKind::Median) {
        value = ge.median_weeks_to_correction;
      } else {
        value = episodeField(ge, m.name);
        if (begin && !begin->summary.empty())
          value -= episodeField(begin->summary.at(static_cast<size_t>(regime)).group[group], m.name);
      }
      break;
    }
  }
  if (per_capita) value = population > 0 ? value / population : kNaN;
  return value;
}

}  // namespace tl
