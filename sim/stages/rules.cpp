// rules.cpp: reads this week's parameters once into the slices the stages take.
#include "sim/stages/rules.hpp"

#include "sim/stages/constants.hpp"

namespace tl {

RegimeRules regimeRules(const RegimeWeek& rw) {
  const ParamValues& p = *rw.p;
  RegimeRules x{};
  x.rw = &rw;
  x.target = rw.target;
  x.reliability_threshold = rw.reliability_threshold;
  x.punitive = rw.punitive;

  EnrolmentRules& e = x.enrolment;
  e.mandatory = rw.enrolment == EnrolmentMode::Mandatory;
  e.opt_in = rw.enrolment == EnrolmentMode::OptIn;
  e.requires_digital = p.flag(P::enrolment_requires_digital_access);
  e.opt_in_rate = rw.opt_in;
  e.opt_out_rate = p[P::enrolment_opt_out_rate];

  AssessmentRules& a = x.assessment;
  a.kind = rw.kind;
  a.score = rw.kind == AssessmentKind::Score;
  a.list = rw.kind == AssessmentKind::List;
  a.risk = rw.kind == AssessmentKind::Risk;
  a.score_base = p[P::assessment_score_base];
  a.score_min = p[P::assessment_score_min];
  a.score_max = p[P::assessment_score_max];
  // Points only move a score; other assessments keep counts of records instead.
  a.pts_judgement = a.score ? p[P::assessment_points_judgement] : 0;
  a.pts_infraction = a.score ? p[P::assessment_points_infraction] : 0;
  a.pts_prosocial = a.score ? p[P::assessment_points_prosocial] : 0;
  a.pts_paid = a.score ? p[P::assessment_points_paid_on_time] : 0;
  a.pts_behaviour = a.score ? p[P::assessment_points_behaviour] : 0;
  a.decay = p[P::assessment_points_half_life_years] > 0
                ? std::pow(0.5, 1.0 / p[P::assessment_points_half_life_years])
                : 1.0;
  a.benefit_from = p[P::assessment_benefit_threshold];
  a.sanction_below = p[P::assessment_sanction_below];
  a.list_grace = p.i(P::assessment_list_grace_weeks);
  a.list_infractions = p.i(P::assessment_list_infractions);
  a.ability_screening = p[P::assessment_ability_screening];
  a.w_protected = p[P::assessment_weight_protected_behaviour];
  a.w_proxy = p[P::assessment_weight_proxy_behaviour];
  a.w_infraction = p[P::assessment_weight_infraction];
  a.w_rural = p[P::assessment_weight_rural];
  a.w_screen = p[P::assessment_weight_screening];
  a.screen_sens = p[P::assessment_screening_sensitivity];
  a.screen_spec = p[P::assessment_screening_specificity];
  a.screen_interval = static_cast<int>(p[P::assessment_screening_interval_weeks]);
  a.risk_threshold = p[P::assessment_risk_threshold];
  a.human = p.flag(P::assessment_human_review);
  a.deference = rw.deference;
  a.human_accuracy = p[P::assessment_human_accuracy];
  a.counts_assessed = a.risk || (a.list && a.list_infractions > 0);

  DataRules& d = x.data;
  d.platform = rw.enrolment != EnrolmentMode::None && rw.kind != AssessmentKind::None;
  d.informants = d.platform && p.flag(P::data_informants);
  d.coverage = rw.coverage;
  d.clerical = p[P::data_clerical_error_share];
  d.stale_share = p[P::data_stale_share];
  d.stale_weeks = p.i(P::data_stale_weeks);
  d.retention = p.i(P::data_retention_weeks);
  for (int b = 0; b < 4; ++b) {
    d.err_mult[b] = rw.err_mult[b];
    // Misattributed records are someone else's recorded events: they scale with coverage too.
    d.misattribution[b] = scale32(p[P::data_misattribution_rate] * rw.err_mult[b] * rw.coverage);
  }
  for (int g = 0; g < 2; ++g) {
    d.informant_false[g] = scale32(p[P::data_informant_false_report_rate] * rw.informant_mult[g]);
    d.informant_cov[g] = std::min(1.0, p[P::data_informant_coverage] * rw.informant_mult[g]);
  }
  d.record_protected = rw.record_protected;
  d.record_proxy = rw.record_proxy;
  d.forbidden = p.flag(P::data_forbidden_categories);
  d.chill_watch = rw.chill_watch;
  d.watch = rw.record_protected || rw.record_proxy || d.informants;

  ExitRules& ex = x.exit;
  ex.removal_on_fulfilment = p.flag(P::exit_removal_on_fulfilment);
  ex.lag = p.i(P::exit_removal_lag_weeks);
  ex.term = a.risk ? p.i(P::exit_flag_expiry_weeks) : p.i(P::exit_listing_term_weeks);
  ex.repair_acts = p.i(P::exit_credit_repair_acts);

  ConsequenceRules& cq = x.consequences;
  cq.harm_per_week = rw.harm_per_week;
  cq.detention_share = p[P::consequences_detention_share];
  cq.benefit_value = p[P::consequences_benefit_value];
  cq.compliance = rw.compliance;
  cq.credit_denial = p.flag(P::consequences_credit_denial);

  TransparencyRules& t = x.transparency;
  t.notice = p.flag(P::transparency_notice);
  t.reasons = p.flag(P::transparency_reasons);
  t.access = p.flag(P::transparency_record_access);
  t.published = p.flag(P::transparency_published_rules);
  t.record_check = p[P::transparency_record_check_rate];
  t.discovery = p[P::transparency_discovery_rate];

  AppealRules& ap = x.appeal;
  ap.available = p.flag(P::appeal_available);
  ap.suspends = p.flag(P::appeal_suspends_sanction);
  ap.deadline = p.i(P::appeal_deadline_weeks);
  ap.cost = p[P::appeal_cost];
  ap.propensity = p[P::appeal_propensity];
  ap.rightful_propensity = p[P::appeal_rightful_propensity];

  // A risk rule that flags people with no records at all (rural weight, screening
  // alert, zero threshold) can act on quiet citizens, so they need the full path.
  x.fast_ok = !(a.risk && (a.w_rural > 0 || a.w_screen > 0 || a.risk_threshold <= 0));
  return x;
}

WorldRules worldRules(const WorldWeek& ww, const RegimeRules* regimes, int count) {
  const ParamValues& w = *ww.p;
  WorldRules x{};
  x.week = static_cast<uint32_t>(ww.week);
  x.fast_path = ww.fast_path;

  LifeRules& L = x.life;
  L.obligation_thr = threshold32(scale32(w[P::life_obligation_rate]));
  L.infraction_thr = threshold32(scale32(w[P::life_infraction_rate]));
  L.harm_thr = threshold32(scale32(w[P::life_harmful_act_rate]));
  L.protected_rate[0] = w[P::life_protected_behaviour_rate_a];
  L.protected_rate[1] = w[P::life_protected_behaviour_rate_b];
  L.proxy_rate[0] = w[P::life_proxy_behaviour_rate_a];
  L.proxy_rate[1] = w[P::life_proxy_behaviour_rate_b];
  for (int g = 0; g < 2; ++g) {
    L.protected_max[g] = threshold32(scale32(L.protected_rate[g]));
    L.proxy_max[g] = threshold32(scale32(L.proxy_rate[g]));
  }
  L.prosocial_rate = w[P::life_prosocial_rate];
  L.prosocial_max = scale32(L.prosocial_rate * rule::kProsocialScale * rule::kProsocialMaxFactor);
  L.shock_rate = w[P::life_shock_rate];
  L.judgement_share = w[P::life_judgement_share];
  L.settle_unable = w[P::life_settle_rate_unable];
  L.settle_wilful = w[P::life_settle_rate_wilful];
  L.resource_recovery = w[P::life_resource_recovery];
  double misattr_max[4] = {0, 0, 0, 0}, informant_max[2] = {0, 0};
  for (int r = 0; r < count; ++r) {
    const DataRules& d = regimes[r].data;
    L.any_watch = L.any_watch || d.watch;
    L.any_informants = L.any_informants || d.informants;
    for (int b = 0; b < 4; ++b) misattr_max[b] = std::max(misattr_max[b], d.misattribution[b]);
    for (int g = 0; g < 2; ++g)
      if (d.informants) informant_max[g] = std::max(informant_max[g], d.informant_false[g]);
  }
  for (int b = 0; b < 4; ++b) L.misattribution_max[b] = threshold32(misattr_max[b]);
  for (int g = 0; g < 2; ++g) L.informant_max[g] = threshold32(informant_max[g]);

  BehaviourRules& b = x.behaviour;
  b.deterrence_strength = ww.deterrence ? w[P::behaviour_deterrence_strength] : 0.0;
  b.chilling_strength = ww.chilling ? w[P::behaviour_chilling_strength] : 0.0;
  b.gaming = ww.gaming;
  b.gaming_rate = w[P::behaviour_gaming_rate];
  b.trust = ww.trust;
  b.trust_initial = ww.trust_initial;
  b.trust_initial_level = trustLevel(ww.trust_initial);
  b.trust_loss_wrongful = w[P::behaviour_trust_loss_wrongful];
  b.trust_loss_waiting = w[P::behaviour_trust_loss_waiting];
  b.trust_gain_fair = w[P::behaviour_trust_gain_fair];
  b.trust_recovery = w[P::behaviour_trust_recovery];
  b.poverty = ww.poverty;
  b.poverty_loss = w[P::behaviour_poverty_loss];
  b.gain_time = w[P::behaviour_appeal_to_gain_time];
  return x;
}

}  // namespace tl
