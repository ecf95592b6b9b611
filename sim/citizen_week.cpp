// citizen_week.cpp: one week of life and of the regime stages for a range of citizens.
//
// Pass 1 draws each citizen's shared life events once (common random numbers).
// Pass 2 runs each regime through its own arrays: a tight scan counts the quiet
// citizens (nothing happened, nothing pending: nothing can change) by class, and
// the others take the full week, a list of named stages (sim/stages/). Appeal
// decisions happen elsewhere (appeals.cpp) because reviewers take a queue shared by
// all citizens.
#include <algorithm>
#include <cmath>

#include "sim/model_internal.hpp"
#include "sim/stages/appeal_filing.hpp"
#include "sim/stages/assessment.hpp"
#include "sim/stages/behaviour.hpp"
#include "sim/stages/consequences.hpp"
#include "sim/stages/data_layer.hpp"
#include "sim/stages/enrolment.hpp"
#include "sim/stages/exit.hpp"
#include "sim/stages/life.hpp"
#include "sim/stages/tally.hpp"
#include "sim/stages/transparency.hpp"

namespace tl {
namespace {

// One citizen's week in one regime: the stages in order (docs/model.md §1.3).
void fullWeek(const RegimeRules& x, const WorldRules& world, const Traits& traits, const Rng& rng, RegimeState& s,
              uint32_t c, uint64_t base, bool decay_week, Tally& t, std::vector<uint32_t>& filed,
              std::vector<Event>* log, uint8_t regime) {
  const uint8_t tb = traits.bits[c];
  CitizenWeek w{c, tb, (tb & kGroupB) ? 1 : 0, errorBucket(tb), world.week, static_cast<uint16_t>(world.week),
                lifeDraws(world.life, traits, c, base), s, s.flags[c], s.resources[c], s.trust[c] / kTrustLevels};
  w.tally = &t;
  w.log = log;
  w.rng = &rng;
  w.filed = &filed;
  w.regime = regime;

  stage::enrolment(x, world.behaviour, w);               // 1. enrolment
  stage::fadePoints(x.assessment, w, decay_week);        //    points fade once a year
  w.enrolled = (w.f & kEnrolled) != 0;
  stage::obligations(x, world, traits, w);               // life: obligations, judgements, settlement
  stage::recordEvents(x, world, w);                      // data layer: records and errors
  stage::otherActs(x, world.life, traits, w);            // life: prosocial and harmful acts
  behaviour::gameTheScore(world.behaviour, x, w);        // behaviour: gaming published rules
  stage::expireRecords(x, w);                            // data layer: retention
  stage::checkOwnRecord(x.transparency, w);              // 4. transparency: own-record check
  stage::assessment(x, w);                               // 2. assessment
  w.target = isTarget(*x.rw, traits, w.f, c);
  if (w.f & kAdverse)
    stage::exitStage(x, w);                              // 6. exit
  else if (w.adverse_now)
    stage::decision(x, w);                               // 2. new decision (human review, notice)
  stage::consequences(x, world, traits, w);              // 3. consequences
  stage::discovery(x.transparency, w);                   // 4. transparency: finding out
  stage::fileAppeal(x, world.behaviour, w);              // 5. appeal filing
  behaviour::endOfWeekTrust(world.behaviour, w);         // behaviour: trust
  stage::outcome(x, traits, w);
  tallyWeek(t, w.out, 1.0);

  // Store the working copy. kDirty and kHasCounts summarise trust, resources and minor
  // records for the next week's quiet-citizen scan.
  const uint16_t trust16 = trustLevel(w.trust);
  const bool dirty = trust16 != world.behaviour.trust_initial_level || w.res != traits.resources0[c];
  const bool has_counts = (s.rec_infractions[c] | s.rec_protected[c] | s.rec_proxy[c]) != 0;
  s.flags[c] = (w.f & ~(kDirty | kHasCounts)) | (dirty ? static_cast<uint32_t>(kDirty) : 0u) |
               (has_counts ? static_cast<uint32_t>(kHasCounts) : 0u);
  s.resources[c] = w.res;
  s.trust[c] = trust16;
}

// Quiet citizens of one regime, counted by class (group, target, enrolled): they all
// end their week in the same outcome, so each class is tallied once.
struct QuietClasses {
  uint32_t n[2][2][2] = {};  // [group][target][enrolled]
  uint32_t benign[2] = {};   // [group]: summed amounts, added once per group
  uint64_t resources_units[2] = {};

