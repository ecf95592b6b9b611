// consequences.hpp: stage 3 (docs/model.md §3.3.6).
//
// "A sanction in force harms its subject once per enforcing agency, more when private
// platforms copy the list, names are published, flights are banned and credit is
// denied. Credit denial makes people poorer (poverty feedback). A good score brings
// benefits that add a little to resources."
//   in force    adverse and confirmed; sanctioned unless suspended during an appeal
//   wrongful    in force on a non-target (punitive) or a target (reward): an episode
//   benefits    score regime, enrolled, score >= the benefit line, not sanctioned
//   harm        H per sanctioned week (x10 in detention)
//   resources   benefits add; credit denial takes; then drift back to the usual level
#pragma once
#include "sim/stages/behaviour.hpp"

namespace tl::stage {

inline void consequences(const RegimeRules& x, const WorldRules& world, const Traits& traits, CitizenWeek& w) {
  const ConsequenceRules& cq = x.consequences;
  RegimeState& s = w.s;
  const uint32_t c = w.c;
  w.in_force = (w.f & kAdverse) && (w.f & kConfirmed);
  w.sanctioned = w.in_force && !((w.f & kAppealPending) && x.appeal.suspends);
  w.wrong_episode = w.in_force && (x.punitive ? !w.target : w.target);
  if (w.wrong_episode && !(w.f & kWrongEpisode)) {
    w.f |= kWrongEpisode;
    s.wrong_start[c] = w.wk16;
    w.tally->funnel.wronged += 1;
    behaviour::wrongfulEpisodeStarts(world.behaviour, w);
  } else if (!w.wrong_episode && (w.f & kWrongEpisode)) {
    w.f &= ~(kWrongEpisode | kEpAware | kEpAppealed);
  }
  w.f = w.sanctioned ? (w.f | kSanctioned) : (w.f & ~kSanctioned);
  w.benefited = x.assessment.score && w.enrolled && w.score >= x.assessment.benefit_from && !w.sanctioned;
  if (w.benefited != bool(w.f & kBenefited)) w.event(w.benefited ? EventKind::BenefitStart : EventKind::BenefitEnd);
  w.f = w.benefited ? (w.f | kBenefited) : (w.f & ~kBenefited);
  if (w.sanctioned) {
    w.out.harm = cq.harm_per_week * ((w.f & kDetained) ? rule::kDetentionHarmFactor : 1.0);
    behaviour::sanctionedWeek(world.behaviour, cq, w);
    if (w.wrong_episode && s.wrongful_weeks[c] < 65535) ++s.wrongful_weeks[c];
  }
  if (w.benefited) w.res += static_cast<float>(cq.benefit_value);
  w.res += static_cast<float>(world.life.resource_recovery * (traits.resources0[c] - w.res));
  w.res = std::min(1.f, std::max(0.f, w.res));
}

}  // namespace tl::stage
