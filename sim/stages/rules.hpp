// rules.hpp: the parameters of one week, read once from the parameter table and
// grouped by the stage that uses them. This is the one way a parameter reaches a
// stage: each stage function takes the slice it needs (x.appeal, world.behaviour...),
// never a raw ParamValues. The named constants of the rules (with their reasons) are
// in sim/stages/constants.hpp.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "sim/model_internal.hpp"

namespace tl {

// ---------------------------------------------------------------- world (shared by every regime)
struct LifeRules {
  uint64_t obligation_thr, infraction_thr, harm_thr;  // integer thresholds of the shared life draws
  double protected_rate[2], proxy_rate[2];            // by group
  uint64_t protected_max[2], proxy_max[2];            // thresholds before chilling (quiet test)
  double prosocial_rate, prosocial_max;               // prosocial_max: bound over resources (quiet test)
  double shock_rate, judgement_share, settle_unable, settle_wilful, resource_recovery;
  // Largest misattribution / false-report chance any regime uses this week, by error
  // bucket / group: a draw above it cannot be an event in any regime.
  uint64_t misattribution_max[4], informant_max[2];
  bool any_watch, any_informants;
};

struct BehaviourRules {
  double deterrence_strength;  // 0 when deterrence is off
  double chilling_strength;    // 0 when chilling is off
  bool gaming;
  double gaming_rate;
  bool trust;
  double trust_initial, trust_loss_wrongful, trust_loss_waiting, trust_gain_fair, trust_recovery;
  uint16_t trust_initial_level;  // trustLevel(trust_initial): the resting level of quiet citizens
  bool poverty;
  double poverty_loss;
  double gain_time;  // factor on the rightly sanctioned's appeal chance when appeals suspend the sanction
};

struct WorldRules {
  uint32_t week;
  LifeRules life;
  BehaviourRules behaviour;
  bool fast_path;
};

// ---------------------------------------------------------------- one regime (one pane)
struct EnrolmentRules {
  bool mandatory, opt_in, requires_digital;
  double opt_in_rate;  // weekly chance before the score and trust factors
  double opt_out_rate;
};

struct DataRules {
  bool platform;    // the regime keeps records (enrolment and an assessment)
  bool informants;  // neighbourhood informants report
  double coverage;
  double clerical, stale_share, err_mult[4];
  int stale_weeks, retention;
  double misattribution[4];                     // weekly chance by error bucket, coverage included (scale32)
  double informant_false[2], informant_cov[2];  // by group
  bool record_protected, record_proxy, forbidden;
  double chill_watch;  // surveillance intensity on benign behaviour
  bool watch;          // benign behaviours are recorded or chilled in this regime
};

struct AssessmentRules {
  AssessmentKind kind;
  bool score, list, risk;
  double score_base, score_min, score_max;
  double pts_judgement, pts_infraction, pts_prosocial, pts_paid, pts_behaviour;  // 0 unless a score
  double decay;  // yearly factor on positive points (1 = no fading)
  double benefit_from, sanction_below;
  int list_grace, list_infractions;
  double ability_screening;
  double w_protected, w_proxy, w_infraction, w_rural, w_screen, screen_sens, screen_spec, risk_threshold;
  int screen_interval;  // weeks between screening rounds (0 = one round, a static draw)
  bool human;
  double deference, human_accuracy;
  bool counts_assessed;  // recorded minor-event counts feed the assessment (not only the score's points)
  int scoreOf(const RegimeState& s, uint32_t c) const;  // same arithmetic as tl::scoreOf()
};

struct ExitRules {
  bool removal_on_fulfilment;
  int lag, term, repair_acts;  // term: listing term, or flag expiry for a risk rule
};

struct ConsequenceRules {
  double harm_per_week, detention_share, benefit_value, compliance;
  bool credit_denial;
};

struct TransparencyRules {
  bool notice, reasons, access, published;
  double record_check, discovery;
};

struct AppealRules {
  bool available, suspends;
  int deadline;
  double cost, propensity, rightful_propensity;
};

struct RegimeRules {
  const RegimeWeek* rw;
  TargetKind target;
  double reliability_threshold;
  bool punitive;
  EnrolmentRules enrolment;
  DataRules data;
  AssessmentRules assessment;
  ExitRules exit;
  ConsequenceRules consequences;
  TransparencyRules transparency;
  AppealRules appeal;
  bool fast_ok;  // a quiet citizen cannot change state this week
};

RegimeRules regimeRules(const RegimeWeek& rw);
WorldRules worldRules(const WorldWeek& ww, const RegimeRules* regimes, int count);

inline int AssessmentRules::scoreOf(const RegimeState& s, uint32_t c) const {
  double v = score_base + s.pos_points[c] + s.neg_points[c];
  return static_cast<int>(std::floor(std::min(score_max, std::max(score_min, v)) + 0.5));
}

}  // namespace tl
