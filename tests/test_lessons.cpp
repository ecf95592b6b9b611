// test_lessons.cpp: claims (`expect`) and lesson replay — the reader refuses every
// bad claim at its position, the writer round-trips, a replay applies steps as the
// app does, metrics aggregate over windows as documented, and check results do not
// depend on threads and can fail.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "io/claim_check.hpp"
#include "io/claim_metrics.hpp"
#include "io/lesson_replay.hpp"
#include "io/scenario_io.hpp"
#include "tests/model_fixtures.hpp"

using namespace tl;
using namespace tlt;

namespace {

// Two blacklist panes on 2,000 citizens for two years, with a two-step lesson; the
// claims text is spliced in at the top level (`notes`) and into step 2 (`step`).
std::string scenarioText(const std::string& notes, const std::string& step) {
  return R"({"weeks": 104, "seed": 3, "population": {"size": 2000},
  "regimes": [{"name": "Opaque", "preset": "blacklist_joint_sanctions"},
              {"name": "Told", "preset": "blacklist_joint_sanctions"}],
  "lesson": [
    {"title": "one", "narrative": "", "predict": "", "watch": "", "run_weeks": 52},
    {"title": "two", "narrative": "", "predict": "", "watch": "", "run_weeks": 52,
     "set": {"regimes[1].transparency.notice": true},
     "expect": [)" +
         step + R"(]}
  ],
  "expect": [)" +
         notes + "]}";
}

const std::string kTrue =
    R"({"says": "B is smaller than A", "metric": "population", "group": "B", "vs": {"group": "A"},
        "direction": "lower", "by": 1})";

std::vector<InputError> errorsOf(const std::string& notes, const std::string& step = "") {
  try {
    parseScenario(scenarioText(notes, step), "c.json");
  } catch (const ScenarioError& e) {
    return e.errors;
  }
  return {};
}

// The single error of a claim, checked to sit at `path` with `fragment` in its message.
void refused(const std::string& notes, const std::string& step, const std::string& path,
             const std::string& fragment) {
  auto e = errorsOf(notes, step);
  REQUIRE_MESSAGE(e.size() == 1, notes << step);
  CHECK(e[0].path == path);
  CHECK(e[0].line > 0);
  CHECK(e[0].col > 0);
  CHECK_MESSAGE(e[0].message.find(fragment) != std::string::npos, e[0].message);
}

}  // namespace

TEST_CASE("claims are read into plain structs, with defaults per place") {
  Scenario s = parseScenario(
      scenarioText(kTrue,
                   R"({"says": "notice cuts wrongful sanctions", "metric": "wrongly_sanctioned", "regime": 1,
                       "per_capita": true, "vs": "without_step", "effect": "ratio", "direction": "lower", "by": 0.9},
                      {"says": "at week 60", "metric": "aware", "vs": {"regime": 0, "metric": "wronged"},
                       "effect": "ratio", "direction": "same", "by": 2},
                      {"says": "a week", "metric": "trust_mean", "window": {"weeks": [10, 70]}, "vs": 0.5,
                       "direction": "higher", "by": 0})"),
      "c.json");
  REQUIRE(s.expect.size() == 1);
  const Expect& n = s.expect[0];
  CHECK(n.side.metric == "population");
  CHECK(n.side.group == 1);
  CHECK(n.other.group == 0);
  CHECK(n.side.window.kind == ClaimWindow::Kind::Run);  // notes: the whole run
  CHECK(n.versus == Expect::Versus::Side);
  CHECK(n.direction == Expect::Direction::Lower);
  REQUIRE(s.lesson[1].expect.size() == 3);
  const Expect& a = s.lesson[1].expect[0];
  CHECK(a.side.regime == 1);
  CHECK(a.side.group == 2);
  CHECK(a.per_capita);
  CHECK(a.side.window.kind == ClaimWindow::Kind::Step);  // a step: its own weeks
  CHECK(a.versus == Expect::Versus::WithoutStep);
  CHECK(a.effect == Expect::Effect::Ratio);
  CHECK(a.by == 0.9);
  const Expect& b = s.lesson[1].expect[1];
  CHECK(b.other.metric == "wronged");
  CHECK(b.other.regime == 0);
  CHECK(b.side.metric == "aware");
  const Expect& c = s.lesson[1].expect[2];
  CHECK(c.side.window.kind == ClaimWindow::Kind::Weeks);
  CHECK(c.side.window.from == 10);
  CHECK(c.side.window.to == 70);
  CHECK(c.versus == Expect::Versus::Value);
  CHECK(c.value == 0.5);
}

