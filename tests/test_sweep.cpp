// test_sweep.cpp: the frontier summary (mean, sd, Student-t interval) and the sweep
// workflow end to end: grids, shards merged byte for byte, thread-count independence,
// the plot, the plot command and bench --sweep, and bad input (exit 2, nothing written).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "io/csv_read.hpp"
#include "io/frontier.hpp"
#include "io/output.hpp"
#include "io/scenario_io.hpp"
#include "io/svg_plot.hpp"
#include "io/sweep_run.hpp"
#include "sim/simulation.hpp"
#include "tests/cli_harness.hpp"

using namespace tl::test;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

size_t lineCount(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// Column index of `name` in a CSV header line.
size_t column(const std::string& header, const std::string& name) {
  auto f = tl::csvFields(header);
  auto it = std::find(f.begin(), f.end(), name);
  REQUIRE_MESSAGE(it != f.end(), "no column " << name);
  return static_cast<size_t>(it - f.begin());
}

std::vector<std::vector<std::string>> csvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : tl::splitList(text, '\n'))
    if (!line.empty()) rows.push_back(tl::csvFields(line));
  return rows;
}

}  // namespace

TEST_CASE("Student t quantiles match published values") {
  // Two-sided 95 %: the 0.975 quantile (R's qt(0.975, df), to 10 significant digits).
  CHECK(tl::studentTQuantile(0.975, 1) == doctest::Approx(12.70620474).epsilon(1e-9));
  CHECK(tl::studentTQuantile(0.975, 2) == doctest::Approx(4.302652730).epsilon(1e-9));
  CHECK(tl::studentTQuantile(0.975, 3) == doctest::Approx(3.182446305).epsilon(1e-9));
  CHECK(tl::studentTQuantile(0.975, 10) == doctest::Approx(2.228138852).epsilon(1e-9));
  CHECK(tl::studentTQuantile(0.975, 30) == doctest::Approx(2.042272456).epsilon(1e-9));
  CHECK(tl::studentTQuantile(0.975, 100) == doctest::Approx(1.983971519).epsilon(1e-9));
  CHECK(tl::studentTQuantile(0.5, 7) == doctest::Approx(0.0).epsilon(1e-12));
  CHECK(tl::studentTQuantile(0.025, 4) == doctest::Approx(-2.776445105).epsilon(1e-9));
  CHECK(std::isnan(tl::studentTQuantile(0.975, 0)));
}

TEST_CASE("estimate: mean, sample sd and t interval over the defined replications") {
  tl::Estimate e = tl::estimate({1, 2, 3, 4});
  CHECK(e.n == 4);
  CHECK(e.mean == 2.5);
  CHECK(e.sd == doctest::Approx(std::sqrt(5.0 / 3.0)).epsilon(1e-14));
  double half = 3.182446305 * std::sqrt(5.0 / 3.0) / 2.0;
  CHECK(e.low == doctest::Approx(2.5 - half).epsilon(1e-9));
  CHECK(e.high == doctest::Approx(2.5 + half).epsilon(1e-9));
  // n/a replications are left out, not counted as 0.
  tl::Estimate d = tl::estimate({1, kNaN, 3});
  CHECK(d.n == 2);
  CHECK(d.mean == 2);
  tl::Estimate one = tl::estimate({5});
  CHECK(one.mean == 5);
  CHECK(std::isnan(one.sd));
  CHECK(std::isnan(one.low));
  tl::Estimate none = tl::estimate({kNaN});
  CHECK(none.n == 0);
  CHECK(std::isnan(none.mean));
}

