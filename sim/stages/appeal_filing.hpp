// appeal_filing.hpp: stage 5, filing (docs/model.md §3.3.8). Reviewers decide the
// queue in sim/appeals.cpp at the start of later weeks.
//
// "An appeal needs a procedure, a citizen who knows, has the money, and thinks it
// worthwhile." A citizen may file when appeals exist, they are aware, have none
// pending, have not lost one in this episode, the sanction is in force (or, with
// record access, a wrong record is on file), the deadline (appeal.deadline_weeks
// after becoming aware, inclusive; 0 = none) has not passed, and resources cover
// appeal.cost. Weekly chance: wronged: appeal.propensity x trust x signal; rightly
// sanctioned: appeal.rightful_propensity, times behaviour.appeal_to_gain_time where the
// sanction is suspended while the appeal waits (behaviour::rightfulAppealChance).
#pragma once
#include "sim/stages/behaviour.hpp"
#include "sim/stages/transparency.hpp"

namespace tl::stage {

inline void fileAppeal(const RegimeRules& x, const BehaviourRules& b, CitizenWeek& w) {
  const AppealRules& ap = x.appeal;
  const uint32_t f = w.f;
  if (!(ap.available && (f & kAware) && !(f & (kAppealPending | kAppealLost)) &&
        (w.in_force || (x.transparency.access && (f & (kRecErroneous | kErrMinor)))) &&
        (ap.deadline == 0 || w.week - w.s.aware_week[w.c] <= static_cast<uint32_t>(ap.deadline)) &&
        w.res >= ap.cost))
    return;
  const bool wronged = w.in_force ? w.wrong_episode : true;
  const double pa =
      wronged ? ap.propensity * behaviour::appealTrustFactor(b, w.trust) * appealSignal(x.transparency)
              : behaviour::rightfulAppealChance(b, ap);
  if (!w.draw(Purpose::Appeal, pa)) return;
  w.f |= kAppealPending;
  w.s.appeal_week[w.c] = w.wk16;
  w.res = std::max(0.f, w.res - static_cast<float>(ap.cost));
  w.filed->push_back(w.c);
  w.out.appeal_filed = true;
  w.event(EventKind::AppealFiled);
  if ((w.f & kWrongEpisode) && !(w.f & kEpAppealed)) {
    w.f |= kEpAppealed;
    w.tally->funnel.appealed += 1;
  }
}

}  // namespace tl::stage
