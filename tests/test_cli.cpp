// test_cli.cpp: trustlab-cli end to end — exit codes, nothing written on error,
// output formats, bit-for-bit reruns from a manifest, docs freshness (sweeps: test_sweep.cpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "io/metric_docs.hpp"
#include "sim/simulation.hpp"
#include "io/param_docs.hpp"
#include "tests/cli_harness.hpp"

using namespace tl::test;
using tl::readTextFile;

namespace {
const std::string kSmall = " --population 2000 --weeks 52 ";  // keeps every run well under a second
}  // namespace

TEST_CASE("docs/parameters.md is generated from params.def and up to date") {
  std::string doc;
  REQUIRE(readTextFile(kSource + "/docs/parameters.md", doc));
  CHECK_MESSAGE(doc == tl::parametersMarkdown(),
                "docs/parameters.md is out of date: run trustlab-cli params --markdown > docs/parameters.md");
}

TEST_CASE("docs/metrics.md's column table is generated from metrics.def and up to date") {
  std::string doc;
  REQUIRE(readTextFile(kSource + "/docs/metrics.md", doc));
  const std::string begin = "<!-- generated from sim/metrics.def: trustlab-cli metrics --markdown";
  const std::string end = "<!-- end of generated table -->";
  const size_t a = doc.find(begin), b = doc.find(end);
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  const size_t table = doc.find('\n', a) + 1;
  CHECK_MESSAGE(
      doc.substr(table, b - table) == tl::metricsMarkdown(),
      "docs/metrics.md section 8 is out of date: paste the output of trustlab-cli metrics --markdown");
  // Every metric's column is in the table (one row each).
  for (const auto& m : tl::metricTable())
    CHECK(tl::metricsMarkdown().find(std::string("| `") + m.column + "` |") != std::string::npos);
}

TEST_CASE("help and usage errors") {
  CHECK(cli("--help").code == 0);
  for (const char* c :
       {"run", "validate", "params", "metrics", "presets", "scenarios", "bench", "sweep", "merge", "plot"}) {
    CAPTURE(c);
    Result r = cli(std::string(c) + " --help");
    CHECK(r.code == 0);
    CHECK(r.out.find("usage: trustlab-cli") == 0);
  }
  Result unknown = cli("rnu");
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("did you mean 'run'?") != std::string::npos);
  CHECK(cli("").code == 2);
  CHECK(cli("run --bogus").code == 2);
  CHECK(cli("run --seed").code == 2);
  Result pop = cli("run --population abc");
  CHECK(pop.code == 2);
  CHECK(pop.err.find("--population abc: expected a number") != std::string::npos);
  Result big = cli("run --population 1000000000");
  CHECK(big.code == 2);
  CHECK(big.err.find("[100, 20000000] citizens") != std::string::npos);
  Result set = cli("run --set regimes[5].appeal.cost=0.1");
  CHECK(set.code == 2);
  CHECK(set.err.find("--set regimes[5].appeal.cost=0.1: there are only") != std::string::npos);
}

TEST_CASE("validate: ok lines, every error with file:line:col, exit 2") {
  Result ok = cli("validate " + kData + "good.json " + kData + "presets/test_list.json");
  CHECK(ok.code == 0);
  CHECK(ok.out.find("good.json: ok (2 regimes: Score, List)") != std::string::npos);
  Result bad = cli("validate " + kData + "good.json " + kData + "bad_many.json");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("bad_many.json:2:12: /weeks: expected a number (weeks), got a string") !=
        std::string::npos);
  CHECK(bad.err.find(
            "bad_many.json:6:40: /regimes/1/appeal/cots: unknown parameter 'cots' in section 'appeal'; "
            "did you mean 'cost'?") != std::string::npos);
  Result people = cli("validate " + kData + "bad_people.json");
  CHECK(people.code == 2);
  CHECK(people.err.find("bad_people.json:3:3: /citizens: ") != std::string::npos);
  CHECK(people.err.find("never lists of people") != std::string::npos);
  Result syntax = cli("validate " + kData + "bad_syntax.json");
  CHECK(syntax.code == 2);
  CHECK(syntax.err.find("bad_syntax.json:5:3: ") != std::string::npos);
  Result preset = cli("validate " + kData + "presets/test_broken.json");
  CHECK(preset.code == 2);
  CHECK(preset.err.find("test_broken.json:4:22: /appeal/cost: expected a value in [0, 1]") !=
        std::string::npos);
  Result missing = cli("validate " + kData + "nope.json");
  CHECK(missing.code == 2);
  CHECK(missing.err.find("nope.json") != std::string::npos);
}

