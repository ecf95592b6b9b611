// enrolment.hpp: stage 1 (docs/model.md §3.3.3).
//
// "Under a mandatory regime everyone is in. Under an opt-in scheme people sign up
// through an app, more readily when the benefits are worth it, when their score is
// near the benefit line, and when they trust the institutions; some stop using it."
//   join  (opt-in, not enrolled, digital access unless not required): weekly chance
//         enrolment.opt_in_rate x min(2, benefit / 0.002) x near-the-line x trust
//   leave weekly chance enrolment.opt_out_rate, five times lower while benefiting
#pragma once
#include "sim/stages/behaviour.hpp"

namespace tl::stage {

inline void enrolment(const RegimeRules& x, const BehaviourRules& b, CitizenWeek& w) {
  const EnrolmentRules& e = x.enrolment;
  const AssessmentRules& a = x.assessment;
  if (e.opt_in && !(w.f & kEnrolled) && ((w.tb & kDigital) || !e.requires_digital)) {
    // Expected benefit: those whose score is near the benefit line have most to gain.
    double near = (!a.score || a.scoreOf(w.s, w.c) >= a.benefit_from - rule::kOptInNearLine) ? 1.0 : rule::kOptInFarFactor;
    // (the fast path tests against e.opt_in_rate, an upper bound of this probability)
    double prob = e.opt_in_rate * near * behaviour::optInTrustFactor(b, w.trust);
    if (w.draw(Purpose::OptIn, prob)) {
      w.f |= kEnrolled;
      w.event(EventKind::Enrolled);
    }
  }
  if (e.opt_in && (w.f & kEnrolled) && e.opt_out_rate > 0 &&
      w.draw(Purpose::OptOut, e.opt_out_rate * ((w.f & kBenefited) ? rule::kOptOutWhileBenefited : 1.0))) {
    w.f &= ~(kEnrolled | kBenefited);
    w.event(EventKind::LeftScheme);
  }
}

}  // namespace tl::stage
