// tally.hpp: what a citizen's week ended in, counted into the chunk's tally. The
// contributions are the rows of sim/metrics.def; the full path adds one citizen
// (n = 1), the quiet-citizen fast path a class of n identical quiet citizens, so a
// new metric is counted the same way on both paths.
#pragma once
#include "sim/stages/citizen.hpp"

namespace tl {

inline void tallyWeek(Tally& t, const WeekOutcome& o, double n) {
#define COUNT(id, when, contribution, unit, label, description) t.id += (contribution);
#define MEAN(id, column, per, unit_divisor, contribution, unit, label, description) t.id += (contribution);
#include "sim/metrics.def"
#undef COUNT
#undef MEAN
  if (o.target)
    (o.selected ? t.confusion.tp : t.confusion.fn) += n;
  else
    (o.selected ? t.confusion.fp : t.confusion.tn) += n;
}

namespace stage {

// The week's outcome from the working copy (after every stage has run).
inline void outcome(const RegimeRules& x, const Traits& traits, CitizenWeek& w) {
  WeekOutcome& o = w.out;
  o.target = w.target;
  o.enrolled = w.enrolled;
  o.sanctioned = w.sanctioned;
  o.wrong_episode = w.wrong_episode;
  o.selected = x.punitive ? w.sanctioned : w.benefited;
  o.benefited = w.benefited;
  o.wrongly_denied = x.assessment.score && w.enrolled && !w.benefited &&
                     traits.reliability[w.c] >= x.reliability_threshold;
  o.flagged = (w.f & kAdverse) != 0;
  o.unpaid = (w.f & (kJudgement | kWilful)) == (kJudgement | kWilful);
  o.detained = (w.f & kDetained) != 0;
  o.records_erroneous = (w.f & (kRecErroneous | kErrMinor)) != 0;
  o.trust_level = trustLevel(w.trust);
  o.resources_units = resourceUnits(w.res);
  o.score = w.score >= 0 ? w.score : 0;
}

}  // namespace stage
}  // namespace tl
