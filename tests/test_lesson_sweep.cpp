// test_lesson_sweep.cpp: a lesson step's `sweep` (the trade-off the app opens): read with its
// values checked against the scenario, refused with positioned errors, written back by Save,
// and the values it expands to are those of trustlab-cli sweep --values.
#include <doctest/doctest.h>

#include <string>

#include "io/scenario_io.hpp"
#include "io/sweep_setup.hpp"

namespace {

std::string withSweep(const std::string& sweep) {
  return R"({
  "title": "sweep lesson",
  "regimes": [{"name": "score", "preset": "voluntary_city_score"}, {"name": "list", "preset": "blacklist_joint_sanctions"}],
  "lesson": [
    {"title": "one", "narrative": "n"},
    {"title": "two", "narrative": "n", "sweep": )" +
         sweep + R"(}
  ]
})";
}

tl::ScenarioError errorOf(const std::string& sweep) {
  try {
    tl::parseScenario(withSweep(sweep), "lesson.json");
  } catch (const tl::ScenarioError& e) {
    return e;
  }
  FAIL("the scenario was accepted");
  return tl::ScenarioError({});
}

}  // namespace

TEST_CASE("a lesson step's sweep is read, written back and expands like --values") {
  tl::Scenario s = tl::parseScenario(
      withSweep(R"({"param": "regimes[1].appeal.reviewers_per_10k", "values": "1:9:5", "reps": 4,
                    "x": "wrongful_sanction_weeks", "y": "missed", "group": "B"})"),
      "lesson.json");
  REQUIRE(s.lesson.size() == 2);
  CHECK(s.lesson[0].sweep.empty());
  const tl::LessonSweep& sw = s.lesson[1].sweep;
  CHECK(sw.param == "regimes[1].appeal.reviewers_per_10k");
  CHECK(sw.values == "1:9:5");
  CHECK(sw.reps == 4);
  CHECK(sw.x == "wrongful_sanction_weeks");
  CHECK(sw.y == "missed");
  CHECK(sw.group == "B");
  CHECK(tl::expandSweepValues(sw.values) == std::vector<std::string>{"1", "3", "5", "7", "9"});
  // Save writes it back; loading the saved file gives the same sweep.
  tl::Scenario again = tl::parseScenario(tl::scenarioToJson(s), "saved.json");
  REQUIRE(again.lesson.size() == 2);
  CHECK(again.lesson[1].sweep.param == sw.param);
  CHECK(again.lesson[1].sweep.values == sw.values);
  CHECK(again.lesson[1].sweep.reps == sw.reps);
  CHECK(again.lesson[1].sweep.x == sw.x);
  CHECK(again.lesson[1].sweep.group == sw.group);
  CHECK(again.lesson[0].sweep.empty());
  // A list of values, and a grid.
  tl::Scenario grid = tl::parseScenario(
      withSweep(R"({"param": "appeal.cost", "values": [0, 0.1], "param2": "regimes[1].appeal.available",
                    "values2": [true, false]})"),
      "lesson.json");
  CHECK(grid.lesson[1].sweep.values == "0,0.1");
  CHECK(grid.lesson[1].sweep.values2 == "true,false");
  CHECK(grid.lesson[1].sweep.reps == 3);
}

TEST_CASE("a lesson step's sweep is refused with the file, line, column and JSON path of the mistake") {
  auto e = errorOf(R"({"param": "regimes[1].appeal.nope", "values": "0:1:3"})");
  REQUIRE(!e.errors.empty());
  CHECK(e.errors[0].path == "/lesson/1/sweep/param");
  CHECK(e.errors[0].line == 6);
  CHECK(e.errors[0].col > 0);
  CHECK(e.errors[0].file == "lesson.json");

  e = errorOf(R"({"param": "regimes[1].appeal.cost", "values": "0:7:3"})");  // 3.5 is the first out of range
  CHECK(e.errors[0].path == "/lesson/1/sweep/values");
  CHECK(e.errors[0].message.find("value 3.5") != std::string::npos);

  e = errorOf(R"({"param": "regimes[1].appeal.cost", "values": "0:1"})");
  CHECK(e.errors[0].message.find("FROM:TO:COUNT") != std::string::npos);

  e = errorOf(R"({"param": "regimes[5].appeal.cost", "values": "0:1:3"})");  // no sixth pane
  CHECK(e.errors[0].path == "/lesson/1/sweep/param");

  e = errorOf(R"({"param": "appeal.cost", "values": "0:0.2:3", "y": "mised"})");
  CHECK(e.errors[0].path == "/lesson/1/sweep/y");
  CHECK(e.errors[0].message.find("missed") != std::string::npos);  // did you mean

  e = errorOf(R"({"param": "appeal.cost", "values": "0:0.2:3", "reps": 0})");
  CHECK(e.errors[0].path == "/lesson/1/sweep/reps");

  e = errorOf(R"({"param": "appeal.cost", "values": "0:0.2:3", "group": "C"})");
  CHECK(e.errors[0].path == "/lesson/1/sweep/group");

  e = errorOf(R"({"param": "appeal.cost", "values": "0:0.2:3", "valuez": 1})");
  CHECK(e.errors[0].path == "/lesson/1/sweep/valuez");

  e = errorOf(R"({"values": "0:0.2:3"})");
  CHECK(e.errors[0].message.find("param") != std::string::npos);

  e = errorOf(R"("appeal.cost")");
  CHECK(e.errors[0].path == "/lesson/1/sweep");
}
