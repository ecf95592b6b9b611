// claim_check.cpp: a scenario's claims checked over seeds, runs in parallel, each run
// on one thread and its results kept in its seed's slot (so they do not depend on
// how many threads there are).
#include "io/claim_check.hpp"

#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <memory>
#include <stdexcept>
#include <thread>

#include "io/claim_metrics.hpp"
#include "io/lesson_replay.hpp"
#include "io/output.hpp"
#include "io/scenario_io.hpp"
#include "sim/thread_pool.hpp"

namespace tl {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Weeks {
  int from, to;
};

// The weeks a side reads. `end` is the number of weeks simulated when the claim is
// read (the end of the run or of the step); `step_begin` the week the step started.
Weeks resolve(const ClaimWindow& w, int end, int step_begin) {
  switch (w.kind) {
    case ClaimWindow::Kind::Run:
      return {0, end - 1};
    case ClaimWindow::Kind::Step:
      return {step_begin, end - 1};
    case ClaimWindow::Kind::End:
      return {end - 1, end - 1};
    case ClaimWindow::Kind::Week:
      return {w.from, w.from};
    case ClaimWindow::Kind::Weeks:
      return {w.from, w.to};
  }
  return {0, end - 1};
}

double sideValue(const RunRecord& run, const ClaimSide& side, bool per_capita, int end, int step_begin) {
  const ClaimMetric* m = findClaimMetric(side.metric);
  if (!m) throw std::invalid_argument("unknown metric '" + side.metric + "'");
  Weeks w = resolve(side.window, end, step_begin);
  if (w.from < 0 || w.to >= end || w.from > w.to) return kNaN;  // outside what has been run
  return claimValue(run, *m, side.regime, side.group, w.from, w.to, per_capita);
}

double effectOf(const Expect& e, double side, double other) {
  return e.effect == Expect::Effect::Ratio ? side / other : side - other;
}

// One selected claim and where it is made.
struct Item {
  int step;  // -1 = notes
  const Expect* e;
};

struct SeedResult {
  std::vector<double> effects;  // per item
  std::string error;
  std::vector<InputError> input_errors;
};

RunRecord recordOf(const Simulation& sim) {
  RunRecord r;
  r.rows = &sim.rows();
  r.regimes = sim.regimeCount();
  r.snapshots.push_back(Snapshot{0, {}});
  return r;
}

// Replays the lesson up to and including step `last`; step `skip_set` runs without
// its changes. Calls `at_step(k, replay, record)` after each step.
template <class F>
void replayLesson(const Scenario& s, int last, int skip_set, F at_step) {
  SimOptions opt;
  opt.threads = 1;
  LessonReplay replay(s, opt);
  RunRecord rec = recordOf(replay.sim());
  for (int k = 0; k <= last; ++k) {
    replay.runStep(s.lesson[static_cast<size_t>(k)], k != skip_set);
    if (replay.restarted()) rec = recordOf(replay.sim());
    rec.rows = &replay.sim().rows();
    rec.snapshots.push_back(Snapshot{replay.sim().week(), replay.sim().summary()});
    at_step(k, replay, rec);
  }
}

void runSeed(const Scenario& s, const std::vector<Item>& items, SeedResult& out) {
  out.effects.assign(items.size(), kNaN);
  std::vector<double> sides(items.size(), kNaN);
  int last_step = -1;
  bool notes = false;
  std::vector<int> counterfactual_steps;
  for (const Item& it : items) {
    if (it.step < 0) notes = true;
    last_step = std::max(last_step, it.step);
    if (it.e->versus == Expect::Versus::WithoutStep &&
        (counterfactual_steps.empty() || counterfactual_steps.back() != it.step))
      counterfactual_steps.push_back(it.step);
  }
  auto evaluate = [&](int step, const RunRecord& rec, int end, int step_begin) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].step != step) continue;
      const Expect& e = *items[i].e;
      double side = sideValue(rec, e.side, e.per_capita, end, step_begin);
      sides[i] = side;
      if (e.versus == Expect::Versus::Value)
        out.effects[i] = effectOf(e, side, e.value);
      else if (e.versus == Expect::Versus::Side)
        out.effects[i] = effectOf(e, side, sideValue(rec, e.other, e.per_capita, end, step_begin));
    }
  };
  if (notes) {
    SimOptions opt;
    opt.threads = 1;
    Simulation sim(s, opt);
    sim.run(s.weeks());
    RunRecord rec = recordOf(sim);
    rec.snapshots.push_back(Snapshot{sim.week(), sim.summary()});
    evaluate(-1, rec, sim.week(), 0);
  }
  if (last_step >= 0)
    replayLesson(s, last_step, -1, [&](int k, const LessonReplay& rp, const RunRecord& rec) {
      evaluate(k, rec, rp.sim().week(), rp.stepBegin());
    });
  // Without this step's changes: the same replay with the step's `set` left out.
  for (int k : counterfactual_steps)
    replayLesson(s, k, k, [&](int j, const LessonReplay& rp, const RunRecord& rec) {
      if (j != k) return;
      for (size_t i = 0; i < items.size(); ++i) {
        const Expect& e = *items[i].e;
        if (items[i].step != k || e.versus != Expect::Versus::WithoutStep) continue;
        out.effects[i] =
            effectOf(e, sides[i], sideValue(rec, e.side, e.per_capita, rp.sim().week(), rp.stepBegin()));
      }
    });
}

