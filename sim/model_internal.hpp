// model_internal.hpp: the pieces of one week shared by the files that implement it.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/params.hpp"
#include "sim/rng.hpp"
#include "sim/simulation.hpp"
#include "sim/state.hpp"

namespace tl {

// Scalars a regime needs this week, derived once from its parameters (so the
// per-citizen loop reads plain numbers, and rollouts grow with time).
struct RegimeWeek {
  int index = 0;
  TargetKind target = TargetKind::None;
  EnrolmentMode enrolment = EnrolmentMode::None;
  AssessmentKind kind = AssessmentKind::None;
  bool punitive = true;  // selection = sanction (else = benefit)
  double coverage = 0;   // data coverage this week
  double agencies = 0;   // agencies enforcing this week
  double deference = 0;  // human deference this week
  double harm_per_week = 0;
  double expected_sanction = 0;  // 0..1: what a would-be wilful defaulter expects
  double chill_watch = 0;        // 0..1: surveillance intensity on benign behaviour
  double compliance = 0;         // extra weekly settle chance for sanctioned wilful defaulters
  double opt_in = 0;             // weekly opt-in probability before trust
  double review_accuracy = 0;
  double err_mult[4] = {1, 1, 1, 1};  // by (groupB, rural) bits
  double informant_mult[2] = {1, 1};  // by group
  bool record_protected = false, record_proxy = false;
  double reliability_threshold = 0;
  const ParamValues* p = nullptr;
};

RegimeWeek makeRegimeWeek(const ParamValues& regime, const ParamValues& world, int index, int week);

// Counts gathered by one chunk of citizens for one regime and group (the metrics of
// sim/metrics.def, filled by tallyWeek in sim/stages/tally.hpp).
struct Tally : MetricCounts {
  Confusion confusion;
  Funnel funnel;  // episode counts (wronged, aware, appealed) started this week
};

// What a chunk hands back: tallies per regime x group, appeals filed in citizen order, events.
struct ChunkOut {
  std::vector<Tally> tally;                  // [regime * 2 + group]
  std::vector<std::vector<uint32_t>> filed;  // [regime] citizens who filed an appeal this week
  std::vector<Event> events;
  void reset(int regimes) {
    tally.assign(static_cast<size_t>(regimes) * 2, Tally{});
    filed.resize(static_cast<size_t>(regimes));
    for (auto& f : filed) f.clear();
    events.clear();
  }
};

struct WorldWeek {
  const ParamValues* p;
  int week;
  bool deterrence, chilling, gaming, trust, poverty;
  bool fast_path;  // SimOptions::fast_path
  double trust_initial;
};

// The weekly life + stages 1-6 (except appeal decisions) for citizens [begin, end).
void citizenWeek(const Traits& traits, std::vector<RegimeState>& regimes, const std::vector<RegimeWeek>& rw,
                 const WorldWeek& ww, const Rng& rng, uint32_t begin, uint32_t end, bool log, ChunkOut& out);

// Appeal decisions of one regime this week (serial; reviewers take the queue in order).
struct AppealTally {
  double decided[2] = {0, 0}, overturned[2] = {0, 0}, removed[2] = {0, 0};
  double funnel_decided[2] = {0, 0}, funnel_overturned[2] = {0, 0};
  std::vector<double> correction_weeks[2];
};
void decideAppeals(const Traits& traits, RegimeState& s, const RegimeWeek& rw, const WorldWeek& ww,
                   const Rng& rng, size_t population, bool log, std::vector<Event>& events, AppealTally& t);

// Shared helpers.
// `flags` is the citizen's current flags (the weekly loop works on a local copy).
inline bool isTarget(const RegimeWeek& rw, const Traits& tr, uint32_t flags, uint32_t c) {
  switch (rw.target) {
    case TargetKind::WilfulDefaulter:
      return (flags & (kJudgement | kWilful)) == (kJudgement | kWilful);
    case TargetKind::HarmProne:
      return (tr.bits[c] & kHarmProne) != 0;
    case TargetKind::Reliable:
      return tr.reliability[c] >= rw.reliability_threshold;
    default:
      return false;
  }
}
int scoreOf(const ParamValues& p, const RegimeState& s, uint32_t c);
CitizenView viewOf(const RegimeWeek& rw, const RegimeState& s, uint32_t c);
// The adverse decision is lifted: clear listing bits and close a wrongful episode.
void liftAdverse(RegimeState& s, uint32_t c);

// Initial state of a regime (enrolment, outstanding judgements, trust).
void initRegime(RegimeState& s, const Traits& traits, const ParamValues& world, const ParamValues& regime,
                const Rng& rng);
Traits makeTraits(const ParamValues& world, const Rng& rng, size_t n);

}  // namespace tl