TEST_CASE("frontier groups runs by value x value2 x regime x group in order of appearance") {
  size_t no = tl::frontierOutcomes().size();
  REQUIRE(no > 2);
  std::vector<tl::RunResult> runs;
  for (int rep = 0; rep < 3; ++rep)
    for (const char* v : {"0.2", "0.1"})
      for (const char* g : {"A", "all"})
        runs.push_back({v, "", "R", g, std::vector<double>(no, rep + (v[2] == '2' ? 10.0 : 0.0))});
  auto rows = tl::frontier(runs);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].value == "0.2");
  CHECK(rows[0].group == "A");
  CHECK(rows[1].group == "all");
  CHECK(rows[2].value == "0.1");
  CHECK(rows[0].runs == 3);
  CHECK(rows[0].outcomes[0].mean == 11);
  CHECK(rows[2].outcomes[1].mean == 1);
  CHECK(rows[2].outcomes[1].sd == 1);
  std::string csv = tl::frontierCsv(rows, "appeal.cost", "");
  CHECK(csv.rfind("param,value,param2,value2,regime,group,runs,wrongful_sanction_weeks_mean,", 0) == 0);
  CHECK(lineCount(csv) == 5);
  for (const char* name :
       {"wrongful_sanction_weeks", "missed", "harm", "appeals_decided", "appeals_overturned", "fpr", "fnr",
        "ppv", "selection_rate", "sanction_benefit_ratio"}) {
    CAPTURE(name);
    CHECK(tl::outcomeIndex(name) >= 0);
  }
}

TEST_CASE("runSweepJobs (the app's entry): batched equals per job, progress per simulation, cancel") {
  tl::SweepDef d;
  d.base = tl::loadScenario(kData + "good.json");
  tl::applySet(d.base, "population.size", "500");
  tl::applySet(d.base, "weeks", "12");
  d.param = "regimes[1].appeal.cost";
  d.values = {"0.02", "0.2", "0.5"};
  d.reps = 2;
  std::vector<int> jobs;
  for (int j = 0; j < d.jobs(); ++j) jobs.push_back(j);
  int calls = 0, total = 0;
  tl::SweepControl control;
  control.on_simulation = [&](int done, int of, int panes, uint64_t) {
    ++calls;
    total = of;
    CHECK(done <= of);
    CHECK(panes >= 1);
  };
  auto batched = tl::runSweepJobs(d, jobs, 2, tl::RunMode::Batched, control);
  auto per_job = tl::runSweepJobs(d, jobs, 2, tl::RunMode::PerJob);
  CHECK(calls == total);
  CHECK(total == 2);  // per seed: Score + 3 List values in one simulation of 4 panes
  auto text = [&](const std::vector<tl::JobOutcomes>& o) {
    std::string s;
    for (const auto& r : tl::runResults(d, jobs, o)) {
      s += r.value + "," + r.regime + "," + r.group;
      for (double x : r.outcomes) s += "," + tl::formatNumber(x);
      s += "\n";
    }
    return s;
  };
  CHECK(text(batched) == text(per_job));
  CHECK(tl::frontier(tl::runResults(d, jobs, batched)).size() == 3 * 2 * 3);
  std::atomic<bool> stop{true};
  tl::SweepControl cancelled;
  cancelled.cancel = &stop;
  CHECK_THROWS_AS(tl::runSweepJobs(d, jobs, 2, tl::RunMode::Batched, cancelled), tl::SweepCancelled);
}

TEST_CASE("sweep: a two-parameter grid, sharded and merged, equals one run byte for byte") {
  std::string whole = path("grid_whole"), merged = path("grid_merged");
  const std::string def = "sweep " + kData +
                          "good.json --quiet --param appeal.cost --values 0.02,0.2"
                          " --param2 regimes[1].transparency.discovery_rate --values2 0.05,0.3 --reps 3"
                          " --population 1000 --weeks 20 ";
  Result r = cli(def + "--out " + whole);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  std::string shards;
  for (int i = 0; i < 3; ++i) {
    std::string dir = path("grid_s" + std::to_string(i));
    REQUIRE(cli(def + "--shard " + std::to_string(i) + "/3 --out " + dir).code == 0);
    CHECK(!fs::exists(fs::path(dir) / "frontier.csv"));
    shards = dir + " " + shards;  // the order of the folders does not matter
  }
  Result m = cli("merge " + shards + "--out " + merged);
  REQUIRE_MESSAGE(m.code == 0, m.err);
  for (const char* f : {"frontier.csv", "plot.svg", "jobs.csv", "sweep.json"}) {
    CAPTURE(f);
    CHECK(file(fs::path(whole) / f) == file(fs::path(merged) / f));
  }
  std::string csv = file(fs::path(whole) / "frontier.csv");
  CHECK(lineCount(csv) == 1 + 2 * 2 * 2 * 3);  // values x values2 x regimes x groups
  auto rows = csvRows(csv);
  CHECK(rows[1][0] == "appeal.cost");
  CHECK(rows[1][2] == "regimes[1].transparency.discovery_rate");
  CHECK(rows[1][6] == "3");  // replications
  // Incomplete or mismatched shards are refused, and nothing is written.
  CHECK(cli("merge " + path("grid_s0") + " --out " + path("grid_bad")).code == 2);
  CHECK(!fs::exists(path("grid_bad")));
  REQUIRE(cli("sweep " + kData + "good.json --quiet --param appeal.cost --values 0.02,0.2 --reps 3" +
              " --population 1000 --weeks 20 --shard 1/3 --out " + path("other_s1"))
              .code == 0);
  Result mixed = cli("merge " + path("grid_s0") + " " + path("other_s1") + " " + path("grid_s2") + " --out " +
                     path("grid_bad"));
  CHECK(mixed.code == 2);
  CHECK(mixed.err.find("different sweep") != std::string::npos);
  CHECK(!fs::exists(path("grid_bad")));
}

