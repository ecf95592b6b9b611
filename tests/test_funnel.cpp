// test_funnel.cpp: the appeal funnel is monotone (wronged >= aware >= appealed >=
// decided >= overturned) in every regime and group of every shipped scenario, and in
// the case that once broke it: an episode that began while an earlier appeal waited
// (issue 8: expiry_never_vs_5_years over 728 weeks, group B appealed 276 < decided 277).
#include "tests/model_fixtures.hpp"

using namespace tlt;

namespace {

void checkMonotone(const Simulation& sim, const std::string& what) {
  auto summary = sim.summary();
  for (size_t r = 0; r < summary.size(); ++r)
    for (int g = 0; g < 3; ++g) {
      const Funnel& f = summary[r].group[g].funnel;
      CAPTURE(what);
      CAPTURE(r);
      CAPTURE(g);
      CHECK(f.wronged >= f.aware);
      CHECK(f.aware >= f.appealed);
      CHECK(f.appealed >= f.decided);
      CHECK(f.decided >= f.overturned);
    }
}

}  // namespace

TEST_CASE("funnel is monotone in every shipped scenario") {
  for (const auto& path : embeddedScenarioPaths()) {
    Scenario s = loadScenario(path);
    applySet(s, "population.size", "3000");
    checkMonotone(*run(s), path);
  }
}

TEST_CASE("funnel stays monotone when an episode begins while an appeal waits") {
  Scenario s = loadScenario("expiry_never_vs_5_years");
  applySet(s, "weeks", "728");
  auto sim = run(s);
  checkMonotone(*sim, "expiry_never_vs_5_years, 728 weeks");
  // The case is exercised: appeals were decided in the episodes of group B.
  CHECK(summaryOf(sim->summary(), 0, 1).funnel.decided + summaryOf(sim->summary(), 1, 1).funnel.decided > 0);
}
