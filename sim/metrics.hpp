// metrics.hpp: the one module that turns counts into error and fairness measures.
// Every definition is written out in docs/metrics.md.
#pragma once
#include <cstdint>
#include <vector>

namespace tl {

// Sums of trust and resources are kept in whole units (trust levels; resources in
// 2^-24 steps) so that they do not depend on the order citizens are added in: the
// quiet-citizen fast path adds whole classes at once and must match the full path.
constexpr double kTrustLevels = 65535.0;
constexpr double kResourceUnits = 16777216.0;  // 2^24

// A confusion matrix: "positive" = the regime's target (truth); "selected" = the
// regime's decision (sanctioned for punitive targets, benefited for rewards).
struct Confusion {
  double tp = 0, fp = 0, fn = 0, tn = 0;
  Confusion& operator+=(const Confusion& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    tn += o.tn;
    return *this;
  }
  double total() const { return tp + fp + fn + tn; }
};

// NaN where a rate is undefined (empty denominator); callers print "n/a".
struct Rates {
  double fpr, fnr, ppv, npv, base_rate, selection_rate, accuracy;
};

Rates rates(const Confusion& c);
// Ratio of group B's selection rate to group A's (the "4/5 rule" looks for < 0.8).
double disparateImpact(double selection_rate_b, double selection_rate_a);
// Chouldechova (2017): FPR implied by base rate p, PPV and FNR.
double chouldechovaFpr(double p, double ppv, double fnr);
// Precision of a flag with sensitivity and specificity at base rate p (FACTS.md Theory 1).
double ppvFromSensSpec(double p, double sensitivity, double specificity);

// True when the matrix's FPR equals chouldechovaFpr(base rate, PPV, FNR) within
// tol. Also true (vacuously) when the identity has an undefined term: no
// positives, no negatives, or no true positives (PPV is 0 or undefined, so
// (1-PPV)/PPV is infinite or meaningless).
bool chouldechovaHolds(const Confusion& c, double tol);

// Median of the values (mean of the middle two for an even count); NaN when empty.
double medianOf(std::vector<double> values);

// Kleinberg, Mullainathan & Raghavan (2016): one bin of a risk score with the
// number of true positives and negatives who received that score.
struct ScoreBin {
  double score = 0, positives = 0, negatives = 0;
};
// "Balance for the negative / positive class": the mean score each class gets.
struct ClassBalance {
  double mean_score_negative, mean_score_positive, base_rate;  // NaN where a class is empty
};
ClassBalance classBalance(const std::vector<ScoreBin>& bins);
// Largest |share of positives in a bin - the bin's score| over non-empty bins
// (0 = perfectly calibrated); NaN when every bin is empty.
double calibrationGap(const std::vector<ScoreBin>& bins);

}  // namespace tl
