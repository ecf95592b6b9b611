// sweep_run.hpp: a sweep's definition (one or two parameters x values x
// replications), its job list and running the jobs, shared by trustlab-cli's sweep
// and bench --sweep and the app's trade-off view, so both give the same numbers.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/frontier.hpp"
#include "sim/scenario.hpp"

namespace tl {

// Everything the shards of one sweep must agree on.
struct SweepDef {
  Scenario base;
  std::string param, param2;                 // param2 "" for a one-parameter sweep
  std::vector<std::string> values, values2;  // values2 empty for a one-parameter sweep
  int reps = 10;
  long long seed_base = 1;
  size_t count2() const { return values2.empty() ? 1 : values2.size(); }
  int jobs() const { return static_cast<int>(values.size() * count2()) * reps; }
};

// Job j is value j / (reps x count2), value2 (j / reps) % count2, replication j % reps,
// seed seed_base + replication: every value gets the same seeds (common random numbers).
struct JobPoint {
  size_t value, value2;
  int rep;
  long long seed;
};
JobPoint jobPoint(const SweepDef& d, int job);

// How many regimes one simulation of a batched sweep holds: as many as the model allows
// (kMaxRegimes), as long as their per-citizen state fits in kPackBytes, and never fewer
// than a scenario's own panes (what one simulation per job holds anyway). A sweep of
// 20,000 citizens packs 16 regimes, one of 20 million packs 4.
constexpr size_t kPackBytes = size_t{1} << 30;
size_t packRegimes(size_t population);

// How the jobs are run; the numbers are the same in every mode.
enum class RunMode {
  Batched,  // each distinct pane once, panes of one world together in one simulation; in parallel
  PerJob,   // one simulation per job with all its panes (as written); in parallel
  Serial,   // one simulation per job, one at a time, the threads inside it
};

// What a running sweep reports, and how to stop it (both optional).
struct SweepControl {
  // After each simulation: simulations done, of how many, its panes and seed. Called
  // from worker threads, one call at a time.
  std::function<void(int done, int total, int panes, uint64_t seed)> on_simulation;
  const std::atomic<bool>* cancel = nullptr;  // set it to stop: runSweepJobs throws SweepCancelled
};
struct SweepCancelled : std::runtime_error {
  SweepCancelled() : std::runtime_error("sweep cancelled") {}
};

// The outcomes of each job given, in that order: [regime][group 0 A, 1 B, 2 all][outcome]
// (as runOutcomes of the job's own simulation would give). `threads` 0 = all cores.
using JobOutcomes = std::vector<std::vector<std::vector<double>>>;
std::vector<JobOutcomes> runSweepJobs(const SweepDef& d, const std::vector<int>& jobs, int threads,
                                      RunMode mode, const SweepControl& control = {});

// The frontier's input: one RunResult per job x regime x group.
std::vector<RunResult> runResults(const SweepDef& d, const std::vector<int>& jobs,
                                  const std::vector<JobOutcomes>& outcomes);

}  // namespace tl
