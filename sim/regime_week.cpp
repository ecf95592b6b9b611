// regime_week.cpp: per-week scalars of a regime and the small rules shared by the stages.
#include <algorithm>
#include <cmath>

#include "sim/model_internal.hpp"
#include "sim/stages/constants.hpp"

namespace tl {

RegimeWeek makeRegimeWeek(const ParamValues& p, const ParamValues& w, int index, int week) {
  RegimeWeek r;
  r.index = index;
  r.p = &p;
  r.target = static_cast<TargetKind>(p.i(P::target_kind));
  r.enrolment = static_cast<EnrolmentMode>(p.i(P::enrolment_mode));
  r.kind = r.enrolment == EnrolmentMode::None ? AssessmentKind::None
                                              : static_cast<AssessmentKind>(p.i(P::assessment_kind));
  r.punitive = r.target != TargetKind::Reliable;
  r.reliability_threshold = p[P::target_reliability_threshold];
  const double years = week / 52.0;
  r.coverage = r.enrolment == EnrolmentMode::None
                   ? 0.0
                   : std::min(1.0, p[P::data_coverage] + p[P::data_coverage_growth] * years);
  r.agencies = std::min(rule::kMaxAgencies, p[P::consequences_agencies] + p[P::consequences_agencies_growth] * years);
  r.deference = std::min(1.0, p[P::assessment_deference] + p[P::assessment_deference_growth] * years);
  const bool disclosure = p.flag(P::transparency_public_disclosure);
  // Harm units per sanctioned week: one per enforcing agency (joint sanctions multiply),
  // scaled up by private platforms copying the list, plus public shaming.
  r.harm_per_week = r.agencies * (1.0 + p[P::consequences_private_spillover]) + (disclosure ? rule::kDisclosureHarm : 0.0) +
                    (p.flag(P::consequences_travel_ban) ? rule::kTravelBanHarm : 0.0) +
                    (p.flag(P::consequences_credit_denial) ? rule::kCreditDenialHarm : 0.0);
  // What a would-be wilful defaulter expects: the chance of being recorded times the bite.
  switch (r.kind) {
    case AssessmentKind::List:
      r.expected_sanction = r.coverage * std::min(1.0, r.harm_per_week / rule::kAgenciesAtFullBite);
      break;
    case AssessmentKind::Score:
      // Losing points (and with them benefits) bites less than a sanction.
      r.expected_sanction =
          r.coverage * std::min(1.0, -std::min(0.0, p[P::assessment_points_judgement]) / rule::kScorePointsAtFullBite) *
          (p[P::assessment_sanction_below] > 0 ? rule::kScoreBiteWithSanction : rule::kScoreBiteBenefitsOnly);
      break;
    default:
      r.expected_sanction = 0;
  }
  const bool informants = p.flag(P::data_informants) && r.kind != AssessmentKind::None;
  const bool watch = p.flag(P::data_record_benign_behaviour) && r.kind != AssessmentKind::None;
  r.record_proxy = watch;
  r.record_protected = watch && !p.flag(P::data_forbidden_categories);
  r.chill_watch = std::max(watch ? r.coverage : 0.0, informants ? p[P::data_informant_coverage] : 0.0);
  r.compliance = w[P::behaviour_compliance_under_sanction] * std::min(1.0, r.agencies / rule::kAgenciesAtFullBite) *
                 (disclosure ? rule::kDisclosureCompliance : 1.0);
  r.opt_in = r.enrolment == EnrolmentMode::OptIn
                 ? p[P::enrolment_opt_in_rate] *
                       std::min(rule::kOptInBenefitCap, p[P::consequences_benefit_value] / rule::kOptInBenefitReference)
                 : 0.0;
  r.review_accuracy =
      std::min(rule::kMaxReviewAccuracy, p[P::appeal_accuracy] + (p.flag(P::transparency_reasons) ? p[P::appeal_reasons_bonus] : 0.0) +
                         (p.flag(P::transparency_record_access) ? p[P::appeal_access_bonus] : 0.0) +
                         (p.flag(P::appeal_independent) ? rule::kIndependenceBonus : 0.0));
  for (int b = 0; b < 4; ++b)
    r.err_mult[b] = ((b & 1) ? p[P::data_error_multiplier_group_b] : 1.0) * ((b & 2) ? p[P::data_error_multiplier_rural] : 1.0);
  r.informant_mult[0] = 1.0;
  r.informant_mult[1] = p[P::data_informant_bias_group_b];
  return r;
}

int scoreOf(const ParamValues& p, const RegimeState& s, uint32_t c) {
  double v = p[P::assessment_score_base] + s.pos_points[c] + s.neg_points[c];
  return static_cast<int>(std::floor(std::min(p[P::assessment_score_max], std::max(p[P::assessment_score_min], v)) + 0.5));
}

CitizenView viewOf(const RegimeWeek& rw, const RegimeState& s, uint32_t c) {
  uint32_t f = s.flags[c];
  if (f & kAppealPending) return CitizenView::InAppeal;
  if (f & kSanctioned)
    return (f & kWrongEpisode) ? CitizenView::WronglySanctioned : CitizenView::RightlySanctioned;
  if (f & kAdverse) return CitizenView::Flagged;
  if (f & kBenefited) return CitizenView::Rewarded;
  if (rw.enrolment == EnrolmentMode::OptIn && !(f & kEnrolled)) return CitizenView::NotEnrolled;
  return CitizenView::Normal;
}

void liftAdverse(RegimeState& s, uint32_t c) {
  s.flags[c] &= ~(kAdverse | kConfirmed | kRejected | kDetained | kAware | kAppealLost | kSanctioned |
                  kWrongEpisode | kEpAware | kEpAppealed | kClearedPending);
}

}  // namespace tl
