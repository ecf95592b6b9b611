// life.hpp: the truth the simulation knows (docs/model.md §3.3.1).
//
// "About once a year a debt, fine or contract payment falls due. Most people pay.
// Some cannot, because of a resource shock, and poorer people are hit more often;
// some could pay but will not." Unable is not unwilling (003 essay 05).
//   obligation  unable: life.shock_rate x (1 - 0.5 x resources); else unwilling:
//               (1 - reliability), less under deterrence; else paid (recorded with
//               coverage; misfiled as a judgement: a clerical error)
//   judgement   an unable or unwilling citizen with none outstanding gets one with
//               chance life.judgement_share (wilful if unwilling)
//   settlement  weekly: wilful life.settle_rate_wilful (+ compliance while
//               sanctioned); unable life.settle_rate_unable x 2 x resources; a correct
//               record may go stale (stays, now wrong, data.stale_weeks) or is cleared
//   other acts  prosocial (recorded with coverage: points, credit repair), harmful
#pragma once
#include "sim/stages/behaviour.hpp"
#include "sim/stages/records.hpp"

namespace tl::stage {

inline void obligations(const RegimeRules& x, const WorldRules& world, const Traits& traits, CitizenWeek& w) {
  const LifeRules& L = world.life;
  const DataRules& d = x.data;
  const AssessmentRules& a = x.assessment;
  if (w.life.obligation_due) {
    bool unable = w.draw(Purpose::Shock, L.shock_rate * (1.0 - rule::kShockResourceRelief * w.res));
    bool unwilling = false;
    if (!unable) {
      // Deterrence: a threshold moves, the draw stays (common random numbers).
      double pu = behaviour::unwillingness(world.behaviour, 1.0 - traits.reliability[w.c],
                                           x.enrolment.mandatory || w.enrolled, x.rw->expected_sanction);
      unwilling = w.draw(Purpose::Unwilling, pu);
    }
    if (unable || unwilling) {
      w.event(unable ? EventKind::ObligationUnable : EventKind::ObligationUnwilling);
      if (!(w.f & kJudgement) && w.draw(Purpose::JudgementFiled, L.judgement_share)) {
        w.f = (w.f | kJudgement | (unwilling ? kWilful : 0u)) & ~kRecClosed;
        w.s.judgement_week[w.c] = w.wk16;
        w.event(EventKind::Judgement, unwilling ? 1 : 0);
      }
    } else {
      w.event(EventKind::ObligationPaid);
      if (d.platform) {
        if (a.pts_paid != 0 && w.draw(Purpose::RecordObligation, d.coverage))
          w.s.pos_points[w.c] = addPoints(w.s.pos_points[w.c], a.pts_paid);
        // Clerical error: paid, but filed as an unpaid judgement.
        if (w.draw(Purpose::Clerical, d.clerical * d.err_mult[w.eb] * d.coverage)) record::fileErroneousJudgement(a, w, 1);
      }
    }
  } else if ((w.f & kJudgement) && w.s.judgement_week[w.c] != w.wk16) {
    double ps = (w.f & kWilful)
                    ? L.settle_wilful + behaviour::complianceBonus(x.consequences, (w.f & kSanctioned) != 0)
                    : L.settle_unable * rule::kSettleResourceScale * w.res;
    if (w.draw(Purpose::Settle, ps)) {
      w.f &= ~(kJudgement | kWilful);
      w.event(EventKind::JudgementSettled);
      if ((w.f & kRecJudgement) && !(w.f & kRecErroneous)) {
        if (w.draw(Purpose::Stale, std::min(1.0, d.stale_share * d.err_mult[w.eb])) && d.stale_weeks > 0) {
          w.f |= kStale | kRecErroneous;  // settled, but the platform still says unpaid
          w.s.cleared_week[w.c] = static_cast<uint16_t>(w.week + static_cast<uint32_t>(d.stale_weeks));
        } else {
          record::clearJudgement(a, w, EventKind::RecordCleared);
        }
      }
    }
  }
  if ((w.f & kStale) && w.week >= w.s.cleared_week[w.c]) record::clearJudgement(a, w, EventKind::RecordCleared);
}

// Prosocial acts (recorded with coverage: points, and credit repair while adverse) and
// harmful acts (logged only: no regime here sees them coming; docs/model.md §5).
inline void otherActs(const RegimeRules& x, const LifeRules& L, const Traits& traits, CitizenWeek& w) {
  const double prosocial_p = L.prosocial_rate * rule::kProsocialScale * traits.prosociality[w.c] *
                             (rule::kProsocialResourceBase + w.res);
  if (below(Halves(w.life.w2).lo, scale32(prosocial_p))) {
    w.event(EventKind::ProsocialAct);
    if (x.data.platform && w.draw(Purpose::RecordProsocial, x.data.coverage)) {
      RegimeState& s = w.s;
      s.rec_prosocial[w.c] = inc8(s.rec_prosocial[w.c]);
      s.pos_points[w.c] = addPoints(s.pos_points[w.c], x.assessment.pts_prosocial);
      if (w.f & kAdverse) s.repair[w.c] = inc8(s.repair[w.c]);
    }
  }
  if (w.life.harmful) w.event(EventKind::HarmfulAct);
}

}  // namespace tl::stage
