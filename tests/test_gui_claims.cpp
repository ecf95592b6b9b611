// test_gui_claims.cpp: after the reveal, the app's lesson panel shows each claim of the step with
// its record over 10 runs, worked out on a thread of its own; the records equal those of
// `trustlab-cli check-lessons` on the same file, and a metric the claims read gets its own outcome
// tile, as does one its watch text names in words. Skips without the GUI or xvfb-run, and FAILS
// then in CI (env CI=true).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "gui_test_support.hpp"

namespace {

// A small scenario with a lesson step that makes two claims: one its change makes true, one about
// a group contrast this world does not have. Nothing here says which holds: the CLI does.
const char* kScenario = R"({"weeks": 80, "seed": 7, "population": {"size": 3000},
 "regimes": [{"name": "Left", "preset": "blacklist_joint_sanctions"},
             {"name": "Right", "preset": "blacklist_joint_sanctions"}],
 "expect": [{"says": "Both panes list about as many people", "metric": "sanctioned", "regime": 1,
             "vs": {"regime": 0}, "effect": "ratio", "direction": "same", "by": 1.5}],
 "lesson": [{"title": "Start", "narrative": "Run a while.", "run_weeks": 10},
            {"title": "Fewer agencies", "narrative": "One agency only on the right.",
             "set": {"regimes[1].consequences.agencies": 1}, "run_weeks": 20,
             "watch": "The appeal backlog, and precision.",
             "expect": [{"says": "Harm falls on the right", "metric": "harm", "regime": 1,
                         "vs": "without_step", "effect": "ratio", "direction": "lower", "by": 0.9},
                        {"says": "B files five times the appeals of A", "metric": "appeals_filed",
                         "per_capita": true, "regime": 1, "group": "B", "vs": {"group": "A"},
                         "effect": "ratio", "direction": "higher", "by": 5}]}]})";

struct Record {
  int held, runs;
  double mean;  // the effect's mean over the runs
};

// "holds in K of N runs; effect M ± S" of each claim check-lessons prints, in order.
std::vector<Record> cliRecords(const std::string& text) {
  std::vector<Record> out;
  const std::string key = "holds in ";
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    Record r{};
    if (std::sscanf(text.c_str() + at, "holds in %d of %d runs; effect %lf", &r.held, &r.runs, &r.mean) == 3)
      out.push_back(r);
  }
  return out;
}

// The effect's mean in the app's record: "... (ratio 0.213 ± 0.025)".
double appMean(const std::string& record) {
  size_t at = record.find("(ratio ");
  return at == std::string::npos ? -1 : std::stod(record.substr(at + 7));
}

