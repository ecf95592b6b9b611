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
//                 all minor records expire together that long after the latest one
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
      record::fileMinor(a, w, s.rec_infractions[c], a.pts_infraction, a.w_infraction);
  }
  if (d.informants && below(h4.hi, d.informant_false[w.g])) {
    record::fileMinor(a, w, s.rec_infractions[c], a.pts_infraction, a.w_infraction);
    w.f |= kErrMinor;
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
      record::fileMinor(a, w, s.rec_protected[c], a.pts_behaviour, a.w_protected);
  }
  if (below(h3.lo, scale32(L.proxy_rate[w.g] * (watch_proxy ? 1.0 - chill : 1.0)))) {
    ++w.out.benign;
    w.event(EventKind::ProxyBehaviour);
    if ((d.record_proxy && w.draw(Purpose::RecordProxy, d.coverage)) ||
        (d.informants && w.draw(Purpose::InformantProxy, d.informant_cov[w.g])))
      record::fileMinor(a, w, s.rec_proxy[c], a.pts_behaviour, a.w_proxy);
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
  if ((s.rec_infractions[c] | s.rec_protected[c] | s.rec_proxy[c]) && w.week - s.minor_week[c] >= retention) {
    s.rec_infractions[c] = s.rec_protected[c] = s.rec_proxy[c] = 0;
    w.f &= ~kErrMinor;
    s.neg_points[c] = static_cast<int16_t>((w.f & kRecJudgement) ? addPoints(0, a.pts_judgement) : 0);
    w.event(EventKind::RecordExpired, 1);
  }
}

}  // namespace tl::stage
