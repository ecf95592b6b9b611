// data_layer.hpp: the records a regime keeps (docs/model.md §3.3.2).
//
// "Records are incomplete (coverage), and some are wrong: someone else's judgement
// lands on you, a payment is misfiled, a settled debt is not cleared in time, a
// neighbourhood informant reports something that never happened." The platform keeps
// records on everyone, enrolled or not; only the assessment is limited to the enrolled.
//   judgement     recorded once coverage reaches its episode's fixed draw
//   misattributed data.misattribution_rate x error multiplier x coverage
//   infraction    recorded with coverage, or by an informant
//   false report  informants: data.informant_false_report_rate x bias
//   benign acts   recorded where watched (proxies; protected unless forbidden),
//                 chilled where watched
//   retention     a judgement record expires data.retention_weeks after it was made;
//                 so does each minor record, in groups (sim/minor_records.hpp)
#pragma once
#include "sim/stages/behaviour.hpp"
#include "sim/stages/records.hpp"

namespace tl::stage {

inline void recordEvents(const RegimeRules& x, const WorldRules& world, CitizenWeek& w) {
  const DataRules& d = x.data;
  const AssessmentRules& a = x.assessment;
  const LifeRules& L = world.life;
  RegimeState& s = w.s;
  const uint32_t c = w.c;
  const Halves h2(w.life.w2), h3(w.life.w3), h4(w.life.w4);
  if (!d.platform) {
    if (w.life.infraction) w.event(EventKind::Infraction);
    if (below(h2.hi, scale32(L.protected_rate[w.g]))) ++w.out.benign, w.event(EventKind::ProtectedBehaviour);
    if (below(h3.lo, scale32(L.proxy_rate[w.g]))) ++w.out.benign, w.event(EventKind::ProxyBehaviour);
    return;
  }
  // A judgement is recorded once coverage reaches its episode's draw, so a rollout
  // (growing coverage) adds old judgements to the list.
  if ((w.f & kJudgement) && !(w.f & (kRecJudgement | kRecClosed)) &&
      w.rng->uniform(c, s.judgement_week[c], Purpose::RecordJudgement) < d.coverage) {
    w.f = (w.f | kRecJudgement) & ~(kClearedPending | record::servedByJudgement(a));
    s.record_week[c] = w.wk16;
    s.neg_points[c] = addPoints(s.neg_points[c], a.pts_judgement);
    w.event(EventKind::RecordCreated);
  }
  if (below(h3.hi, d.misattribution[w.eb])) record::fileErroneousJudgement(a, w, 2);
  if (w.life.infraction) {
    w.event(EventKind::Infraction);
    if (w.draw(Purpose::RecordInfraction, d.coverage) ||
        (d.informants && w.draw(Purpose::InformantInfraction, d.informant_cov[w.g])))
      record::fileMinor(x, w, minor::Kind::Infraction);
  }
  if (d.informants && below(h4.hi, d.informant_false[w.g])) {
    record::fileMinor(x, w, minor::Kind::Infraction, true);
    w.event(EventKind::RecordErroneous, 3);
  }
  // Benign behaviours; chilling lowers them where they are watched.
  const double chill = behaviour::chill(world.behaviour, d, (w.f & kAdverse) != 0);
  const bool watch_protected = d.record_protected || (d.informants && !d.forbidden);
  const bool watch_proxy = d.record_proxy || d.informants;
  if (below(h2.hi, scale32(L.protected_rate[w.g] * (watch_protected ? 1.0 - chill : 1.0)))) {
    ++w.out.benign;
    w.event(EventKind::ProtectedBehaviour);
    if ((d.record_protected && w.draw(Purpose::RecordProtected, d.coverage)) ||
        (watch_protected && d.informants && w.draw(Purpose::InformantBehaviour, d.informant_cov[w.g])))
      record::fileMinor(x, w, minor::Kind::Protected);
  }
  if (below(h3.lo, scale32(L.proxy_rate[w.g] * (watch_proxy ? 1.0 - chill : 1.0)))) {
    ++w.out.benign;
    w.event(EventKind::ProxyBehaviour);
    if ((d.record_proxy && w.draw(Purpose::RecordProxy, d.coverage)) ||
        (d.informants && w.draw(Purpose::InformantProxy, d.informant_cov[w.g])))
      record::fileMinor(x, w, minor::Kind::Proxy);
  }
}

// Retention: negative records expire this long after the latest one.
inline void expireRecords(const RegimeRules& x, CitizenWeek& w) {
  const DataRules& d = x.data;
  if (d.retention <= 0) return;
  const AssessmentRules& a = x.assessment;
  RegimeState& s = w.s;
  const uint32_t c = w.c;
  const auto retention = static_cast<uint32_t>(d.retention);
  if ((w.f & kRecJudgement) && w.week - s.record_week[c] >= retention) {
    bool was_true = !(w.f & kRecErroneous);
    record::clearJudgement(a, w, EventKind::RecordExpired);
    if (was_true && (w.f & kJudgement)) w.f |= kRecClosed;
  }
  // Minor records expire one by one (in their groups). The last one to go takes the
  // points of the records from before the run (assessment.lookback_years) with it.
  const minor::Group gone = minor::expire(s.minor[c], w.week, d.retention);
  if (gone.empty()) return;
  s.rec_infractions[c] = minor::add8(s.rec_infractions[c], -gone.infractions);
  s.rec_protected[c] = minor::add8(s.rec_protected[c], -gone.protected_acts);
  s.rec_proxy[c] = minor::add8(s.rec_proxy[c], -gone.proxies);
  if (minor::liveCount(s.minor[c]) == 0) {
    s.rec_infractions[c] = s.rec_protected[c] = s.rec_proxy[c] = 0;
    s.neg_points[c] = static_cast<int16_t>((w.f & kRecJudgement) ? addPoints(0, a.pts_judgement) : 0);
  } else {
    s.neg_points[c] = addPoints(s.neg_points[c], -gone.points);
    if (s.neg_points[c] > 0) s.neg_points[c] = 0;
  }
  if (!minor::anyFalse(s.minor[c])) w.f &= ~kErrMinor;
  w.event(EventKind::RecordExpired, 1);
}

}  // namespace tl::stage