// Runs check-lessons on `file` and returns its output (it exits 1 when a claim fails; the
// records are what the tests compare).
std::string checkLessons(const std::string& file, int seeds) {
  const std::string out = file + ".cli.txt";
  std::string cli = std::string("'") + TRUSTLAB_CLI + "' check-lessons " + file + " --seeds " +
                    std::to_string(seeds) + " > " + out + " 2>&1";
  std::system(cli.c_str());
  std::ifstream ct(out);
  std::stringstream text;
  text << ct.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the lesson panel shows a step's claims with the record check-lessons gives") {
  if (!gui_test::canRun(true)) return;
  { std::ofstream("gui_claims.json") << kScenario; }
  // The CLI's records: the notes' claim, then the step's two.
  const std::string cli_text = checkLessons("gui_claims.json", 10);
  INFO(cli_text);
  auto expected = cliRecords(cli_text);
  REQUIRE(expected.size() == 3);

  std::remove("gui_claims_layout.json");
  std::string cmd =
      gui_test::xvfbRun("1280x800") + "'" + gui_test::appPath() +
      "' gui_claims.json --size 1280x800 --lesson-step 2 --apply-at-week 10 --after-weeks 30 "
      "--screenshot gui_claims.png --layout-report gui_claims_layout.json > gui_claims.log 2>&1";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream f("gui_claims_layout.json");
  REQUIRE(f.good());
  nlohmann::json r = nlohmann::json::parse(f);
  const auto& claims = r["claims"];
  REQUIRE(claims.size() == 2);  // the step's claims, shown after the reveal
  for (size_t i = 0; i < 2; ++i) {
    INFO(claims[i].dump());
    CHECK(claims[i]["step"] == 1);
    const Record& want = expected[i + 1];
    CHECK(claims[i]["runs"] == want.runs);
    CHECK(claims[i]["held"] == want.held);
    std::string rec = claims[i]["record"];
    CHECK(rec.find(std::to_string(want.held) + " of 10 runs") != std::string::npos);
    // The same runs (seeds), not only the same verdict: the effects agree to the digits shown.
    CHECK(appMean(rec) == doctest::Approx(want.mean).epsilon(0.005));
  }
  CHECK(claims[0]["says"] == "Harm falls on the right");
  // The claims read appeals_filed, which no fixed tile shows: it gets a tile in every pane.
  int appeal_tiles = 0;
  for (const auto& t : r["tiles"]) appeal_tiles += t["metric"] == "appeals_filed" ? 1 : 0;
  CHECK(appeal_tiles == 2);
  // The watch text names outputs in words: "appeal backlog" and "precision" (ppv) get tiles too.
  int backlog = 0, ppv = 0;
  for (const auto& t : r["tiles"]) backlog += t["metric"] == "appeal_backlog", ppv += t["metric"] == "ppv";
  CHECK(backlog == 2);
  CHECK(ppv == 2);
}

namespace {
// A count tile's number as shown ("290,098"): the separators dropped; by group ("580 | 1,037"),
// the groups' sum (every citizen is in one of the two).
double shownNumber(const std::string& s) {
  double sum = 0;
  std::string digits;
  for (char c : s + "|") {
    if (c >= '0' && c <= '9') digits += c;
    if (c == '|') {
      if (digits.empty()) return -1;
      sum += std::stod(digits);
      digits.clear();
    }
  }
  return sum;
}

// The app's layout report after replaying `name`.json's lesson up to `step` (1-based) at 1920x1080.
nlohmann::json replayLayout(const std::string& name, int step) {
  const std::string layout = name + "_layout.json";
  std::remove(layout.c_str());
  std::string cmd = gui_test::xvfbRun("1920x1080") + "'" + gui_test::appPath() + "' " + name +
                    ".json --size 1920x1080 --lesson-replay " + std::to_string(step) + " --screenshot " +
                    name + ".png --layout-report " + layout + " > " + name + ".log 2>&1";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream f(layout);
  REQUIRE(f.good());
  return nlohmann::json::parse(f);
}
}  // namespace

TEST_CASE("a step compared with the run without it shows that run: the claim's effect, on screen") {
  if (!gui_test::canRun(true)) return;
  { std::ofstream("gui_without.json") << kScenario; }
  // One run, the scenario's own seed: check-lessons' effect of "harm falls on the right" is the
  // right pane's harm over the step divided by the same run's without the step.
  const std::string cli_text = checkLessons("gui_without.json", 1);
  INFO(cli_text);
  auto expected = cliRecords(cli_text);
  REQUIRE(expected.size() == 3);
  const double ratio = expected[1].mean;
  REQUIRE(ratio > 0);

  const nlohmann::json r = replayLayout("gui_without", 2);
  double with = -1, without = -1;
  int without_rows = 0;
  for (const auto& t : r["tiles"]) {
    const std::string m = t["metric"];
    if (m.find(" without the step") != std::string::npos) {
      ++without_rows;
      CHECK(t["pane"] == 1);  // only the pane the claim compares with the run without the step
    }
    if (t["pane"] == 1 && m == "harm") with = shownNumber(t["shown"]);
    if (t["pane"] == 1 && m == "harm without the step") without = shownNumber(t["shown"]);
  }
  CHECK(without_rows > 0);
  REQUIRE(with > 0);
  REQUIRE(without > 0);
  // The tiles count over the step, as the claim does, so their ratio is the claim's effect.
  CHECK(with / without == doctest::Approx(ratio).epsilon(0.001));
}

