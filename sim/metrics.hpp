// metrics.hpp: the one module that turns counts into error and fairness measures.
// Every definition is written out in docs/metrics.md.
#pragma once
#include <cstdint>

namespace tl {

// A confusion matrix: "positive" = the regime's target (truth); "selected" = the
// regime's decision (sanctioned for punitive targets, benefited for rewards).
struct Confusion {
  double tp = 0, fp = 0, fn = 0, tn = 0;
  Confusion& operator+=(const Confusion& o) {
    tp += o.tp; fp += o.fp; fn += o.fn; tn += o.tn;
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

}  // namespace tl
