// names.cpp: the words front ends show for views and events, and the metric table
// (sim/metrics.def) turned into output columns and values.
#include "sim/simulation.hpp"

namespace tl {

const char* eventName(EventKind k) {
  static const char* names[] = {"obligation paid",
                                "could not pay (resource shock)",
                                "would not pay (unwilling)",
                                "court judgement",
                                "judgement settled",
                                "minor infraction",
                                "prosocial act",
                                "protected-category behaviour",
                                "proxy behaviour (VPN, electricity)",
                                "harmful act",
                                "cheap point-earning act (gaming)",
                                "negative record filed",
                                "ERRONEOUS record filed",
                                "record cleared",
                                "record expired",
                                "enrolled",
                                "listed",
                                "flagged",
                                "sanction started",
                                "sanction lifted",
                                "detained",
                                "benefits started",
                                "benefits ended",
                                "notified",
                                "found out",
                                "appeal filed",
                                "appeal upheld (lost)",
                                "appeal overturned (won)",
                                "human reviewer overrode the system",
                                "stopped using the scheme"};
  static_assert(sizeof(names) / sizeof(names[0]) == static_cast<size_t>(EventKind::Count),
                "one name per event");
  return names[static_cast<int>(k)];
}

MetricCounts& MetricCounts::operator+=(const MetricCounts& o) {
#define COUNT(id, when, contribution, unit, label, description) id += o.id;
#define MEAN(id, column, per, unit_divisor, contribution, unit, label, description) id += o.id;
#include "sim/metrics.def"
#undef COUNT
#undef MEAN
  return *this;
}

const std::vector<MetricDecl>& metricTable() {
  static const std::vector<MetricDecl> t = {
#define COUNT(id, when, contribution, unit, label, description) \
  {Metric::id, #id, unit, label, description, MetricWhen::when},
#define MEAN(id, column, per, unit_divisor, contribution, unit, label, description) \
  {Metric::id, column, unit, label, description, MetricWhen::mean},
#include "sim/metrics.def"
#undef COUNT
#undef MEAN
  };
  return t;
}

const MetricDecl* findMetric(const std::string& column) {
  for (const auto& m : metricTable())
    if (column == m.column) return &m;
  return nullptr;
}

double metricValue(const WeekRow& r, Metric m) {
  switch (m) {
#define COUNT(id, when, contribution, unit, label, description) \
  case Metric::id:                                              \
    return r.id;
#define MEAN(id, column, per, unit_divisor, contribution, unit, label, description) \
  case Metric::id:                                                                  \
    return r.per > 0 ? r.id / (unit_divisor) / r.per : 0;
#include "sim/metrics.def"
#undef COUNT
#undef MEAN
    case Metric::Count:
      break;
  }
  return 0;
}

double WeekRow::trust_mean() const { return metricValue(*this, Metric::trust_sum); }
double WeekRow::resources_mean() const { return metricValue(*this, Metric::resources_sum); }
double WeekRow::benign_behaviour_rate() const { return metricValue(*this, Metric::benign_behaviours); }
double WeekRow::score_mean() const { return metricValue(*this, Metric::score_sum); }

std::vector<std::string> weekRowColumns() {
  std::vector<std::string> out;
  for (const auto& m : metricTable()) out.emplace_back(m.column);
  return out;
}

std::vector<double> weekRowValues(const WeekRow& r) {
  std::vector<double> out;
  out.reserve(static_cast<size_t>(Metric::Count));
  for (const auto& m : metricTable()) out.push_back(metricValue(r, m.id));
  return out;
}

}  // namespace tl
