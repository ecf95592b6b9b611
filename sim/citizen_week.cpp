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
void fullWeek(const RegimeRules& x, const WorldRules& world, const Traits& traits, const Rng& rng,
              RegimeState& s, uint32_t c, const LifeDraws& life, bool decay_week, Tally& t, BusyTally& bt,
              std::vector<uint32_t>& filed, std::vector<Event>* log, uint8_t regime) {
  const uint8_t tb = traits.bits[c];
  CitizenWeek w{c,
                tb,
                (tb & kGroupB) ? 1 : 0,
                errorBucket(tb),
                world.week,
                static_cast<uint16_t>(world.week),
                life,
                s,
                s.flags[c],
                s.resources[c],
                s.trust[c] / kTrustLevels};
  w.tally = &t;
  w.log = log;
  w.rng = &rng;
  w.filed = &filed;
  w.regime = regime;

  stage::enrolment(x, world.behaviour, w);         // 1. enrolment
  stage::fadePoints(x.assessment, w, decay_week);  //    points fade once a year
  w.enrolled = (w.f & kEnrolled) != 0;
  stage::obligations(x, world, traits, w);         // life: obligations, judgements, settlement
  stage::recordEvents(x, world, w);                // data layer: records and errors
  stage::otherActs(x, world.life, traits, w);      // life: prosocial and harmful acts
  behaviour::gameTheScore(world.behaviour, x, w);  // behaviour: gaming published rules
  stage::expireRecords(x, w);                      // data layer: retention
  stage::checkOwnRecord(x.transparency, w);        // 4. transparency: own-record check
  stage::assessment(x, w);                         // 2. assessment
  w.target = isTarget(*x.rw, traits, w.f, c);
  if (w.f & kAdverse)
    stage::exitStage(x, w);  // 6. exit
  else if (w.adverse_now)
    stage::decision(x, w);                        // 2. new decision (human review, notice)
  stage::consequences(x, world, traits, w);       // 3. consequences
  stage::discovery(x.transparency, w);            // 4. transparency: finding out
  stage::fileAppeal(x, world.behaviour, w);       // 5. appeal filing
  behaviour::endOfWeekTrust(world.behaviour, w);  // behaviour: trust
  stage::outcome(x, traits, w);
  tallyWeek(bt, w.out, int64_t{1});

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
//
// The scan only bumps one counter per quiet citizen, indexed by what decides its class:
// the trait bits (group, and the trait-based targets), enrolment and, for a reliability
// target, whether the citizen is above the line. The group's summed amounts (benign
// behaviours, resources at rest) are counted the other way round: pass 1 sums them over
// every citizen of the chunk once, shared by all regimes, and the scan takes off the
// busy citizens, about one in ten. Same integers, fewer instructions (docs/performance.md).
struct QuietClasses {
  static constexpr int kTraitCodes = 32;  // TraitBit uses 5 bits
  uint32_t n[2][2][kTraitCodes] = {};     // [reliable target][enrolled][trait bits]
  uint32_t busy_benign[2] = {};           // [group]: benign behaviours of the busy citizens
  uint64_t busy_resources_units[2] = {};  // [group]: their resources at the start

  // t: this regime's [A, B] tallies; `all_*`: the chunk's sums over every citizen.
  void fold(Tally* t, uint16_t trust_level, uint8_t target_bits, const uint32_t* all_benign,
            const uint64_t* all_resources_units) const {
    uint32_t classes[2][2][2] = {};  // [group][target][enrolled]
    for (int rel = 0; rel < 2; ++rel)
      for (int en = 0; en < 2; ++en)
        for (int tb = 0; tb < kTraitCodes; ++tb) {
          const int g = (tb & kGroupB) ? 1 : 0;
          const int target = rel || (tb & target_bits) != 0;
          classes[g][target][en] += n[rel][en][tb];
        }
    for (int g = 0; g < 2; ++g)
      for (int tg = 0; tg < 2; ++tg)
        for (int en = 0; en < 2; ++en) {
          WeekOutcome o;  // nothing happened: not selected, not flagged, trust at rest
          o.target = tg != 0;
          o.enrolled = en != 0;
          o.trust_level = trust_level;
          tallyWeek(t[g], o, classes[g][tg][en]);
        }
    // The group's summed amounts (benign behaviours, resources) as one outcome of no
    // citizens: every count adds n = 0, the sums add themselves.
    for (int g = 0; g < 2; ++g) {
      WeekOutcome sums;
      sums.benign = all_benign[g] - busy_benign[g];
      sums.resources_units = static_cast<int64_t>(all_resources_units[g] - busy_resources_units[g]);
      tallyWeek(t[g], sums, 0);
    }
  }
};

// What the scan needs of a regime and a week, prepared once.
struct ScanRules {
  uint32_t week, wmod52, block, retention;
  bool fast, decay_rule, counts_assessed, opt_in_open, needs_digital;
  uint64_t opt_in_below;
  double reliable_from;  // the reliability line of a reliability target
  uint8_t regime;
};

// The scan: a citizen is quiet when no shared life event touched them, no flag is
// pending, no yearly fade or record expiry is due, and no opt-in draw succeeds. Quiet
// citizens are counted; the rest are listed in `busy` for the full week.
//
// isQuiet is the rule. Most citizens pass a cheaper test first: no life event, and no
// flag that could call for the rule's other clauses (a blocking flag, minor records on
// file, not enrolled while opt-in is open). Whoever fails the cheap test takes the rule
// itself, so both paths agree by construction (about 37 -> 24 instructions per
// regime-citizen-week; docs/performance.md).
inline bool isQuiet(const ScanRules& r, const RegimeState& s, uint32_t c, uint8_t lb, uint32_t f, uint8_t tb,
                    uint32_t cmod52, uint64_t life_base) {
  bool quiet = r.fast && !(lb & 1) && !(f & r.block) && !(r.decay_rule && cmod52 == r.wmod52) &&
               (!(f & kHasCounts) ||
                (!r.counts_assessed && (r.retention == 0 || r.week - s.minor[c].g[0].week < r.retention)));
  // An opt-in would change the state: the full path repeats the same draw and enrols.
  if (quiet && r.opt_in_open && !(f & kEnrolled) && ((tb & kDigital) || !r.needs_digital) &&
      (Rng::word(life_base, Purpose::OptIn) >> 11) < r.opt_in_below)
    quiet = false;
  return quiet;
}

// A citizen who failed the cheap test: the rule decides; a busy citizen is listed for
// the full week and their benign behaviours and resources are taken off the group's
// sums.
inline bool quietOrBusy(const ScanRules& r, const Traits& traits, const RegimeState& s, uint32_t c,
                        uint8_t lb, uint32_t f, uint32_t cmod52, uint64_t life_base,
                        std::vector<uint32_t>& busy, QuietClasses& q) {
  const uint8_t tb = traits.bits[c];
  if (isQuiet(r, s, c, lb, f, tb, cmod52, life_base)) return true;
  busy.push_back(c);
  const int g = tb & kGroupB;
  q.busy_benign[g] += static_cast<uint32_t>((lb >> 1) & 1) + static_cast<uint32_t>((lb >> 2) & 1);
  q.busy_resources_units[g] += traits.resources0_units[c];
  return false;
}

// Templated on what varies by regime so the loop carries no test it does not need.
template <bool kReliableTarget, bool kLog, bool kDecay>
void scanQuiet(const ScanRules& r, const Traits& traits, const RegimeState& s, uint32_t begin, uint32_t end,
               const uint8_t* life_bits, const LifeDraws* life, std::vector<uint32_t>& busy, QuietClasses& q,
               std::vector<Event>* log) {
  // The cheap test, in locals (the counters are uint32_t too, so fields of r would be
  // reloaded after every count): an ordinary citizen has no flag in `suspect` and, while
  // opt-in is open, every flag in `required` (enrolled). Minor records on file matter
  // only where they are assessed or expire.
  const bool counts_matter = r.counts_assessed || r.retention != 0;
  const uint32_t suspect = r.block | (counts_matter ? static_cast<uint32_t>(kHasCounts) : 0u);
  const uint32_t required = r.opt_in_open ? static_cast<uint32_t>(kEnrolled) : 0u;
  const uint8_t always_check = r.fast ? 0 : 1;  // no fast path: every citizen takes the rule
  const uint32_t wmod52 = r.wmod52;
  const double reliable_from = r.reliable_from;
  const uint32_t* flags = s.flags.data();
  const uint8_t* bits = traits.bits.data();
  uint32_t cmod52 = begin % 52;  // c % 52, kept incrementally (only a yearly fade needs it)
  for (uint32_t c = begin; c < end; ++c) {
    const uint8_t lb = life_bits[c - begin];
    const uint32_t f = flags[c];
    const uint8_t tb = bits[c];
    const uint32_t now52 = cmod52;
    if (kDecay) cmod52 = cmod52 == 51 ? 0 : cmod52 + 1;
    const bool suspect_now =
        ((lb | always_check) & 1) | (f & suspect) | (~f & required) | (kDecay && now52 == wmod52);
    if (suspect_now && !quietOrBusy(r, traits, s, c, lb, f, now52, life[c - begin].base, busy, q)) continue;
    // A quiet citizen owes no judgement, so only the trait-based targets can hold.
    const int rel = kReliableTarget && traits.reliability[c] >= reliable_from;
    ++q.n[rel][f & kEnrolled][tb];
    if (kLog && (lb & 2))
      log->push_back(Event{c, static_cast<uint16_t>(r.week), r.regime, EventKind::ProtectedBehaviour, 0});
    if (kLog && (lb & 4))
      log->push_back(Event{c, static_cast<uint16_t>(r.week), r.regime, EventKind::ProxyBehaviour, 0});
  }
}

ScanRules scanRules(const RegimeRules& x, const WorldRules& world, uint8_t regime) {
  const AssessmentRules& a = x.assessment;
  ScanRules r{};
  r.week = world.week;
  r.wmod52 = world.week % 52;
  // Flags that rule the fast path out (kDirty and kHasCounts summarise trust,
  // resources and minor records; the full path keeps them up to date).
  r.block = ~(kEnrolled | kHasCounts) | (a.score ? static_cast<uint32_t>(kEnrolled) : 0u);
  r.retention = static_cast<uint32_t>(x.data.retention);
  r.fast = world.fast_path && x.fast_ok;
  r.decay_rule = a.score && a.decay < 1.0;
  r.counts_assessed = a.counts_assessed;
  r.opt_in_open = x.enrolment.opt_in;
  r.needs_digital = x.enrolment.requires_digital;
  // uniform < opt_in, tested on the draw's 53 bits: (bits < ceil(opt_in * 2^53)) is the same test.
  r.opt_in_below = static_cast<uint64_t>(std::ceil(std::min(1.0, x.enrolment.opt_in_rate) * 0x1.0p53));
  r.reliable_from = x.rw->reliability_threshold;
  r.regime = regime;
  return r;
}

using ScanFn = void (*)(const ScanRules&, const Traits&, const RegimeState&, uint32_t, uint32_t,
                        const uint8_t*, const LifeDraws*, std::vector<uint32_t>&, QuietClasses&,
                        std::vector<Event>*);

// The scan instantiated for a regime: reliability target? event log kept? yearly fade?
ScanFn pickScan(bool reliable, bool log, bool decay) {
  static constexpr ScanFn kScans[8] = {scanQuiet<false, false, false>, scanQuiet<false, false, true>,
                                       scanQuiet<false, true, false>,  scanQuiet<false, true, true>,
                                       scanQuiet<true, false, false>,  scanQuiet<true, false, true>,
                                       scanQuiet<true, true, false>,   scanQuiet<true, true, true>};
  return kScans[(reliable ? 4 : 0) | (log ? 2 : 0) | (decay ? 1 : 0)];
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
  // Each citizen's life draws, kept for the full path of every regime (drawn once).
  thread_local std::vector<LifeDraws> life;
  life_bits.resize(end - begin);
  life.resize(end - begin);
  // Per group, the chunk's benign behaviours and resources at the start, summed once for
  // every regime's quiet-citizen count (the scan takes off the busy citizens).
  uint32_t all_benign[2] = {};
  uint64_t all_resources_units[2] = {};
  for (uint32_t c = begin; c < end; ++c) {
    const LifeDraws d = lifeDraws(world.life, traits, c, rng.weekBase(c, world.week));
    life_bits[c - begin] =
        static_cast<uint8_t>(d.any_event | (d.protected_event << 1) | (d.proxy_event << 2));
    life[c - begin] = d;
    const int g = traits.bits[c] & kGroupB;
    all_benign[g] += static_cast<uint32_t>(d.protected_event) + static_cast<uint32_t>(d.proxy_event);
    all_resources_units[g] += traits.resources0_units[c];
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
    const ScanRules sr = scanRules(x, world, regime);
    const bool reliable = x.rw->target == TargetKind::Reliable;
    const uint8_t* lb = life_bits.data();
    const LifeDraws* draws = life.data();
    const auto scan = pickScan(reliable, events != nullptr, sr.decay_rule);
    scan(sr, traits, s, begin, end, lb, draws, busy, quiet, events);
    const uint32_t wmod52 = world.week % 52;
    BusyTally busy_tally[2];  // [A, B]
    for (uint32_t c : busy) {
      const int g = (traits.bits[c] & kGroupB) ? 1 : 0;
      fullWeek(x, world, traits, rng, s, c, life[c - begin], c % 52 == wmod52, tally[g], busy_tally[g],
               out.filed[static_cast<size_t>(r)], events, regime);
    }
    for (int g = 0; g < 2; ++g) busy_tally[g].addTo(tally[g]);
    const uint8_t target_bits = x.rw->target == TargetKind::HarmProne ? kHarmProne : 0;
    quiet.fold(tally, world.behaviour.trust_initial_level, target_bits, all_benign, all_resources_units);
  }
  // The scan logs quiet citizens' events before the busy ones': put the log in
  // (regime, citizen) order so it does not depend on which path a citizen took.
  if (log)
    std::stable_sort(out.events.begin(), out.events.end(), [](const Event& a, const Event& b) {
      return a.regime != b.regime ? a.regime < b.regime : a.citizen < b.citizen;
    });
}

}  // namespace tl
