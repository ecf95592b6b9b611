// citizen.hpp: the working copy of one citizen's week in one regime, which the
// stages read and change in order, and the outcome the week ends in (what the
// metrics of sim/metrics.def count).
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/stages/rules.hpp"

namespace tl {

// The four shared life draws of a citizen-week (two 32-bit uniforms each) and what
// they decide before any regime has a say. Drawn once per citizen and week, the same
// in every regime (common random numbers).
struct LifeDraws {
  uint64_t base, w1, w2, w3, w4;
  bool obligation_due, infraction, harmful, protected_event, proxy_event, any_event;
};

// Points saturate at +-30000 (they are stored in 16 bits); counts at 255.
inline int16_t addPoints(int16_t v, double pts) {
  double r = std::max(-30000.0, std::min(30000.0, v + pts));
  return static_cast<int16_t>(std::lround(r));
}
inline uint8_t inc8(uint8_t v) { return v == 255 ? v : static_cast<uint8_t>(v + 1); }

inline int errorBucket(uint8_t tb) { return ((tb & kGroupB) ? 1 : 0) | ((tb & kRural) ? 2 : 0); }

// `base` is the citizen-week hash. The fourth word is drawn only where it can matter
// (a harm-prone citizen, or informants somewhere): the same value whenever it is drawn.
inline LifeDraws lifeDraws(const LifeRules& L, const Traits& traits, uint32_t c, uint64_t base) {
  const uint8_t tb = traits.bits[c];
  const int g = (tb & kGroupB) ? 1 : 0;
  LifeDraws d{};
  d.base = base;
  d.w1 = base;                             // obligation due | infraction
  d.w2 = Rng::word(base, Purpose::LifeB);  // prosocial act | protected behaviour
  d.w3 = Rng::word(base, Purpose::LifeC);  // proxy behaviour | misattributed record
  d.w4 = ((tb & kHarmProne) || L.any_informants) ? Rng::word(base, Purpose::LifeD)
                                                 : ~0ULL;  // harm | false report
  const Halves h1(d.w1), h2(d.w2), h3(d.w3), h4(d.w4);
  d.obligation_due = below(h1.lo, L.obligation_thr);
  d.infraction = below(h1.hi, L.infraction_thr);
  d.harmful = (tb & kHarmProne) && below(h4.lo, L.harm_thr);
  d.protected_event = below(h2.hi, L.protected_max[g]);
  d.proxy_event = below(h3.lo, L.proxy_max[g]);
  // Most citizen-weeks are uneventful: no draw falls below the largest threshold any
  // regime could use. Benign behaviours only count where some regime watches them.
  d.any_event = d.obligation_due || d.infraction || d.harmful ||
                (L.any_watch && (d.protected_event || d.proxy_event)) ||
                below(h3.hi, L.misattribution_max[errorBucket(tb)]) || below(h4.hi, L.informant_max[g]) ||
                below(h2.lo, L.prosocial_max * traits.prosociality[c]);
  return d;
}

// What a citizen's week ended in, for the tally (sim/metrics.def names these fields).
struct WeekOutcome {
  bool target = false, enrolled = false, sanctioned = false, wrong_episode = false, selected = false,
       benefited = false, wrongly_denied = false, flagged = false, detained = false,
       records_erroneous = false, listed_added = false, listed_removed = false, appeal_filed = false,
       unpaid = false;
  // Whole units (exact whatever the order of addition), except harm, which is real-valued.
  int64_t trust_level = 0, resources_units = 0, score = 0, benign = 0;
  double harm = 0;
};

// The working copy: state is loaded into it, the stages change it, and it is stored back.
struct CitizenWeek {
  // who and when
  uint32_t c;
  uint8_t tb;  // trait bits
  int g, eb;   // group, error bucket
  uint32_t week;
  uint16_t wk16;
  const LifeDraws& life;  // drawn once per citizen-week in pass 1, shared by every regime
  // the state being changed
  RegimeState& s;
  uint32_t f;  // flags
  float res;   // resources
  double trust;
  // what the stages found this week
  bool enrolled = false, adverse_now = false, target = false, in_force = false, sanctioned = false,
       wrong_episode = false, benefited = false;
  int score = -1;  // -1 when the regime has no score for this citizen
  WeekOutcome out = {};
  // where the week reports to
  Tally* tally = nullptr;                  // the chunk's tally of this regime and group
  std::vector<Event>* log = nullptr;       // nullptr unless the event log is kept
  const Rng* rng = nullptr;                // for draws keyed by an earlier week (a judgement's own draw)
  std::vector<uint32_t>* filed = nullptr;  // appeals filed this week, in citizen order (the queue's order)
  uint8_t regime = 0;

  bool draw(Purpose p, double prob) const { return uniformOf(life.base, p) < prob; }
  void event(EventKind k, int32_t v = 0) const {
    if (log) log->push_back(Event{c, wk16, regime, k, v});
  }
};

}  // namespace tl
