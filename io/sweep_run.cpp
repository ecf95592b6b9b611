// sweep_run.cpp: the job list and the batching planner of a sweep.
#include "io/sweep_run.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "io/output.hpp"
#include "io/scenario_io.hpp"
#include "sim/simulation.hpp"

namespace tl {
namespace {

// The scenario a job runs: the base with its value(s) and seed.
Scenario jobScenario(const SweepDef& d, int job) {
  JobPoint jp = jobPoint(d, job);
  Scenario s = d.base;
  applySet(s, d.param, d.values[jp.value]);
  if (!d.values2.empty()) applySet(s, d.param2, d.values2[jp.value2]);
  applySet(s, "seed", std::to_string(jp.seed));
  return s;
}

// How the jobs are run. A regime's numbers depend only on the world (population, seed,
// weeks...) and its own parameters: the panes of a simulation share the population and
// its life draws but nothing else. So each distinct (world, regime values) pair, a
// "variant", is run once, whatever number of jobs contain it (a pane the swept
// parameter does not change is the same variant for every value of a seed), and
// variants of one world are run together as the regimes of one simulation, as many as
// packRegimes allows (life draws and population set-up shared).
struct Variant {
  size_t world;                               // index into Plan::worlds
  RegimeSpec regime;                          // its values
  std::vector<std::vector<double>> outcomes;  // [group][outcome], filled by its simulation
};
struct Plan {
  std::vector<Scenario> worlds;                   // the scenarios of distinct worlds
  std::vector<Variant> variants;                  // distinct (world, regime values)
  std::vector<std::vector<size_t>> job_variants;  // per job given: its variant per regime
  std::vector<std::vector<size_t>> batches;       // variants simulated together
};

Plan makePlan(const SweepDef& d, const std::vector<int>& jobs, bool batch) {
  using Values = decltype(ParamValues::v);
  Plan plan;
  std::map<Values, size_t> world_of;
  std::map<std::pair<size_t, Values>, size_t> variant_of;
  std::vector<std::vector<size_t>> by_world;  // variants of each world, in order
  for (int job : jobs) {
    Scenario s = jobScenario(d, job);
    size_t w = plan.worlds.size();
    if (batch) w = world_of.emplace(s.world.v, w).first->second;
    if (w == plan.worlds.size()) {
      plan.worlds.push_back(s);
      by_world.emplace_back();
    }
    std::vector<size_t> mine;
    for (const RegimeSpec& r : s.regimes) {
      size_t v = plan.variants.size();
      if (batch) v = variant_of.emplace(std::make_pair(w, r.values.v), v).first->second;
      if (v == plan.variants.size()) {
        plan.variants.push_back({w, r, {}});
        by_world[w].push_back(v);
      }
      mine.push_back(v);
    }
    plan.job_variants.push_back(mine);
  }
  // Unbatched, a world is one job and its regimes one simulation, as written. Batched,
  // a world's variants are cut into as few simulations as packRegimes allows, of even
  // sizes, so the simulations run in parallel take about as long.
  for (size_t w = 0; w < by_world.size(); ++w) {
    const auto& vs = by_world[w];
    const size_t limit = packRegimes(plan.worlds[w].population());
    const size_t count = (vs.size() + limit - 1) / limit;
    for (size_t b = 0; b < count; ++b)
      plan.batches.emplace_back(vs.begin() + static_cast<std::ptrdiff_t>(vs.size() * b / count),
                                vs.begin() + static_cast<std::ptrdiff_t>(vs.size() * (b + 1) / count));
  }
  return plan;
}

// Simulates one batch of variants as the panes of one simulation.
void runBatch(Plan& plan, const std::vector<size_t>& batch, int threads) {
  Scenario s = plan.worlds[plan.variants[batch[0]].world];
  s.regimes.clear();
  for (size_t v : batch) s.regimes.push_back(plan.variants[v].regime);
  SimOptions opt;
  opt.threads = threads;
  Simulation sim(s, opt);
  sim.run(s.weeks());
  auto outcomes = runOutcomes(sim);
  for (size_t i = 0; i < batch.size(); ++i) plan.variants[batch[i]].outcomes = outcomes[i];
}

}  // namespace

size_t packRegimes(size_t population) {
  const size_t per_regime = std::max<size_t>(1, population * Simulation::bytesPerCitizenPerRegime());
  return std::clamp(kPackBytes / per_regime, static_cast<size_t>(kMaxPanes),
                    static_cast<size_t>(kMaxRegimes));
}

JobPoint jobPoint(const SweepDef& d, int job) {
  int per_value = d.reps * static_cast<int>(d.count2());
  JobPoint p;
  p.value = static_cast<size_t>(job / per_value);
  p.value2 = static_cast<size_t>((job / d.reps) % static_cast<int>(d.count2()));
  p.rep = job % d.reps;
  p.seed = d.seed_base + p.rep;
  return p;
}

std::vector<JobOutcomes> runSweepJobs(const SweepDef& d, const std::vector<int>& jobs, int threads,
                                      RunMode mode, const SweepControl& control) {
  Plan plan = makePlan(d, jobs, mode == RunMode::Batched);
  const int hw = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // Whole simulations in parallel beat threads inside one small simulation (no weekly
  // synchronisation); with fewer simulations than threads the spare threads go inside.
  const int sims = static_cast<int>(plan.batches.size());
  int workers = mode == RunMode::Serial ? 1 : std::max(1, std::min(hw, sims));
  int inner = std::max(1, hw / workers);
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex m;
  int done = 0;
  auto work = [&] {
    for (size_t i; !failed && (i = next++) < plan.batches.size();) {
      if (control.cancel && control.cancel->load()) {
        std::lock_guard<std::mutex> lock(m);
        if (!error) error = std::make_exception_ptr(SweepCancelled());
        failed = true;
        return;
      }
      try {
        runBatch(plan, plan.batches[i], inner);
      } catch (...) {
        std::lock_guard<std::mutex> lock(m);
        if (!error) error = std::current_exception();
        failed = true;
        return;
      }
      if (control.on_simulation) {
        std::lock_guard<std::mutex> lock(m);
        const Scenario& w = plan.worlds[plan.variants[plan.batches[i][0]].world];
        control.on_simulation(++done, sims, static_cast<int>(plan.batches[i].size()), w.seed());
      }
    }
  };
  std::vector<std::thread> pool;
  for (int w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);

  std::vector<JobOutcomes> out;
  for (size_t i = 0; i < jobs.size(); ++i) {
    JobOutcomes o;
    for (size_t v : plan.job_variants[i]) o.push_back(plan.variants[v].outcomes);
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<RunResult> runResults(const SweepDef& d, const std::vector<int>& jobs,
                                  const std::vector<JobOutcomes>& outcomes) {
  std::vector<RunResult> runs;
  for (size_t i = 0; i < jobs.size(); ++i) {
    JobPoint jp = jobPoint(d, jobs[i]);
    for (size_t r = 0; r < d.base.regimes.size(); ++r)
      for (int g = 0; g < 3; ++g)
        runs.push_back({d.values[jp.value], d.values2.empty() ? "" : d.values2[jp.value2],
                        d.base.regimes[r].name, groupLabel(d.base, g),
                        outcomes[i][r][static_cast<size_t>(g)]});
  }
  return runs;
}

}  // namespace tl
