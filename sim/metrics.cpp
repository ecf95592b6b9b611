// metrics.cpp: error, fairness and base-rate measures from confusion counts (see docs/metrics.md).
#include "sim/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tl {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// An empty denominator means the rate is undefined, not zero: a group nobody
// was sanctioned in has no PPV, and printing 0 % would claim every sanction was wrong.
double ratio(double num, double den) { return den > 0 ? num / den : kNaN; }

}  // namespace

Rates rates(const Confusion& c) {
  const double n = c.total();
  Rates r;
  r.fpr = ratio(c.fp, c.fp + c.tn);
  r.fnr = ratio(c.fn, c.fn + c.tp);
  r.ppv = ratio(c.tp, c.tp + c.fp);
  r.npv = ratio(c.tn, c.tn + c.fn);
  r.base_rate = ratio(c.tp + c.fn, n);
  r.selection_rate = ratio(c.tp + c.fp, n);
  r.accuracy = ratio(c.tp + c.tn, n);
  return r;
}

double disparateImpact(double selection_rate_b, double selection_rate_a) {
  // No one selected in A (or A undefined): there is no reference to compare B with.
  if (!(selection_rate_a > 0)) return kNaN;
  return selection_rate_b / selection_rate_a;
}

double chouldechovaFpr(double p, double ppv, double fnr) {
  // p = 1 (no negatives) or PPV = 0 leave the odds undefined.
  if (!(p < 1) || !(ppv > 0)) return kNaN;
  return p / (1 - p) * (1 - ppv) / ppv * (1 - fnr);
}

double ppvFromSensSpec(double p, double sensitivity, double specificity) {
  const double true_alarms = sensitivity * p;
  const double false_alarms = (1 - specificity) * (1 - p);
  return ratio(true_alarms, true_alarms + false_alarms);
}

bool chouldechovaHolds(const Confusion& c, double tol) {
  // Vacuous cases: the identity divides by the negatives, the positives and TP.
  if (!(c.tp > 0) || !(c.fp + c.tn > 0)) return true;
  const Rates r = rates(c);
  const double implied = chouldechovaFpr(r.base_rate, r.ppv, r.fnr);
  return std::fabs(implied - r.fpr) <= tol;
}

double medianOf(std::vector<double> values) {
  if (values.empty()) return kNaN;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  // The lower middle is the largest of the elements nth_element put before mid.
  const double lower = *std::max_element(values.begin(), values.begin() + mid);
  return (lower + upper) / 2;
}

ClassBalance classBalance(const std::vector<ScoreBin>& bins) {
  double neg = 0, pos = 0, score_neg = 0, score_pos = 0;
  for (const ScoreBin& b : bins) {
    neg += b.negatives;
    pos += b.positives;
    score_neg += b.score * b.negatives;
    score_pos += b.score * b.positives;
  }
  return {ratio(score_neg, neg), ratio(score_pos, pos), ratio(pos, pos + neg)};
}

double calibrationGap(const std::vector<ScoreBin>& bins) {
  double gap = kNaN;
  for (const ScoreBin& b : bins) {
    const double n = b.positives + b.negatives;
    if (!(n > 0)) continue;
    const double g = std::fabs(b.positives / n - b.score);
    gap = std::isnan(gap) ? g : std::max(gap, g);
  }
  return gap;
}

}  // namespace tl
