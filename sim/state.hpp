// state.hpp: per-citizen state as flat arrays (structure of arrays), internal to sim/.
//
// Traits are shared by all regimes; RegimeState holds what a regime changes.
// Weeks are stored as uint16 (runs are at most 5200 weeks).
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

#include "sim/metrics.hpp"
#include "sim/minor_records.hpp"

namespace tl {

// Bits of Traits::bits.
enum TraitBit : uint8_t { kGroupB = 1, kRural = 2, kDigital = 4, kHarmProne = 8, kScreenAlert = 16 };

struct Traits {
  std::vector<uint8_t> bits;
  std::vector<float> resources0, reliability, prosociality;
  std::vector<uint32_t> resources0_units;  // resourceUnits(resources0): the fast path's exact sum
  size_t size() const { return bits.size(); }
};

// Trust is stored as 0..65535; rounding (not truncation) makes the initial
// level a fixed point of the weekly drift, so untouched citizens stay "quiet".
// Resources summed in whole units (kResourceUnits, sim/metrics.hpp): see there.
inline int64_t resourceUnits(float r) { return static_cast<int64_t>(r * kResourceUnits + 0.5); }

inline uint16_t trustLevel(double trust) {
  double t = trust < 0 ? 0 : (trust > 1 ? 1 : trust);
  return static_cast<uint16_t>(t * 65535.0 + 0.5);
}

// Bits of RegimeState::flags.
enum StateBit : uint32_t {
  kEnrolled = 1u << 0,
  kJudgement = 1u << 1,     // truth: an outstanding court judgement
  kWilful = 1u << 2,        // truth: it was unwilling, not unable, to pay
  kRecJudgement = 1u << 3,  // data: a negative judgement record is on file
  kRecErroneous = 1u << 4,  // data: that record does not reflect the truth
  kRecClosed = 1u << 5,     // data: this judgement's record was expired/removed; do not re-record it
  kAdverse = 1u << 6,       // assessment: listed / flagged / scored below the sanction line
  kConfirmed = 1u << 7,     // a human (or no human) confirmed the adverse recommendation
  kRejected = 1u << 8,      // a human rejected it
  kServed = 1u << 9,        // listing ended by term or repair; not relisted on the same record
  kAware = 1u << 10,        // the citizen knows of the adverse decision / erroneous record
  kAppealPending = 1u << 11,
  kAppealLost = 1u << 12,  // an appeal on this episode was upheld; no second one
  kDetained = 1u << 13,
  kBenefited = 1u << 14,
  kSanctioned = 1u << 15,    // sanction in force this week (derived, stored for the view)
  kWrongEpisode = 1u << 16,  // currently in a wrongful-sanction episode
  kEpAware = 1u << 17,       // funnel bits for the current wrongful episode
  kEpAppealed = 1u << 18,
  kErrMinor = 1u << 19,        // a false minor record (informant) is on file
  kStale = 1u << 20,           // the judgement record is stale (settled, not yet cleared)
  kClearedPending = 1u << 21,  // record cleared; listing lifted after the removal lag
  kDirty = 1u << 22,           // trust or resources differ from their resting level (they drift)
  kHasCounts = 1u << 23,       // some minor records (infractions, behaviours) are on file
};

struct RegimeState {
#define S(name, type, what) std::vector<type> name;
#include "sim/state.def"
#undef S
  std::deque<uint32_t> queue;  // appeals waiting, first filed first decided
  double capacity_carry = 0;   // fractional reviewer capacity carried to next week

  void resize(size_t n);
  static size_t bytesPerCitizen();
  // Feeds every array, in table order, and the queue to `feed(data, bytes)`.
  template <class Feed>
  void hash(Feed&& feed) const {
#define S(name, type, what) feed(name.data(), name.size() * sizeof(type));
#include "sim/state.def"
#undef S
    for (uint32_t c : queue) feed(&c, sizeof c);
  }
};

}  // namespace tl