std::string num(double v) {
  if (std::isnan(v)) return "n/a";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char b[32];
  std::snprintf(b, sizeof b, "%.3g", v);
  return b;
}

std::string windowWords(const ClaimWindow& w) {
  switch (w.kind) {
    case ClaimWindow::Kind::Run:
      return "from week 0";
    case ClaimWindow::Kind::Step:
      return "over the step";
    case ClaimWindow::Kind::End:
      return "in the last week";
    case ClaimWindow::Kind::Week:
      return "in week " + std::to_string(w.from);
    case ClaimWindow::Kind::Weeks:
      return "in weeks " + std::to_string(w.from) + "-" + std::to_string(w.to);
  }
  return "";
}

}  // namespace

int requiredHolds(int runs) { return static_cast<int>(std::ceil(0.9 * runs - 1e-9)); }

bool effectHolds(const Expect& e, double x) {
  if (std::isnan(x)) return false;
  const bool ratio = e.effect == Expect::Effect::Ratio;
  switch (e.direction) {
    case Expect::Direction::Higher:
      return x >= e.by;
    case Expect::Direction::Lower:
      return ratio ? x <= e.by : x <= -e.by;
    case Expect::Direction::Same:
      return ratio ? (x >= 1.0 / e.by && x <= e.by) : std::fabs(x) <= e.by;
  }
  return false;
}

int ClaimResult::held() const {
  int n = 0;
  for (char h : holds) n += h ? 1 : 0;
  return n;
}
bool ClaimResult::passes() const { return runs() > 0 && held() >= requiredHolds(runs()); }
double ClaimResult::mean() const {
  double s = 0;
  int n = 0;
  for (double x : effects)
    if (std::isfinite(x)) s += x, ++n;
  return n ? s / n : kNaN;
}
double ClaimResult::sd() const {
  double m = mean(), s = 0;
  int n = 0;
  for (double x : effects)
    if (std::isfinite(x)) s += (x - m) * (x - m), ++n;
  return n > 1 ? std::sqrt(s / (n - 1)) : 0.0;
}
std::string ClaimResult::record() const {
  std::string r = "holds in " + std::to_string(held()) + " of " + std::to_string(runs()) + " runs (effect " +
                  num(mean()) + " ± " + num(sd());
  int undefined = 0;
  for (double x : effects) undefined += std::isfinite(x) ? 0 : 1;
  if (undefined) r += "; " + std::to_string(undefined) + " undefined";
  return r + ")";
}

