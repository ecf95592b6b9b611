// test_model_analytic.cpp: the model reproduces the analytic results of FACTS.md
// "Theory the simulation must reproduce exactly": the base-rate fallacy (Theory 1)
// and Chouldechova's identity (Theory 2) on every confusion matrix it reports.
#include <string>

#include "sim/metrics.hpp"
#include "tests/model_fixtures.hpp"

using namespace tlt;

namespace {

// A risk-flag regime whose only feature is the screening alert: a citizen is
// flagged iff the alert fires, and the alert fires with probability `sens` for a
// harm-prone citizen and 1 - `spec` for anyone else (one static draw per citizen).
Scenario screeningOnly(double p, double sens, double spec, int population) {
  Scenario s = scenarioOf({"predictive_flagging"}, population, 2, 2024);
  return with(s, {"population.harm_prone_share=" + std::to_string(p), "target.kind=harm_prone",
                  "enrolment.mode=mandatory", "assessment.kind=risk", "assessment.weight_screening=1",
                  "assessment.risk_threshold=1", "assessment.weight_protected_behaviour=0",
                  "assessment.weight_proxy_behaviour=0", "assessment.weight_infraction=0",
                  "assessment.weight_rural=0", "data.record_benign_behaviour=false", "data.informants=false",
                  "assessment.human_review=false", "appeal.available=false",
                  "assessment.screening_sensitivity=" + std::to_string(sens),
                  "assessment.screening_specificity=" + std::to_string(spec)});
}

// Runs the regime for one week and compares the realised precision of its flags with
// the formula PPV = s p / (s p + (1 - spec)(1 - p)).
//
// Tolerance: citizens are independent, so given the number n of flagged citizens the
// number of true positives among them is Binomial(n, PPV). The realised PPV is thus
// within 3 standard errors sqrt(PPV (1 - PPV) / n) of the formula in 99.7 % of seeds
// (fixed seed here, so the test is deterministic; the bound says how close to expect).
void checkPpv(const std::string& label, double p, double sens, double spec, int population) {
  auto sim = run(screeningOnly(p, sens, spec, population), 1, 2);
  const WeekRow row = rowsOf(*sim, 0).at(0);
  const Confusion& c = row.confusion;
  const double flagged = c.tp + c.fp, positives = c.tp + c.fn, negatives = c.fp + c.tn;
  REQUIRE(c.total() == population);
  REQUIRE(flagged == row.sanctioned);
  const double expected = ppvFromSensSpec(p, sens, spec);
  const double realised = c.tp / flagged;
  const double tol = 3 * binomialSe(expected, flagged);
  MESSAGE(label << ": PPV realised " << realised * 100 << " %, expected " << expected * 100 << " % +/- "
                << tol * 100 << " % (3 SE, " << flagged << " flagged of " << population << ")");
  CHECK_MESSAGE(std::fabs(realised - expected) <= tol, label << ": realised PPV " << realised << " vs "
                                                             << expected << " +/- " << tol
                                                             << " (3 binomial SE)");
  // The ingredients, each within 3 binomial SE of its set value.
  const double se_p = 3 * binomialSe(p, population), se_sens = 3 * binomialSe(sens, positives),
               se_fpr = 3 * binomialSe(1 - spec, negatives);
  CHECK_MESSAGE(std::fabs(positives / population - p) <= se_p,
                "base rate " << positives / population << " vs " << p << " +/- " << se_p << " (3 SE)");
  CHECK_MESSAGE(std::fabs(c.tp / positives - sens) <= se_sens,
                "sensitivity " << c.tp / positives << " vs " << sens << " +/- " << se_sens << " (3 SE)");
  CHECK_MESSAGE(
      std::fabs(c.fp / negatives - (1 - spec)) <= se_fpr,
      "false positive rate " << c.fp / negatives << " vs " << 1 - spec << " +/- " << se_fpr << " (3 SE)");
  // The alert is static, so week 2 flags the same people (nobody is added or lifted).
  sim->step();
  const WeekRow row2 = rowsOf(*sim, 0).at(1);
  CHECK(row2.confusion.tp == c.tp);
  CHECK(row2.confusion.fp == c.fp);
  CHECK(row2.listed_added == 0);
}

}  // namespace