TEST_CASE("sweep: frontier.csv summarises jobs.csv (mean, sd, t interval) the same at any thread count") {
  const std::string def = "sweep " + kData +
                          "good.json --quiet --param regimes[1].transparency.discovery_rate"
                          " --values 0.02:0.3:3 --reps 4 --population 1000 --weeks 26 ";
  std::string one = path("thr1"), two = path("thr2"), three = path("thr3");
  REQUIRE(cli(def + "--threads 1 --out " + one).code == 0);
  REQUIRE(cli(def + "--threads 2 --out " + two).code == 0);
  REQUIRE(cli(def + "--threads 3 --out " + three).code == 0);
  std::string frontier = file(fs::path(one) / "frontier.csv");
  for (const auto& dir : {two, three}) {
    CHECK(file(fs::path(dir) / "jobs.csv") == file(fs::path(one) / "jobs.csv"));
    CHECK(file(fs::path(dir) / "frontier.csv") == frontier);
  }
  auto def_json = nlohmann::json::parse(file(fs::path(one) / "sweep.json"));
  CHECK(def_json["values"] == nlohmann::json::array({"0.02", "0.16", "0.3"}));

  // Recompute one point from the raw runs.
  std::string jobs = file(fs::path(one) / "jobs.csv");
  auto jrows = csvRows(jobs);
  size_t jw = column(jobs.substr(0, jobs.find('\n')), "wrongful_sanction_weeks");
  std::vector<double> xs;
  for (size_t i = 1; i < jrows.size(); ++i)
    if (jrows[i][1] == "0.16" && jrows[i][5] == "List" && jrows[i][6] == "all")
      xs.push_back(std::stod(jrows[i][jw]));
  REQUIRE(xs.size() == 4);
  double mean = (xs[0] + xs[1] + xs[2] + xs[3]) / 4, ss = 0;
  for (double x : xs) ss += (x - mean) * (x - mean);
  double sd = std::sqrt(ss / 3);
  auto frows = csvRows(frontier);
  std::string header = frontier.substr(0, frontier.find('\n'));
  bool found = false;
  for (size_t i = 1; i < frows.size(); ++i) {
    if (frows[i][1] != "0.16" || frows[i][4] != "List" || frows[i][5] != "all") continue;
    found = true;
    CHECK(std::stod(frows[i][column(header, "wrongful_sanction_weeks_mean")]) == doctest::Approx(mean));
    CHECK(std::stod(frows[i][column(header, "wrongful_sanction_weeks_sd")]) == doctest::Approx(sd));
    double half = 3.182446305 * sd / 2;  // t(0.975, 3) x sd / sqrt(4)
    CHECK(std::stod(frows[i][column(header, "wrongful_sanction_weeks_ci95_low")]) ==
          doctest::Approx(mean - half).epsilon(1e-8));
    CHECK(std::stod(frows[i][column(header, "wrongful_sanction_weeks_ci95_high")]) ==
          doctest::Approx(mean + half).epsilon(1e-8));
    CHECK(frows[i][column(header, "wrongful_sanction_weeks_n")] == "4");
  }
  CHECK(found);
  CHECK(sd > 0);  // replications differ, so the interval is a real one
}

