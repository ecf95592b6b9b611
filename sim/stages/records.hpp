// records.hpp: the record operations the data layer and life share (a judgement
// record filed in error, a record cleared). Points move with the records in a score.
#pragma once
#include "sim/stages/citizen.hpp"

namespace tl::record {

// A served listing/score sanction ends with the judgement record behind it; a served
// risk flag ends only with new weighed evidence (see minorRecord).
inline uint32_t servedByJudgement(const AssessmentRules& a) { return a.risk ? 0u : static_cast<uint32_t>(kServed); }

// An erroneous judgement record (clerical error, misattribution); none if one is on file.
inline void fileErroneousJudgement(const AssessmentRules& a, CitizenWeek& w, int32_t why) {
  if (w.f & kRecJudgement) return;
  w.f = (w.f | kRecJudgement | kRecErroneous) & ~(kStale | kClearedPending | servedByJudgement(a));
  w.s.record_week[w.c] = w.wk16;
  w.s.neg_points[w.c] = addPoints(w.s.neg_points[w.c], a.pts_judgement);
  w.event(EventKind::RecordErroneous, why);
}

// The judgement record is cleared (settled, stale record finally cleared, expired);
// a listing on it ends after the removal lag (stage 6).
inline void clearJudgement(const AssessmentRules& a, CitizenWeek& w, EventKind why) {
  w.f &= ~(kRecJudgement | kRecErroneous | kStale | servedByJudgement(a));
  w.f |= kClearedPending;
  w.s.cleared_week[w.c] = w.wk16;
  w.s.neg_points[w.c] = addPoints(w.s.neg_points[w.c], -a.pts_judgement);
  if (w.s.neg_points[w.c] > 0) w.s.neg_points[w.c] = 0;
  w.event(why);
}

// A minor record (infraction, benign behaviour, false report): counted, dated in its
// expiry group (sim/minor_records.hpp), and in a score worth points. New evidence the
// risk rule weighs can flag again; a served listing stays served.
inline void fileMinor(const RegimeRules& x, CitizenWeek& w, minor::Kind kind, bool false_report = false) {
  const AssessmentRules& a = x.assessment;
  RegimeState& s = w.s;
  const uint32_t c = w.c;
  const bool infraction = kind == minor::Kind::Infraction;
  uint8_t& count = infraction ? s.rec_infractions[c]
                              : (kind == minor::Kind::Protected ? s.rec_protected[c] : s.rec_proxy[c]);
  const double pts = infraction ? a.pts_infraction : a.pts_behaviour;
  const double weight =
      infraction ? a.w_infraction : (kind == minor::Kind::Protected ? a.w_protected : a.w_proxy);
  count = inc8(count);
  minor::add(s.minor[c], w.week, x.data.retention, kind, pts, false_report);
  s.neg_points[c] = addPoints(s.neg_points[c], pts);
  if (false_report) w.f |= kErrMinor;
  if (a.risk && weight > 0) w.f &= ~kServed;
}

}  // namespace tl::record