TEST_CASE("params, presets, scenarios") {
  Result j = cli("params --json");
  CHECK(j.code == 0);
  auto parsed = nlohmann::json::parse(j.out, nullptr, false);
  REQUIRE(!parsed.is_discarded());
  CHECK(parsed.size() == static_cast<size_t>(tl::kParamCount));
  Result md = cli("params --markdown");
  CHECK(md.out == tl::parametersMarkdown());
  CHECK(cli("params").out.find("appeal.cost") != std::string::npos);
  Result p = cli("presets");
  CHECK(p.code == 0);
  CHECK(p.out.find("blacklist_joint_sanctions") != std::string::npos);
  Result s = cli("scenarios");
  CHECK(s.code == 0);
  CHECK(s.out.find("scenarios/default.json") != std::string::npos);
}

TEST_CASE("run: summary table, tidy timeseries.csv and summary.json with a manifest") {
  std::string out = path("run1");
  Result r = cli("run " + kData + "good.json" + kSmall + "--out " + out);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.out.find("FPR") != std::string::npos);
  std::string csv = file(fs::path(out) / "timeseries.csv");
  CHECK(csv.rfind("week,regime,group,", 0) == 0);
  size_t lines = static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n'));
  CHECK(lines == 1 + 52 * 2 * 3);
  CHECK(csv.find(",Score,North,") != std::string::npos);  // the scenario's group labels
  CHECK(csv.find(",List,all,") != std::string::npos);
  auto j = nlohmann::json::parse(file(fs::path(out) / "summary.json"));
  REQUIRE(j["regimes"].size() == 2);
  for (const char* k : {"fpr", "fnr", "ppv", "base_rate", "selection_rate", "disparate_impact",
                        "wrongful_sanction_weeks", "funnel", "median_weeks_to_correction", "confusion"}) {
    CAPTURE(k);
    CHECK(j["regimes"][1]["groups"]["South"].contains(k));
  }
  const auto& m = j["manifest"];
  for (const char* k : {"version", "scenario_hash", "seed", "threads", "weeks", "population", "world",
                        "regimes", "scenario"}) {
    CAPTURE(k);
    CHECK(m.contains(k));
  }
  CHECK(m["population"] == 2000);
  CHECK(m["world"]["population.size"] == 2000);
  CHECK(m["regimes"][0]["parameters"].contains("appeal.cost"));
  // No temp files are left beside the outputs.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(out)) entries += e.is_regular_file();
  CHECK(entries == 2);
  CHECK(cli("run --quiet" + kSmall).out.empty());
}

TEST_CASE("a run is reproduced bit for bit from its manifest, at any thread count") {
  std::string a = path("repro_a"), b = path("repro_b"), c = path("repro_c");
  Result r = cli("run " + kData +
                 "good.json --quiet --threads 2 --seed 11 --set appeal.cost=0.07 "
                 "--set regimes[1].transparency.notice=false" +
                 kSmall + "--out " + a);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  REQUIRE(cli("run --quiet --threads 1 --manifest " + a + "/summary.json --out " + b).code == 0);
  REQUIRE(cli("run --quiet " + a + "/summary.json --out " + c).code == 0);
  std::string ts = file(fs::path(a) / "timeseries.csv");
  CHECK(ts == file(fs::path(b) / "timeseries.csv"));
  CHECK(ts == file(fs::path(c) / "timeseries.csv"));
  auto ja = nlohmann::json::parse(file(fs::path(a) / "summary.json"));
  auto jb = nlohmann::json::parse(file(fs::path(b) / "summary.json"));
  CHECK(ja["regimes"] == jb["regimes"]);
  CHECK(ja["manifest"]["scenario_hash"] == jb["manifest"]["scenario_hash"]);
  CHECK(ja["manifest"]["seed"] == 11);
  // A different seed is a different run.
  REQUIRE(cli("run --quiet --seed 12 --manifest " + a + "/summary.json --out " + b).code == 0);
  CHECK(ts != file(fs::path(b) / "timeseries.csv"));
}

