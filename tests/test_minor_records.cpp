// test_minor_records.cpp: minor records (informant reports among them) expire one by
// one, each data.retention_weeks after it was made, not all together after the latest
// one (issue 8 item 5), in bounded memory (sim/minor_records.hpp).
#include <doctest/doctest.h>

#include "sim/minor_records.hpp"
#include "tests/model_fixtures.hpp"

namespace m = tl::minor;
using m::add;
using m::anyFalse;
using m::binWeeks;
using m::expire;
using m::Groups;
using m::Kind;
using m::kSlots;
using m::liveCount;
using m::removeFalse;

namespace {

int held(const Groups& s) {
  int n = 0;
  for (const m::Group& g : s.g) n += g.infractions + g.protected_acts + g.proxies;
  return n;
}

// Runs weeks from..to (inclusive), expiring what is due each week; returns what went.
int expireThrough(Groups& s, uint32_t from, uint32_t to, int retention) {
  int gone = 0;
  for (uint32_t w = from; w <= to; ++w) {
    m::Group g = expire(s, w, retention);
    gone += g.infractions + g.protected_acts + g.proxies;
  }
  return gone;
}

}  // namespace

TEST_CASE("reports made at weeks 0 and 50 with retention 104: one is held at week 120, none at week 160") {
  Groups s{};
  add(s, 0, 104, Kind::Infraction, -20, true);
  add(s, 50, 104, Kind::Protected, -3, false);
  CHECK(held(s) == 2);
  CHECK(expireThrough(s, 1, 103, 104) == 0);  // nothing before its time
  CHECK(expireThrough(s, 104, 120, 104) == 1);
  CHECK(held(s) == 1);
  CHECK(s.g[0].protected_acts == 1);  // the later report stays
  CHECK_FALSE(anyFalse(s));           // the false report (week 0) went with it
  CHECK(expireThrough(s, 121, 160, 104) == 1);
  CHECK(held(s) == 0);
}

TEST_CASE("a steady stream of reports never lets the first one stay for ever") {
  // One report every 8 weeks for 10 years: under the old rule (all expire 104 weeks
  // after the latest) none would ever expire. Each must go within its retention plus
  // one group's span.
  const int retention = 104;
  Groups s{};
  int made = 0, gone = 0;
  for (uint32_t w = 0; w < 520; ++w) {
    m::Group g = expire(s, w, retention);
    gone += g.infractions;
    if (w % 8 == 0) {
      add(s, w, retention, Kind::Infraction, -20, false);
      ++made;
    }
    // No report older than retention + binWeeks - 1 is still held.
    CHECK(s.g[0].empty() == (held(s) == 0));
    if (!s.g[0].empty()) CHECK(w - s.g[0].week < static_cast<uint32_t>(retention));
  }
  CHECK(binWeeks(retention) == 21);
  CHECK(made - gone == held(s));
  CHECK(held(s) <= (retention + static_cast<int>(binWeeks(retention))) / 8 + 1);
  CHECK(held(s) >= retention / 8 - 1);
  CHECK(gone > 0);
}

TEST_CASE("the points of a group are given back when it expires; at the cap records join the newest group") {
  Groups s{};
  // Retention 0 when the records are made (groups by year), 6 years of records: all
  // kSlots groups in use, the seventh year joins the newest.
  for (uint32_t year = 0; year < kSlots + 1; ++year) add(s, year * 52, 0, Kind::Proxy, -3, false);
  CHECK(liveCount(s) == kSlots);
  CHECK(s.g[kSlots - 1].proxies == 2);
  CHECK(s.g[kSlots - 1].week == kSlots * 52);
  // Retention switched on later: the oldest group goes alone, with its points.
  m::Group g = expire(s, 52 + 104, 104);
  CHECK(g.proxies == 2);  // years 0 and 1
  CHECK(g.points == -6);
  CHECK(held(s) == kSlots + 1 - 2);
}

TEST_CASE("an overturn deletes the false reports and keeps the true records") {
  Groups s{};
  add(s, 10, 104, Kind::Infraction, -20, false);
  add(s, 40, 104, Kind::Infraction, -20, true);
  add(s, 41, 104, Kind::Infraction, -20, true);
  add(s, 90, 104, Kind::Proxy, -3, false);
  CHECK(removeFalse(s, -20) == 2);
  CHECK_FALSE(anyFalse(s));
  CHECK(held(s) == 2);
  CHECK(s.g[0].infractions == 1);
}

TEST_CASE("in a run, informant reports of group B no longer pile up for ever") {
  // informants_bias: a B citizen is reported every few weeks, so under the old rule a
  // false report, once made, was held to the end of the run. One by one, the share of
  // B holding an erroneous record levels off near false-report rate x bias x retention.
  using namespace tlt;
  Scenario sc = loadScenario("informants_bias");
  applySet(sc, "population.size", "6000");
  auto sim = run(sc);
  int b = 0, b_err = 0;
  for (uint32_t c = 0; c < sim->population(); ++c) {
    if (!(sim->traits(c).group == tl::Group::B)) continue;
    ++b;
    b_err += sim->snapshot(1, c).record_erroneous;
  }
  REQUIRE(b > 1000);
  // 1 - exp(-0.002 x 2 x (104 + 21)) = 0.39 at most; the old rule gave 0.875.
  CHECK(static_cast<double>(b_err) / b < 0.5);
  CHECK(static_cast<double>(b_err) / b > 0.2);
}
