// rng.hpp: counter-based random numbers keyed by (seed, citizen, week, purpose).
//
// There is no generator state to advance: a draw is a pure function of its key,
// so every regime sees the same draw for the same citizen, week and purpose
// (common random numbers), threads can take citizens in any order, and a
// behavioural response changes the threshold a draw is compared with, never
// the draw itself.
#pragma once
#include <cmath>
#include <cstdint>

namespace tl {

// What a draw is for. Never reorder: the numbers are part of the model's identity.
enum class Purpose : uint32_t {
  // static traits (week = kStatic)
  Group = 1,
  Region,
  Resources,
  Resources2,
  Digital,
  Reliability,
  Reliability2,
  Prosocial,
  Prosocial2,
  HarmProne,
  Screening,
  InitialJudgement,
  InitialWilful,
  // weekly life (shared by all regimes)
  LifeA = 32,
  LifeB,
  LifeC,
  LifeD,
  // conditional draws (made only when their event happens)
  Shock = 64,
  Unwilling,
  JudgementFiled,
  Settle,
  RecordObligation,
  RecordJudgement,
  Clerical,
  RecordInfraction,
  RecordProtected,
  RecordProxy,
  RecordProsocial,
  InformantInfraction,
  InformantBehaviour,
  Stale,
  OptIn,
  Human,
  Detention,
  Discover,
  Appeal,
  Review,
  Gaming,
  RecordCheck,
  AbilityCheck,
  OptOut,
  InformantProxy,
};

constexpr uint32_t kStatic = 0xFFFFFFFFu;

inline uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : key_(mix64(seed ^ 0x7472757374'6c6162ULL)) {}
  // 64 random bits for one key.
  uint64_t bits(uint32_t citizen, uint32_t week, Purpose p) const { return word(weekBase(citizen, week), p); }
  // One hash per citizen-week; words() then gives several independent 64-bit
  // words from it (cheaper than a full key per draw on the weekly hot path).
  uint64_t weekBase(uint32_t citizen, uint32_t week) const {
    return mix64(key_ ^ (static_cast<uint64_t>(citizen) << 32 | week));
  }
  static uint64_t word(uint64_t base, Purpose p) {
    return mix64(base + 0x9E3779B97F4A7C15ULL * (static_cast<uint64_t>(p) + 1));
  }
  // Uniform in [0, 1).
  double uniform(uint32_t citizen, uint32_t week, Purpose p) const {
    return static_cast<double>(bits(citizen, week, p) >> 11) * 0x1.0p-53;
  }
  bool chance(uint32_t citizen, uint32_t week, Purpose p, double prob) const {
    return uniform(citizen, week, p) < prob;
  }
  // Standard normal from two keyed uniforms (Box-Muller).
  double normal(uint32_t citizen, Purpose a, Purpose b) const {
    double u1 = uniform(citizen, kStatic, a), u2 = uniform(citizen, kStatic, b);
    if (u1 < 1e-300) u1 = 1e-300;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  uint64_t key_;
};

// Uniform in [0, 1) of a citizen-week's word: equals Rng::uniform(citizen, week, p).
__attribute__((noinline)) inline double uniformOf(uint64_t week_base, Purpose p) {
  return static_cast<double>(Rng::word(week_base, p) >> 11) * 0x1.0p-53;
}

// Two 32-bit uniforms from one 64-bit draw, compared against probabilities
// pre-scaled by 2^32 (the weekly hot path needs four draws per citizen).
struct Halves {
  uint32_t lo, hi;
  explicit Halves(uint64_t b) : lo(static_cast<uint32_t>(b)), hi(static_cast<uint32_t>(b >> 32)) {}
};
inline double scale32(double p) { return p <= 0 ? 0.0 : p * 4294967296.0; }
inline bool below(uint32_t u, double scaled) { return static_cast<double>(u) < scaled; }
// The same test against a threshold prepared once: u < s exactly when u < ceil(s).
inline uint64_t threshold32(double scaled) { return static_cast<uint64_t>(std::ceil(scaled)); }
inline bool below(uint32_t u, uint64_t threshold) { return u < threshold; }

}  // namespace tl
