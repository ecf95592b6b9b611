// test_gui_tradeoff.cpp: the app's trade-off view and citizens export, driven without a click
// (--sweep ... --sweep-out, --export-citizens) under xvfb-run, against trustlab-cli: the
// frontier.csv and the citizens file must be the CLI's byte for byte. Where the GUI or
// xvfb-run is missing the tests skip, and FAIL in CI (env CI=true).
#include <doctest/doctest.h>

#include <string>

#include "cli_harness.hpp"
#include "gui_test_support.hpp"

namespace {

using tl::test::file;
using tl::test::path;

// Runs the app under xvfb-run with the arguments; returns its exit code.
int app(const std::string& args, const std::string& log) {
  std::string cmd = gui_test::xvfbRun("1280x800") + "'" + gui_test::appPath() + "' " + args +
                    " --size 1280x800 > '" + log + "' 2>&1";
  INFO(cmd);
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool exists(const std::string& p) { return tl::test::fs::exists(p); }

}  // namespace

TEST_CASE("the app's sweep gives trustlab-cli sweep's frontier.csv byte for byte, and its picture") {
  if (!gui_test::canRun(true)) return;
  const std::string base = "default --population 1500 --set weeks=30";
  // One parameter of one pane, a range.
  auto r = tl::test::cli("sweep " + base +
                         " --param 'regimes[1].transparency.discovery_rate' --values 0.01:0.5:4 --reps 3"
                         " --quiet --out " +
                         path("cli_one"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  std::string png = path("tradeoff.png");
  REQUIRE(app(base +
                  " --sweep 'regimes[1].transparency.discovery_rate:0.01:0.5:4' --sweep-reps 3 --sweep-out " +
                  path("app_one.csv") + " --sweep-png " + png,
              path("app_one.log")) == 0);
  std::string cli_csv = file(path("cli_one") + "/frontier.csv");
  CHECK(cli_csv.size() > 500);
  CHECK(file(path("app_one.csv")) == cli_csv);
  std::string picture = file(png);
  REQUIRE(picture.size() > 1000);
  CHECK(picture.substr(1, 3) == "PNG");

  // A grid: a parameter of every pane against a list for one pane, another group on the axes.
  r = tl::test::cli(
      "sweep " + base +
      " --param appeal.cost --values 0:0.2:3 --param2 'regimes[1].appeal.propensity' --values2 0.1,0.5"
      " --reps 2 --quiet --out " +
      path("cli_grid"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  REQUIRE(
      app(base +
              " --sweep appeal.cost:0:0.2:3 --sweep2 'regimes[1].appeal.propensity=0.1,0.5' --sweep-reps 2"
              " --sweep-x fpr --sweep-y fnr --sweep-group B --sweep-out " +
              path("app_grid.csv"),
          path("app_grid.log")) == 0);
  CHECK(file(path("app_grid.csv")) == file(path("cli_grid") + "/frontier.csv"));
  // The check can fail: another number of replications gives another file.
  REQUIRE(app(base +
                  " --sweep 'regimes[1].transparency.discovery_rate:0.01:0.5:4' --sweep-reps 2 --sweep-out " +
                  path("app_two.csv"),
              path("app_two.log")) == 0);
  CHECK(file(path("app_two.csv")) != cli_csv);
}

TEST_CASE("the app refuses a bad --sweep with exit code 2 and writes nothing") {
  if (!gui_test::canRun(true)) return;
  const std::string out = path("bad_sweep.csv");
  for (const char* bad :
       {"'regimes[1].appeal.nope:0:1:3'", "'regimes[1].appeal.cost:0:7:3'", "'regimes[1].appeal.cost:0:1'",
        "'regimes[1].appeal.cost:0:1:3' --sweep-y nope", "'regimes[1].appeal.cost:0:1:3' --sweep-group C"}) {
    CAPTURE(bad);
    CHECK(app("default --population 500 --sweep " + std::string(bad) + " --sweep-out " + out,
              path("bad.log")) == 2);
    CHECK(!exists(out));
    CHECK(file(path("bad.log")).find("trustlab:") != std::string::npos);
  }
}

TEST_CASE("File > Export citizens writes the file of trustlab-cli run --citizens-out (--export-citizens)") {
  if (!gui_test::canRun(true)) return;
  const std::string base = "due_process_vs_blacklist --population 1200 --set weeks=40";
  auto r = tl::test::cli("run " + base + " --quiet --citizens-out " + path("cli_citizens.csv"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  REQUIRE(app(base + " --export-citizens " + path("app_citizens.csv"), path("citizens.log")) == 0);
  std::string cli_csv = file(path("cli_citizens.csv"));
  CHECK(cli_csv.size() > 10000);
  CHECK(file(path("app_citizens.csv")) == cli_csv);
  // A folder that does not exist: refused (exit 2), nothing written.
  CHECK(app(base + " --export-citizens " + path("no/such/dir/c.csv"), path("citizens_bad.log")) == 2);
  CHECK(!exists(path("no/such/dir/c.csv")));
}

TEST_CASE("clicking a point of the trade-off picture sets the slider to its value") {
  if (!gui_test::canRun(true)) return;
  // The mouse is moved onto the point of the K-th value and clicked through ImGui's input, as a user
  // clicks; the app prints the setting afterwards. The values are FROM + K x (TO - FROM) / (N - 1).
  // 104 weeks, so that the four points lie apart (after 30 weeks two values gave the same outcomes,
  // one point on top of the other, and a click picks the first).
  const std::string base =
      "default --population 2000 --set weeks=104 --sweep 'regimes[1].transparency.discovery_rate:0.1:0.5:4'"
      " --sweep-reps 2";
  const double from = 0.1, to = 0.5;  // the scenario's own value is 0.05: none of these
  for (int k : {2, 0, 3}) {
    INFO("value " << k);
    std::string log = path("click_" + std::to_string(k) + ".log");
    REQUIRE(app(base + " --sweep-click " + std::to_string(k), log) == 0);
    std::string out = file(log);
    auto at = out.find("clicked: regimes[1].transparency.discovery_rate = ");
    REQUIRE_MESSAGE(at != std::string::npos, out);
    double v = std::stod(out.substr(out.find("= ", at) + 2));
    CHECK(v == doctest::Approx(from + k * (to - from) / 3).epsilon(1e-4));
  }
  // A value the sweep does not have: no point to click.
  std::string log = path("click_none.log");
  REQUIRE(app(base + " --sweep-click 99", log) == 2);
  CHECK(file(log).find("no such point") != std::string::npos);
}
