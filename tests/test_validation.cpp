// test_validation.cpp: the fast subset of the calibration and validation checks
// (docs/validation.md; the full set, with larger populations, is
// `trustlab-cli validate-model`). Each test states its tolerance and the source
// figure it stands for. Populations are small so the whole file runs in a few
// seconds in Release; tolerances allow for the noise of those sizes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "io/scenario_io.hpp"
#include "sim/metrics.hpp"
#include "sim/simulation.hpp"

namespace {

using namespace tl;

Scenario presetAlone(const std::string& preset, long long pop, int weeks,
                     const std::vector<std::string>& sets = {}) {
  std::string text = "{\"weeks\": " + std::to_string(weeks) +
                     ", \"seed\": 1, \"population\": {\"size\": " + std::to_string(pop) +
                     "}, \"regimes\": [{\"name\": \"" + preset + "\", \"preset\": \"" + preset + "\"}]}";
  Scenario s = parseScenario(text, "<test_validation>");
  for (const auto& a : sets) applySet(s, a);
  return s;
}

const WeekRow& rowAt(const Simulation& sim, int week, int regime = 0, int group = 2) {
  return sim.rows().at(static_cast<size_t>(week) * static_cast<size_t>(sim.regimeCount()) * 3 +
                       static_cast<size_t>(regime) * 3 + static_cast<size_t>(group));
}

struct Flows {
  double added = 0, removed = 0;
};
Flows flows(const Simulation& sim, int from, int to) {
  Flows f;
  for (int w = from; w < to; ++w) {
    f.added += rowAt(sim, w).listed_added;
    f.removed += rowAt(sim, w).listed_removed;
  }
  return f;
}

}  // namespace

TEST_CASE("analytic: precision of a flag at a low base rate (FACTS Theory 1)") {
  // Tolerance: 0.05 percentage points (the source's rounding).
  CHECK(std::fabs(ppvFromSensSpec(0.001, 0.99, 0.99) - 0.090) < 0.0005);
  CHECK(std::fabs(ppvFromSensSpec(1e-4, 0.99, 0.99) - 0.0098) < 0.0005);
  CHECK(ppvFromSensSpec(1e-4, 0.99, 0.99) < 0.02);
  CHECK(std::fabs(chouldechovaFpr(0.51, 0.60, 0.30) - 0.486) < 0.0005);
  CHECK(std::fabs(chouldechovaFpr(0.39, 0.60, 0.30) - 0.298) < 0.0005);
}

TEST_CASE("predictive flagging, 1-in-10,000 target: flag precision below 2 % (FACTS Theory 1)") {
  // 200,000 citizens, 2 weeks: the screening alert (sens = spec = 0.99) has fired; benign
  // records have not yet reached the line. Formula: 0.98 %. Tolerance: below 2 %, and within
  // 3 binomial standard errors (about 0.7 pp with ~2,000 flags) of the formula.
  Scenario s = presetAlone("predictive_flagging", 200000, 2);
  Simulation sim(s);
  sim.run(s.weeks());
  const Confusion& m = rowAt(sim, 1).confusion;
  const double flagged = m.tp + m.fp;
  REQUIRE(flagged > 1000);
  const double ppv = m.tp / flagged;
  const double p = (m.tp + m.fn) / m.total();
  const double formula = ppvFromSensSpec(p, 0.99, 0.99);
  CAPTURE(ppv);
  CAPTURE(formula);
  CHECK(ppv < 0.02);
  CHECK(std::fabs(ppv - formula) <= 3 * std::sqrt(formula * (1 - formula) / flagged) + 1e-4);
  // The confusion matrix rebuilt from the time-series columns is the summary's own
  // (validate-model A7): TP = targets - missed, FP = sanctioned - TP = wrongly sanctioned.
  const auto sum = sim.summary();
  for (int g = 0; g < 3; ++g) {
    double tp = 0, fn = 0, fp = 0, wrong = 0;
    for (const WeekRow& r : sim.rows()) {
      if (r.group != g) continue;
      tp += r.target_positive - r.missed;
      fn += r.missed;
      fp += r.sanctioned - (r.target_positive - r.missed);
      wrong += r.wrongly_sanctioned;
    }
    CHECK(tp == sum[0].group[g].confusion.tp);
    CHECK(fn == sum[0].group[g].confusion.fn);
    CHECK(fp == sum[0].group[g].confusion.fp);
    CHECK(wrong == fp);
  }
}

TEST_CASE("automated fraud determination: >= 85 % of decided appeals overturned (MiDAS: 92-93 %)") {
  Scenario s = presetAlone("automated_fraud_determination", 20000, 260);
  REQUIRE(s.regimes[0].values.flag(P::appeal_reversed_burden));  // the brief: reversed burden of proof
  Simulation sim(s);
  sim.run(s.weeks());
  double decided = 0, overturned = 0;
  for (int w = 0; w < s.weeks(); ++w) {
    decided += rowAt(sim, w).appeals_decided;
    overturned += rowAt(sim, w).appeals_overturned;
  }
  REQUIRE(decided > 500);
  CAPTURE(overturned / decided);
  CHECK(overturned / decided >= 0.85);
  // Most determinations in force are wrong (MiDAS review: 93 % overturned). Tolerance: >= 85 %.
  const Confusion m = sim.summary()[0].group[2].confusion;  // a copy: summary() returns a temporary
  CHECK(m.fp / (m.tp + m.fp) >= 0.85);
}