// A step whose claims compare a state (people listed now) over the step: between the panes, and
// with the run without the step. A claim reads a state over its window as its mean over the weeks
// (io/claim_metrics), so the tiles, counting since the step, show that mean: their ratios are the
// claims' effects. Tiles showing how much the state rose since the step, or its level at the last
// week, give other ratios. A state the step's claims read at its end only (unpaid debts) shows its
// level in the last week.
const char* kStateScenario = R"({"weeks": 80, "seed": 11, "population": {"size": 30000},
 "regimes": [{"name": "Left", "preset": "blacklist_joint_sanctions"},
             {"name": "Right", "preset": "blacklist_joint_sanctions"}],
 "lesson": [{"title": "Start", "narrative": "The left pane's court is stricter.",
             "set": {"regimes[0].assessment.ability_screening": 0.95}, "run_weeks": 20,
             "expect": [{"says": "Fewer listed on the left", "metric": "sanctioned", "regime": 0,
                         "vs": {"regime": 1}, "effect": "ratio", "direction": "lower", "by": 0.99}]},
            {"title": "A lax court", "narrative": "The right pane's court keeps fewer unable debtors off.",
             "set": {"regimes[1].assessment.ability_screening": 0.2}, "run_weeks": 30,
             "expect": [{"says": "More listed on the right", "metric": "sanctioned", "regime": 1,
                         "vs": {"regime": 0}, "effect": "ratio", "direction": "higher", "by": 1.01},
                        {"says": "More listed than without the step", "metric": "sanctioned", "regime": 1,
                         "vs": "without_step", "effect": "ratio", "direction": "higher", "by": 1.01},
                        {"says": "Debts unpaid at the end", "metric": "unpaid", "regime": 1, "window": "end",
                         "vs": 0, "direction": "higher", "by": 0}]}]})";

TEST_CASE("a step's claims about a state over the step: the tiles show its mean over the step") {
  if (!gui_test::canRun(true)) return;
  { std::ofstream("gui_state.json") << kStateScenario; }
  const std::string cli_text = checkLessons("gui_state.json", 1);
  INFO(cli_text);
  auto expected = cliRecords(cli_text);
  REQUIRE(expected.size() == 4);
  // The first step counts from week 0 over its weeks: its states are averaged too (not shown now).
  const nlohmann::json first = replayLayout("gui_state", 1);
  double left1 = -1, right1 = -1;
  for (const auto& t : first["tiles"]) {
    if (t["pane"] == 0 && t["metric"] == "sanctioned") left1 = shownNumber(t["shown"]);
    if (t["pane"] == 1 && t["metric"] == "sanctioned") right1 = shownNumber(t["shown"]);
  }
  const nlohmann::json r = replayLayout("gui_state", 2);
  double left = -1, right = -1, without = -1, unpaid = -1;
  for (const auto& t : r["tiles"]) {
    const std::string m = t["metric"];
    if (t["pane"] == 0 && m == "sanctioned") left = shownNumber(t["shown"]);
    if (t["pane"] == 1 && m == "sanctioned") right = shownNumber(t["shown"]);
    if (t["pane"] == 1 && m == "sanctioned without the step") without = shownNumber(t["shown"]);
    if (t["pane"] == 1 && m == "unpaid") unpaid = shownNumber(t["shown"]);
  }
  REQUIRE(left > 0);
  REQUIRE(right > 0);
  REQUIRE(without > 0);
  // The tiles show whole people: each ratio is the claim's effect to within their rounding.
  auto near = [](double a, double b, double effect) {
    return std::fabs(a / b - effect) <= effect * (0.5 / a + 0.5 / b) + 1e-9;
  };
  INFO("left " << left << ", right " << right << ", without " << without);
  CHECK(near(right, left, expected[1].mean));
  CHECK(near(right, without, expected[2].mean));
  // "unpaid vs 0": the effect is the right pane's unpaid debts in the last week.
  REQUIRE(expected[3].mean > 0);
  CHECK(unpaid == expected[3].mean);
  INFO("step 1: left " << left1 << ", right " << right1);
  REQUIRE(left1 > 0);
  REQUIRE(right1 > 0);
  CHECK(near(left1, right1, expected[0].mean));
}

