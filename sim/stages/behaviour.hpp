// behaviour.hpp: the behavioural responses, all in one place (docs/model.md §3.3.9).
// Each is switched by a world parameter so a teacher can show a mechanism by turning
// it off. Stages call these where a response moves a threshold; the draws stay the
// same (common random numbers), only the thresholds move.
//
//   deterrence  chance of wilful default x (1 - strength x expected sanction), for
//               mandatory or enrolled citizens
//   compliance  while sanctioned, wilful defaulters settle faster
//   chilling    watched benign behaviour x (1 - chill)
//   gaming      published score rules: cheap point-earning acts below the benefit line
//   trust       lost when a wrongful episode starts and while an appeal waits; moved by
//               appeal outcomes; drifts back; scales opt-in and appeal filing
//   poverty     credit denial takes resources each sanctioned week
//   gain time   where an appeal suspends the sanction, the rightly sanctioned appeal
//               more often (appeal.rightful_propensity x behaviour.appeal_to_gain_time)
#pragma once
#include <algorithm>

#include "sim/stages/citizen.hpp"
#include "sim/stages/constants.hpp"

namespace tl::behaviour {

// Deterrence: the chance of not paying when able, for a citizen the regime can reach.
inline double unwillingness(const BehaviourRules& b, double pu, bool reachable, double expected_sanction) {
  return reachable ? pu * (1.0 - b.deterrence_strength * expected_sanction) : pu;
}

// Compliance: the extra weekly settlement chance of a sanctioned wilful defaulter.
inline double complianceBonus(const ConsequenceRules& cq, bool sanctioned) {
  return sanctioned ? cq.compliance : 0.0;
}

// Chilling: the share of a watched benign behaviour that is suppressed.
inline double chill(const BehaviourRules& b, const DataRules& d, bool adverse) {
  return b.chilling_strength * (adverse ? 1.0 : d.chill_watch);
}

// Trust's factor on joining an opt-in scheme.
inline double optInTrustFactor(const BehaviourRules& b, double trust) {
  return b.trust ? std::min(1.0, trust / std::max(rule::kOptInTrustFloor, b.trust_initial)) : 1.0;
}

// Trust's factor on filing an appeal.
inline double appealTrustFactor(const BehaviourRules& b, double trust) { return b.trust ? trust : 1.0; }

// Appealing to gain time: the weekly chance a rightly sanctioned citizen appeals. Where
// the sanction is suspended while the appeal waits, an appeal buys weeks without it, so
// it is worth filing even when it will be lost.
inline double rightfulAppealChance(const BehaviourRules& b, const AppealRules& ap) {
  return ap.suspends ? std::min(1.0, ap.rightful_propensity * b.gain_time) : ap.rightful_propensity;
}

// A wrongful episode starts: trust falls.
inline void wrongfulEpisodeStarts(const BehaviourRules& b, CitizenWeek& w) {
  if (b.trust) w.trust -= b.trust_loss_wrongful;
}

// Poverty feedback: credit denial takes resources while sanctioned.
inline void sanctionedWeek(const BehaviourRules& b, const ConsequenceRules& cq, CitizenWeek& w) {
  if (b.poverty && cq.credit_denial) w.res -= static_cast<float>(b.poverty_loss);
}

// Gaming: published rules show which cheap acts earn points; reliability is unchanged.
inline void gameTheScore(const BehaviourRules& b, const RegimeRules& x, CitizenWeek& w) {
  const AssessmentRules& a = x.assessment;
  if (!(b.gaming && x.transparency.published && a.score && w.enrolled &&
        a.scoreOf(w.s, w.c) < a.benefit_from && w.draw(Purpose::Gaming, b.gaming_rate)))
    return;
  RegimeState& s = w.s;
  s.rec_prosocial[w.c] = inc8(s.rec_prosocial[w.c]);
  s.pos_points[w.c] = addPoints(s.pos_points[w.c], a.pts_prosocial);
  if (w.f & kAdverse) s.repair[w.c] = inc8(s.repair[w.c]);
  w.event(EventKind::GamingAct);
}

// Trust at the end of the week: waiting for an appeal costs trust; it drifts back.
inline void endOfWeekTrust(const BehaviourRules& b, CitizenWeek& w) {
  if (!b.trust) return;
  if (w.f & kAppealPending) w.trust -= b.trust_loss_waiting;
  w.trust += b.trust_recovery * (b.trust_initial - w.trust);
  w.trust = std::min(1.0, std::max(0.0, w.trust));
}

// Trust after a reviewer's decision (sim/appeals.cpp).
inline double afterDecision(const BehaviourRules& b, double trust, bool overturned, bool wronged) {
  if (!b.trust) return trust;
  if (overturned)
    return trust + (wronged ? b.trust_gain_fair : rule::kUndeservedWinTrustShare * b.trust_gain_fair);
  return trust + (wronged ? -rule::kLostAppealTrustShare * b.trust_loss_wrongful
                          : rule::kFairHearingTrustShare * b.trust_gain_fair);
}

}  // namespace tl::behaviour