TEST_CASE(
    "blacklist: removals / additions below 1 during rollout, then towards 1 (0.71; FACTS Blacklist flows)") {
  // 50,000 citizens, 10 years. Tolerances: years 1-2 within 0.55-0.85 (source 0.71);
  // years 7-10 within 0.90-1.10. (The stock in force against cumulative listings is a gap, not a
  // check: the model's list turns over faster than the source's; docs/validation.md B3, B4.)
  Scenario s = presetAlone("blacklist_joint_sanctions", 50000, 520);
  Simulation sim(s);
  sim.run(s.weeks());
  Flows early = flows(sim, 0, 104), late = flows(sim, 312, 520);
  const double r_early = early.removed / early.added, r_late = late.removed / late.added;
  CAPTURE(r_early);
  CAPTURE(r_late);
  CHECK(r_early >= 0.55);
  CHECK(r_early <= 0.85);
  CHECK(r_late >= 0.90);
  CHECK(r_late <= 1.10);
  CHECK(r_late > r_early);
  // Ability screening: most listed debtors are wilful ('in most cases willful debt defaulters').
  double wilful = 0, unable = 0;
  for (uint32_t i = 0; i < sim.population(); ++i) {
    CitizenSnapshot sn = sim.snapshot(0, i);
    if (!sn.sanctioned || sn.record_erroneous) continue;
    (sn.target ? wilful : unable) += 1;
  }
  CAPTURE(wilful);
  CAPTURE(unable);
  CHECK(wilful > unable);
}

TEST_CASE(
    "voluntary city score: registered between 5 % (Bailu) and 21 % (Moli) as digital access and benefits "
    "vary") {
  // 10,000 citizens, 3 years. Tolerances: low end 3-8 % (Bailu 5 %), high end 16-27 % (Moli 21 %);
  // at the low end active / registered within 0.40 +/- 0.1 (Bailu 85 k / 210 k). The preset as
  // shipped and Moli's active share (0.17, which the model does not reproduce) are not checked.
  struct End {
    std::vector<std::string> sets;
    double lo, hi;
    bool bailu;
  };
  const End ends[] = {
      {{"population.digital_access_urban=0.6", "population.digital_access_rural=0.2",
        "consequences.benefit_value=0.001"},
       0.03,
       0.08,
       true},
      {{"population.digital_access_urban=0.95", "population.digital_access_rural=0.6",
        "consequences.benefit_value=0.003"},
       0.16,
       0.27,
       false},
  };
  for (const auto& e : ends) {
    Scenario s = presetAlone("voluntary_city_score", 10000, 156, e.sets);
    SimOptions o;
    o.log_events = true;
    Simulation sim(s, o);
    sim.run(s.weeks());
    std::set<uint32_t> registered;
    for (const Event& ev : sim.events())
      if (ev.kind == EventKind::Enrolled) registered.insert(ev.citizen);
    const double share = static_cast<double>(registered.size()) / static_cast<double>(sim.population());
    const double active = rowAt(sim, s.weeks() - 1).enrolled / static_cast<double>(registered.size());
    CAPTURE(share);
    CAPTURE(active);
    CHECK(share >= e.lo);
    CHECK(share <= e.hi);
    if (e.bailu) CHECK(std::fabs(active - 0.40) <= 0.1);
  }
}

TEST_CASE("voluntary city score: mean score of active users 650-700 and stable (half-life)") {
  // 10,000 citizens, 10 years. Tolerance: every year-end mean within 650-700, range <= 40.
  Scenario s = presetAlone("voluntary_city_score", 10000, 520);
  Simulation sim(s);
  sim.run(s.weeks());
  double mn = 1e9, mx = -1e9;
  for (int y = 1; y <= 10; ++y) {
    double m = rowAt(sim, y * 52 - 1).score_mean();
    CAPTURE(y);
    CAPTURE(m);
    CHECK(m >= 650);
    CHECK(m <= 700);
    mn = std::min(mn, m);
    mx = std::max(mx, m);
  }
  CHECK(mx - mn <= 40);
}

TEST_CASE("due process vs blacklist: fewer wrongful sanction-weeks, more errors corrected") {
  Scenario s = loadScenario("due_process_vs_blacklist");
  applySet(s, "population.size", "20000");
  Simulation sim(s);
  sim.run(s.weeks());
  const auto sum = sim.summary();
  const GroupSummary& bl = sum[0].group[2];
  const GroupSummary& dp = sum[1].group[2];
  CHECK(dp.wrongful_sanction_weeks < bl.wrongful_sanction_weeks);
  CHECK(dp.funnel.overturned / dp.funnel.wronged > bl.funnel.overturned / bl.funnel.wronged);
  // The funnel shows why: notice makes everyone aware, reasons/access/independence win reviews.
  CHECK(dp.funnel.aware / dp.funnel.wronged > bl.funnel.aware / bl.funnel.wronged);
  CHECK(dp.funnel.overturned / dp.funnel.decided > bl.funnel.overturned / bl.funnel.decided);
}