TEST_CASE("bad claims are refused where they are written") {
  refused(R"({"says": "x", "metric": "wrongly_sanctiond", "vs": 0, "direction": "higher", "by": 0})", "",
          "/expect/0/metric", "did you mean 'wrongly_sanctioned'?");
  refused(R"({"says": "x", "metric": "harm", "regime": 2, "vs": 0, "direction": "higher", "by": 0})", "",
          "/expect/0/regime", "from 0 to 1");
  refused(R"({"says": "x", "metric": "harm", "group": "C", "vs": 0, "direction": "higher", "by": 0})", "",
          "/expect/0/group", "unknown group 'C'");
  refused(
      R"({"says": "x", "metric": "harm", "window": {"week": 104}, "vs": 0, "direction": "higher", "by": 0})",
      "", "/expect/0/window/week", "from 0 to 103");
  refused(R"({"says": "x", "metric": "harm", "window": "step", "vs": 0, "direction": "higher", "by": 0})", "",
          "/expect/0/window", "lesson step");
  refused(R"({"says": "x", "metric": "harm", "vs": "without_step", "direction": "higher", "by": 0})", "",
          "/expect/0/vs", "the notes have no step");
  refused(
      R"({"says": "x", "metric": "harm", "vs": {"group": "A"}, "effect": "ratio", "direction": "same", "by": 0.8})",
      "", "/expect/0/by", "factor >= 1");
  refused(
      R"({"says": "x", "metric": "harm", "vs": {"group": "A"}, "effect": "ratio", "direction": "lower", "by": 0})",
      "", "/expect/0/by", "a number > 0");
  refused(R"({"says": "x", "metric": "ppv", "per_capita": true, "vs": 0, "direction": "higher", "by": 0})",
          "", "/expect/0/per_capita", "per_capita applies to counts");
  refused(R"({"says": "x", "metric": "aware", "window": "end", "vs": 0, "direction": "higher", "by": 0})", "",
          "/expect/0/window", "\"run\" or \"step\"");
  refused(R"({"says": "x", "metric": "harm", "vs": {}, "direction": "higher", "by": 0})", "", "/expect/0/vs",
          "expected a number");
  refused(R"({"says": "x", "metric": "harm", "vs": {"regime": 0}, "direction": "higher", "by": 0})", "",
          "/expect/0/vs", "same metric, regime, group and window");
  refused(R"({"says": "x", "metric": "harm", "vs": 0, "direction": "up", "by": 0})", "",
          "/expect/0/direction", "\"higher\", \"lower\" or \"same\"");
  refused(R"({"says": "x", "metric": "harm", "vs": 0, "direction": "higher", "by": 0, "sayz": 1})", "",
          "/expect/0/sayz", "unknown key 'sayz'");
  refused(R"({"says": "x", "metric": "harm", "vs": 0, "direction": "higher"})", "", "/expect/0",
          "missing \"by\"");
  refused(
      "",
      R"({"says": "x", "metric": "harm", "window": {"week": 104}, "vs": 0, "direction": "higher", "by": 0})",
      "/lesson/1/expect/0/window/week", "by the end of this step");
  // A claim list is not mistaken for a list of people, but other lists of objects still are.
  auto e = errorsOf(kTrue, "");
  CHECK(e.empty());
}

