// citizen_week.cpp: one week of life and of regime stages 1-6 for a range of citizens.
//
// The outer loop is over citizens, the inner over regimes: the four shared life
// draws of a citizen-week are made once and compared, in every regime, with
// thresholds that behaviour may have moved. Appeal decisions happen elsewhere
// (appeals.cpp) because reviewers take a queue shared by all citizens.
#include <algorithm>
#include <cmath>

#include "sim/model_internal.hpp"

namespace tl {
namespace {

constexpr double kTrustScale = 65535.0;

// Per-regime context of the loop: parameters read once, not per citizen.
struct Ctx {
  const RegimeWeek* rw;
  const ParamValues* p;
  bool platform, informants, score, list, risk, human, notice, access, published, suspend, appeal, corrects;
  bool removal_on_fulfilment, credit_denial;
  double pts_judgement, pts_infraction, pts_prosocial, pts_paid, pts_behaviour;
  int retention, grace, list_infractions, stale_weeks, lag, term, repair_acts, flag_expiry, deadline;
  double clerical, stale_share, misattr_scaled[4], informant_false[2], informant_cov[2];
  double benefit_from, sanction_below, risk_threshold;
  double opt_out, decay, ability_screening;
  bool fast_ok;          // a quiet citizen cannot change state this week
  bool watch;            // benign behaviours are recorded or chilled in this regime
  bool counts_assessed;  // recorded minor-event counts feed the assessment (not only the score's points)
};

Ctx makeCtx(const RegimeWeek& rw) {
  const ParamValues& p = *rw.p;
  Ctx x{};
  x.rw = &rw;
  x.p = &p;
  x.platform = rw.enrolment != EnrolmentMode::None && rw.kind != AssessmentKind::None;
  x.informants = x.platform && p.flag(P::data_informants);
  x.score = rw.kind == AssessmentKind::Score;
  x.list = rw.kind == AssessmentKind::List;
  x.risk = rw.kind == AssessmentKind::Risk;
  x.human = p.flag(P::assessment_human_review);
  x.notice = p.flag(P::transparency_notice);
  x.access = p.flag(P::transparency_record_access);
  x.published = p.flag(P::transparency_published_rules);
  x.suspend = p.flag(P::appeal_suspends_sanction);
  x.appeal = p.flag(P::appeal_available);
  x.corrects = p.flag(P::appeal_corrects_record);
  x.removal_on_fulfilment = p.flag(P::exit_removal_on_fulfilment);
  x.credit_denial = p.flag(P::consequences_credit_denial);
  // Points only move a score; other assessments keep counts of records instead.
  x.pts_judgement = x.score ? p[P::assessment_points_judgement] : 0;
  x.pts_infraction = x.score ? p[P::assessment_points_infraction] : 0;
  x.pts_prosocial = x.score ? p[P::assessment_points_prosocial] : 0;
  x.pts_paid = x.score ? p[P::assessment_points_paid_on_time] : 0;
  x.pts_behaviour = x.score ? p[P::assessment_points_behaviour] : 0;
  x.retention = p.i(P::data_retention_weeks);
  x.grace = p.i(P::assessment_list_grace_weeks);
  x.list_infractions = p.i(P::assessment_list_infractions);
  x.stale_weeks = p.i(P::data_stale_weeks);
  x.lag = p.i(P::exit_removal_lag_weeks);
  x.term = x.risk ? p.i(P::exit_flag_expiry_weeks) : p.i(P::exit_listing_term_weeks);
  x.repair_acts = p.i(P::exit_credit_repair_acts);
  x.deadline = p.i(P::appeal_deadline_weeks);
  x.clerical = p[P::data_clerical_error_share];
  x.stale_share = p[P::data_stale_share];
  // Misattributed records are someone else's recorded events: they scale with coverage too.
  for (int b = 0; b < 4; ++b)
    x.misattr_scaled[b] = scale32(p[P::data_misattribution_rate] * rw.err_mult[b] * rw.coverage);
  for (int g = 0; g < 2; ++g) {
    x.informant_false[g] = scale32(p[P::data_informant_false_report_rate] * rw.informant_mult[g]);
    x.informant_cov[g] = std::min(1.0, p[P::data_informant_coverage] * rw.informant_mult[g]);
  }
  x.benefit_from = p[P::assessment_benefit_threshold];
  x.sanction_below = p[P::assessment_sanction_below];
  x.risk_threshold = p[P::assessment_risk_threshold];
  // A risk rule that flags people with no records at all (rural weight, screening
  // alert, zero threshold) can act on quiet citizens, so they need the full path.
  x.opt_out = p[P::enrolment_opt_out_rate];
  x.decay = p[P::assessment_points_half_life_years] > 0 ? std::pow(0.5, 1.0 / p[P::assessment_points_half_life_years]) : 1.0;
  x.ability_screening = p[P::assessment_ability_screening];
  x.counts_assessed = x.risk || (x.list && x.list_infractions > 0);
  x.watch = rw.record_protected || rw.record_proxy || x.informants;
  x.fast_ok = !(x.risk && (p[P::assessment_weight_rural] > 0 || p[P::assessment_weight_screening] > 0 || x.risk_threshold <= 0));
  return x;
}

int16_t addPoints(int16_t v, double pts) {
  double r = std::max(-30000.0, std::min(30000.0, v + pts));
  return static_cast<int16_t>(std::lround(r));
}
uint8_t inc8(uint8_t v) { return v == 255 ? v : static_cast<uint8_t>(v + 1); }

}  // namespace

void citizenWeek(const Traits& traits, std::vector<RegimeState>& regimes, const std::vector<RegimeWeek>& rws,
                 const WorldWeek& ww, const Rng& rng, uint32_t begin, uint32_t end, bool log, ChunkOut& out) {
  const ParamValues& w = *ww.p;
  const int nr = static_cast<int>(regimes.size());
  const auto week = static_cast<uint32_t>(ww.week);
  const auto wk16 = static_cast<uint16_t>(week);

  Ctx ctx[kMaxRegimes];
  for (int r = 0; r < nr; ++r) ctx[r] = makeCtx(rws[static_cast<size_t>(r)]);

  const uint64_t obligation_thr = threshold32(scale32(w[P::life_obligation_rate]));
  const uint64_t infraction_thr = threshold32(scale32(w[P::life_infraction_rate]));
  const uint64_t harm_thr = threshold32(scale32(w[P::life_harmful_act_rate]));
  const double protected_rate[2] = {w[P::life_protected_behaviour_rate_a], w[P::life_protected_behaviour_rate_b]};
  const double proxy_rate[2] = {w[P::life_proxy_behaviour_rate_a], w[P::life_proxy_behaviour_rate_b]};
  const double chill_strength = ww.chilling ? w[P::behaviour_chilling_strength] : 0.0;
  const double det_strength = ww.deterrence ? w[P::behaviour_deterrence_strength] : 0.0;
  const double trust0 = ww.trust_initial;
  const uint16_t trust0_u16 = trustLevel(trust0);
  // Upper bounds of every event threshold (for the quiet-citizen test).
  const uint64_t prot_max[2] = {threshold32(scale32(protected_rate[0])),
                                threshold32(scale32(protected_rate[1]))};
  const uint64_t proxy_max[2] = {threshold32(scale32(proxy_rate[0])), threshold32(scale32(proxy_rate[1]))};
  const double prosocial_thr = scale32(w[P::life_prosocial_rate] * 2.0 * 1.5);
  double misattr_max[4] = {0, 0, 0, 0}, informant_max[2] = {0, 0};
  bool any_watch = false, any_informants = false;
  for (int r = 0; r < nr; ++r) {
    any_watch = any_watch || ctx[r].watch;
    any_informants = any_informants || ctx[r].informants;
    for (int b = 0; b < 4; ++b) misattr_max[b] = std::max(misattr_max[b], ctx[r].misattr_scaled[b]);
    for (int gi = 0; gi < 2; ++gi)
      if (ctx[r].informants) informant_max[gi] = std::max(informant_max[gi], ctx[r].informant_false[gi]);
  }
  const uint64_t misattr_thr[4] = {threshold32(misattr_max[0]), threshold32(misattr_max[1]),
                                   threshold32(misattr_max[2]), threshold32(misattr_max[3])};
  const uint64_t informant_thr[2] = {threshold32(informant_max[0]), threshold32(informant_max[1])};

  uint32_t quiet[kMaxRegimes][2][2][2] = {};  // [regime][group][target][enrolled]
  uint32_t quiet_benign[kMaxRegimes][2] = {};
  uint64_t quiet_resources[kMaxRegimes][2] = {};
  const uint32_t wmod52 = week % 52;

  // The four shared life draws of a citizen-week (two 32-bit uniforms each).
  struct Life {
    uint64_t base, w1, w2, w3, w4;
    bool obligation_due, infraction, harmful, prot_event, proxy_event, any_event;
  };
  auto lifeOf = [&](uint32_t c, uint8_t tb, int g, int eb, uint64_t base) {
    Life L{};
    L.base = base;
    L.w1 = L.base;  // obligation due | infraction (the citizen-week hash itself is already a fresh word)
    L.w2 = Rng::word(L.base, Purpose::LifeB);  // prosocial act | protected behaviour
    L.w3 = Rng::word(L.base, Purpose::LifeC);  // proxy behaviour | misattributed record
    // harmful act | informant false report: only drawn where it can matter (same values when drawn).
    L.w4 = ((tb & kHarmProne) || any_informants) ? Rng::word(L.base, Purpose::LifeD) : ~0ULL;
    const Halves h1(L.w1), h2(L.w2), h3(L.w3), h4(L.w4);
    L.obligation_due = below(h1.lo, obligation_thr);
    L.infraction = below(h1.hi, infraction_thr);
    L.harmful = (tb & kHarmProne) && below(h4.lo, harm_thr);
    L.prot_event = below(h2.hi, prot_max[g]);
    L.proxy_event = below(h3.lo, proxy_max[g]);
    // Most citizen-weeks are uneventful: no draw falls below the largest threshold any
    // regime could use. Benign behaviours only count where some regime watches them.
    L.any_event = L.obligation_due || L.infraction || L.harmful ||
                  (any_watch && (L.prot_event || L.proxy_event)) || below(h3.hi, misattr_thr[eb]) ||
                  below(h4.hi, informant_thr[g]) || below(h2.lo, prosocial_thr * traits.prosociality[c]);
    return L;
  };
  auto errorBucket = [](uint8_t tb) { return ((tb & kGroupB) ? 1 : 0) | ((tb & kRural) ? 2 : 0); };

  // Pass 1: which citizens had any event this week (one byte each), shared by all regimes.
  thread_local std::vector<uint8_t> life_bits;
  thread_local std::vector<uint64_t> life_base;  // each citizen-week's hash, for later draws
  life_bits.resize(end - begin);
  life_base.resize(end - begin);
  for (uint32_t c = begin; c < end; ++c) {
    const uint8_t tb = traits.bits[c];
    const Life L = lifeOf(c, tb, (tb & kGroupB) ? 1 : 0, errorBucket(tb), rng.weekBase(c, week));
    life_bits[c - begin] = static_cast<uint8_t>(L.any_event | (L.prot_event << 1) | (L.proxy_event << 2));
    life_base[c - begin] = L.base;
  }

  // Pass 2: each regime streams through its own arrays. A tight scan counts the quiet
  // citizens (nothing happened, nothing pending: nothing can change) and lists the
  // rest, which then take the full path (their life draws recomputed: the same values).
  thread_local std::vector<uint32_t> busy;
  for (int r = 0; r < nr; ++r) {
    const Ctx& x = ctx[r];
    const RegimeWeek& rw = *x.rw;
    const ParamValues& p = *x.p;
    RegimeState& s = regimes[static_cast<size_t>(r)];
    auto ev = [&](uint32_t c, EventKind k, int32_t v = 0) {
      if (log) out.events.push_back(Event{c, wk16, static_cast<uint8_t>(r), k, v});
    };
    // Flags that rule the fast path out (kDirty and kHasCounts summarise trust,
    // resources and minor records; the full path keeps them up to date).
    const uint32_t block = ~(kEnrolled | kHasCounts) | (x.score ? static_cast<uint32_t>(kEnrolled) : 0u);
    const bool decay_rule = x.score && x.decay < 1.0;
    const bool opt_in_open = rw.enrolment == EnrolmentMode::OptIn;
    const bool needs_digital = p.flag(P::enrolment_requires_digital_access);
    // uniform < opt_in, tested on the draw's 53 bits: (bits < ceil(opt_in * 2^53)) is the same test.
    const uint64_t opt_in_below = static_cast<uint64_t>(std::ceil(std::min(1.0, rw.opt_in) * 0x1.0p53));
    const uint8_t quiet_target_bits = rw.target == TargetKind::HarmProne ? kHarmProne : 0;
    const double quiet_reliable_from = rw.target == TargetKind::Reliable ? rw.reliability_threshold : 2.0;
    busy.clear();
    uint32_t cmod52 = begin % 52;  // c % 52, kept incrementally
    for (uint32_t c = begin; c < end; ++c, cmod52 = cmod52 == 51 ? 0 : cmod52 + 1) {
      const uint8_t lb = life_bits[c - begin];
      const uint32_t f = s.flags[c];
      bool quiet_now = ww.fast_path && x.fast_ok && !(lb & 1) && !(f & block) && !(decay_rule && cmod52 == wmod52) &&
                       (!(f & kHasCounts) ||
                        (!x.counts_assessed &&
                         (x.retention == 0 || week - s.minor_week[c] < static_cast<uint32_t>(x.retention))));
      const uint8_t tb = traits.bits[c];
      // An opt-in would change the state: the full path repeats the same draw and enrols.
      if (quiet_now && opt_in_open && !(f & kEnrolled) && ((tb & kDigital) || !needs_digital) &&
          (Rng::word(life_base[c - begin], Purpose::OptIn) >> 11) < opt_in_below)
        quiet_now = false;
      if (!quiet_now) {
        busy.push_back(c);
        continue;
      }
      // Counted by class and folded into the tally after the loop (fewer memory updates).
      const int g = (tb & kGroupB) ? 1 : 0;
      // A quiet citizen owes no judgement, so only the trait-based targets can hold.
      const bool target = (tb & quiet_target_bits) != 0 || traits.reliability[c] >= quiet_reliable_from;
      ++quiet[r][g][target][(f & kEnrolled) != 0];
      quiet_benign[r][g] += static_cast<uint32_t>((lb >> 1) & 1) + static_cast<uint32_t>((lb >> 2) & 1);
      quiet_resources[r][g] += traits.resources0_units[c];  // not dirty: resources at their resting level
      if (log && (lb & 2)) ev(c, EventKind::ProtectedBehaviour);
      if (log && (lb & 4)) ev(c, EventKind::ProxyBehaviour);
    }

    for (uint32_t c : busy) {
      const bool decay_week = c % 52 == wmod52;
      const uint8_t tb = traits.bits[c];
      const int g = (tb & kGroupB) ? 1 : 0;
      Tally& t = out.tally[static_cast<size_t>(r * 2 + g)];
      uint32_t f = s.flags[c];
      auto ev = [&](EventKind k, int32_t v = 0) {
        if (log) out.events.push_back(Event{c, wk16, static_cast<uint8_t>(r), k, v});
      };
      const int eb = errorBucket(tb);
      const Life L = lifeOf(c, tb, g, eb, life_base[c - begin]);
      const uint64_t base = L.base;
      // Same value as rng.chance(c, week, p, prob), without re-hashing the citizen-week.
      auto draw = [base](Purpose p, double prob) { return uniformOf(base, p) < prob; };
      const Halves h1(L.w1), h2(L.w2), h3(L.w3), h4(L.w4);
      const bool obligation_due = L.obligation_due, infraction = L.infraction, harmful = L.harmful;
      float res = s.resources[c];
      double trust = s.trust[c] / kTrustScale;

      // ---- 1. enrolment (opt-in needs digital access, expected benefit and trust)
      if (rw.enrolment == EnrolmentMode::OptIn && !(f & kEnrolled) &&
          ((tb & kDigital) || !p.flag(P::enrolment_requires_digital_access))) {
        // Expected benefit: those whose score is near the benefit line have most to gain.
        double near = (!x.score || scoreOf(p, s, c) >= x.benefit_from - 50) ? 1.0 : 0.5;
        // (the fast path tests against rw.opt_in, an upper bound of this probability)
        double prob = rw.opt_in * near * (ww.trust ? std::min(1.0, trust / std::max(0.05, trust0)) : 1.0);
        if (draw(Purpose::OptIn, prob)) {
          f |= kEnrolled;
          ev(EventKind::Enrolled);
        }
      }
      if (rw.enrolment == EnrolmentMode::OptIn && (f & kEnrolled) && x.opt_out > 0 &&
          draw(Purpose::OptOut, x.opt_out * ((f & kBenefited) ? 0.2 : 1.0))) {
        f &= ~(kEnrolled | kBenefited);
        ev(EventKind::LeftScheme);
      }
      // Positive points fade once a year (on the citizen's own week, to spread the work).
      if (x.score && x.decay < 1.0 && decay_week && s.pos_points[c] > 0)
        s.pos_points[c] = static_cast<int16_t>(std::floor(s.pos_points[c] * x.decay + 0.5));
      const bool enrolled = (f & kEnrolled) != 0;

      // A served listing/score sanction ends with the judgement record behind it; a served
      // risk flag ends only with new weighed evidence (see minorRecord).
      const uint32_t served_by_judgement = x.risk ? 0u : static_cast<uint32_t>(kServed);
      // ---- life: obligations (unable is not unwilling), judgements, settlement
      auto newErroneousRecord = [&](int32_t why) {
        if (f & kRecJudgement) return;
        f = (f | kRecJudgement | kRecErroneous) & ~(kStale | kClearedPending | served_by_judgement);
        s.record_week[c] = wk16;
        s.neg_points[c] = addPoints(s.neg_points[c], x.pts_judgement);
        ev(EventKind::RecordErroneous, why);
      };
      auto clearRecord = [&](EventKind why) {
        f &= ~(kRecJudgement | kRecErroneous | kStale | served_by_judgement);
        f |= kClearedPending;
        s.cleared_week[c] = wk16;
        s.neg_points[c] = addPoints(s.neg_points[c], -x.pts_judgement);
        if (s.neg_points[c] > 0) s.neg_points[c] = 0;
        ev(why);
      };
      if (obligation_due) {
        bool unable = draw(Purpose::Shock, w[P::life_shock_rate] * (1.0 - 0.5 * res));
        bool unwilling = false;
        if (!unable) {
          double pu = 1.0 - traits.reliability[c];
          // Deterrence: a threshold moves, the draw stays (common random numbers).
          if (rw.enrolment == EnrolmentMode::Mandatory || enrolled)
            pu *= 1.0 - det_strength * rw.expected_sanction;
          unwilling = draw(Purpose::Unwilling, pu);
        }
        if (unable || unwilling) {
          ev(unable ? EventKind::ObligationUnable : EventKind::ObligationUnwilling);
          if (!(f & kJudgement) && draw(Purpose::JudgementFiled, w[P::life_judgement_share])) {
            f = (f | kJudgement | (unwilling ? kWilful : 0u)) & ~kRecClosed;
            s.judgement_week[c] = wk16;
            ev(EventKind::Judgement, unwilling ? 1 : 0);
          }
        } else {
          ev(EventKind::ObligationPaid);
          if (x.platform) {
            if (x.pts_paid != 0 && draw(Purpose::RecordObligation, rw.coverage))
              s.pos_points[c] = addPoints(s.pos_points[c], x.pts_paid);
            // Clerical error: paid, but filed as an unpaid judgement.
            if (draw(Purpose::Clerical, x.clerical * rw.err_mult[eb] * rw.coverage)) newErroneousRecord(1);
          }
        }
      } else if ((f & kJudgement) && s.judgement_week[c] != wk16) {
        double ps = (f & kWilful) ? w[P::life_settle_rate_wilful] + ((f & kSanctioned) ? rw.compliance : 0.0)
                                  : w[P::life_settle_rate_unable] * 2.0 * res;
        if (draw(Purpose::Settle, ps)) {
          f &= ~(kJudgement | kWilful);
          ev(EventKind::JudgementSettled);
          if ((f & kRecJudgement) && !(f & kRecErroneous)) {
            if (draw(Purpose::Stale, std::min(1.0, x.stale_share * rw.err_mult[eb])) && x.stale_weeks > 0) {
              f |= kStale | kRecErroneous;  // settled, but the platform still says unpaid
              s.cleared_week[c] = static_cast<uint16_t>(week + static_cast<uint32_t>(x.stale_weeks));
            } else {
              clearRecord(EventKind::RecordCleared);
            }
          }
        }
      }
      if ((f & kStale) && week >= s.cleared_week[c]) clearRecord(EventKind::RecordCleared);

      // ---- data layer: record the truth (with coverage), and errors
      if (x.platform) {
        // A judgement is recorded once coverage reaches its episode's draw, so a
        // rollout (growing coverage) adds old judgements to the list.
        if ((f & kJudgement) && !(f & (kRecJudgement | kRecClosed)) &&
            rng.uniform(c, s.judgement_week[c], Purpose::RecordJudgement) < rw.coverage) {
          f = (f | kRecJudgement) & ~(kClearedPending | served_by_judgement);
          s.record_week[c] = wk16;
          s.neg_points[c] = addPoints(s.neg_points[c], x.pts_judgement);
          ev(EventKind::RecordCreated);
        }
        if (below(h3.hi, x.misattr_scaled[eb])) newErroneousRecord(2);
        auto minorRecord = [&](uint8_t& count, double pts, P weight) {
          count = inc8(count);
          s.minor_week[c] = wk16;
          s.neg_points[c] = addPoints(s.neg_points[c], pts);
          // New evidence (a record the risk rule weighs) can flag again; a served listing stays served.
          if (x.risk && p[weight] > 0) f &= ~kServed;
        };
        if (infraction) {
          ev(EventKind::Infraction);
          if (draw(Purpose::RecordInfraction, rw.coverage) ||
              (x.informants && draw(Purpose::InformantInfraction, x.informant_cov[g])))
            minorRecord(s.rec_infractions[c], x.pts_infraction, P::assessment_weight_infraction);
        }
        if (x.informants && below(h4.hi, x.informant_false[g])) {
          minorRecord(s.rec_infractions[c], x.pts_infraction, P::assessment_weight_infraction);
          f |= kErrMinor;
          ev(EventKind::RecordErroneous, 3);
        }
        // Benign behaviours; chilling lowers them where they are watched.
        double chill = chill_strength * ((f & kAdverse) ? 1.0 : rw.chill_watch);
        bool watch_prot = rw.record_protected || (x.informants && !p.flag(P::data_forbidden_categories));
        bool watch_proxy = rw.record_proxy || x.informants;
        if (below(h2.hi, scale32(protected_rate[g] * (watch_prot ? 1.0 - chill : 1.0)))) {
          ++t.benign;
          ev(EventKind::ProtectedBehaviour);
          if ((rw.record_protected && draw(Purpose::RecordProtected, rw.coverage)) ||
              (watch_prot && x.informants && draw(Purpose::InformantBehaviour, x.informant_cov[g])))
            minorRecord(s.rec_protected[c], x.pts_behaviour, P::assessment_weight_protected_behaviour);
        }
        if (below(h3.lo, scale32(proxy_rate[g] * (watch_proxy ? 1.0 - chill : 1.0)))) {
          ++t.benign;
          ev(EventKind::ProxyBehaviour);
          if ((rw.record_proxy && draw(Purpose::RecordProxy, rw.coverage)) ||
              (x.informants && draw(Purpose::InformantProxy, x.informant_cov[g])))
            minorRecord(s.rec_proxy[c], x.pts_behaviour, P::assessment_weight_proxy_behaviour);
        }
      } else {
        if (infraction) ev(EventKind::Infraction);
        if (below(h2.hi, scale32(protected_rate[g]))) ++t.benign, ev(EventKind::ProtectedBehaviour);
        if (below(h3.lo, scale32(proxy_rate[g]))) ++t.benign, ev(EventKind::ProxyBehaviour);
      }
      const double prosocial_p = w[P::life_prosocial_rate] * 2.0 * traits.prosociality[c] * (0.5 + res);
      if (below(h2.lo, scale32(prosocial_p))) {
        ev(EventKind::ProsocialAct);
        if (x.platform && draw(Purpose::RecordProsocial, rw.coverage)) {
          s.rec_prosocial[c] = inc8(s.rec_prosocial[c]);
          s.pos_points[c] = addPoints(s.pos_points[c], x.pts_prosocial);
          if (f & kAdverse) s.repair[c] = inc8(s.repair[c]);
        }
      }
      if (harmful) ev(EventKind::HarmfulAct);

      // Gaming: published rules show which cheap acts earn points; reliability is unchanged.
      if (ww.gaming && x.published && x.score && enrolled && scoreOf(p, s, c) < x.benefit_from &&
          draw(Purpose::Gaming, w[P::behaviour_gaming_rate])) {
        s.rec_prosocial[c] = inc8(s.rec_prosocial[c]);
        s.pos_points[c] = addPoints(s.pos_points[c], x.pts_prosocial);
        if (f & kAdverse) s.repair[c] = inc8(s.repair[c]);
        ev(EventKind::GamingAct);
      }

      // Retention: negative records expire this long after the latest one.
      if (x.retention > 0) {
        if ((f & kRecJudgement) && week - s.record_week[c] >= static_cast<uint32_t>(x.retention)) {
          bool was_true = !(f & kRecErroneous);
          clearRecord(EventKind::RecordExpired);
          if (was_true && (f & kJudgement)) f |= kRecClosed;
        }
        if ((s.rec_infractions[c] | s.rec_protected[c] | s.rec_proxy[c]) &&
            week - s.minor_week[c] >= static_cast<uint32_t>(x.retention)) {
          s.rec_infractions[c] = s.rec_protected[c] = s.rec_proxy[c] = 0;
          f &= ~kErrMinor;
          s.neg_points[c] = static_cast<int16_t>((f & kRecJudgement) ? addPoints(0, x.pts_judgement) : 0);
          ev(EventKind::RecordExpired, 1);
        }
      }
      // Access to one's own record lets errors be spotted before they bite.
      if (x.access && (f & (kRecErroneous | kErrMinor)) && !(f & kAware) &&
          draw(Purpose::RecordCheck, p[P::transparency_record_check_rate])) {
        f |= kAware;
        s.aware_week[c] = wk16;
        ev(EventKind::Discovered, 1);
      }

      // ---- 2. assessment (enrolled citizens only)
      bool adverse_now = false;
      int score = -1;
      if (enrolled && x.platform) {
        if (x.score) {
          score = scoreOf(p, s, c);
          adverse_now = x.sanction_below > 0 && score < x.sanction_below && !(f & kServed);
          if (score >= x.sanction_below) f &= ~kServed;  // back above the line: a later fall counts again
        } else if (x.list) {
          // The court keeps some of those unable to pay off the list (not those with
          // erroneous records: it sees a judgement, not the error behind it).
          bool screened_out =
              x.ability_screening > 0 && (f & kJudgement) && !(f & kWilful) && !(f & kRecErroneous) &&
              rng.uniform(c, s.judgement_week[c], Purpose::AbilityCheck) < x.ability_screening;
          adverse_now = !(f & kServed) && !screened_out &&
                        (((f & kRecJudgement) && week - s.record_week[c] >= static_cast<uint32_t>(x.grace)) ||
                         (x.list_infractions > 0 && s.rec_infractions[c] >= x.list_infractions));
        } else if (x.risk) {
          double risk = p[P::assessment_weight_protected_behaviour] * s.rec_protected[c] + p[P::assessment_weight_proxy_behaviour] * s.rec_proxy[c] +
                        p[P::assessment_weight_infraction] * s.rec_infractions[c] +
                        ((tb & kRural) ? p[P::assessment_weight_rural] : 0.0);
          if (p[P::assessment_weight_screening] > 0) {
            // A screening alert with set sensitivity/specificity: one static draw per citizen.
            double u = rng.uniform(c, kStatic, Purpose::Screening);
            bool alert = u < ((tb & kHarmProne) ? p[P::assessment_screening_sensitivity] : 1.0 - p[P::assessment_screening_specificity]);
            if (alert) risk += p[P::assessment_weight_screening];
          }
          adverse_now = !(f & kServed) && risk >= x.risk_threshold;
        }
      }
      const bool target = isTarget(rw, traits, f, c);
      if (f & kAdverse) {
        // ---- 6. exit: lift on fulfilment (after the lag), fixed term, credit repair
        bool lift = false;
        if (!adverse_now) {
          if (x.list) {
            bool cleared = (f & kClearedPending) && week - s.cleared_week[c] >= static_cast<uint32_t>(x.lag);
            lift = x.removal_on_fulfilment ? (cleared || !enrolled) : !enrolled;
            // A listing on infractions ends when the count falls below the rule (records expired).
            if (x.list_infractions > 0 && s.rec_infractions[c] < x.list_infractions && !(f & kRecJudgement))
              lift = true;
          } else if (x.score || !x.platform) {
            lift = true;
          }
        }
        bool served = false;
        if (x.term > 0 && week - s.sanction_week[c] >= static_cast<uint32_t>(x.term)) lift = served = true;
        if (x.repair_acts > 0 && s.repair[c] >= x.repair_acts) lift = served = true;
        if (lift) {
          s.flags[c] = f;
          liftAdverse(s, c);
          f = s.flags[c] | (served ? kServed : 0u);
          ++t.listed_removed;
          ev(EventKind::SanctionEnd, served ? 1 : 0);
        }
      } else if (adverse_now) {
        f = (f | kAdverse) & ~(kConfirmed | kRejected | kDetained | kAppealLost);
        s.sanction_week[c] = wk16;
        s.repair[c] = 0;
        ++t.listed_added;
        ev(x.risk ? EventKind::Flagged : EventKind::Listed);
        bool confirm = true;
        if (x.human) {
          // Automation bias: with probability `deference` the human follows the system;
          // otherwise they reach the right answer with probability `human_accuracy`.
          double u = uniformOf(base, Purpose::Human);
          if (u >= rw.deference) {
            double v = (u - rw.deference) / std::max(1e-9, 1.0 - rw.deference);
            bool correct = v < p[P::assessment_human_accuracy];
            bool deserved = rw.punitive ? target : !target;
            confirm = correct ? deserved : !deserved;
          }
        }
        if (confirm) {
          f |= kConfirmed;
          ev(EventKind::SanctionStart);
          if (x.risk && draw(Purpose::Detention, p[P::consequences_detention_share])) {
            f |= kDetained;
            ev(EventKind::Detained);
          }
          if (x.notice) {
            f |= kAware;
            s.aware_week[c] = wk16;
            ev(EventKind::Notified);
          }
        } else {
          f |= kRejected;
          ev(EventKind::HumanOverride);
        }
      }

      // ---- 3. consequences
      const bool in_force = (f & kAdverse) && (f & kConfirmed);
      const bool sanctioned = in_force && !((f & kAppealPending) && x.suspend);
      const bool wrong_ep = in_force && (rw.punitive ? !target : target);
      if (wrong_ep && !(f & kWrongEpisode)) {
        f |= kWrongEpisode;
        s.wrong_start[c] = wk16;
        ++t.funnel.wronged;
        if (ww.trust) trust -= w[P::behaviour_trust_loss_wrongful];
      } else if (!wrong_ep && (f & kWrongEpisode)) {
        f &= ~(kWrongEpisode | kEpAware | kEpAppealed);
      }
      f = sanctioned ? (f | kSanctioned) : (f & ~kSanctioned);
      bool benefited = x.score && enrolled && score >= x.benefit_from && !sanctioned;
      if (benefited != bool(f & kBenefited)) ev(benefited ? EventKind::BenefitStart : EventKind::BenefitEnd);
      f = benefited ? (f | kBenefited) : (f & ~kBenefited);
      if (sanctioned) {
        t.harm += rw.harm_per_week * ((f & kDetained) ? 10.0 : 1.0);
        if (ww.poverty && x.credit_denial) res -= static_cast<float>(w[P::behaviour_poverty_loss]);
        if (wrong_ep && s.wrongful_weeks[c] < 65535) ++s.wrongful_weeks[c];
      }
      if (benefited) res += static_cast<float>(p[P::consequences_benefit_value]);
      res += static_cast<float>(w[P::life_resource_recovery] * (traits.resources0[c] - res));
      res = std::min(1.f, std::max(0.f, res));

      // ---- 4. transparency: without notice people find out by chance (refused a flight)
      if (in_force && !(f & kAware) && draw(Purpose::Discover, p[P::transparency_discovery_rate])) {
        f |= kAware;
        s.aware_week[c] = wk16;
        ev(EventKind::Discovered);
      }
      if ((f & kWrongEpisode) && (f & kAware) && !(f & kEpAware)) {
        f |= kEpAware;
        ++t.funnel.aware;
      }

      // ---- 5. appeal: aware x able x expected success; decisions come from the queue
      if (x.appeal && (f & kAware) && !(f & (kAppealPending | kAppealLost)) &&
          (in_force || (x.access && (f & (kRecErroneous | kErrMinor)))) &&
          (x.deadline == 0 || week - s.aware_week[c] <= static_cast<uint32_t>(x.deadline)) &&
          res >= p[P::appeal_cost]) {
        bool wronged = in_force ? wrong_ep : true;
        double pa = wronged ? p[P::appeal_propensity] * (ww.trust ? trust : 1.0) *
                                  (x.notice || p.flag(P::transparency_reasons) || x.published ? 1.0 : 0.7)
                            : p[P::appeal_rightful_propensity];
        if (draw(Purpose::Appeal, pa)) {
          f |= kAppealPending;
          res = std::max(0.f, res - static_cast<float>(p[P::appeal_cost]));
          out.filed[static_cast<size_t>(r)].push_back(c);
          ++t.appeals_filed;
          ev(EventKind::AppealFiled);
          if ((f & kWrongEpisode) && !(f & kEpAppealed)) {
            f |= kEpAppealed;
            ++t.funnel.appealed;
          }
        }
      }
      if (ww.trust) {
        if (f & kAppealPending) trust -= w[P::behaviour_trust_loss_waiting];
        trust += w[P::behaviour_trust_recovery] * (trust0 - trust);
        trust = std::min(1.0, std::max(0.0, trust));
      }

      // ---- tally this citizen-week
      const bool selected = rw.punitive ? sanctioned : benefited;
      t.population += 1;
      t.target_positive += target;
      t.enrolled += enrolled;
      t.sanctioned += sanctioned;
      t.wrongly_sanctioned += sanctioned && wrong_ep;
      t.missed += target && !selected;
      t.benefited += benefited;
      t.wrongly_denied_benefit +=
          x.score && enrolled && !benefited && traits.reliability[c] >= p[P::target_reliability_threshold];
      t.flagged += (f & kAdverse) != 0;
      t.detained += sanctioned && (f & kDetained);
      t.records_erroneous += (f & (kRecErroneous | kErrMinor)) != 0;
      t.trust_sum += trustLevel(trust);
      t.resources_sum += resourceUnits(res);
      if (score >= 0) t.score_sum += score;
      if (target)
        (selected ? t.confusion.tp : t.confusion.fn) += 1;
      else
        (selected ? t.confusion.fp : t.confusion.tn) += 1;

      const uint16_t trust16 = trustLevel(trust);
      const bool dirty = trust16 != trust0_u16 || res != traits.resources0[c];
      const bool has_counts = (s.rec_infractions[c] | s.rec_protected[c] | s.rec_proxy[c]) != 0;
      f = (f & ~(kDirty | kHasCounts)) | (dirty ? static_cast<uint32_t>(kDirty) : 0u) |
          (has_counts ? static_cast<uint32_t>(kHasCounts) : 0u);
      s.flags[c] = f;
      s.resources[c] = res;
      s.trust[c] = trust16;
    }
  }
  for (int r = 0; r < nr; ++r)
    for (int g = 0; g < 2; ++g) {
      Tally& t = out.tally[static_cast<size_t>(r * 2 + g)];
      for (int tg = 0; tg < 2; ++tg)
        for (int en = 0; en < 2; ++en) {
          double n = quiet[r][g][tg][en];
          t.population += n;
          t.enrolled += en ? n : 0.0;
          t.trust_sum += n * trust0_u16;
          (tg ? t.confusion.fn : t.confusion.tn) += n;
          if (tg) t.target_positive += n, t.missed += n;
        }
      t.benign += quiet_benign[r][g];
      t.resources_sum += static_cast<double>(quiet_resources[r][g]);
    }
  // The scan logs quiet citizens' events before the busy ones': put the log in
  // (regime, citizen) order so it does not depend on which path a citizen took.
  if (log)
    std::stable_sort(out.events.begin(), out.events.end(), [](const Event& a, const Event& b) {
      return a.regime != b.regime ? a.regime < b.regime : a.citizen < b.citizen;
    });
}

}  // namespace tl
