// test_scenario_io.cpp: the scenario loader — every class of bad input gives its error
// at the right file:line:col and JSON path; --set forms; the writer round-trips.
#include <doctest/doctest.h>

#include <string>

#include "io/atomic_file.hpp"
#include "io/json_positions.hpp"
#include "io/scenario_io.hpp"

using namespace tl;

namespace {

const std::string kData = std::string(TRUSTLAB_SOURCE_DIR) + "/tests/data/";

std::vector<InputError> errorsOf(const std::string& text, const std::string& file = "t.json") {
  try {
    parseScenario(text, file);
  } catch (const ScenarioError& e) {
    return e.errors;
  }
  return {};
}

// Registers the fixture presets once (they are not embedded: they live in tests/data).
void registerTestPresets() {
  static bool done = false;
  if (done) return;
  for (const char* name : {"test_list", "test_broken"}) {
    std::string path = kData + "presets/" + name + ".json", text;
    REQUIRE(readTextFile(path, text));
    registerPreset(name, text, "tests/data/presets/" + std::string(name) + ".json");
  }
  done = true;
}

// A minimal valid regime list, so each test shows only its own mistake.
const std::string kRegime = R"("regimes": [{"name": "R", "preset": "no_system"}])";

}  // namespace

TEST_CASE("positions: byte offsets and JSON pointers map to line:col") {
  std::string text = "{\n  \"a\": [1, {\"b\": true}],\n  \"é\": \"x\", \"c\": 2\n}";
  TextPos p = positionOfOffset(text, text.find("true"));
  CHECK(p.line == 2);
  CHECK(p.col == 18);
  JsonPositions pos(text);
  CHECK(pos.value("/a/1/b").line == 2);
  CHECK(pos.value("/a/1/b").col == 18);
  CHECK(pos.key("/a/1/b").col == 13);
  CHECK(pos.value("/c").line == 3);
  CHECK(pos.value("/c").col == 18);  // columns count characters: "é" is one
  CHECK(pos.value("/missing").line == 0);
}

TEST_CASE("a valid scenario loads: preset values, overrides, full pipeline, labels, lesson") {
  Scenario s = loadScenarioFile(kData + "good.json");
  CHECK(s.name == "good");
  CHECK(s.weeks() == 52);
  CHECK(s.seed() == 7);
  CHECK(s.population() == 2000);
  CHECK(s.world[P::population_share_group_b] == doctest::Approx(0.4));
  CHECK(s.label_a == "North");
  CHECK(s.label_b == "South");
  REQUIRE(s.regimes.size() == 2);
  // A copy: GCC 16's -Wdangling-reference cannot tell that the preset outlives the temporary name.
  const ParamValues preset = presetValues("voluntary_city_score");
  CHECK(s.regimes[0].preset == "voluntary_city_score");
  CHECK(s.regimes[0].values[P::assessment_kind] == preset[P::assessment_kind]);
  CHECK(s.regimes[0].values.flag(P::appeal_available));
  // No preset: the declared defaults plus the regime's own sections.
  ParamValues defaults = ParamValues::defaults();
  CHECK(s.regimes[1].values[P::assessment_kind] == static_cast<double>(AssessmentKind::List));
  CHECK(s.regimes[1].values.flag(P::transparency_notice));
  CHECK(s.regimes[1].values[P::appeal_cost] == defaults[P::appeal_cost]);
  REQUIRE(s.lesson.size() == 1);
  CHECK(s.lesson[0].run_weeks == 26);
  CHECK(s.lesson[0].set.size() == 2);
  CHECK(s.notes.what_is_it == "a test");
}

TEST_CASE("the embedded default scenario and every embedded preset load") {
  Scenario s = defaultScenario();
  CHECK(s.regimes.size() >= 1);
  for (const auto& name : presetNames()) {
    if (name.rfind("test_", 0) == 0) continue;
    CAPTURE(name);
    CHECK_NOTHROW(presetJson(name));
  }
  for (const auto& path : embeddedScenarioPaths()) {
    CAPTURE(path);
    CHECK_NOTHROW(loadScenario(path));
  }
}