TEST_CASE("analytic (FACTS Theory 1): a 99 %/99 % flag at base rate 0.1 % has a PPV of 9.0 %") {
  CHECK(ppvFromSensSpec(0.001, 0.99, 0.99) == doctest::Approx(0.0902).epsilon(0.005));
  checkPpv("p 0.1 %, sens 99 %, spec 99 %", 0.001, 0.99, 0.99, 1000000);
}

TEST_CASE("analytic (FACTS Theory 1): the same flag at 1 in 10,000 has a PPV of 0.98 %") {
  checkPpv("p 0.01 %, sens 99 %, spec 99 %", 0.0001, 0.99, 0.99, 1000000);
}

TEST_CASE("analytic (FACTS Theory 1): Eddy's mammography case, PPV 7.8 %") {
  CHECK(ppvFromSensSpec(0.01, 0.8, 1 - 0.096) == doctest::Approx(0.078).epsilon(0.01));
  checkPpv("Eddy: p 1 %, sens 80 %, false alarms 9.6 %", 0.01, 0.8, 1 - 0.096, 500000);
}

TEST_CASE("analytic (FACTS Theory 1): the NRC polygraph case, PPV 0.50 %") {
  // 10 spies in 10,000; 8 caught; 1,598 of 9,990 innocents flagged (FPR 16.0 %).
  checkPpv("polygraph: p 0.1 %, sens 80 %, FPR 16 %", 0.001, 0.8, 1 - 1598.0 / 9990.0, 1000000);
}

TEST_CASE("analytic (FACTS Theory 2): Chouldechova's identity on every confusion matrix the model reports") {
  // Every shipped scenario, short and small, plus every preset; each regime x group of
  // summary() and of every weekly row. The identity is algebraic, so the tolerance is
  // rounding only (1e-9). Each matrix must also add up: total = population,
  // selected = sanctioned (punitive) or benefited (reward), positives = target_positive.
  std::vector<Scenario> all;
  for (const std::string& path : embeddedScenarioPaths()) {
    if (path.find("presets/") != std::string::npos) continue;
    all.push_back(with(loadScenario(path), {"population.size=4000", "weeks=40"}));
  }
  REQUIRE(all.size() == shippedScenarioFiles().size());
  std::vector<std::string> presets = presetNames();
  REQUIRE(presets.size() >= 8);
  for (size_t i = 0; i < presets.size(); i += 4) {
    std::string text = R"({"weeks": 40, "population": {"size": 4000}, "regimes": [)";
    for (size_t k = i; k < std::min(presets.size(), i + 4); ++k)
      text += (k > i ? "," : "") + std::string("{\"name\": \"") + presets[k] + "\", \"preset\": \"" +
              presets[k] + "\"}";
    all.push_back(parseScenario(text + "]}", "<presets>"));
  }
  int matrices = 0, informative = 0, failures = 0, bad_sums = 0;
  for (const Scenario& s : all) {
    auto sim = run(s, s.weeks(), 2);
    auto sum = sim->summary();
    for (size_t r = 0; r < sum.size(); ++r)
      for (int g = 0; g < 3; ++g) {
        const Confusion& c = sum[r].group[g].confusion;
        ++matrices;
        informative += c.tp > 0 && c.fp + c.tn > 0;
        if (!chouldechovaHolds(c, 1e-9)) {
          ++failures;
          FAIL_CHECK("Chouldechova fails: " << s.name << " regime " << r << " group " << g);
        }
      }
    for (const WeekRow& row : sim->rows()) {
      const Confusion& c = row.confusion;
      ++matrices;
      informative += c.tp > 0 && c.fp + c.tn > 0;
      if (!chouldechovaHolds(c, 1e-9)) ++failures;
      bool punitive =
          sim->regimeParams(row.regime).i(P::target_kind) != static_cast<int>(TargetKind::Reliable);
      bool ok = c.total() == row.population && c.tp + c.fn == row.target_positive && c.fn == row.missed &&
                c.tp + c.fp == (punitive ? row.sanctioned : row.benefited);
      if (!ok && bad_sums++ == 0)
        FAIL_CHECK("confusion does not add up: " << s.name << " week " << row.week << " regime " << row.regime
                                                 << " group " << row.group);
    }
  }
  MESSAGE(matrices << " confusion matrices, " << informative << " with TP > 0 and negatives > 0");
  CHECK(failures == 0);
  CHECK(bad_sums == 0);
  CHECK(informative > 100);  // the identity was really exercised
}
