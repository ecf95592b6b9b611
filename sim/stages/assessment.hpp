// assessment.hpp: stage 2 (docs/model.md §3.3.4), and the new adverse decision.
//
// "The regime applies its rule to the records of enrolled citizens. A score adds
// points to a base and may sanction below a line. A list rule lists everyone with a
// recorded judgement (after a grace period), and optionally everyone with enough
// recorded infractions; a court may keep some of those unable to pay off the list.
// A risk flag adds weights for recorded features, and flags people above a
// threshold. Optionally, a human confirms each new recommendation, but often simply
// follows it" (automation bias: System 206, 003 essay 04).
#pragma once
#include "sim/stages/transparency.hpp"

namespace tl::stage {

// Points fade once a year, on the citizen's own week (spreads the work over the year).
inline void fadePoints(const AssessmentRules& a, CitizenWeek& w, bool decay_week) {
  if (a.score && a.decay < 1.0 && decay_week && w.s.pos_points[w.c] > 0)
    w.s.pos_points[w.c] = static_cast<int16_t>(std::floor(w.s.pos_points[w.c] * a.decay + 0.5));
}

// Sets w.adverse_now (and w.score for a score) for an enrolled citizen of a platform.
inline void assessment(const RegimeRules& x, CitizenWeek& w) {
  const AssessmentRules& a = x.assessment;
  RegimeState& s = w.s;
  const uint32_t c = w.c;
  if (!(w.enrolled && x.data.platform)) return;
  if (a.score) {
    w.score = a.scoreOf(s, c);
    w.adverse_now = a.sanction_below > 0 && w.score < a.sanction_below && !(w.f & kServed);
    if (w.score >= a.sanction_below) w.f &= ~kServed;  // back above the line: a later fall counts again
  } else if (a.list) {
    // The court keeps some of those unable to pay off the list (not those with
    // erroneous records: it sees a judgement, not the error behind it).
    const uint32_t f = w.f;
    bool screened_out = a.ability_screening > 0 && (f & kJudgement) && !(f & kWilful) && !(f & kRecErroneous) &&
                        w.rng->uniform(c, s.judgement_week[c], Purpose::AbilityCheck) < a.ability_screening;
    w.adverse_now = !(f & kServed) && !screened_out &&
                    (((f & kRecJudgement) && w.week - s.record_week[c] >= static_cast<uint32_t>(a.list_grace)) ||
                     (a.list_infractions > 0 && s.rec_infractions[c] >= a.list_infractions));
  } else if (a.risk) {
    double risk = a.w_protected * s.rec_protected[c] + a.w_proxy * s.rec_proxy[c] +
                  a.w_infraction * s.rec_infractions[c] + ((w.tb & kRural) ? a.w_rural : 0.0);
    if (a.w_screen > 0) {
      // A screening alert with set sensitivity/specificity: one draw per citizen and
      // screening round (assessment.screening_interval_weeks; 0: one static draw).
      const uint32_t round = a.screen_interval > 0 ? w.week / static_cast<uint32_t>(a.screen_interval) : kStatic;
      double u = w.rng->uniform(c, round, Purpose::Screening);
      bool alert = u < ((w.tb & kHarmProne) ? a.screen_sens : 1.0 - a.screen_spec);
      if (alert) risk += a.w_screen;
    }
    w.adverse_now = !(w.f & kServed) && risk >= a.risk_threshold;
  }
}

// A new adverse decision: recommended, then confirmed or overridden by a human.
// Automation bias: with probability `deference` the human follows the system;
// otherwise they reach the right answer with probability `human_accuracy`.
inline void decision(const RegimeRules& x, CitizenWeek& w) {
  const AssessmentRules& a = x.assessment;
  w.f = (w.f | kAdverse) & ~(kConfirmed | kRejected | kDetained | kAppealLost);
  w.s.sanction_week[w.c] = w.wk16;
  w.s.repair[w.c] = 0;
  w.out.listed_added = true;
  w.event(a.risk ? EventKind::Flagged : EventKind::Listed);
  bool confirm = true;
  if (a.human) {
    double u = uniformOf(w.life.base, Purpose::Human);
    if (u >= a.deference) {
      double v = (u - a.deference) / std::max(1e-9, 1.0 - a.deference);
      bool correct = v < a.human_accuracy;
      bool deserved = x.punitive ? w.target : !w.target;
      confirm = correct ? deserved : !deserved;
    }
  }
  if (!confirm) {
    w.f |= kRejected;
    w.event(EventKind::HumanOverride);
    return;
  }
  w.f |= kConfirmed;
  w.event(EventKind::SanctionStart);
  if (a.risk && w.draw(Purpose::Detention, x.consequences.detention_share)) {
    w.f |= kDetained;
    w.event(EventKind::Detained);
  }
  if (x.transparency.notice) notify(w);
}

}  // namespace tl::stage
