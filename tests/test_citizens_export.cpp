// test_citizens_export.cpp: `run --citizens-out` writes one row per synthetic citizen per
// regime, and the audit of docs/audit.md (add the week counts per group, divide once)
// reproduces summary.json's confusion matrices, FPR, FNR and PPV exactly.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "io/citizens_export.hpp"
#include "io/csv_read.hpp"
#include "io/scenario_io.hpp"
#include "tests/cli_harness.hpp"

using namespace tl::test;

namespace {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  size_t col(const std::string& name) const {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE_MESSAGE(it != header.end(), "no column " << name);
    return static_cast<size_t>(it - header.begin());
  }
  double num(size_t row, const std::string& name) const { return std::stod(rows[row][col(name)]); }
};

Table readCsv(const std::string& text) {
  Table t;
  for (const auto& line : tl::splitList(text, '\n')) {
    if (line.empty()) continue;
    if (t.header.empty())
      t.header = tl::csvFields(line);
    else
      t.rows.push_back(tl::csvFields(line));
  }
  return t;
}

// The docs' audit, in C++: a rate is its numerator over its denominator, n/a (JSON null) when empty.
void checkRate(const nlohmann::json& v, double num, double den) {
  if (den == 0)
    CHECK(v.is_null());
  else
    CHECK(v.get<double>() == num / den);  // exactly: same counts, same division
}

// Runs a scenario with --citizens-out and checks the audit against summary.json.
void auditReproducesSummary(const std::string& scenario, const std::string& name) {
  CAPTURE(scenario);
  std::string dir = path(name), csv_path = path(name + "_citizens.csv");
  Result r = cli("run " + scenario + " --quiet --population 3000 --weeks 80 --out " + dir +
                 " --citizens-out " + csv_path);
  REQUIRE_MESSAGE(r.code == 0, r.err);
  Table t = readCsv(file(csv_path));
  auto summary = nlohmann::json::parse(file(fs::path(dir) / "summary.json"));
  REQUIRE(t.rows.size() == 3000 * summary["regimes"].size());

  // Per regime x group (and "all"): add the week counts.
  std::map<std::pair<std::string, std::string>, std::array<double, 4>> cm;
  const char* cells[] = {"tp_weeks", "fp_weeks", "fn_weeks", "tn_weeks"};
  for (size_t i = 0; i < t.rows.size(); ++i)
    for (const std::string& g : {t.rows[i][t.col("group")], std::string("all")}) {
      auto& m = cm[{t.rows[i][t.col("regime")], g}];
      for (int k = 0; k < 4; ++k) m[static_cast<size_t>(k)] += t.num(i, cells[k]);
    }
  int checked = 0;
  for (const auto& reg : summary["regimes"])
    for (const auto& [group, s] : reg["groups"].items()) {
      CAPTURE(reg["name"]);
      CAPTURE(group);
      auto it = cm.find({reg["name"].get<std::string>(), group});
      REQUIRE(it != cm.end());
      auto [tp, fp, fn, tn] = it->second;
      CHECK(tp == s["confusion"]["tp"].get<double>());
      CHECK(fp == s["confusion"]["fp"].get<double>());
      CHECK(fn == s["confusion"]["fn"].get<double>());
      CHECK(tn == s["confusion"]["tn"].get<double>());
      checkRate(s["fpr"], fp, fp + tn);
      checkRate(s["fnr"], fn, fn + tp);
      checkRate(s["ppv"], tp, tp + fp);
      ++checked;
    }
  CHECK(checked == 3 * static_cast<int>(summary["regimes"].size()));

  // Per-citizen columns agree with the weekly time series and with each other.
  Table ts = readCsv(file(fs::path(dir) / "timeseries.csv"));
  std::map<std::string, std::map<std::string, double>> weekly;  // regime -> column -> run total (group all)
  for (size_t i = 0; i < ts.rows.size(); ++i)
    if (ts.rows[i][ts.col("group")] == "all")
      for (const char* c : {"sanctioned", "benefited", "appeals_filed", "appeals_decided",
                            "appeals_overturned", "wrongly_sanctioned"})
        weekly[ts.rows[i][ts.col("regime")]][c] += ts.num(i, c);
  std::map<std::string, std::map<std::string, double>> per_citizen;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    auto& m = per_citizen[t.rows[i][t.col("regime")]];
    for (const char* c : {"sanctioned_weeks", "benefited_weeks", "appeals_filed", "appeals_upheld",
                          "appeals_overturned", "wrongful_sanction_weeks"})
      m[c] += t.num(i, c);
    CHECK(t.num(i, "weeks") == 80);
    CHECK(t.num(i, "tp_weeks") + t.num(i, "fp_weeks") + t.num(i, "fn_weeks") + t.num(i, "tn_weeks") == 80);
    if (t.rows[i][t.col("target_kind")] != "reliable")  // punitive: selected = sanctioned
      CHECK(t.num(i, "wrongful_sanction_weeks") == t.num(i, "fp_weeks"));
    CHECK((t.num(i, "ever_selected") == 1) == (t.num(i, "selected_weeks") > 0));
  }
  for (auto& [regime, m] : per_citizen) {
    CAPTURE(regime);
    CHECK(m["sanctioned_weeks"] == weekly[regime]["sanctioned"]);
    CHECK(m["benefited_weeks"] == weekly[regime]["benefited"]);
    CHECK(m["appeals_filed"] == weekly[regime]["appeals_filed"]);
    CHECK(m["appeals_upheld"] + m["appeals_overturned"] == weekly[regime]["appeals_decided"]);
    CHECK(m["appeals_overturned"] == weekly[regime]["appeals_overturned"]);
    CHECK(m["wrongful_sanction_weeks"] == weekly[regime]["wrongly_sanctioned"]);
  }
}

}  // namespace

