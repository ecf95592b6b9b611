// test_golden.cpp: the safety net of refactoring. Every shipped scenario is run at a
// small population with a fixed seed and its full outputs (timeseries.csv, the
// summary without the manifest, the event log) are hashed against the constants in
// tests/data/golden.txt. A change to the model's behaviour must change that file on
// purpose; a restructure must leave it alone.
//
// The quiet-citizen fast path is an optimisation only: with it switched off every
// scenario must give the same outputs, byte for byte.
//
// To rewrite the constants after an intended model change:
//   TRUSTLAB_GOLDEN_UPDATE=1 build/tests/test_golden
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "io/output.hpp"
#include "tests/model_fixtures.hpp"

using namespace tlt;

namespace {

constexpr int kGoldenPopulation = 2000;
constexpr int kGoldenSeed = 7;
const char* kGoldenFile = TRUSTLAB_SOURCE_DIR "/tests/data/golden.txt";

struct Fnv {
  uint64_t h = 1469598103934665603ULL;
  void feed(const void* data, size_t n) {
    auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ULL;
  }
  void feed(const std::string& s) { feed(s.data(), s.size()); }
};

std::unique_ptr<Simulation> goldenRun(const std::string& path, bool fast_path) {
  Scenario s = loadScenario(path);
  applySet(s, "population.size", std::to_string(kGoldenPopulation));
  applySet(s, "seed", std::to_string(kGoldenSeed));
  SimOptions o;
  o.threads = 2;
  o.log_events = true;
  o.fast_path = fast_path;
  auto sim = std::make_unique<Simulation>(s, o);
  sim->run(s.weeks());
  return sim;
}

std::string outputsHash(const Simulation& sim) {
  Fnv f;
  f.feed(timeseriesCsv(sim));
  auto summary = summaryJsonValue(sim);
  summary.erase("manifest");  // version and thread count are not model outputs
  f.feed(summary.dump());
  for (const Event& e : sim.events()) {
    int32_t v[5] = {static_cast<int32_t>(e.citizen), e.week, e.regime, static_cast<int32_t>(e.kind), e.value};
    f.feed(v, sizeof v);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(f.h));
  return buf;
}

std::map<std::string, std::string> readGolden() {
  std::map<std::string, std::string> out;
  std::ifstream in(kGoldenFile);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string path, hash;
    ls >> path >> hash;
    out[path] = hash;
  }
  return out;
}

}  // namespace

TEST_CASE("golden: every shipped scenario gives the committed outputs") {
  const bool update = std::getenv("TRUSTLAB_GOLDEN_UPDATE") != nullptr;
  auto golden = readGolden();
  std::ostringstream fresh;
  fresh << "# test_golden: FNV-1a of timeseries.csv + summary (no manifest) + events, population "
        << kGoldenPopulation << ", seed " << kGoldenSeed << "\n";
  auto paths = embeddedScenarioPaths();
  REQUIRE_MESSAGE(paths == shippedScenarioFiles(),
                  "embedded scenarios differ from scenarios/*.json: re-run cmake");
  for (const auto& path : paths) {
    CAPTURE(path);
    std::string h = outputsHash(*goldenRun(path, true));
    fresh << path << " " << h << "\n";
    if (!update) {
      REQUIRE_MESSAGE(golden.count(path) == 1,
                      "no golden hash for " << path << " (run with TRUSTLAB_GOLDEN_UPDATE=1)");
      CHECK_MESSAGE(golden[path] == h, path << ": outputs hash " << h << ", golden " << golden[path]);
    }
  }
  if (update) {
    std::ofstream(kGoldenFile) << fresh.str();
    MESSAGE("rewrote " << std::string(kGoldenFile));
  }
}

TEST_CASE("fast path off gives identical outputs on every shipped scenario") {
  for (const auto& path : embeddedScenarioPaths()) {
    CAPTURE(path);
    auto fast = goldenRun(path, true);
    auto slow = goldenRun(path, false);
    CHECK(outputsHash(*fast) == outputsHash(*slow));
    CHECK(fast->stateHash() == slow->stateHash());
  }
}
