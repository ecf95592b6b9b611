// test_model_behaviour.cpp: each behavioural response does what BRIEF §2 says, and
// switching it off removes exactly its effect. Each test compares two runs of the
// same scenario and seed that differ only in one behaviour.* switch.
#include "tests/model_fixtures.hpp"

using namespace tlt;

TEST_CASE("behaviour: deterrence lowers the number of wilful defaulters under a blacklist") {
  // Target of the blacklist = wilful defaulter with an outstanding judgement.
  Scenario s = scenarioOf({"blacklist_joint_sanctions", "no_system"}, 20000, 156);
  s = with(s, {"regimes[1].target.kind=wilful_defaulter"});
  auto on = run(with(s, {"behaviour.deterrence=true"})), off = run(with(s, {"behaviour.deterrence=false"}));
  double w_on = sumOf(*on, 0, &WeekRow::target_positive, 2, 104),
         w_off = sumOf(*off, 0, &WeekRow::target_positive, 2, 104);
  MESSAGE("wilful-defaulter-weeks in year 3 under the blacklist: deterrence on " << w_on << ", off "
                                                                                 << w_off);
  CHECK(w_on < w_off);
  // The no-system pane expects no sanction, so deterrence does nothing there.
  CHECK(sumOf(*on, 1, &WeekRow::target_positive) == sumOf(*off, 1, &WeekRow::target_positive));
  // Both start from the same stock (before the first week): the difference is built week by week.
  Simulation fresh_on(with(s, {"behaviour.deterrence=true"})),
      fresh_off(with(s, {"behaviour.deterrence=false"}));
  int stock_on = 0, stock_off = 0;
  for (uint32_t c = 0; c < fresh_on.population(); ++c) {
    stock_on += fresh_on.snapshot(0, c).target;
    stock_off += fresh_off.snapshot(0, c).target;
  }
  CHECK(stock_on > 0);
  CHECK(stock_on == stock_off);
}

TEST_CASE("behaviour: chilling lowers benign behaviour under predictive flagging, not where nobody watches") {
  Scenario s = scenarioOf({"predictive_flagging", "no_system"}, 10000, 52);
  auto on = run(with(s, {"behaviour.chilling=true"})), off = run(with(s, {"behaviour.chilling=false"}));
  double b_on = sumOf(*on, 0, &WeekRow::benign_behaviours),
         b_off = sumOf(*off, 0, &WeekRow::benign_behaviours);
  MESSAGE("benign behaviours under predictive flagging: chilling on " << b_on << ", off " << b_off);
  CHECK(b_on < b_off);
  CHECK(lastRow(*on, 0).benign_behaviour_rate() < lastRow(*off, 0).benign_behaviour_rate());
  // The fall is bounded by behaviour.chilling_strength (0.3 by default): never more than 30 %.
  CHECK(b_on >= (1 - on->worldParams()[P::behaviour_chilling_strength]) * b_off);
  CHECK(sumOf(*on, 1, &WeekRow::benign_behaviours) == sumOf(*off, 1, &WeekRow::benign_behaviours));
}

TEST_CASE("behaviour: gaming raises scores when rules are published, without changing reliability") {
  // A mandatory score so that everyone can game; regime 1 keeps its rules secret.
  Scenario s = with(scenarioOf({"voluntary_city_score", "voluntary_city_score"}, 10000, 104),
                    {"enrolment.mode=mandatory", "regimes[0].transparency.published_rules=true",
                     "regimes[1].transparency.published_rules=false"});
  auto on = run(with(s, {"behaviour.gaming=true"}), -1, 2, true),
       off = run(with(s, {"behaviour.gaming=false"}));
  double m_on = lastRow(*on, 0).score_mean(), m_off = lastRow(*off, 0).score_mean();
  MESSAGE("mean score after 2 years, published rules: gaming on " << m_on << ", off " << m_off);
  CHECK(m_on > m_off);
  // Reliability is a trait: the number of truly reliable citizens (the target) is unchanged...
  CHECK(sumOf(*on, 0, &WeekRow::target_positive) == sumOf(*off, 0, &WeekRow::target_positive));
  // ...so the extra benefits go to people the score was not meant to find (more false positives).
  auto son = on->summary(), soff = off->summary();
  CHECK(summaryOf(son, 0).confusion.fp > summaryOf(soff, 0).confusion.fp);
  // Secret rules cannot be gamed.
  CHECK(lastRow(*on, 1).score_mean() == lastRow(*off, 1).score_mean());
  int gaming_acts[2] = {0, 0};
  for (const Event& e : on->events())
    if (e.kind == EventKind::GamingAct) ++gaming_acts[e.regime];
  CHECK(gaming_acts[0] > 0);
  CHECK(gaming_acts[1] == 0);
}