std::vector<ClaimResult> checkClaims(const Scenario& scenario, const CheckOptions& o) {
  std::vector<Item> items;
  if (o.only_step == -2 || o.only_step == -1)
    for (const auto& e : scenario.expect) items.push_back({-1, &e});
  for (size_t k = 0; k < scenario.lesson.size(); ++k)
    if (o.only_step == -2 || o.only_step == static_cast<int>(k))
      for (const auto& e : scenario.lesson[k].expect) items.push_back({static_cast<int>(k), &e});
  std::vector<ClaimResult> results(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    results[i].step = items[i].step;
    results[i].expect = *items[i].e;
  }
  if (items.empty() || o.seeds <= 0) return results;

  const auto n = static_cast<size_t>(o.seeds);
  std::vector<SeedResult> per_seed(n);
  const uint64_t base = o.seed_base >= 0 ? static_cast<uint64_t>(o.seed_base) : scenario.seed();
  int threads =
      o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  ThreadPool pool(std::min(threads, o.seeds));
  pool.forEach(n, [&](size_t i) {
    try {
      Scenario s = scenario;
      applySet(s, "seed", std::to_string(base + i));
      if (o.population > 0) applySet(s, "population.size", std::to_string(o.population));
      runSeed(s, items, per_seed[i]);
    } catch (const ScenarioError& e) {
      per_seed[i].input_errors = e.errors;
    } catch (const std::exception& e) {
      per_seed[i].error = e.what();
    }
  });
  for (const auto& r : per_seed) {
    if (!r.input_errors.empty()) throw ScenarioError(r.input_errors);
    if (!r.error.empty()) throw ScenarioError({InputError{scenario.source_file, 0, 0, "/expect", r.error}});
  }
  for (size_t i = 0; i < items.size(); ++i)
    for (size_t k = 0; k < n; ++k) {
      double x = per_seed[k].effects[i];
      results[i].effects.push_back(x);
      results[i].holds.push_back(effectHolds(*items[i].e, x) ? 1 : 0);
    }
  return results;
}

std::string describeClaim(const Expect& e, const Scenario& s) {
  auto regimeWord = [&](int r) {
    return "regime " + std::to_string(r) +
           (r >= 0 && r < static_cast<int>(s.regimes.size())
                ? " (" + s.regimes[static_cast<size_t>(r)].name + ")"
                : std::string());
  };
  std::string d = e.side.metric + (e.per_capita ? " per capita" : "") + ", " + regimeWord(e.side.regime) +
                  ", group " + groupLabel(s, e.side.group) + ", " + windowWords(e.side.window);
  std::string vs;
  if (e.versus == Expect::Versus::Value) {
    vs = num(e.value);
  } else if (e.versus == Expect::Versus::WithoutStep) {
    vs = "the same without this step's changes";
  } else {
    std::vector<std::string> parts;
    if (e.other.metric != e.side.metric) parts.push_back(e.other.metric);
    if (e.other.regime != e.side.regime) parts.push_back(regimeWord(e.other.regime));
    if (e.other.group != e.side.group) parts.push_back("group " + groupLabel(s, e.other.group));
    if (e.other.window != e.side.window) parts.push_back(windowWords(e.other.window));
    for (size_t i = 0; i < parts.size(); ++i) vs += (i ? ", " : "") + parts[i];
  }
  const bool ratio = e.effect == Expect::Effect::Ratio;
  std::string rel;
  switch (e.direction) {
    case Expect::Direction::Higher:
      rel = ratio ? ">= " + num(e.by) + " x" : "higher by >= " + num(e.by);
      break;
    case Expect::Direction::Lower:
      rel = ratio ? "<= " + num(e.by) + " x" : "lower by >= " + num(e.by);
      break;
    case Expect::Direction::Same:
      rel = ratio ? "within 1/" + num(e.by) + " and " + num(e.by) + " x" : "within " + num(e.by);
      break;
  }
  return d + "; vs " + vs + ": " + rel;
}

}  // namespace tl
