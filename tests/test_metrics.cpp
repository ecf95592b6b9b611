// test_metrics.cpp: the metrics module against published figures and the analytic identities of FACTS.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "sim/metrics.hpp"

using tl::Confusion;

namespace {

// A published figure is rounded; the computed value must round to it, so the
// tolerance is half a unit in the last published digit (plus float noise).
void checkRoundsTo(double value, double published, int decimals) {
  const double half_unit = 0.5 * std::pow(10.0, -decimals);
  INFO("computed " << value << ", published " << published << " (" << decimals << " decimals)");
  CHECK(std::fabs(value - published) <= half_unit + 1e-12);
}
double pct(double share) { return 100.0 * share; }

// ProPublica's COMPAS counts (FACTS.md Theory 3): two-year recidivism,
// "selected" = medium or high risk. Confusion order is {tp, fp, fn, tn}.
const Confusion kCompasBlack{1369, 805, 532, 990};
const Confusion kCompasWhite{505, 349, 461, 1139};

}  // namespace

TEST_CASE("ProPublica COMPAS counts give the published rates (FACTS Theory 3)") {
  const tl::Rates b = tl::rates(kCompasBlack), w = tl::rates(kCompasWhite);
  // Published to 0.01 percentage points: tolerance 0.005 pp.
  checkRoundsTo(pct(b.fpr), 44.85, 2);
  checkRoundsTo(pct(w.fpr), 23.45, 2);
  checkRoundsTo(pct(b.fnr), 27.99, 2);
  checkRoundsTo(pct(w.fnr), 47.72, 2);
  // Published to 0.01 (two decimals of a share): tolerance 0.005.
  checkRoundsTo(b.ppv, 0.63, 2);
  checkRoundsTo(w.ppv, 0.59, 2);
  checkRoundsTo(b.base_rate, 0.51, 2);
  checkRoundsTo(w.base_rate, 0.39, 2);
  // The matrices satisfy Chouldechova's identity; the implied FPRs are the published ones.
  CHECK(tl::chouldechovaHolds(kCompasBlack, 1e-12));
  CHECK(tl::chouldechovaHolds(kCompasWhite, 1e-12));
  checkRoundsTo(pct(tl::chouldechovaFpr(b.base_rate, b.ppv, b.fnr)), 44.85, 2);
  checkRoundsTo(pct(tl::chouldechovaFpr(w.base_rate, w.ppv, w.fnr)), 23.45, 2);
}

TEST_CASE("rates: every definition on a small matrix") {
  const Confusion c{2, 3, 5, 10};  // tp, fp, fn, tn; N = 20
  const tl::Rates r = tl::rates(c);
  CHECK(r.fpr == doctest::Approx(3.0 / 13));
  CHECK(r.fnr == doctest::Approx(5.0 / 7));
  CHECK(r.ppv == doctest::Approx(2.0 / 5));
  CHECK(r.npv == doctest::Approx(10.0 / 15));
  CHECK(r.base_rate == doctest::Approx(7.0 / 20));
  CHECK(r.selection_rate == doctest::Approx(5.0 / 20));
  CHECK(r.accuracy == doctest::Approx(12.0 / 20));
}

TEST_CASE("rates: an empty denominator gives NaN, never 0") {
  const tl::Rates empty = tl::rates(Confusion{});
  for (double v :
       {empty.fpr, empty.fnr, empty.ppv, empty.npv, empty.base_rate, empty.selection_rate, empty.accuracy})
    CHECK(std::isnan(v));
  // Nobody selected: PPV undefined, NPV defined.
  const tl::Rates none = tl::rates(Confusion{0, 0, 4, 6});
  CHECK(std::isnan(none.ppv));
  CHECK(none.npv == doctest::Approx(0.6));
  CHECK(none.selection_rate == 0.0);
  // No positives: FNR undefined, FPR defined.
  const tl::Rates noPos = tl::rates(Confusion{0, 2, 0, 8});
  CHECK(std::isnan(noPos.fnr));
  CHECK(noPos.fpr == doctest::Approx(0.2));
}

