// minor_records.hpp: when a citizen's minor records (infractions, benign behaviours,
// informants' false reports) expire, in bounded memory (docs/model.md §3.3.2,
// "Retention").
//
// Each record should expire data.retention_weeks after it was made, one by one, not
// all together after the latest one (issue 8: under the old rule a citizen reported
// every few months never lost a single report). A citizen keeps at most kSlots
// groups of records; a group holds the records made in one span of binWeeks() weeks
// (counted from week 0) and expires retention weeks after the latest record in it. So
// a record expires between retention and retention + binWeeks() - 1 weeks after it
// was made. binWeeks() = ceil(retention / (kSlots - 1)), so kSlots groups always
// suffice while retention stays as it is. At the cap (every slot in use, which only
// happens after data.retention_weeks is changed in the middle of a run), a new record
// joins the newest group, whose records then expire together, as under one expiry
// week. With retention 0 (records never expire) the groups are kept by year, so that
// a retention set later in the run has dates to work with.
#pragma once
#include <cstdint>

namespace tl::minor {

// Groups kept per citizen and regime: 6 x 8 bytes. More groups date records more
// finely (a record outlives its retention by less than retention / (kSlots - 1)).
constexpr int kSlots = 6;
constexpr uint32_t kBinWithoutRetention = 52;  // weeks per group when records never expire

enum class Kind : uint8_t { Infraction, Protected, Proxy };

struct Group {
  uint16_t week;   // the latest record in the group
  int16_t points;  // the score points its records added (given back when it expires)
  uint8_t infractions, protected_acts, proxies, false_reports;  // counts, capped at 255
  bool empty() const { return (infractions | protected_acts | proxies) == 0; }
};

// Oldest group first; the live groups come before the empty ones.
struct Groups {
  Group g[kSlots];
};
static_assert(sizeof(Group) == 8 && sizeof(Groups) == 8 * kSlots, "no padding: the state hash reads bytes");

inline uint32_t binWeeks(int retention) {
  if (retention <= 0) return kBinWithoutRetention;
  return (static_cast<uint32_t>(retention) + kSlots - 2) / (kSlots - 1);
}

inline uint8_t add8(uint8_t v, int d) {
  int r = v + d;
  return static_cast<uint8_t>(r < 0 ? 0 : (r > 255 ? 255 : r));
}
inline int16_t add16(int16_t v, double d) {
  double r = v + d;
  r = r < -30000 ? -30000 : (r > 30000 ? 30000 : r);
  return static_cast<int16_t>(r < 0 ? r - 0.5 : r + 0.5);
}

inline int liveCount(const Groups& s) {
  int n = 0;
  while (n < kSlots && !s.g[n].empty()) ++n;
  return n;
}

// A record made in `week`, worth `points` in a score.
inline void add(Groups& s, uint32_t week, int retention, Kind kind, double points, bool false_report) {
  const int n = liveCount(s);
  const uint32_t bin = binWeeks(retention);
  Group* g;
  if (n > 0 && (s.g[n - 1].week / bin == week / bin || n == kSlots)) {
    g = &s.g[n - 1];  // same span (or at the cap): joins the newest group
  } else {
    g = &s.g[n];
    *g = Group{};
  }
  g->week = static_cast<uint16_t>(week);
  g->points = add16(g->points, points);
  if (kind == Kind::Infraction) g->infractions = add8(g->infractions, 1);
  if (kind == Kind::Protected) g->protected_acts = add8(g->protected_acts, 1);
  if (kind == Kind::Proxy) g->proxies = add8(g->proxies, 1);
  if (false_report) g->false_reports = add8(g->false_reports, 1);
}

// The week the oldest group is due to expire is `week of its latest record +
// retention`; 0xFFFF when no record is on file.
inline uint16_t oldestWeek(const Groups& s) { return s.g[0].empty() ? uint16_t{0xFFFF} : s.g[0].week; }

inline bool anyFalse(const Groups& s) {
  for (const Group& g : s.g)
    if (!g.empty() && g.false_reports) return true;
  return false;
}

// Removes the groups due by `week` (retention > 0) and returns what they held, summed.
inline Group expire(Groups& s, uint32_t week, int retention) {
  Group out{};
  if (retention <= 0) return out;
  int k = 0;
  while (k < kSlots && !s.g[k].empty() && week - s.g[k].week >= static_cast<uint32_t>(retention)) {
    const Group& g = s.g[k];
    out.points = add16(out.points, g.points);
    out.infractions = add8(out.infractions, g.infractions);
    out.protected_acts = add8(out.protected_acts, g.protected_acts);
    out.proxies = add8(out.proxies, g.proxies);
    out.false_reports = add8(out.false_reports, g.false_reports);
    ++k;
  }
  if (k == 0) return out;
  for (int i = 0; i < kSlots; ++i) s.g[i] = i + k < kSlots ? s.g[i + k] : Group{};
  return out;
}

// Deletes every false report (each an infraction record worth `points_each`); returns
// how many went. A group left without records is dropped.
inline int removeFalse(Groups& s, double points_each) {
  int removed = 0;
  Groups kept{};
  int n = 0;
  for (Group g : s.g) {
    if (g.empty()) continue;
    if (g.false_reports) {
      removed += g.false_reports;
      g.infractions = add8(g.infractions, -g.false_reports);
      g.points = add16(g.points, -points_each * g.false_reports);
      g.false_reports = 0;
    }
    if (!g.empty()) kept.g[n++] = g;
  }
  s = kept;
  return removed;
}

}  // namespace tl::minor