TEST_CASE("citizens export: the docs' audit reproduces summary.json exactly") {
  // A reward regime and a list (good.json); harm-prone targets under a flag; appeals and
  // human review (due process); a pane with no target at all.
  auditReproducesSummary(kData + "good.json", "audit_good");
  auditReproducesSummary("base_rate_fallacy", "audit_flag");
  auditReproducesSummary("due_process_vs_blacklist", "audit_due");
  auditReproducesSummary("no_system_baseline", "audit_none");
}

TEST_CASE("citizens export: the same rows at any thread count; outputs unchanged by the audit") {
  std::string a = path("cit_t1.csv"), b = path("cit_t2.csv");
  REQUIRE(cli("run --quiet --population 2000 --weeks 40 --threads 1 --citizens-out " + a + " --out " +
              path("cit_t1"))
              .code == 0);
  REQUIRE(cli("run --quiet --population 2000 --weeks 40 --threads 2 --citizens-out " + b).code == 0);
  REQUIRE(cli("run --quiet --population 2000 --weeks 40 --out " + path("cit_plain")).code == 0);
  CHECK(file(a) == file(b));
  CHECK(file(fs::path(path("cit_t1")) / "timeseries.csv") ==
        file(fs::path(path("cit_plain")) / "timeseries.csv"));
  Table t = readCsv(file(a));
  CHECK(t.header == tl::CitizenAudit::columns());
  CHECK(t.rows.size() == 2 * 2000);
  CHECK(t.rows[0][t.col("citizen_id")] == "0");
  CHECK(t.rows[2000][t.col("citizen_id")] == "0");  // second regime
}

TEST_CASE("citizens export: a path that cannot be written exits 2 before the run, writing nothing") {
  std::string fresh = path("cit_never");
  Result missing = cli("run --quiet --population 2000 --weeks 10 --citizens-out " +
                       path("no/such/dir/c.csv") + " --out " + fresh);
  CHECK(missing.code == 2);
  CHECK(missing.err.find("--citizens-out") != std::string::npos);
  CHECK(missing.err.find("does not exist") != std::string::npos);
  CHECK(!fs::exists(fresh));
  Result folder = cli("run --quiet --population 2000 --weeks 10 --citizens-out " + scratch().string());
  CHECK(folder.code == 2);
  CHECK(folder.err.find("is a folder") != std::string::npos);
  // Bad input leaves an earlier export untouched.
  std::string kept = path("cit_kept.csv");
  REQUIRE(cli("run --quiet --population 2000 --weeks 10 --citizens-out " + kept).code == 0);
  std::string before = file(kept);
  CHECK(cli("run --quiet --population 5 --citizens-out " + kept).code == 2);
  CHECK(file(kept) == before);
}

TEST_CASE("citizens export inside the --out folder is one of its files, replaced with it") {
  std::string dir = path("cit_inside");
  const std::string args = "run --quiet --population 2000 --weeks 10 --out " + dir + " --citizens-out ";
  REQUIRE(cli(args + dir + "/citizens.csv").code == 0);
  Result again = cli(args + dir + "/citizens.csv --seed 2");  // the folder may hold it: it is ours
  REQUIRE_MESSAGE(again.code == 0, again.err);
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 3);
  CHECK(readCsv(file(fs::path(dir) / "citizens.csv")).rows.size() == 2 * 2000);
  Result clash = cli(args + dir + "/summary.json");
  CHECK(clash.code == 2);
  CHECK(clash.err.find("would overwrite the run's summary.json") != std::string::npos);
}

TEST_CASE("CitizenAudit must follow the run from its first week") {
  tl::Scenario s = tl::defaultScenario();
  tl::applySet(s, "population.size", "500");
  tl::SimOptions opt;
  opt.log_events = true;
  tl::Simulation sim(s, opt);
  tl::CitizenAudit audit(sim);
  sim.step();
  sim.step();
  CHECK_THROWS_AS(audit.observe(sim), std::invalid_argument);  // a week was missed
  CHECK_THROWS_AS(tl::CitizenAudit{sim}, std::invalid_argument);
}