TEST_CASE("disparateImpact: B over A, NaN without a reference rate") {
  CHECK(tl::disparateImpact(0.4, 0.5) == doctest::Approx(0.8));  // exactly on the 4/5 line
  CHECK(tl::disparateImpact(0.6, 0.3) == doctest::Approx(2.0));
  CHECK(std::isnan(tl::disparateImpact(0.3, 0.0)));
  CHECK(std::isnan(tl::disparateImpact(0.3, std::nan(""))));
  CHECK(std::isnan(tl::disparateImpact(std::nan(""), 0.3)));
  CHECK(tl::disparateImpact(0.0, 0.3) == 0.0);
}

TEST_CASE("Chouldechova's worked example: equal PPV and FNR force unequal FPR (FACTS Theory 2)") {
  // PPV 0.60, FNR 0.30; base rates 0.51 and 0.39 -> FPR 48.6 % and 29.8 % (0.1 pp: tolerance 0.05 pp).
  checkRoundsTo(pct(tl::chouldechovaFpr(0.51, 0.60, 0.30)), 48.6, 1);
  checkRoundsTo(pct(tl::chouldechovaFpr(0.39, 0.60, 0.30)), 29.8, 1);
  CHECK(std::isnan(tl::chouldechovaFpr(1.0, 0.6, 0.3)));
  CHECK(std::isnan(tl::chouldechovaFpr(0.5, 0.0, 0.3)));
}

TEST_CASE("Chouldechova's identity holds on thousands of random matrices") {
  std::mt19937_64 rng(2017);
  std::uniform_int_distribution<int> count(0, 5000);
  std::bernoulli_distribution zero(0.05);  // some empty cells exercise the vacuous cases
  auto cell = [&] { return zero(rng) ? 0.0 : static_cast<double>(count(rng)); };
  int checked = 0;
  for (int i = 0; i < 5000; ++i) {
    const Confusion c{cell(), cell(), cell(), cell()};
    CHECK(tl::chouldechovaHolds(c, 1e-12));
    if (c.tp > 0 && c.fp + c.tn > 0) {
      // Against the FPR computed here from raw counts, not via rates().
      const tl::Rates r = tl::rates(c);
      const double implied = tl::chouldechovaFpr(r.base_rate, r.ppv, r.fnr);
      CHECK(implied == doctest::Approx(c.fp / (c.fp + c.tn)).epsilon(1e-12));
      ++checked;
    }
  }
  CHECK(checked > 4000);  // the vacuous branch must not swallow the test
}

TEST_CASE("chouldechovaHolds is vacuously true where a term is undefined") {
  CHECK(tl::chouldechovaHolds(Confusion{0, 5, 3, 7}, 1e-12));  // no true positives
  CHECK(tl::chouldechovaHolds(Confusion{4, 0, 3, 0}, 1e-12));  // no negatives
  CHECK(tl::chouldechovaHolds(Confusion{}, 1e-12));            // nothing at all
}

TEST_CASE("Base-rate fallacy: precision of a flag (FACTS Theory 1)") {
  // p = 0.1 %, sensitivity 99 %, specificity 99 % -> 9.0 % (tolerance 0.05 pp).
  checkRoundsTo(pct(tl::ppvFromSensSpec(0.001, 0.99, 0.99)), 9.0, 1);
  // p = 1 in 10,000 -> 0.98 % (tolerance 0.005 pp).
  checkRoundsTo(pct(tl::ppvFromSensSpec(1.0 / 10000, 0.99, 0.99)), 0.98, 2);
  // Eddy (1982), mammography: p = 1 %, sensitivity 80 %, false alarms 9.6 % -> 7.8 %.
  checkRoundsTo(pct(tl::ppvFromSensSpec(0.01, 0.80, 1 - 0.096)), 7.8, 1);
  // No positives and no false alarms: nothing is ever flagged, precision undefined.
  CHECK(std::isnan(tl::ppvFromSensSpec(0.0, 0.99, 1.0)));
}

TEST_CASE("NRC polygraph report (2003): 10 spies in 10,000, 8 caught, 1,598 innocents flagged") {
  const double spies = 10, people = 10000, caught = 8, innocents_flagged = 1598;
  const Confusion c{caught, innocents_flagged, spies - caught, people - spies - innocents_flagged};
  const tl::Rates r = tl::rates(c);
  checkRoundsTo(pct(r.ppv), 0.50, 2);  // tolerance 0.005 pp
  checkRoundsTo(pct(r.fpr), 16.0, 1);  // tolerance 0.05 pp
  // The counting route and the sensitivity/specificity route agree.
  CHECK(tl::ppvFromSensSpec(r.base_rate, 1 - r.fnr, 1 - r.fpr) == doctest::Approx(r.ppv).epsilon(1e-12));
}

