// transparency.hpp: stage 4 (docs/model.md §3.3.7): how people come to know.
//
// "A person who is not told can still find out, for example when refused a flight.
// Access to one's own record lets people spot a wrong record before it bites."
//   notice      told when a sanction is confirmed (called by the decision)
//   own record  with record access: weekly chance transparency.record_check_rate of
//               noticing a wrong record on file, listed or not
//   discovery   without notice: weekly chance transparency.discovery_rate of finding
//               out while a sanction is in force
// Reasons and record access also make reviews more accurate (RegimeWeek's review
// accuracy), and notice, reasons or published rules make appeals likelier
// (appealSignals below); published rules enable gaming (behaviour.hpp).
#pragma once
#include "sim/stages/citizen.hpp"
#include "sim/stages/constants.hpp"

namespace tl::stage {

inline void becomeAware(CitizenWeek& w) {
  w.f |= kAware;
  w.s.aware_week[w.c] = w.wk16;
}

// Notice: told at once when a sanction is confirmed.
inline void notify(CitizenWeek& w) {
  becomeAware(w);
  w.event(EventKind::Notified);
}

// Record access: a citizen checks their own record and may spot an error.
inline void checkOwnRecord(const TransparencyRules& t, CitizenWeek& w) {
  if (t.access && (w.f & (kRecErroneous | kErrMinor)) && !(w.f & kAware) &&
      w.draw(Purpose::RecordCheck, t.record_check)) {
    becomeAware(w);
    w.event(EventKind::Discovered, 1);
  }
}

// Without notice people find out by chance (refused a flight); counted in the funnel.
inline void discovery(const TransparencyRules& t, CitizenWeek& w) {
  if (w.in_force && !(w.f & kAware) && w.draw(Purpose::Discover, t.discovery)) {
    becomeAware(w);
    w.event(EventKind::Discovered);
  }
  if ((w.f & kWrongEpisode) && (w.f & kAware) && !(w.f & kEpAware)) {
    w.f |= kEpAware;
    w.tally->funnel.aware += 1;
  }
}

// How the procedure signals that an appeal can win: notice, reasons or published
// rules; without any of them people file less often.
inline double appealSignal(const TransparencyRules& t) {
  return t.notice || t.reasons || t.published ? 1.0 : rule::kOpaqueAppealFactor;
}

}  // namespace tl::stage