// A step whose claim compares a state at its end with the same state at an earlier week ("more
// listed at the end than at week 20"): under the pane it compares, a row "then" shows the level at
// that week, beside the level now, so the claim's effect is on screen.
const char* kEarlierScenario = R"({"weeks": 80, "seed": 13, "population": {"size": 30000},
 "regimes": [{"name": "Left", "preset": "blacklist_joint_sanctions"},
             {"name": "Right", "preset": "blacklist_joint_sanctions"}],
 "lesson": [{"title": "Start", "narrative": "Both panes alike.", "run_weeks": 20},
            {"title": "A lax court", "narrative": "The right pane's court keeps fewer unable debtors off.",
             "set": {"regimes[1].assessment.ability_screening": 0.2}, "run_weeks": 30,
             "expect": [{"says": "More listed at the end than at week 20", "metric": "sanctioned",
                         "regime": 1, "window": "end", "vs": {"window": {"week": 19}}, "effect": "ratio",
                         "direction": "higher", "by": 1.01},
                        {"says": "Harm in the last week vs in week 20", "metric": "harm", "regime": 1,
                         "window": "end", "vs": {"window": {"week": 19}}, "effect": "ratio",
                         "direction": "higher", "by": 0.01},
                        {"says": "Harm in the last week", "metric": "harm", "regime": 1, "window": "end",
                         "vs": 0, "direction": "higher", "by": 0}]}]})";

TEST_CASE("a step comparing a level now with an earlier week shows both: the claim's effect, on screen") {
  if (!gui_test::canRun(true)) return;
  { std::ofstream("gui_earlier.json") << kEarlierScenario; }
  const std::string cli_text = checkLessons("gui_earlier.json", 1);
  INFO(cli_text);
  auto expected = cliRecords(cli_text);
  REQUIRE(expected.size() == 3);
  const nlohmann::json r = replayLayout("gui_earlier", 2);
  double now = -1, then = -1, harm_then = -1;
  int then_tiles = 0;
  for (const auto& t : r["tiles"]) {
    const std::string m = t["metric"];
    if (m.find(" at week ") != std::string::npos) {
      ++then_tiles;
      CHECK(t["pane"] == 1);  // only the pane the claims compare
      // only the outputs they compare, at the week as the header counts
      CHECK((m == "sanctioned at week 20" || m == "harm at week 20"));
    }
    if (t["pane"] == 1 && m == "sanctioned") now = shownNumber(t["shown"]);
    if (t["pane"] == 1 && m == "sanctioned at week 20") then = shownNumber(t["shown"]);
    if (t["pane"] == 1 && m == "harm at week 20") harm_then = shownNumber(t["shown"]);
  }
  CHECK(then_tiles == 2);
  // A flow on the row "then" is that week's alone, as the claim reads it: the last week's harm (the
  // third claim's effect) over it is the second claim's effect (printed to 4 digits).
  REQUIRE(harm_then > 0);
  REQUIRE(expected[2].mean > 0);
  CHECK(expected[2].mean / harm_then == doctest::Approx(expected[1].mean).epsilon(0.5 / harm_then + 1e-3));
  REQUIRE(now > 0);
  REQUIRE(then > 0);
  INFO("now " << now << ", then " << then);
  // Whole people on both tiles: their ratio is the claim's effect to within that rounding.
  CHECK(std::fabs(now / then - expected[0].mean) <= expected[0].mean * (0.5 / now + 0.5 / then) + 1e-9);
}