namespace {
// A calibrated score: in the bin with score s, a share s of the people are positive.
std::vector<tl::ScoreBin> calibratedBins(const std::vector<double>& scores,
                                         const std::vector<double>& people) {
  std::vector<tl::ScoreBin> bins;
  for (size_t i = 0; i < scores.size(); ++i)
    bins.push_back({scores[i], scores[i] * people[i], (1 - scores[i]) * people[i]});
  return bins;
}
// Kleinberg et al.'s identity, as the difference of its two sides.
double kleinbergResidual(const tl::ClassBalance& b) {
  return b.mean_score_negative * (1 - b.base_rate) - b.base_rate * (1 - b.mean_score_positive);
}
}  // namespace

TEST_CASE("Kleinberg: a calibrated score satisfies E[s|Y=0](1-p) = p(1-E[s|Y=1]) (FACTS Theory 4)") {
  const std::vector<double> scores{0.1, 0.3, 0.5, 0.7, 0.9};
  // Two groups scored by the same calibrated rule, with different mixes of people.
  const auto a = calibratedBins(scores, {400, 300, 200, 100, 50});
  const auto b = calibratedBins(scores, {50, 100, 200, 300, 400});
  CHECK(tl::calibrationGap(a) == doctest::Approx(0.0));
  CHECK(tl::calibrationGap(b) == doctest::Approx(0.0));
  const tl::ClassBalance ba = tl::classBalance(a), bb = tl::classBalance(b);
  CHECK(kleinbergResidual(ba) == doctest::Approx(0.0).epsilon(1e-12));
  CHECK(kleinbergResidual(bb) == doctest::Approx(0.0).epsilon(1e-12));
  // The impossibility: different base rates, both calibrated, so balance fails -
  // the innocent in the higher-base-rate group get a higher mean score.
  REQUIRE(bb.base_rate > ba.base_rate);
  CHECK(bb.mean_score_negative > ba.mean_score_negative + 0.05);
  CHECK(bb.mean_score_positive > ba.mean_score_positive + 0.05);

  SUBCASE("perfect prediction escapes the impossibility") {
    const auto pa = calibratedBins({0.0, 1.0}, {900, 100});
    const auto pb = calibratedBins({0.0, 1.0}, {500, 500});
    const tl::ClassBalance qa = tl::classBalance(pa), qb = tl::classBalance(pb);
    CHECK(qa.base_rate != doctest::Approx(qb.base_rate));
    CHECK(qa.mean_score_negative == doctest::Approx(qb.mean_score_negative));
    CHECK(qa.mean_score_positive == doctest::Approx(qb.mean_score_positive));
  }
  SUBCASE("an uncalibrated score breaks the identity") {
    std::vector<tl::ScoreBin> off = a;
    for (tl::ScoreBin& bin : off) bin.score = std::min(1.0, bin.score + 0.1);  // over-predicts
    CHECK(tl::calibrationGap(off) == doctest::Approx(0.1));
    CHECK(std::fabs(kleinbergResidual(tl::classBalance(off))) > 0.01);
  }
}

TEST_CASE("classBalance and calibrationGap on empty classes") {
  const tl::ClassBalance onlyNeg = tl::classBalance({{0.2, 0, 10}});
  CHECK(std::isnan(onlyNeg.mean_score_positive));
  CHECK(onlyNeg.mean_score_negative == doctest::Approx(0.2));
  CHECK(onlyNeg.base_rate == 0.0);
  CHECK(std::isnan(tl::calibrationGap({{0.5, 0, 0}})));
}

TEST_CASE("medianOf") {
  CHECK(std::isnan(tl::medianOf({})));
  CHECK(tl::medianOf({7}) == 7.0);
  CHECK(tl::medianOf({9, 1, 5}) == 5.0);
  CHECK(tl::medianOf({10, 2, 4, 8}) == 6.0);
  CHECK(tl::medianOf({3, 3, 1, 1}) == 2.0);
}
