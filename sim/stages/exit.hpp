// exit.hpp: stage 6 (docs/model.md §3.3.5), run right after the assessment for
// citizens already adverse.
//
// "A listing ends when the debt is paid and the record cleared (after a lag), when a
// fixed term runs out, or through credit repair (volunteering, 003 essay 05), or
// never. A flag in a predictive regime does not lapse when its evidence goes stale;
// it lapses only by its own expiry, by credit repair or on appeal."
//   list   lifted when the record was cleared exit.removal_lag_weeks ago (with
//          exit.removal_on_fulfilment), or the citizen left an opt-in scheme; a
//          listing on infractions when too few remain
//   score  lifted once no longer below the line
//   risk   not lifted by the assessment
//   any    lifted and marked served after the term (exit.listing_term_weeks, or
//          exit.flag_expiry_weeks for a risk flag) or exit.credit_repair_acts acts
#pragma once
#include "sim/stages/citizen.hpp"

namespace tl::stage {

inline void exitStage(const RegimeRules& x, CitizenWeek& w) {
  const ExitRules& e = x.exit;
  const AssessmentRules& a = x.assessment;
  RegimeState& s = w.s;
  const uint32_t c = w.c;
  bool lift = false;
  if (!w.adverse_now) {
    if (a.list) {
      bool cleared = (w.f & kClearedPending) && w.week - s.cleared_week[c] >= static_cast<uint32_t>(e.lag);
      lift = e.removal_on_fulfilment ? (cleared || !w.enrolled) : !w.enrolled;
      // A listing on infractions ends when the count falls below the rule (records expired).
      if (a.list_infractions > 0 && s.rec_infractions[c] < a.list_infractions && !(w.f & kRecJudgement)) lift = true;
    } else if (a.score || !x.data.platform) {
      lift = true;
    }
  }
  bool served = false;
  if (e.term > 0 && w.week - s.sanction_week[c] >= static_cast<uint32_t>(e.term)) lift = served = true;
  if (e.repair_acts > 0 && s.repair[c] >= e.repair_acts) lift = served = true;
  if (!lift) return;
  s.flags[c] = w.f;
  liftAdverse(s, c);
  w.f = s.flags[c] | (served ? kServed : 0u);
  w.out.listed_removed = true;
  w.event(EventKind::SanctionEnd, served ? 1 : 0);
}

}  // namespace tl::stage
