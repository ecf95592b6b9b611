// claim_records.cpp: claims checked on a background thread (see claim_records.hpp). The seeds run
// in batches of `threads`, each batch one call of io's checkClaims with its first seed moved on,
// so progress shows and a stop takes effect between batches; run k always uses seed first + k,
// whatever the batch size, so the records are exactly check-lessons'.
#include "gui/claim_records.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

#include "gui/number_format.hpp"
#include "io/claim_metrics.hpp"
#include "io/input_error.hpp"

namespace tl::gui {

ClaimRecords::ClaimRecords() {
  thread_ = std::thread([this] { loop(); });
}

ClaimRecords::~ClaimRecords() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    quit_ = true;
    cancel_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ClaimRecords::reset(const Scenario& s, int threads) {
  std::lock_guard<std::mutex> lock(mu_);
  scenario_ = std::make_shared<const Scenario>(s);
  threads_ = std::max(1, threads);
  ++gen_;
  queue_.clear();
  by_step_.clear();
  if (running_step_ != -2) cancel_ = true;
}

uint64_t ClaimRecords::firstSeed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return scenario_ ? scenario_->seed() : 0;
}

void ClaimRecords::request(int step) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!scenario_) return;
    Status& st = by_step_[step];
    if (st.state != State::None && st.state != State::Queued) return;
    // Already waiting: move it to the front (the back of the queue).
    queue_.erase(std::remove(queue_.begin(), queue_.end(), step), queue_.end());
    queue_.push_back(step);
    st.state = State::Queued;
  }
  cv_.notify_all();
}

void ClaimRecords::retry(int step) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = by_step_.find(step);
    if (it == by_step_.end() || (it->second.state != State::Stopped && it->second.state != State::Failed))
      return;
    it->second = Status{};
  }
  request(step);
}

void ClaimRecords::stop(int step) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_step_.find(step);
  if (it == by_step_.end()) return;
  if (it->second.state == State::Queued) {
    queue_.erase(std::remove(queue_.begin(), queue_.end(), step), queue_.end());
    it->second.state = State::Stopped;
  } else if (it->second.state == State::Running && running_step_ == step) {
    cancel_ = true;
  }
}

ClaimRecords::Status ClaimRecords::status(int step) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_step_.find(step);
  return it == by_step_.end() ? Status{} : it->second;
}

void ClaimRecords::loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return quit_ || !queue_.empty(); });
    if (quit_) return;
    int step = queue_.back();
    queue_.pop_back();
    by_step_[step].state = State::Running;
    running_step_ = step;
    cancel_ = false;
    auto s = scenario_;
    int threads = threads_;
    unsigned gen = gen_;
    lock.unlock();
    runJob(step, s, threads, gen);
    lock.lock();
    running_step_ = -2;
  }
}

void ClaimRecords::runJob(int step, std::shared_ptr<const Scenario> s, int threads, unsigned gen) {
  std::vector<ClaimResult> results;
  std::string error;
  bool stopped = false;
  try {
    for (int done = 0; done < kSeeds;) {
      CheckOptions o;
      o.seeds = std::min(threads, kSeeds - done);
      o.seed_base = static_cast<int64_t>(s->seed()) + done;
      o.threads = o.seeds;
      o.only_step = step;
      std::vector<ClaimResult> batch = checkClaims(*s, o);
      if (results.empty()) {
        results = std::move(batch);
      } else {
        for (size_t i = 0; i < results.size() && i < batch.size(); ++i) {
          results[i].effects.insert(results[i].effects.end(), batch[i].effects.begin(),
                                    batch[i].effects.end());
          results[i].holds.insert(results[i].holds.end(), batch[i].holds.begin(), batch[i].holds.end());
        }
      }
      done += o.seeds;
      std::lock_guard<std::mutex> lock(mu_);
      if (gen != gen_) return;  // another scenario: nothing to keep
      by_step_[step].runs_done = done;
      if (cancel_ && done < kSeeds) {
        stopped = true;
        break;
      }
    }
  } catch (const ScenarioError& e) {
    for (size_t i = 0; i < e.errors.size() && i < 3; ++i) error += (i ? "\n" : "") + e.errors[i].str();
    if (error.empty()) error = e.what();
  } catch (const std::exception& e) {
    error = e.what();
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (gen != gen_) return;
  Status& st = by_step_[step];
  if (!error.empty()) {
    st.state = State::Failed;
    st.error = error;
  } else if (stopped) {
    st.state = State::Stopped;
  } else {
    st.state = State::Done;
    st.results = std::move(results);
  }
}

namespace {
// A record's figure as the tiles show numbers: 1,000 and more as whole numbers with separators, else
// `digits` significant digits; never an exponent ("+4.65e+03" read as noise in a lecture hall).
std::string recordNumber(double v, int digits, bool sign) {
  std::string out;
  if (std::fabs(v) >= 1000) {
    out = countText(std::fabs(v));
  } else {
    char b[48];
    std::snprintf(b, sizeof b, "%.*g", digits, std::fabs(v));
    out = b;
    if (out.find('e') != std::string::npos) {  // tiny: fixed digits
      std::snprintf(b, sizeof b, "%.*f", digits + 4, std::fabs(v));
      out = b;
    }
  }
  return (v < 0 ? "\xE2\x88\x92" : sign && v > 0 ? "+" : "") + out;  // U+2212 as the tiles' minus
}

// Whether a per-member claim compares shares of citizens (people now or ever), which the tiles show
// as %: its difference is then given in percentage points, as on screen.
bool comparesShares(const Expect& e) {
  if (!e.per_capita) return false;
  const ClaimMetric* m = findClaimMetric(e.side.metric);
  return m && (m->kind == MetricKind::State || m->kind == MetricKind::Episode);
}
}  // namespace

std::string recordText(const ClaimResult& r) {
  char buf[256];
  const bool ratio = r.expect.effect == Expect::Effect::Ratio;
  double m = r.mean(), sd = r.sd();
  std::string effect;
  if (std::isfinite(m)) {
    if (ratio)
      effect = "ratio " + recordNumber(m, 3, false) + " ± " + recordNumber(sd, 2, false);
    else if (comparesShares(r.expect))
      effect = "difference " + recordNumber(m * 100, 3, true) + " ± " + recordNumber(sd * 100, 2, false) +
               " percentage points";
    else
      effect = "difference " + recordNumber(m, 3, true) + " ± " + recordNumber(sd, 2, false);
  } else {
    effect = "effect undefined";
  }
  // The seeds are in the record's tooltip: on a projector every line of the lesson counts.
  std::snprintf(buf, sizeof buf, "%s %d of %d runs (%s)", r.passes() ? "holds in" : "holds in only", r.held(),
                r.runs(), effect.c_str());
  std::string t = buf;
  if (!r.passes()) t += ": not a safe lesson (it needs " + std::to_string(requiredHolds(r.runs())) + ")";
  return t;
}

}  // namespace tl::gui