TEST_CASE("without_step needs a step that changes something") {
  std::string text = scenarioText("", "");
  text.replace(
      text.find(R"("watch": "", "run_weeks": 52},)"), 30,
      R"("watch": "", "run_weeks": 52, "expect": [{"says": "x", "metric": "harm", "vs": "without_step",
               "direction": "higher", "by": 0}]},)");
  try {
    parseScenario(text, "c.json");
    FAIL("expected an error");
  } catch (const ScenarioError& err) {
    REQUIRE(err.errors.size() == 1);
    CHECK(err.errors[0].path == "/lesson/0/expect/0/vs");
    CHECK(err.errors[0].message.find("no `set`") != std::string::npos);
  }
}

TEST_CASE("claims round-trip through the writer") {
  Scenario s = parseScenario(
      scenarioText(kTrue,
                   R"({"says": "w", "metric": "appealed", "regime": 1, "window": "run", "vs": "without_step",
                              "effect": "ratio", "direction": "higher", "by": 1.2},
                             {"says": "v", "metric": "sanctioned", "per_capita": true, "window": "end",
                              "vs": {"window": {"week": 3}}, "direction": "same", "by": 0.01})"),
      "c.json");
  Scenario back = parseScenario(scenarioToJson(s), "back.json");
  REQUIRE(back.expect.size() == s.expect.size());
  REQUIRE(back.lesson[1].expect.size() == 2);
  CHECK(scenarioToJson(back) == scenarioToJson(s));
  const Expect& v = back.lesson[1].expect[1];
  CHECK(v.side.window.kind == ClaimWindow::Kind::End);
  CHECK(v.other.window.kind == ClaimWindow::Kind::Week);
  CHECK(v.other.window.from == 3);
  CHECK(v.per_capita);
}

TEST_CASE("a run cut shorter than its lesson still loads from what it wrote (run --weeks N)") {
  // Step 2's claims read weeks 52-103; a 30-week run never reaches them. The scenario
  // such a run records (summary.json's manifest) must load, to reproduce the run.
  Scenario s = parseScenario(
      scenarioText(kTrue, R"({"says": "s", "metric": "sanctioned", "regime": 1, "vs": "without_step",
                              "direction": "lower", "by": 0},
                             {"says": "w", "metric": "harm", "window": {"week": 100}, "vs": 0,
                              "direction": "higher", "by": 0})"),
      "c.json");
  applySet(s, "weeks", "30");
  Scenario back = parseScenario(scenarioToJson(s), "back.json");
  CHECK(back.weeks() == 30);
  REQUIRE(back.lesson[1].expect.size() == 2);
  CHECK(back.lesson[1].expect[1].side.window.from == 100);
  auto spans = lessonTimeline(back, false);
  CHECK(spans[1].begin == 52);
  CHECK(spans[1].end == 104);
  CHECK(lessonTimeline(back)[1].end == 30);  // a replay still stops at the end of the run
}

TEST_CASE("effectHolds: direction and smallest effect, for differences and ratios") {
  Expect e;
  e.direction = Expect::Direction::Higher;
  e.by = 2;
  CHECK(effectHolds(e, 2));
  CHECK_FALSE(effectHolds(e, 1.99));
  e.direction = Expect::Direction::Lower;
  CHECK(effectHolds(e, -2));
  CHECK_FALSE(effectHolds(e, -1));
  e.direction = Expect::Direction::Same;
  CHECK(effectHolds(e, 1.5));
  CHECK(effectHolds(e, -2));
  CHECK_FALSE(effectHolds(e, 2.5));
  e.effect = Expect::Effect::Ratio;
  e.by = 0.8;
  e.direction = Expect::Direction::Lower;
  CHECK(effectHolds(e, 0.8));
  CHECK_FALSE(effectHolds(e, 0.81));
  e.direction = Expect::Direction::Higher;
  CHECK(effectHolds(e, 0.81));  // a share: "at least 80 % as many"
  CHECK_FALSE(effectHolds(e, 0.79));
  e.by = 1.25;
  CHECK(effectHolds(e, 1.25));
  CHECK(effectHolds(e, INFINITY));
  CHECK_FALSE(effectHolds(e, 1.2));
  e.direction = Expect::Direction::Same;
  CHECK(effectHolds(e, 1.2));
  CHECK(effectHolds(e, 0.8));
  CHECK_FALSE(effectHolds(e, 0.79));
  CHECK_FALSE(effectHolds(e, NAN));  // an undefined effect never holds
}

