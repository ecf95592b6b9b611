// sweep_bench.cpp: `trustlab-cli bench --sweep` times the reference sweep of issue 10
// (default scenario, regimes[1].transparency.discovery_rate over 50 values x 3
// replications, 20,000 citizens x 104 weeks) and prints a hash of its frontier.csv,
// so a faster way of running it can be checked to give the same numbers.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include "cli/commands.hpp"
#include "cli/sweep_jobs.hpp"
#include "io/scenario_io.hpp"

namespace tl::cli {

int cmdBenchSweep(const Args& a) {
  if (!a.positional.empty()) throw UsageError("bench: takes no SCENARIO");
  SweepDef d;
  d.base = defaultScenario();
  d.param = "regimes[1].transparency.discovery_rate";
  const std::string range = "0.01:0.5:" + std::to_string(a.getInt("--values", 50, 1, 100000));
  d.values = expandValues(range, "--values");
  d.reps = static_cast<int>(a.getInt("--reps", 3, 1, 100000));
  applySet(d.base, "population.size", std::to_string(a.getInt("--population", 20000, 100, 20000000)));
  applySet(d.base, "weeks", std::to_string(a.getInt("--weeks", 104, 1, 5200)));
  int threads = static_cast<int>(a.getInt("--threads", 0, 0, 1024));
  RunMode mode = a.has("--serial")     ? RunMode::Serial
                 : a.has("--no-batch") ? RunMode::PerJob
                                       : RunMode::Batched;
  std::vector<int> all;
  for (int j = 0; j < d.jobs(); ++j) all.push_back(j);

  std::clock_t c0 = std::clock();
  auto t0 = std::chrono::steady_clock::now();
  std::string jobs = jobsHeader() + runJobs(d, all, threads, mode, false);
  std::string csv = frontierCsv(frontier(parseJobs(jobs, "jobs.csv")), d.param, d.param2);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;

  uint64_t h = 1469598103934665603ULL;  // FNV-1a of frontier.csv
  for (unsigned char c : csv) h = (h ^ c) * 1099511628211ULL;
  int hw = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::printf("sweep bench: default scenario, %s = %s x %d reps = %d jobs, %zu citizens x %d weeks\n",
              d.param.c_str(), range.c_str(), d.reps, d.jobs(), d.base.population(), d.base.weeks());
  const char* how[] = {"each distinct pane once, packed as regimes of few simulations (packRegimes), in parallel",
                       "one simulation per job, in parallel (--no-batch)",
                       "one simulation per job, one at a time (--serial)"};
  std::printf("threads: %d; %s\n", hw, how[static_cast<int>(mode)]);
  std::printf("wall: %.2f s (%.3f s per job), CPU: %.2f s\n", wall, wall / d.jobs(), cpu);
  std::printf("frontier.csv: FNV-1a %016llx (the same at any thread count, with --no-batch and --serial)\n",
              static_cast<unsigned long long>(h));
  return 0;
}

}  // namespace tl::cli
