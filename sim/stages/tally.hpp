// tally.hpp: what a citizen's week ended in, counted into the chunk's tally. The
// contributions are the rows of sim/metrics.def; the full path adds one citizen
// (n = 1), the quiet-citizen fast path a class of n identical quiet citizens, so a
// new metric is counted the same way on both paths.
#pragma once
#include <cstdint>
#include <type_traits>

#include "sim/stages/citizen.hpp"

namespace tl {

// Adds a week's outcome for n citizens to a tally: the chunk's Tally (doubles) or a
// BusyTally (integers). Acc is either; N an integer or double count.
template <class Acc, class N>
inline void tallyWeek(Acc& t, const WeekOutcome& o, N n) {
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

// One metric's sum over the busy citizens of a chunk: whole-number contributions in an
// integer, real-valued ones (harm) in a double added in citizen order, as before. The
// full path adds ~25 numbers per citizen-week; integer additions need no conversion
// from bool and are cheaper than double ones, and the sums are the same numbers.
struct WholeOrReal {
  int64_t whole = 0;
  double real = 0;
  template <class T>
  WholeOrReal& operator+=(T v) {
    if constexpr (std::is_integral_v<T>)
      whole += v;
    else
      real += v;
    return *this;
  }
  double value() const { return static_cast<double>(whole) + real; }
};

// The busy citizens' tally of one regime and group, folded into the chunk's Tally once
// the regime's busy citizens are done.
struct BusyTally {
#define COUNT(id, when, contribution, unit, label, description) WholeOrReal id;
#define MEAN(id, column, per, unit_divisor, contribution, unit, label, description) WholeOrReal id;
#include "sim/metrics.def"
#undef COUNT
#undef MEAN
  struct {
    WholeOrReal tp, fp, fn, tn;
  } confusion;

  // Exact: the whole parts are below 2^53, and the real part of a sum the Tally did not
  // have yet (harm starts the chunk at 0) is added to it unchanged.
  void addTo(Tally& t) const {
#define COUNT(id, when, contribution, unit, label, description) t.id += id.value();
#define MEAN(id, column, per, unit_divisor, contribution, unit, label, description) t.id += id.value();
#include "sim/metrics.def"
#undef COUNT
#undef MEAN
    t.confusion.tp += confusion.tp.value();
    t.confusion.fp += confusion.fp.value();
    t.confusion.fn += confusion.fn.value();
    t.confusion.tn += confusion.tn.value();
  }
};

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
  o.wrongly_denied =
      x.assessment.score && w.enrolled && !w.benefited && traits.reliability[w.c] >= x.reliability_threshold;
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
