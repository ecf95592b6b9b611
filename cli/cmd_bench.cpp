// cmd_bench.cpp: `trustlab-cli bench` — citizen-weeks per second, bytes of state per
// citizen and phase times on the default scenario; --scaling shows cost vs population.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "io/scenario_io.hpp"
#include "sim/simulation.hpp"

namespace tl::cli {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct BenchResult {
  double setup_s, run_s;
  int threads, regimes;
  size_t bytes_regime, bytes_shared;
  Simulation::PhaseTimes phases;
};

BenchResult measure(Scenario s, long long population, int weeks, int threads) {
  applySet(s, "population.size", std::to_string(population));
  applySet(s, "weeks", std::to_string(weeks));
  SimOptions opt;
  opt.threads = threads;
  auto t0 = Clock::now();
  Simulation sim(s, opt);
  double setup = secondsSince(t0);
  t0 = Clock::now();
  sim.run(weeks);
  double run = secondsSince(t0);
  return {setup,
          run,
          sim.threads(),
          sim.regimeCount(),
          sim.bytesPerCitizenPerRegime(),
          sim.bytesPerCitizenShared(),
          sim.phaseTimes()};
}

// The default scenario, or its world with the regimes of another scenario.
Scenario benchScenario(const Args& a) {
  Scenario s = defaultScenario();
  if (auto from = a.get("--regimes-from")) s.regimes = loadScenario(*from).regimes;
  return s;
}

}  // namespace

int cmdBench(const Args& a) {
  if (a.has("--sweep")) return cmdBenchSweep(a);
  if (!a.positional.empty()) throw UsageError("bench: takes no SCENARIO (use --regimes-from)");
  Scenario s = benchScenario(a);
  int threads = static_cast<int>(a.getInt("--threads", 0, 0, 1024));
  if (a.has("--scaling")) {
    // The same weeks at every size (later weeks cost more as lists fill up, so scaling
    // weeks down would blur the picture); small populations are repeated instead so
    // each size runs long enough to time.
    int weeks = static_cast<int>(a.getInt("--weeks", 26, 1, 5200));
    std::printf("%12s %7s %5s %10s %10s %18s\n", "citizens", "weeks", "reps", "setup s", "run s",
                "ns/citizen-week");
    for (long long pop : {10000LL, 100000LL, 1000000LL, 10000000LL}) {
      int reps = static_cast<int>(std::max(1LL, 1000000LL / pop));
      double setup = 0, run = 0;
      for (int k = 0; k < reps; ++k) {
        BenchResult r = measure(s, pop, weeks, threads);
        setup += r.setup_s;
        run += r.run_s;
      }
      std::printf("%12lld %7d %5d %10.3f %10.3f %18.2f\n", pop, weeks, reps, setup, run,
                  run * 1e9 / (static_cast<double>(pop) * weeks * reps));
      std::fflush(stdout);
    }
    std::printf("(%zu regimes; cost linear in population shows as a flat ns/citizen-week column)\n",
                s.regimes.size());
    return 0;
  }
  long long pop = a.getInt("--population", 1000000, 100, 20000000);
  int weeks = static_cast<int>(a.getInt("--weeks", 52, 1, 5200));
  BenchResult r = measure(s, pop, weeks, threads);
  double cw = static_cast<double>(pop) * weeks;
  std::printf("trustlab bench: %lld citizens x %d weeks x %d regimes, %d threads\n", pop, weeks, r.regimes,
              r.threads);
  std::printf("setup (population): %.3f s\n", r.setup_s);
  std::printf("run: %.3f s\n", r.run_s);
  std::printf("citizen-weeks/s: %.4g (x regimes: %.4g)\n", cw / r.run_s, cw * r.regimes / r.run_s);
  std::printf("ns per citizen-week: %.2f\n", r.run_s * 1e9 / cw);
  std::printf(
      "state: %zu bytes per citizen per regime, %zu bytes per citizen shared (%zu total per citizen)\n",
      r.bytes_regime, r.bytes_shared, r.bytes_shared + r.bytes_regime * static_cast<size_t>(r.regimes));
  std::printf("phases: life+assessment %.3f s, appeals %.3f s, bookkeeping %.3f s\n",
              r.phases.life_and_assessment, r.phases.appeals, r.phases.bookkeeping);
  return 0;
}

}  // namespace tl::cli