TEST_CASE("behaviour: trust falls with wrongful sanctions") {
  Scenario s = with(scenarioOf({"blacklist_joint_sanctions", "no_system"}, 10000, 104),
                    {"data.misattribution_rate=0.0001", "data.clerical_error_share=0.01"});
  auto on = run(with(s, {"behaviour.trust=true"})), off = run(with(s, {"behaviour.trust=false"}));
  const double t0 = on->worldParams()[P::behaviour_trust_initial];
  double wronged = 0, never = 0, n_wronged = 0, n_never = 0;
  for (uint32_t c = 0; c < on->population(); ++c) {
    CitizenSnapshot x = on->snapshot(0, c);
    (x.wrongful_weeks > 0 ? wronged : never) += x.trust;
    (x.wrongful_weeks > 0 ? n_wronged : n_never) += 1;
  }
  REQUIRE(n_wronged > 30);
  MESSAGE("mean trust: wrongly sanctioned at some point " << wronged / n_wronged << ", never "
                                                          << never / n_never);
  CHECK(wronged / n_wronged < never / n_never);
  CHECK(lastRow(*on, 0).trust_mean() < t0);
  // Without the response trust stays where it started; with no system it never moves.
  CHECK(lastRow(*off, 0).trust_mean() == doctest::Approx(t0).epsilon(1e-4));
  CHECK(lastRow(*on, 1).trust_mean() == doctest::Approx(t0).epsilon(1e-4));
}

TEST_CASE("behaviour: poverty feedback lowers resources under credit denial, and only there") {
  Scenario s =
      with(scenarioOf({"blacklist_joint_sanctions", "blacklist_joint_sanctions"}, 10000, 104),
           {"regimes[0].consequences.credit_denial=true", "regimes[1].consequences.credit_denial=false"});
  auto on = run(with(s, {"behaviour.poverty_feedback=true"})),
       off = run(with(s, {"behaviour.poverty_feedback=false"}));
  double r_on = sumOf(*on, 0, &WeekRow::resources_sum), r_off = sumOf(*off, 0, &WeekRow::resources_sum);
  MESSAGE("resource-weeks with credit denial: poverty feedback on " << r_on << ", off " << r_off);
  CHECK(r_on < r_off);
  // Poorer, the sanctioned fail to pay more often: more inability to pay.
  CHECK(sumOf(*on, 0, &WeekRow::sanctioned) >= sumOf(*off, 0, &WeekRow::sanctioned));
  // Without credit denial the switch changes nothing at all.
  auto ron = rowsOf(*on, 1), roff = rowsOf(*off, 1);
  size_t differ = 0;
  for (size_t w = 0; w < ron.size(); ++w) differ += weekRowValues(ron[w]) != weekRowValues(roff[w]);
  CHECK_MESSAGE(differ == 0, differ << " weeks differ without credit denial");
}

TEST_CASE("behaviour: where an appeal suspends the sanction, the rightly sanctioned appeal to gain time") {
  // An error-free list (no misattribution, clerical or stale records; the court keeps everyone
  // unable to pay off it), so every appeal is filed by someone rightly sanctioned. Regime 0
  // suspends the sanction while an appeal waits, regime 1 keeps it in force.
  Scenario s = with(scenarioOf({"blacklist_joint_sanctions", "blacklist_joint_sanctions"}, 20000, 156),
                    {"data.misattribution_rate=0", "data.clerical_error_share=0", "data.stale_share=0",
                     "assessment.ability_screening=1", "regimes[0].appeal.suspends_sanction=true",
                     "regimes[1].appeal.suspends_sanction=false"});
  auto gain = run(with(s, {"behaviour.appeal_to_gain_time=5"})),
       none = run(with(s, {"behaviour.appeal_to_gain_time=1"}));
  for (const auto* sim : {gain.get(), none.get()})
    for (int r = 0; r < 2; ++r) REQUIRE(sumOf(*sim, r, &WeekRow::wrongly_sanctioned) == 0);
  const double filed_gain = sumOf(*gain, 0, &WeekRow::appeals_filed),
               filed_none = sumOf(*none, 0, &WeekRow::appeals_filed),
               filed_kept = sumOf(*gain, 1, &WeekRow::appeals_filed);
  // Per rightly sanctioned citizen-week in force, so that fewer sanctioned weeks under
  // suspension do not hide the response.
  const double listed_gain = sumOf(*gain, 0, &WeekRow::flagged),
               listed_kept = sumOf(*gain, 1, &WeekRow::flagged);
  MESSAGE("appeals by the rightly sanctioned in 3 years: suspended, gain time x5 "
          << filed_gain << ", x1 " << filed_none << "; kept in force " << filed_kept);
  REQUIRE(filed_none > 0);
  CHECK(filed_gain > 1.5 * filed_none);
  CHECK(filed_gain / listed_gain > 1.5 * filed_kept / listed_kept);
  // Where the sanction stays in force the response does nothing at all.
  auto rg = rowsOf(*gain, 1), rn = rowsOf(*none, 1);
  size_t differ = 0;
  for (size_t w = 0; w < rg.size(); ++w) differ += weekRowValues(rg[w]) != weekRowValues(rn[w]);
  CHECK_MESSAGE(differ == 0, differ << " weeks differ where the sanction stays in force");
}