  void fold(Tally* t, uint16_t trust_level) const {  // t: this regime's [A, B] tallies
    for (int g = 0; g < 2; ++g)
      for (int tg = 0; tg < 2; ++tg)
        for (int en = 0; en < 2; ++en) {
          WeekOutcome o;  // nothing happened: not selected, not flagged, trust at rest
          o.target = tg != 0;
          o.enrolled = en != 0;
          o.trust_level = trust_level;
          tallyWeek(t[g], o, n[g][tg][en]);
        }
    // The group's summed amounts (benign behaviours, resources) as one outcome of no
    // citizens: every count adds n = 0, the sums add themselves.
    for (int g = 0; g < 2; ++g) {
      WeekOutcome sums;
      sums.benign = benign[g];
      sums.resources_units = static_cast<double>(resources_units[g]);
      tallyWeek(t[g], sums, 0);
    }
  }
};

// The scan: a citizen is quiet when no shared life event touched them, no flag is
// pending, no yearly fade or record expiry is due, and no opt-in draw succeeds. Quiet
// citizens are counted; the rest are listed in `busy` for the full week.
void scanQuiet(const RegimeRules& x, const WorldRules& world, const Traits& traits, const RegimeState& s,
               uint32_t begin, uint32_t end, const std::vector<uint8_t>& life_bits,
               const std::vector<uint64_t>& life_base, std::vector<uint32_t>& busy, QuietClasses& q,
               std::vector<Event>* log, uint8_t regime) {
  const uint32_t week = world.week;
  const RegimeWeek& rw = *x.rw;
  const AssessmentRules& a = x.assessment;
  // Flags that rule the fast path out (kDirty and kHasCounts summarise trust,
  // resources and minor records; the full path keeps them up to date).
  const uint32_t block = ~(kEnrolled | kHasCounts) | (a.score ? static_cast<uint32_t>(kEnrolled) : 0u);
  const bool decay_rule = a.score && a.decay < 1.0;
  const bool opt_in_open = x.enrolment.opt_in;
  const bool needs_digital = x.enrolment.requires_digital;
  const auto retention = static_cast<uint32_t>(x.data.retention);
  // uniform < opt_in, tested on the draw's 53 bits: (bits < ceil(opt_in * 2^53)) is the same test.
  const uint64_t opt_in_below = static_cast<uint64_t>(std::ceil(std::min(1.0, x.enrolment.opt_in_rate) * 0x1.0p53));
  const uint8_t quiet_target_bits = rw.target == TargetKind::HarmProne ? kHarmProne : 0;
  const double quiet_reliable_from = rw.target == TargetKind::Reliable ? rw.reliability_threshold : 2.0;
  const uint32_t wmod52 = week % 52;
  const bool fast = world.fast_path && x.fast_ok;
  uint32_t cmod52 = begin % 52;  // c % 52, kept incrementally
  for (uint32_t c = begin; c < end; ++c, cmod52 = cmod52 == 51 ? 0 : cmod52 + 1) {
    const uint8_t lb = life_bits[c - begin];
    const uint32_t f = s.flags[c];
    bool quiet_now = fast && !(lb & 1) && !(f & block) && !(decay_rule && cmod52 == wmod52) &&
                     (!(f & kHasCounts) || (!a.counts_assessed && (retention == 0 || week - s.minor_week[c] < retention)));
    const uint8_t tb = traits.bits[c];
    // An opt-in would change the state: the full path repeats the same draw and enrols.
    if (quiet_now && opt_in_open && !(f & kEnrolled) && ((tb & kDigital) || !needs_digital) &&
        (Rng::word(life_base[c - begin], Purpose::OptIn) >> 11) < opt_in_below)
      quiet_now = false;
    if (!quiet_now) {
      busy.push_back(c);
      continue;
    }
    const int g = (tb & kGroupB) ? 1 : 0;
    // A quiet citizen owes no judgement, so only the trait-based targets can hold.
    const int target = (tb & quiet_target_bits) != 0 || traits.reliability[c] >= quiet_reliable_from;
    const int en = (f & kEnrolled) != 0;
    ++q.n[g][target][en];
    q.benign[g] += static_cast<uint32_t>((lb >> 1) & 1) + static_cast<uint32_t>((lb >> 2) & 1);
    q.resources_units[g] += traits.resources0_units[c];  // not dirty: resources at rest
    if (log && (lb & 2)) log->push_back(Event{c, static_cast<uint16_t>(week), regime, EventKind::ProtectedBehaviour, 0});
    if (log && (lb & 4)) log->push_back(Event{c, static_cast<uint16_t>(week), regime, EventKind::ProxyBehaviour, 0});
  }
}

}  // namespace

void citizenWeek(const Traits& traits, std::vector<RegimeState>& regimes, const std::vector<RegimeWeek>& rws,
                 const WorldWeek& ww, const Rng& rng, uint32_t begin, uint32_t end, bool log, ChunkOut& out) {
  const int nr = static_cast<int>(regimes.size());
  RegimeRules rules[kMaxRegimes];
  for (int r = 0; r < nr; ++r) rules[r] = regimeRules(rws[static_cast<size_t>(r)]);
  const WorldRules world = worldRules(ww, rules, nr);
  std::vector<Event>* events = log ? &out.events : nullptr;

  // Pass 1: the shared life draws; one byte per citizen says whether anything
  // happened (bit 0) and which benign behaviours did (bits 1, 2).
  thread_local std::vector<uint8_t> life_bits;
  thread_local std::vector<uint64_t> life_base;  // each citizen-week's hash, for later draws
  life_bits.resize(end - begin);
  life_base.resize(end - begin);
  for (uint32_t c = begin; c < end; ++c) {
    const LifeDraws d = lifeDraws(world.life, traits, c, rng.weekBase(c, world.week));
    life_bits[c - begin] =
        static_cast<uint8_t>(d.any_event | (d.protected_event << 1) | (d.proxy_event << 2));
    life_base[c - begin] = d.base;
  }

  // Pass 2: each regime streams through its own arrays.
  thread_local std::vector<uint32_t> busy;
  for (int r = 0; r < nr; ++r) {
    const RegimeRules& x = rules[r];
    RegimeState& s = regimes[static_cast<size_t>(r)];
    const auto regime = static_cast<uint8_t>(r);
    Tally* tally = &out.tally[static_cast<size_t>(r) * 2];  // [A, B]
    busy.clear();
    QuietClasses quiet;
    scanQuiet(x, world, traits, s, begin, end, life_bits, life_base, busy, quiet, events, regime);
    const uint32_t wmod52 = world.week % 52;
    for (uint32_t c : busy) {
      const int g = (traits.bits[c] & kGroupB) ? 1 : 0;
      fullWeek(x, world, traits, rng, s, c, life_base[c - begin], c % 52 == wmod52, tally[g],
               out.filed[static_cast<size_t>(r)], events, regime);
    }
    quiet.fold(tally, world.behaviour.trust_initial_level);
  }
  // The scan logs quiet citizens' events before the busy ones': put the log in
  // (regime, citizen) order so it does not depend on which path a citizen took.
  if (log)
    std::stable_sort(out.events.begin(), out.events.end(), [](const Event& a, const Event& b) {
      return a.regime != b.regime ? a.regime < b.regime : a.citizen < b.citizen;
    });
}

}  // namespace tl
