// population.cpp: draws the synthetic population from the scenario's distributions.
// Only distributions go in; no record of a real person ever does.
#include <algorithm>
#include <cmath>

#include "sim/model_internal.hpp"

namespace tl {

namespace {
float clamp01(double x) { return static_cast<float>(std::min(1.0, std::max(0.0, x))); }
}  // namespace

Traits makeTraits(const ParamValues& w, const Rng& rng, size_t n) {
  Traits t;
  t.bits.resize(n);
  t.resources0.resize(n);
  t.resources0_units.resize(n);
  t.reliability.resize(n);
  t.prosociality.resize(n);
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<uint32_t>(i);
    uint8_t b = 0;
    bool groupB = rng.chance(c, kStatic, Purpose::Group, w[P::population_share_group_b]);
    bool rural = rng.chance(c, kStatic, Purpose::Region, w[P::population_share_rural]);
    if (groupB) b |= kGroupB;
    if (rural) b |= kRural;
    if (rng.chance(c, kStatic, Purpose::Digital, rural ? w[P::population_digital_access_rural] : w[P::population_digital_access_urban]))
      b |= kDigital;
    if (rng.chance(c, kStatic, Purpose::HarmProne, w[P::population_harm_prone_share])) b |= kHarmProne;
    t.bits[i] = b;
    double rmean = groupB ? w[P::population_resources_mean_b] : w[P::population_resources_mean_a];
    t.resources0[i] =
        clamp01(rmean + w[P::population_resources_spread] * rng.normal(c, Purpose::Resources, Purpose::Resources2));
    t.resources0_units[i] = static_cast<uint32_t>(resourceUnits(t.resources0[i]));
    t.reliability[i] =
        clamp01(w[P::population_reliability_mean] +
                w[P::population_reliability_spread] * rng.normal(c, Purpose::Reliability, Purpose::Reliability2));
    t.prosociality[i] =
        clamp01(w[P::population_prosociality_mean] + 0.15 * rng.normal(c, Purpose::Prosocial, Purpose::Prosocial2));
  }
  return t;
}

void initRegime(RegimeState& s, const Traits& traits, const ParamValues& w, const ParamValues& r,
                const Rng& rng) {
  size_t n = traits.size();
  s.resize(n);
  auto trust0 = trustLevel(w[P::behaviour_trust_initial]);
  bool mandatory = r.i(P::enrolment_mode) == static_cast<int>(EnrolmentMode::Mandatory);
  bool score = r.i(P::assessment_kind) == static_cast<int>(AssessmentKind::Score) &&
               r.i(P::enrolment_mode) != static_cast<int>(EnrolmentMode::None);
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<uint32_t>(i);
    s.resources[i] = traits.resources0[i];
    s.trust[i] = trust0;
    uint32_t f = mandatory ? static_cast<uint32_t>(kEnrolled) : 0u;
    // A stock of judgements exists before any list is built; who owes one is drawn the
    // same way in every regime. Those who can pay and still do not are the wilful ones.
    if (rng.chance(c, kStatic, Purpose::InitialJudgement, w[P::population_initial_judgement_share])) {
      f |= kJudgement;
      if (rng.chance(c, kStatic, Purpose::InitialWilful, 1.0 - traits.reliability[i])) f |= kWilful;
    }
    s.flags[i] = f;
    if (score) {
      // Records from before the run: the first score already reflects a citizen's history.
      double weeks = r[P::assessment_lookback_years] * 52.0, cov = r[P::data_coverage];
      double paid =
          w[P::life_obligation_rate] * weeks * traits.reliability[i] * (1.0 - 0.5 * w[P::life_shock_rate]);
      double pros =
          w[P::life_prosocial_rate] * 2.0 * traits.prosociality[i] * (0.5 + traits.resources0[i]) * weeks;
      double infr = w[P::life_infraction_rate] * weeks;
      s.pos_points[i] =
          static_cast<int16_t>(std::lround(cov * (paid * r[P::assessment_points_paid_on_time] + pros * r[P::assessment_points_prosocial])));
      s.neg_points[i] =
          static_cast<int16_t>(std::lround(std::min(0.0, cov * infr * r[P::assessment_points_infraction])));
    }
  }
}

}  // namespace tl
