// appeals.cpp: reviewers decide the appeal queue, first filed first decided.
//
// Capacity is a number of decisions per week; what it cannot reach waits (the
// backlog). A review reaches the right answer with the regime's review
// accuracy; reasons, record access and independence make it more accurate, a
// reversed burden of proof makes poor citizens lose more often.
#include <algorithm>
#include <cmath>

#include "sim/model_internal.hpp"
#include "sim/stages/behaviour.hpp"
#include "sim/stages/constants.hpp"

namespace tl {

void decideAppeals(const Traits& traits, RegimeState& s, const RegimeWeek& rw, const WorldWeek& ww,
                   const Rng& rng, size_t population, bool log, std::vector<Event>& events, AppealTally& t) {
  const ParamValues& p = *rw.p;
  const BehaviourRules b = worldRules(ww, nullptr, 0).behaviour;
  const auto week = static_cast<uint32_t>(ww.week);
  s.capacity_carry += p[P::appeal_reviewers_per_10k] * static_cast<double>(population) / 10000.0;
  const auto whole = static_cast<size_t>(std::floor(s.capacity_carry));
  size_t n = std::min(whole, s.queue.size());
  // A review takes appeal.review_weeks from filing: only appeals filed that long ago are
  // ready (the queue is in filing order, so they are at its front).
  const auto review = static_cast<uint32_t>(p.i(P::appeal_review_weeks));
  size_t ready = 0;
  while (ready < n && week - s.appeal_week[s.queue[ready]] >= review) ++ready;
  n = ready;
  s.capacity_carry -= static_cast<double>(n);
  // Idle reviewers do not bank time for later weeks: not when the queue is empty, nor when
  // what waits has not been under review long enough to be decided.
  if (n < whole) s.capacity_carry = std::min(s.capacity_carry, 1.0);
  const bool scored = rw.kind == AssessmentKind::Score;
  const double pts_j = scored ? p[P::assessment_points_judgement] : 0.0;

  for (size_t k = 0; k < n; ++k) {
    uint32_t c = s.queue.front();
    s.queue.pop_front();
    uint32_t f = s.flags[c];
    if (!(f & kAppealPending)) continue;
    const int g = (traits.bits[c] & kGroupB) ? 1 : 0;
    const bool target = isTarget(rw, traits, f, c);
    const bool in_force = (f & kAdverse) && (f & kConfirmed);
    const bool wronged = in_force ? (rw.punitive ? !target : target) : (f & (kRecErroneous | kErrMinor)) != 0;
    double acc = rw.review_accuracy;
    if (p.flag(P::appeal_reversed_burden) && wronged)
      acc *= (1.0 - rule::kReversedBurdenPenalty) + rule::kReversedBurdenPenalty * s.resources[c];
    const bool correct = rng.chance(c, week, Purpose::Review, acc);
    const bool overturn = wronged ? correct : !correct;
    f &= ~kAppealPending;
    t.decided[g] += 1;
    // The funnel counts a decision for the wrongful episode the appeal was filed in:
    // an episode that began after the filing was not appealed (decided <= appealed).
    const bool episode = (f & kWrongEpisode) && (f & kEpAppealed);
    if (episode) t.funnel_decided[g] += 1;
    double trust = s.trust[c] / 65535.0;
    if (overturn) {
      t.overturned[g] += 1;
      if (episode) {
        t.funnel_overturned[g] += 1;
        t.correction_weeks[g].push_back(static_cast<double>(week - s.wrong_start[c]));
      }
      if (p.flag(P::appeal_corrects_record)) {
        // The wrong record goes too; a true one removed by mistake is not re-filed.
        if (f & kRecJudgement) {
          if (!(f & kRecErroneous) && (f & kJudgement)) f |= kRecClosed;
          f &= ~(kRecJudgement | kRecErroneous | kStale);
          s.neg_points[c] = static_cast<int16_t>(std::min(0.0, s.neg_points[c] - pts_j));
        }
        if (f & kErrMinor) {
          // The false reports go (each an infraction record); true records stay.
          const double pts_i = scored ? p[P::assessment_points_infraction] : 0.0;
          const int removed = minor::removeFalse(s.minor[c], pts_i);
          s.rec_infractions[c] = minor::add8(s.rec_infractions[c], -removed);
          s.neg_points[c] = static_cast<int16_t>(std::min(0.0, s.neg_points[c] - pts_i * removed));
          f &= ~kErrMinor;
        }
      }
      s.flags[c] = f;
      if (f & kAdverse) {
        liftAdverse(s, c);
        t.removed[g] += 1;
      }
      f = s.flags[c];
      // A corrected risk flag is not raised again on the same records (new records can).
      if (p.flag(P::appeal_corrects_record) && rw.kind == AssessmentKind::Risk) f |= kServed;
      trust = behaviour::afterDecision(b, trust, true, wronged);
      if (log)
        events.push_back(Event{c, static_cast<uint16_t>(week), static_cast<uint8_t>(rw.index),
                               EventKind::AppealOverturned, wronged ? 1 : 0});
    } else {
      f |= kAppealLost;
      trust = behaviour::afterDecision(b, trust, false, wronged);
      if (log)
        events.push_back(Event{c, static_cast<uint16_t>(week), static_cast<uint8_t>(rw.index),
                               EventKind::AppealUpheld, wronged ? 1 : 0});
    }
    // Trust moved and records may have gone: the citizen's next week takes the full path,
    // which recomputes both summary bits.
    s.flags[c] = f | kDirty;
    s.trust[c] = trustLevel(trust);
  }
}

}  // namespace tl