TEST_CASE("sweep: panes shared between jobs and simulations give the numbers of one simulation per job") {
  // A world parameter (new population per value) x a one-pane parameter (the other pane is
  // shared by all its values), and a parameter of every pane (no sharing, only batching).
  for (const std::string& grid :
       {std::string(" --param population.share_group_b --values 0.3,0.5 --param2 regimes[1].appeal.cost"
                    " --values2 0.02,0.2,0.5 "),
        std::string(" --param appeal.cost --values 0.02:0.5:5 ")}) {
    CAPTURE(grid);
    const std::string def =
        "sweep " + kData + "good.json --quiet --reps 2 --population 1000 --weeks 30" + grid;
    static int n = 0;
    std::string batched = path("batched" + std::to_string(n)), plain = path("plain" + std::to_string(n++));
    Result r = cli(def + "--out " + batched);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    REQUIRE(cli(def + "--no-batch --out " + plain).code == 0);
    CHECK(file(fs::path(batched) / "jobs.csv") == file(fs::path(plain) / "jobs.csv"));
    CHECK(file(fs::path(batched) / "frontier.csv") == file(fs::path(plain) / "frontier.csv"));
  }
  // Progress lines say how many panes each simulation ran: the shared Score pane and the
  // List values fill simulations of up to kMaxRegimes panes, cut into even sizes.
  const int values = tl::kMaxRegimes + 4, variants = values + 1, first = variants / 2;
  Result p = cli("sweep " + kData +
                 "good.json --param regimes[1].appeal.cost --values 0.02:0.5:" + std::to_string(values) +
                 " --reps 1 --population 1000 --weeks 5 --threads 1 --out " + path("progress"));
  REQUIRE(p.code == 0);
  CHECK(p.out.find("simulation 1/2 done: " + std::to_string(first) + " pane(s), seed 1") !=
        std::string::npos);
  CHECK(p.out.find("simulation 2/2 done: " + std::to_string(variants - first) + " pane(s), seed 1") !=
        std::string::npos);
}

TEST_CASE("sweep: a simulation packs as many regimes as memory allows, never fewer than the panes") {
  const size_t per = tl::Simulation::bytesPerCitizenPerRegime();
  CHECK(tl::packRegimes(20000) == static_cast<size_t>(tl::kMaxRegimes));
  CHECK(tl::packRegimes(20000000) == static_cast<size_t>(tl::kMaxPanes));
  for (size_t pop : {size_t{100}, size_t{20000}, size_t{1000000}, size_t{3000000}, size_t{20000000}}) {
    CAPTURE(pop);
    const size_t k = tl::packRegimes(pop);
    CHECK(k >= static_cast<size_t>(tl::kMaxPanes));
    CHECK(k <= static_cast<size_t>(tl::kMaxRegimes));
    // Over the panes' own number only while the state stays under the budget.
    if (k > static_cast<size_t>(tl::kMaxPanes)) CHECK(k * pop * per <= tl::kPackBytes);
    if (k < static_cast<size_t>(tl::kMaxRegimes)) CHECK((k + 1) * pop * per > tl::kPackBytes);
  }
}