TEST_CASE("bad input exits 2 and writes nothing") {
  std::string fresh = path("never_created");
  for (const std::string& args :
       {"run " + kData + "bad_many.json --out " + fresh, "run " + kData + "nope.json --out " + fresh,
        "run --set appeal.cost=9 --out " + fresh, "run " + kData + "bad_people.json --out " + fresh}) {
    CAPTURE(args);
    CHECK(cli(args).code == 2);
    CHECK(!fs::exists(fresh));
  }
  // An existing folder keeps its previous results untouched.
  std::string kept = path("kept");
  REQUIRE(cli("run --quiet" + kSmall + "--out " + kept).code == 0);
  std::string before = file(fs::path(kept) / "timeseries.csv");
  CHECK(cli("run --population 5 --out " + kept).code == 2);
  CHECK(file(fs::path(kept) / "timeseries.csv") == before);
  // --out naming a file is a usage error, not a crash.
  CHECK(cli("run --quiet" + kSmall + "--out " + kData + "good.json").code == 2);
}

TEST_CASE("check-lessons: each claim's record; exit 0 when all hold, 1 when one fails, 2 on bad input") {
  const std::string head = R"({"weeks": 52, "population": {"size": 2000},
    "regimes": [{"name": "List", "preset": "blacklist_joint_sanctions"}], "expect": [)";
  const std::string smaller =
      R"({"says": "B is smaller than A", "metric": "population", "group": "B", "vs": {"group": "A"},
          "direction": "lower", "by": 1})";
  const std::string larger =
      R"({"says": "B is larger than A", "metric": "population", "group": "B", "vs": {"group": "A"},
          "direction": "higher", "by": 1})";
  std::ofstream(path("claims_true.json")) << head + smaller + "]}";
  std::ofstream(path("claims_false.json")) << head + smaller + ", " + larger + "]}";
  std::ofstream(path("claims_bad.json")) << head + R"({"says": "x", "metric": "harmm", "vs": 0,
      "direction": "higher", "by": 0}]})";
  std::ofstream(path("claims_none.json")) << head + "]}";
  auto ok = cli("check-lessons " + path("claims_true.json") + " --seeds 3");
  CHECK(ok.code == 0);
  CHECK(ok.out.find("PASS  notes: B is smaller than A") != std::string::npos);
  CHECK(ok.out.find("holds in 3 of 3 runs") != std::string::npos);
  CHECK(ok.out.find("seeds 1-3") != std::string::npos);
  auto bad = cli("check-lessons " + path("claims_false.json") + " --seeds 3 --seed-base 5");
  CHECK(bad.code == 1);
  CHECK(bad.out.find("FAIL  notes: B is larger than A") != std::string::npos);
  CHECK(bad.out.find("holds in 0 of 3 runs") != std::string::npos);
  CHECK(bad.out.find("seeds 5-7") != std::string::npos);
  auto input = cli("check-lessons " + path("claims_bad.json"));
  CHECK(input.code == 2);
  CHECK(input.err.find("claims_bad.json:2:") != std::string::npos);
  CHECK(input.err.find("/expect/0/metric: unknown metric 'harmm'") != std::string::npos);
  CHECK(input.out.empty());  // nothing is run before every file has been read
  auto none = cli("check-lessons " + path("claims_none.json") + " --seeds 1");
  CHECK(none.code == 1);
  CHECK(none.out.find("no claims") != std::string::npos);
  CHECK(cli("check-lessons " + path("claims_true.json") + " --seeds 0").code == 2);
}
