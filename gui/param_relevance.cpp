// param_relevance.cpp: the table of which parameters matter when (see param_relevance.hpp).
#include "gui/param_relevance.hpp"

#include <cstring>

namespace tl::gui {
namespace {

// A rule: parameters whose path starts with `prefix` (or equals it) matter only when `when`
// holds. The first matching rule decides; the switch a rule depends on is never hidden by it.
struct Rule {
  const char* prefix;
  P except;  // the switch itself (or P::Count)
  bool (*when)(const ParamValues& r, const ParamValues& w);
  const char* why;
};

bool isScore(const ParamValues& r, const ParamValues&) {
  return r.i(P::assessment_kind) == int(AssessmentKind::Score);
}
bool isList(const ParamValues& r, const ParamValues&) {
  return r.i(P::assessment_kind) == int(AssessmentKind::List);
}
bool isRisk(const ParamValues& r, const ParamValues&) {
  return r.i(P::assessment_kind) == int(AssessmentKind::Risk);
}
bool assesses(const ParamValues& r, const ParamValues&) {
  return r.i(P::assessment_kind) != int(AssessmentKind::None);
}

const Rule kRules[] = {
    {"target.reliability_threshold", P::Count,
     [](const ParamValues& r, const ParamValues&) {
       return r.i(P::target_kind) == int(TargetKind::Reliable);
     },
     "only when the target is reliable citizens"},
    {"enrolment.opt_in_rate", P::Count,
     [](const ParamValues& r, const ParamValues&) {
       return r.i(P::enrolment_mode) == int(EnrolmentMode::OptIn);
     },
     "only for opt-in enrolment"},
    {"enrolment.opt_out_rate", P::Count,
     [](const ParamValues& r, const ParamValues&) {
       return r.i(P::enrolment_mode) == int(EnrolmentMode::OptIn);
     },
     "only for opt-in enrolment"},
    {"enrolment.requires_digital_access", P::Count,
     [](const ParamValues& r, const ParamValues&) {
       return r.i(P::enrolment_mode) == int(EnrolmentMode::OptIn);
     },
     "only for opt-in enrolment"},
    {"assessment.human_review", P::Count, assesses, "only when the system judges"},
    {"assessment.deference", P::Count,
     [](const ParamValues& r, const ParamValues& w) {
       return assesses(r, w) && r.flag(P::assessment_human_review);
     },
     "only with human review"},
    {"assessment.human_accuracy", P::Count,
     [](const ParamValues& r, const ParamValues& w) {
       return assesses(r, w) && r.flag(P::assessment_human_review);
     },
     "only with human review"},
    {"assessment.score_", P::Count, isScore, "only for a score"},
    {"assessment.points_", P::Count, isScore, "only for a score"},
    {"assessment.lookback_years", P::Count, isScore, "only for a score"},
    {"assessment.benefit_threshold", P::Count, isScore, "only for a score"},
    {"assessment.sanction_below", P::Count, isScore, "only for a score"},
    {"assessment.list_", P::Count, isList, "only for a list"},
    {"assessment.ability_screening", P::Count, isList, "only for a list"},
    {"assessment.weight_", P::Count, isRisk, "only for a risk flag"},
    {"assessment.screening_", P::Count, isRisk, "only for a risk flag"},
    {"assessment.risk_threshold", P::Count, isRisk, "only for a risk flag"},
    {"data.informant_", P::Count,
     [](const ParamValues& r, const ParamValues& w) { return assesses(r, w) && r.flag(P::data_informants); },
     "only with informants"},
    {"data.", P::Count, assesses, "only when the system judges"},
    {"consequences.", P::Count, assesses, "only when the system judges"},
    {"transparency.reasons", P::Count,
     [](const ParamValues& r, const ParamValues& w) {
       return assesses(r, w) && r.flag(P::transparency_notice);
     },
     "only when citizens are told"},
    {"transparency.discovery_rate", P::Count,
     [](const ParamValues& r, const ParamValues& w) {
       return assesses(r, w) && !r.flag(P::transparency_notice);
     },
     "only when citizens are not told"},
    {"transparency.record_check_rate", P::Count,
     [](const ParamValues& r, const ParamValues& w) {
       return assesses(r, w) && r.flag(P::transparency_record_access);
     },
     "only when citizens see their records"},
    {"transparency.", P::Count, assesses, "only when the system judges"},
    {"appeal.", P::appeal_available,
     [](const ParamValues& r, const ParamValues& w) { return assesses(r, w) && r.flag(P::appeal_available); },
     "only when an appeal is possible"},
    {"appeal.available", P::Count, assesses, "only when the system judges"},
    {"exit.removal_lag_weeks", P::Count,
     [](const ParamValues& r, const ParamValues& w) {
       return assesses(r, w) && r.flag(P::exit_removal_on_fulfilment);
     },
     "only when a listing is removed once paid"},
    {"exit.", P::Count, assesses, "only when the system judges"},
    // World: the strength of a behaviour only matters when the behaviour is on.
    {"behaviour.deterrence_strength", P::Count,
     [](const ParamValues&, const ParamValues& w) { return w.flag(P::behaviour_deterrence); },
     "only with deterrence"},
    {"behaviour.chilling_strength", P::Count,
     [](const ParamValues&, const ParamValues& w) { return w.flag(P::behaviour_chilling); },
     "only with chilling"},
    {"behaviour.gaming_rate", P::Count,
     [](const ParamValues&, const ParamValues& w) { return w.flag(P::behaviour_gaming); },
     "only with gaming"},
    {"behaviour.trust_loss", P::Count,
     [](const ParamValues&, const ParamValues& w) { return w.flag(P::behaviour_trust); },
     "only when trust responds"},
    {"behaviour.trust_gain", P::Count,
     [](const ParamValues&, const ParamValues& w) { return w.flag(P::behaviour_trust); },
     "only when trust responds"},
    {"behaviour.trust_recovery", P::Count,
     [](const ParamValues&, const ParamValues& w) { return w.flag(P::behaviour_trust); },
     "only when trust responds"},
    {"behaviour.poverty_loss", P::Count,
     [](const ParamValues&, const ParamValues& w) { return w.flag(P::behaviour_poverty_feedback); },
     "only with poverty feedback"},
};

const Rule* ruleFor(const ParamDecl& d) {
  for (const auto& r : kRules)
    if (std::strncmp(d.path, r.prefix, std::strlen(r.prefix)) == 0 && d.id != r.except) return &r;
  return nullptr;
}

}  // namespace

bool paramMatters(const ParamDecl& d, const ParamValues& regime, const ParamValues& world) {
  const Rule* r = ruleFor(d);
  return !r || r->when(regime, world);
}

const char* whyHidden(const ParamDecl& d, const ParamValues& regime, const ParamValues& world) {
  const Rule* r = ruleFor(d);
  return r && !r->when(regime, world) ? r->why : "";
}

}  // namespace tl::gui
