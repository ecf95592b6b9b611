// test_screening_rounds.cpp: with assessment.screening_interval_weeks the screening
// alert is drawn afresh each round, so new flags are raised (and reviewed) during a
// run; without it the alert is one static draw and every flag is raised in week 0
// (issue 8: base_rate step 3 changed nothing for that reason).
#include "tests/model_fixtures.hpp"

using namespace tlt;

TEST_CASE("screening rounds raise new flags each round; a single screening raises them all in week 0") {
  // Only the alert counts (benign behaviours weigh nothing), as in base_rate_fallacy.
  Scenario s = with(scenarioOf({"predictive_flagging", "predictive_flagging"}, 20000, 156),
                    {"assessment.weight_protected_behaviour=0", "assessment.weight_proxy_behaviour=0",
                     "assessment.weight_infraction=0", "regimes[1].assessment.screening_interval_weeks=52"});
  auto sim = run(s);
  const double once_first = sumOf(*sim, 0, &WeekRow::listed_added, 2, 0, 1);
  const double once_later = sumOf(*sim, 0, &WeekRow::listed_added, 2, 1);
  const double rounds_first = sumOf(*sim, 1, &WeekRow::listed_added, 2, 0, 1);
  const double rounds_later = sumOf(*sim, 1, &WeekRow::listed_added, 2, 1);
  // Week 0: a first round in both panes (their own draws), about 1 % of 20,000
  // (1 - specificity).
  for (double first : {once_first, rounds_first}) {
    CHECK(first > 140);
    CHECK(first < 260);
  }
  CHECK(once_later == 0);
  // Two more rounds (weeks 52 and 104), each about 1 % of those not yet flagged, and
  // only in those weeks.
  CHECK(rounds_later > 2 * 140);
  CHECK(rounds_later < 2 * 260);
  CHECK(sumOf(*sim, 1, &WeekRow::listed_added, 2, 52, 53) + sumOf(*sim, 1, &WeekRow::listed_added, 2, 104, 105) ==
        rounds_later);
}