TEST_CASE("a claim needs 9 of 10 runs, scaled for other counts") {
  CHECK(requiredHolds(10) == 9);
  CHECK(requiredHolds(5) == 5);
  CHECK(requiredHolds(20) == 18);
  CHECK(requiredHolds(1) == 1);
  CHECK(requiredHolds(30) == 27);
}

TEST_CASE("a replay applies each step's changes mid-run and cumulatively, as the app does") {
  Scenario s = parseScenario(scenarioText("", ""), "c.json");
  s.lesson.push_back({"three", "", "", "", {{"regimes[0].appeal.cost", "0"}}, 30, {}, {}});
  LessonReplay replay(s);
  for (const auto& st : s.lesson) replay.runStep(st);
  // By hand: the same changes at the same weeks.
  auto sim = std::make_unique<Simulation>(s);
  sim->run(52);
  sim->setRegimeParam(1, P::transparency_notice, 1);
  sim->run(52);
  CHECK(sim->finished());
  sim->setRegimeParam(0, P::appeal_cost, 0);
  CHECK(replay.sim().week() == 104);  // the third step stops at the end of the run
  CHECK(replay.sim().stateHash() == sim->stateHash());
  CHECK(replay.current().regimes[1].values[P::transparency_notice] == 1);  // earlier steps stay applied
  CHECK(replay.current().regimes[0].values[P::appeal_cost] == 0);
  auto spans = lessonTimeline(s);
  REQUIRE(spans.size() == 3);
  CHECK(spans[1].begin == 52);
  CHECK(spans[1].end == 104);
  CHECK(spans[2].begin == 104);
  CHECK(spans[2].end == 104);
  // Without the step's set the run differs (notice matters), so the counterfactual is real.
  LessonReplay without(s);
  without.runStep(s.lesson[0]);
  without.runStep(s.lesson[1], false);
  CHECK(without.sim().stateHash() != replay.sim().stateHash());
}

TEST_CASE("a step that shapes the population starts a new run at week 0, as the app's Reset does") {
  Scenario s = parseScenario(scenarioText("", ""), "c.json");
  s.lesson[1].set.push_back({"population.size", "1000"});
  CHECK(changeNeedsRestart(P::population_size));
  CHECK(changeNeedsRestart(P::seed));
  CHECK_FALSE(changeNeedsRestart(P::behaviour_deterrence));
  LessonReplay replay(s);
  replay.runStep(s.lesson[0]);
  replay.runStep(s.lesson[1]);
  CHECK(replay.restarted());
  CHECK(replay.stepBegin() == 0);
  CHECK(replay.sim().week() == 52);
  CHECK(replay.sim().population() == 1000);
  auto spans = lessonTimeline(s);
  CHECK(spans[1].begin == 0);
  CHECK(spans[1].end == 52);
  // A value that already holds is no change at all.
  LessonStep same{"", "", "", "", {{"regimes[0].appeal.available", "true"}}, 1, {}, {}};
  CHECK(stepChanges(s, same).empty());
}