TEST_CASE("sweep: plot.svg draws both regimes, intervals, the current setting and labelled axes") {
  std::string dir = path("plotted");
  Result r = cli("sweep " + kData +
                 "good.json --quiet --param regimes[1].transparency.discovery_rate --values 0.05,0.3,0.6"
                 " --reps 3 --population 1000 --weeks 26 --y harm --group B --out " +
                 dir);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  std::string svg = file(fs::path(dir) / "plot.svg");
  CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
  CHECK(svg.find("Harm (harm units)") != std::string::npos);
  CHECK(svg.find("Wrongful sanction-weeks (citizen-weeks)") != std::string::npos);
  CHECK(svg.find(">Score<") != std::string::npos);
  CHECK(svg.find(">List<") != std::string::npos);
  CHECK(svg.find("(not changed by the sweep)") != std::string::npos);  // the Score pane
  CHECK(svg.find("0.05 (current)") != std::string::npos);              // the List pane's value
  CHECK(svg.find("group South") != std::string::npos);                 // --group B is the scenario's label
  CHECK(svg.find("95 % interval of the mean") != std::string::npos);
  CHECK(svg.find("</svg>") != std::string::npos);

  // Another view of the same sweep, without rerunning it.
  std::string other = path("plot_fpr.svg");
  Result p = cli("plot " + dir + " --x fpr --y fnr --group all --out " + other);
  REQUIRE_MESSAGE(p.code == 0, p.err);
  std::string svg2 = file(other);
  CHECK(svg2.find("False negative rate (FNR) against false positive rate (FPR)") != std::string::npos);
  CHECK(svg2 != svg);
}

TEST_CASE("sweep: bad plot options and values exit 2 before any run and write nothing") {
  std::string bad = path("sweep_bad");
  const std::string def = "sweep " + kData +
                          "good.json --quiet --param appeal.cost --values 0.1,0.2 --reps 2" +
                          " --population 1000 --weeks 10 ";
  Result x = cli(def + "--x wrongful_weeks --out " + bad);
  CHECK(x.code == 2);
  CHECK(x.err.find("--x wrongful_weeks: not an outcome") != std::string::npos);
  CHECK(x.err.find("wrongful_sanction_weeks, missed") != std::string::npos);  // the list to choose from
  Result g = cli(def + "--group C --out " + bad);
  CHECK(g.code == 2);
  CHECK(g.err.find("expected A, B or all (this scenario's groups: North, South)") != std::string::npos);
  CHECK(cli(def + "--param2 appeal.cost --values2 0.1 --out " + bad).code == 2);
  CHECK(cli(def + "--param2 weeks --out " + bad).code == 2);
  CHECK(cli("sweep " + kData + "good.json --param appeal.cost --values 0:1:0 --out " + bad).code == 2);
  CHECK(cli("sweep " + kData + "good.json --param appeal.cost --values 0.1,7 --out " + bad).code == 2);
  Result v2 = cli(def + "--param2 regimes[1].appeal.cost --values2 0.1,3 --out " + bad);
  CHECK(v2.code == 2);
  CHECK(v2.err.find("--param2 regimes[1].appeal.cost with value 3") != std::string::npos);
  CHECK(!fs::exists(bad));
  // plot refuses a single shard: its frontier would be partial.
  REQUIRE(cli(def + "--shard 0/2 --out " + path("half")).code == 0);
  CHECK(cli("plot " + path("half") + " --out " + path("half.svg")).code == 2);
  CHECK(!fs::exists(path("half.svg")));
}

TEST_CASE("bench --sweep prints the time and the same frontier hash at any thread count and batching") {
  const std::string small = "bench --sweep --values 3 --reps 2 --population 1000 --weeks 10 ";
  Result a = cli(small + "--threads 2");
  Result b = cli(small + "--threads 1 --serial");
  Result c = cli(small + "--threads 3");
  Result e = cli(small + "--threads 2 --no-batch");
  REQUIRE_MESSAGE(a.code == 0, a.err);
  REQUIRE(b.code == 0);
  REQUIRE(c.code == 0);
  REQUIRE(e.code == 0);
  auto hash = [](const std::string& out) {
    size_t at = out.find("frontier.csv: FNV-1a ");
    REQUIRE(at != std::string::npos);
    return out.substr(at + 21, 16);
  };
  CHECK(hash(a.out) == hash(b.out));
  CHECK(hash(a.out) == hash(c.out));
  CHECK(hash(a.out) == hash(e.out));
  CHECK(a.out.find("wall: ") != std::string::npos);
  CHECK(a.out.find("0.01:0.5:3 x 2 reps = 6 jobs") != std::string::npos);
  // A different sweep gives a different hash (the hash covers the numbers).
  CHECK(hash(cli("bench --sweep --values 3 --reps 2 --population 1000 --weeks 11").out) != hash(a.out));
}