TEST_CASE("malformed JSON: the byte offset becomes line:col") {
  auto e = errorsOf("{\n  \"weeks\": 52,\n  \"seed\": ,\n" + kRegime + "\n}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].line == 3);
  CHECK(e[0].col == 11);
  CHECK(e[0].message.find("malformed JSON") == 0);
  CHECK(e[0].str().rfind("t.json:3:11: ", 0) == 0);
  // A trailing comma (a common hand-editing slip) in a file on disk.
  try {
    loadScenarioFile(kData + "bad_syntax.json");
    FAIL("expected an error");
  } catch (const ScenarioError& err) {
    REQUIRE(err.errors.size() == 1);
    CHECK(err.errors[0].line == 5);
    CHECK(err.errors[0].col == 3);
  }
}

TEST_CASE("unknown key: positioned at the key, with a closest-match suggestion") {
  auto e = errorsOf("{\"regimes\": [{\"name\": \"R\",\n \"appeal\": {\"cots\": 0.1}}]}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "/regimes/0/appeal/cots");
  CHECK(e[0].line == 2);
  CHECK(e[0].col == 13);
  CHECK(e[0].message == "unknown parameter 'cots' in section 'appeal'; did you mean 'cost'?");
  auto top = errorsOf("{\"weks\": 3, " + kRegime + "}");
  REQUIRE(top.size() == 1);
  CHECK(top[0].message.find("did you mean 'weeks'?") != std::string::npos);
  auto stage = errorsOf("{\"regimes\": [{\"name\": \"R\", \"apeal\": {}}]}");
  REQUIRE(stage.size() == 1);
  CHECK(stage[0].message.find("did you mean 'appeal'?") != std::string::npos);
  auto misplaced = errorsOf("{\"appeal\": {\"cost\": 0.1}, " + kRegime + "}");
  REQUIRE(misplaced.size() == 1);
  CHECK(misplaced[0].message.find("regime stage") != std::string::npos);
}

TEST_CASE("wrong types: each names what was expected") {
  auto e = errorsOf(
      "{\"weeks\": \"ten\", \"behaviour\": {\"deterrence\": 1},\n"
      "\"regimes\": [{\"name\": \"R\", \"assessment\": {\"kind\": \"lsit\"}}]}");
  REQUIRE(e.size() == 3);  // in the order they appear in the text
  CHECK(e[0].path == "/weeks");
  CHECK(e[0].col == 11);
  CHECK(e[0].message == "expected a number (weeks), got a string");
  CHECK(e[1].path == "/behaviour/deterrence");
  CHECK(e[1].message == "expected true or false, got a number");
  CHECK(e[2].path == "/regimes/0/assessment/kind");
  CHECK(e[2].line == 2);
  CHECK(e[2].message.find("expected one of \"none\", \"score\", \"list\", \"risk\", got \"lsit\"") == 0);
  CHECK(e[2].message.find("did you mean 'list'?") != std::string::npos);
}

TEST_CASE("out of range: the declared range and unit") {
  auto e = errorsOf("{\"regimes\": [{\"name\": \"R\", \"appeal\": {\"cost\": 2}}]}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "/regimes/0/appeal/cost");
  CHECK(e[0].col == 47);
  CHECK(e[0].message == "expected a value in [0, 1] level, got 2");
  auto w = errorsOf("{\"weeks\": 2.5, " + kRegime + "}");
  REQUIRE(w.size() == 1);
  CHECK(w[0].message == "expected a whole number");
}

TEST_CASE("absurd population sizes are refused with the declared range") {
  auto e = errorsOf("{\"population\": {\"size\": 1000000000}, " + kRegime + "}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "/population/size");
  CHECK(e[0].message.find("expected a value in [100, 20000000] citizens") == 0);
  CHECK(errorsOf("{\"population\": {\"size\": 5}, " + kRegime + "}").size() == 1);
}

TEST_CASE("unknown preset: lists the known ones") {
  auto e = errorsOf("{\"regimes\": [{\"name\": \"R\", \"preset\": \"blacklist\"}]}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "/regimes/0/preset");
  CHECK(e[0].col == 38);
  CHECK(e[0].message.find("unknown preset 'blacklist'") == 0);
  CHECK(e[0].message.find("expected one of ") != std::string::npos);
  CHECK(e[0].message.find("no_system") != std::string::npos);
}

TEST_CASE("per-person input is refused (BRIEF §6)") {
  const std::string msg = "scenarios hold distributions, never lists of people (BRIEF §6)";
  try {
    loadScenarioFile(kData + "bad_people.json");
    FAIL("expected an error");
  } catch (const ScenarioError& err) {
    REQUIRE(err.errors.size() == 1);  // reported once, not once per person
    CHECK(err.errors[0].path == "/citizens");
    CHECK(err.errors[0].line == 3);
    CHECK(err.errors[0].col == 3);
    CHECK(err.errors[0].message.find(msg) != std::string::npos);
  }
  // Any list of objects other than regimes and lesson, under any key, at any depth.
  auto e = errorsOf("{\"population\": {\"cohort\": [{\"age\": 30}]}, " + kRegime + "}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "/population/cohort");
  CHECK(e[0].message.find(msg) != std::string::npos);
  // Keys that name people, even holding plain values.
  for (const char* key : {"people", "individuals", "records", "names", "date_of_birth", "email"}) {
    CAPTURE(key);
    auto k = errorsOf(std::string("{\"") + key + "\": [\"x\", \"y\"], " + kRegime + "}");
    REQUIRE(k.size() == 1);
    CHECK(k[0].message.find(msg) != std::string::npos);
  }
}

TEST_CASE("regime count and names") {
  auto none = errorsOf("{\"regimes\": []}");
  REQUIRE(none.size() == 1);
  CHECK(none[0].message == "expected 1 to 4 regimes, got none");
  auto missing = errorsOf("{\"weeks\": 3}");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].path == "/regimes");
  std::string five = "{\"regimes\": [";
  for (int i = 0; i < 5; ++i)
    five += std::string(i ? ",\n" : "") + "{\"name\": \"R" + std::to_string(i) + "\"}";
  auto many = errorsOf(five + "]}");
  REQUIRE(many.size() == 1);
  CHECK(many[0].path == "/regimes/4");
  CHECK(many[0].line == 5);
  CHECK(many[0].message.find("at most 4 regimes") == 0);
  auto noname = errorsOf("{\"regimes\": [{\"preset\": \"no_system\"}]}");
  REQUIRE(noname.size() == 1);
  CHECK(noname[0].path == "/regimes/0/name");
  CHECK(noname[0].message.find("missing \"name\"") == 0);
  auto twice = errorsOf("{\"regimes\": [{\"name\": \"R\"}, {\"name\": \"R\"}]}");
  REQUIRE(twice.size() == 1);
  CHECK(twice[0].path == "/regimes/1/name");
}

TEST_CASE("every error in a file is reported, not just the first") {
  try {
    loadScenarioFile(kData + "bad_many.json");
    FAIL("expected errors");
  } catch (const ScenarioError& err) {
    std::vector<std::string> paths;
    for (const auto& e : err.errors) paths.push_back(e.path);
    CHECK(paths == std::vector<std::string>{"/weeks", "/population/size", "/regimes/0/preset",
                                            "/regimes/1/name", "/regimes/1/appeal/cots"});
    CHECK(err.errors[0].str().find("bad_many.json:2:12: /weeks: expected a number") != std::string::npos);
  }
  std::string lots = "{\"regimes\": [{\"name\": \"R\", \"appeal\": {";
  for (int i = 0; i < 30; ++i) lots += std::string(i ? ", " : "") + "\"x" + std::to_string(i) + "\": 1";
  auto capped = errorsOf(lots + "}}]}");
  CHECK(capped.size() == kMaxReportedErrors + 1);
  CHECK(capped.back().message.find("too many errors") == 0);
}

TEST_CASE("preset files are checked with the same rules; errors name the preset file") {
  registerTestPresets();
  auto e = errorsOf("{\"regimes\": [{\"name\": \"R\", \"preset\": \"test_broken\"}]}", "s.json");
  REQUIRE(e.size() == 2);
  CHECK(e[0].file == "tests/data/presets/test_broken.json");
  CHECK(e[0].line == 4);
  CHECK(e[0].path == "/appeal/cost");
  CHECK(e[1].file == "s.json");
  CHECK(e[1].path == "/regimes/0/preset");
  Scenario s = parseScenario(
      "{\"regimes\": [{\"name\": \"R\", \"preset\": \"test_list\", \"appeal\": {\"cost\": 0.3}}]}", "x");
  CHECK(s.regimes[0].values[P::assessment_kind] == static_cast<double>(AssessmentKind::List));
  CHECK(s.regimes[0].values[P::appeal_cost] == doctest::Approx(0.3));
  CHECK(checkPresetFile(kData + "presets/test_list.json").empty());
  CHECK(checkPresetFile(kData + "presets/test_broken.json").size() == 1);
}

TEST_CASE("lesson steps: set paths are checked where they are written") {
  auto e = errorsOf("{" + kRegime +
                    ",\n\"lesson\": [{\"title\": \"t\", \"set\": {\"regimes[3].appeal.cost\": 0.1}}]}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "/lesson/0/set/regimes[3].appeal.cost");
  CHECK(e[0].line == 2);
  CHECK(e[0].message.find("there are only 1 regimes") == 0);
}

TEST_CASE("--set forms: world, every regime, one regime; clear errors") {
  Scenario s = loadScenarioFile(kData + "good.json");
  applySet(s, "population.size=5000");
  applySet(s, "weeks=104");
  CHECK(s.population() == 5000);
  CHECK(s.weeks() == 104);
  applySet(s, "appeal.cost=0.1");
  CHECK(s.regimes[0].values[P::appeal_cost] == doctest::Approx(0.1));
  CHECK(s.regimes[1].values[P::appeal_cost] == doctest::Approx(0.1));
  applySet(s, "regimes[1].appeal.cost=0.25");
  CHECK(s.regimes[0].values[P::appeal_cost] == doctest::Approx(0.1));
  CHECK(s.regimes[1].values[P::appeal_cost] == doctest::Approx(0.25));
  applySet(s, "regimes[0].enrolment.mode=opt_in");
  CHECK(s.regimes[0].values[P::enrolment_mode] == static_cast<double>(EnrolmentMode::OptIn));
  applySet(s, "regimes[0].transparency.notice=true");
  CHECK(s.regimes[0].values.flag(P::transparency_notice));

  auto message = [&](const std::string& a) {
    try {
      applySet(s, a);
    } catch (const ScenarioError& e) {
      REQUIRE(e.errors.size() == 1);
      return e.errors[0].str();
    }
    return std::string("no error");
  };
  CHECK(message("regimes[5].appeal.cost=0.1") ==
        "--set regimes[5].appeal.cost=0.1: there are only 2 regimes (regimes[0] to regimes[1])");
  CHECK(message("appeal.cots=0.1").find("unknown parameter 'appeal.cots'; did you mean 'appeal.cost'?") !=
        std::string::npos);
  CHECK(message("appeal.cost=2").find("expected a value in [0, 1] level, got 2") != std::string::npos);
  CHECK(message("appeal.cost=cheap").find("expected a number") != std::string::npos);
  CHECK(message("appeal.cost").find("expected path=value") != std::string::npos);
  CHECK(message("regimes[0].weeks=3").find("world parameter") != std::string::npos);
  CHECK(message("regimes[x].appeal.cost=1").find("regimes[N]") != std::string::npos);
}

TEST_CASE("scenarioToJson round-trips to the same effective values") {
  Scenario s = loadScenarioFile(kData + "good.json");
  applySet(s, "regimes[0].appeal.cost=0.123456789012345678");
  applySet(s, "life.shock_rate=0.3");
  for (bool every : {false, true}) {
    CAPTURE(every);
    std::string text = scenarioToJson(s, every);
    Scenario back = parseScenario(text, "saved.json");
    CHECK(back.world == s.world);
    REQUIRE(back.regimes.size() == s.regimes.size());
    for (size_t i = 0; i < s.regimes.size(); ++i) {
      CHECK(back.regimes[i].name == s.regimes[i].name);
      CHECK(back.regimes[i].preset == s.regimes[i].preset);
      CHECK(back.regimes[i].values == s.regimes[i].values);
    }
    CHECK(back.label_a == s.label_a);
    CHECK(back.label_b == s.label_b);
    CHECK(back.title == s.title);
    CHECK(back.notes.what_is_it == s.notes.what_is_it);
    REQUIRE(back.lesson.size() == 1);
    CHECK(back.lesson[0].set == s.lesson[0].set);
    CHECK(scenarioHash(back) == scenarioHash(s));
    CHECK(scenarioToJson(back, every) == text);  // a fixed point: saving twice changes nothing
  }
  // The readable form keeps the preset and only what differs from it.
  auto j = nlohmann::json::parse(scenarioToJson(s));
  CHECK(j["regimes"][0]["preset"] == "voluntary_city_score");
  CHECK(j["regimes"][0]["appeal"].contains("cost"));
  CHECK(j["regimes"][0]["appeal"].size() <= 2);  // cost, and available unless the preset has it
  CHECK(!j["regimes"][0].contains("exit"));
}

TEST_CASE("the scenario hash follows effective values only") {
  Scenario a = loadScenarioFile(kData + "good.json");
  Scenario b = a;
  b.title = "another title";
  CHECK(scenarioHash(a) == scenarioHash(b));
  applySet(b, "regimes[1].appeal.cost=0.11");
  CHECK(scenarioHash(a) != scenarioHash(b));
  CHECK(scenarioHashHex(a).size() == 16);
}

TEST_CASE("a summary.json is read through its manifest, with positions inside it") {
  Scenario s = loadScenarioFile(kData + "good.json");
  nlohmann::ordered_json summary;
  summary["regimes"] = nlohmann::ordered_json::array({{{"name", "x"}, {"groups", {{"A", {{"fpr", 0.1}}}}}}});
  summary["manifest"]["seed"] = 7;
  summary["manifest"]["scenario"] = scenarioToJsonValue(s, true);
  Scenario back = parseScenario(summary.dump(2), "summary.json");
  CHECK(scenarioHash(back) == scenarioHash(s));
  summary["manifest"]["scenario"]["weeks"] = -1;
  auto e = errorsOf(summary.dump(2), "summary.json");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "/manifest/scenario/weeks");
  CHECK(e[0].line > 1);
}

TEST_CASE("missing files and embedded names") {
  try {
    loadScenarioFile(kData + "does_not_exist.json");
    FAIL("expected an error");
  } catch (const ScenarioError& e) {
    CHECK(e.errors[0].message.find("cannot read the file") == 0);
  }
  CHECK(loadScenario("default").regimes.size() == defaultScenario().regimes.size());
  CHECK_THROWS_AS(loadScenario("no_such_scenario_anywhere"), ScenarioError);
}