TEST_CASE("metric values aggregate over windows as documented") {
  Scenario s = scenarioOf({"blacklist_joint_sanctions", "due_process"}, 3000, 60, 5);
  auto sim = run(s, 30);
  auto mid = sim->summary();
  sim->run(30);
  RunRecord rec;
  rec.rows = &sim->rows();
  rec.regimes = 2;
  rec.snapshots = {{0, {}}, {30, mid}, {60, sim->summary()}};
  auto value = [&](const char* m, int regime, int group, int from, int to, bool pc = false) {
    return claimValue(rec, *findClaimMetric(m), regime, group, from, to, pc);
  };
  // A state: the mean over the weeks; per capita divides by the group's size.
  double sanctioned = sumOf(*sim, 0, &WeekRow::sanctioned, 1, 10, 20) / 10.0;
  CHECK(value("sanctioned", 0, 1, 10, 19) == doctest::Approx(sanctioned));
  CHECK(value("sanctioned", 0, 1, 10, 19, true) ==
        doctest::Approx(sanctioned / lastRow(*sim, 0, 1).population));
  // An event count: the sum. wrongful_sanction_weeks is the sum of wrongly_sanctioned.
  CHECK(value("appeals_filed", 1, 2, 0, 59) == sumOf(*sim, 1, &WeekRow::appeals_filed));
  CHECK(value("wrongful_sanction_weeks", 0, 0, 0, 59) == sim->summary()[0].group[0].wrongful_sanction_weeks);
  // A rate over the whole run equals summary.json's; over part of it, from that part's counts.
  CHECK(value("ppv", 0, 2, 0, 59) == doctest::Approx(sim->summary()[0].group[2].rates.ppv));
  Confusion c;
  for (const WeekRow& r : rowsOf(*sim, 0, 2))
    if (r.week >= 40) c += r.confusion;
  CHECK(value("fpr", 0, 2, 40, 59) == doctest::Approx(rates(c).fpr));
  CHECK(value("disparate_impact", 0, 2, 0, 59) ==
        doctest::Approx(sim->summary()[0].group[0].disparate_impact));
  // A weekly mean: the mean of the weeks.
  double trust = 0;
  for (const WeekRow& r : rowsOf(*sim, 1, 0))
    if (r.week < 5) trust += r.trust_mean();
  CHECK(value("trust_mean", 1, 0, 0, 4) == doctest::Approx(trust / 5));
  // Funnel stages: between snapshots.
  CHECK(value("wronged", 0, 2, 0, 59) == sim->summary()[0].group[2].funnel.wronged);
  CHECK(value("wronged", 0, 2, 30, 59) ==
        sim->summary()[0].group[2].funnel.wronged - mid[0].group[2].funnel.wronged);
  CHECK_THROWS_AS(value("wronged", 0, 2, 10, 59), std::invalid_argument);
  CHECK(std::isnan(value("sanctioned", 0, 2, 50, 70)));  // weeks the run does not hold
}

TEST_CASE("check results: the same whatever the threads, and a false claim fails") {
  Scenario s = parseScenario(
      scenarioText(
          kTrue + R"(, {"says": "B is larger than A", "metric": "population", "group": "B",
                                 "vs": {"group": "A"}, "direction": "higher", "by": 1})",
          R"({"says": "notice: more of the wronged aware", "metric": "aware", "regime": 1, "window": "run",
                       "vs": "without_step", "direction": "higher", "by": 0},
                      {"says": "the opaque pane is unchanged by the step", "metric": "harm", "regime": 0,
                       "vs": "without_step", "direction": "same", "by": 0})"),
      "c.json");
  CheckOptions o;
  o.seeds = 3;
  o.threads = 1;
  auto one = checkClaims(s, o);
  o.threads = 3;
  auto three = checkClaims(s, o);
  REQUIRE(one.size() == 4);
  REQUIRE(three.size() == 4);
  for (size_t i = 0; i < one.size(); ++i) {
    REQUIRE(one[i].effects.size() == 3);
    for (size_t k = 0; k < 3; ++k) CHECK(one[i].effects[k] == three[i].effects[k]);
  }
  CHECK(one[0].passes());
  CHECK(one[0].held() == 3);
  CHECK_FALSE(one[1].passes());
  CHECK(one[1].held() == 0);
  CHECK(one[2].step == 1);
  CHECK(one[3].passes());  // a step that changes regime 1 only leaves regime 0 exactly as it was
  CHECK(one[3].mean() == 0);
  // Other seeds give other runs.
  o.seed_base = 100;
  auto other = checkClaims(s, o);
  CHECK(other[0].effects[0] != one[0].effects[0]);
  // The record the app shows after the reveal.
  CHECK(one[0].record().rfind("holds in 3 of 3 runs (effect ", 0) == 0);
  o.only_step = 1;
  CHECK(checkClaims(s, o).size() == 2);
}
