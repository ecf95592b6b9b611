// claim_metrics.hpp: the output names a claim (`expect`) may use, and how each is
// aggregated over a window of weeks. The names are those of timeseries.csv and
// summary.json (docs/metrics.md), so a claim reads like the exported data.
#pragma once
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace tl {

enum class MetricKind {
  State,       // a count at week's end (sanctioned, unpaid): its mean over the window's weeks
  Flow,        // a count of events in the week (appeals_filed, harm): its sum over the window
  Level,       // a weekly mean (trust_mean): the mean of the weekly values
  Rate,        // a rate of the confusion matrix (fpr, ppv): from the counts summed over the window
  Share,       // sanction_rate, benefit_rate: the column's citizen-weeks over the population's
  GroupRatio,  // group B's rate over group A's (disparate_impact: selection; sanction_ratio, benefit_ratio)
  Episode,     // a funnel stage or corrections: episodes that reached it within the window
  Median,      // median_weeks_to_correction: over corrections from week 0 to the window's end
};

struct ClaimMetric {
  std::string name;
  MetricKind kind;
  std::string column;  // the timeseries.csv column it is computed from, where there is one
};

const std::vector<ClaimMetric>& claimMetrics();
const ClaimMetric* findClaimMetric(const std::string& name);
std::vector<std::string> claimMetricNames();

// Cumulative run totals after some weeks (Simulation::summary() at that moment).
struct Snapshot {
  int weeks = 0;
  std::vector<RegimeSummary> summary;  // empty at week 0: every total is 0
};

// One run's outputs as a claim reads them: the weekly rows and totals at step ends.
struct RunRecord {
  const std::vector<WeekRow>* rows = nullptr;
  int regimes = 0;
  std::vector<Snapshot> snapshots;  // in week order
};

// The value of `metric` for (regime, group) over weeks [from, to] (inclusive);
// per_capita divides by the group's population. NaN when undefined (a rate with no
// cases) or when the run holds no such weeks; throws std::invalid_argument when a
// window does not suit the metric (a funnel stage between two snapshots only).
double claimValue(const RunRecord& run, const ClaimMetric& metric, int regime, int group, int from, int to,
                  bool per_capita);

}  // namespace tl
