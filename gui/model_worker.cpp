// model_worker.cpp: the thread that owns the Simulation; the UI sends commands and reads snapshots.
#include "gui/model_worker.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

namespace tl::gui {
namespace {
using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
}  // namespace

ModelWorker::ModelWorker() {
  thread_ = std::thread([this] { loop(); });
}

ModelWorker::~ModelWorker() {
  {
    std::lock_guard<std::mutex> lk(mu_);
    quit_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ModelWorker::post(std::function<void()> f) {
  {
    std::lock_guard<std::mutex> lk(mu_);
    queue_.push_back(std::move(f));
  }
  cv_.notify_all();
}

void ModelWorker::rebuild(const Scenario& scenario, int fast_forward, std::vector<int> keep_at) {
  post([this, scenario, fast_forward, keep_at] {
    {
      std::lock_guard<std::mutex> lk(mu_);
      published_.ready = false;
      published_.version++;
    }
    sim_.reset();
    kept_.clear();
    error_.clear();
    try {
      SimOptions opt;
      opt.threads = threads_;
      opt.log_events = scenario.population() <= event_log_limit_;
      sim_ = std::make_unique<Simulation>(scenario, opt);
      auto layout = std::make_shared<CityLayout>();
      for (uint32_t i = 0; i < sim_->population(); ++i) {
        const CitizenTraits& t = sim_->traits(i);
        layout->ids[(t.rural ? 2 : 0) + (t.group == Group::B ? 1 : 0)].push_back(i);
      }
      layout_ = layout;
      wronged_.reset(*sim_);
      int target = std::min(fast_forward, scenario.weeks());
      while (sim_->week() < target) {
        if (std::count(keep_at.begin(), keep_at.end(), sim_->week())) keepNow();
        stepOnce();
      }
      if (std::count(keep_at.begin(), keep_at.end(), sim_->week())) keepNow();
    } catch (const std::exception& e) {
      sim_.reset();
      error_ = std::string("The model could not start: ") + e.what();
    }
    ++generation_;
    rows_published_ = 0;
    events_of_ = -1;
    track_.assign(sim_ ? sim_->regimeCount() : 0, {});
    pending_steps_ = 0;
    {
      std::lock_guard<std::mutex> lk(mu_);
      rows_.clear();
    }
    publish(true);
  });
}

void ModelWorker::keepNow() {
  if (!sim_) return;
  const int week = sim_->week();
  kept_.erase(std::remove_if(kept_.begin(), kept_.end(), [&](const Snapshot& k) { return k.weeks >= week; }),
              kept_.end());
  if (week > 0) kept_.push_back({week, sim_->summary()});  // at week 0 every total is 0
}

void ModelWorker::keepSummary() {
  post([this] {
    keepNow();
    publish(false);
  });
}

void ModelWorker::setPlaying(bool p) {
  post([this, p] {
    playing_ = p && sim_ && !sim_->finished();  // at the last week there is nothing to play
    publish(false);
  });
}
void ModelWorker::step(int weeks) {
  post([this, weeks] { pending_steps_ += weeks; });
}
void ModelWorker::setSpeed(double wps) {
  post([this, wps] { speed_ = wps; });
}
void ModelWorker::setRegimeParam(int regime, P id, double value) {
  post([this, regime, id, value] {
    if (sim_ && regime >= 0 && regime < sim_->regimeCount()) sim_->setRegimeParam(regime, id, value);
  });
}
void ModelWorker::setWorldParam(P id, double value) {
  post([this, id, value] {
    if (sim_) sim_->setWorldParam(id, value);
  });
}
void ModelWorker::inspect(int64_t citizen) {
  post([this, citizen] {
    inspected_ = citizen;
    track_.assign(sim_ ? sim_->regimeCount() : 0, {});
    if (sim_ && citizen >= 0 && static_cast<size_t>(citizen) < sim_->population()) recordTrack();
    publish(false);
  });
}

bool ModelWorker::idle() {
  std::lock_guard<std::mutex> lk(mu_);
  return queue_.empty() && !busy_;
}
int ModelWorker::publishedWeek() {
  std::lock_guard<std::mutex> lk(mu_);
  return published_.week;
}

bool ModelWorker::poll(Frame& out) {
  std::lock_guard<std::mutex> lk(mu_);
  if (published_.version == out.version) return false;
  out = published_;
  return true;
}

size_t ModelWorker::copyRows(uint64_t gen, size_t have, std::vector<WeekRow>& out) {
  std::lock_guard<std::mutex> lk(mu_);
  if (gen != published_.generation || have > rows_.size()) return have;
  out.insert(out.end(), rows_.begin() + static_cast<long>(have), rows_.end());
  return rows_.size();
}

void ModelWorker::recordTrack() {
  if (!sim_ || inspected_ < 0 || static_cast<size_t>(inspected_) >= sim_->population()) return;
  auto id = static_cast<uint32_t>(inspected_);
  for (int r = 0; r < sim_->regimeCount() && r < static_cast<int>(track_.size()); ++r) {
    CitizenSnapshot s = sim_->snapshot(r, id);
    auto& t = track_[static_cast<size_t>(r)];
    if (!t.empty() && t.back().week == sim_->week()) t.pop_back();
    t.push_back({sim_->week(), s.score, static_cast<uint8_t>(s.view), s.trust, s.resources});
  }
}

void ModelWorker::stepOnce() {
  sim_->step();
  wronged_.afterWeek(*sim_);
}

void ModelWorker::publish(bool with_summary) {
  Frame f;
  std::vector<WeekRow> new_rows;
  if (sim_) {
    f.ready = true;
    f.week = sim_->week();
    f.total_weeks = sim_->scenario().weeks();
    f.population = sim_->population();
    f.threads = sim_->threads();
    f.log_events = !sim_->events().empty() || sim_->population() <= event_log_limit_;
    for (const auto& r : sim_->scenario().regimes) f.names.push_back(r.name);
    f.views.resize(static_cast<size_t>(sim_->regimeCount()));
    for (int r = 0; r < sim_->regimeCount(); ++r) {
      f.views[static_cast<size_t>(r)].resize(sim_->population());
      sim_->views(r, f.views[static_cast<size_t>(r)].data());
    }
    if (with_summary) f.summary = sim_->summary(), f.summary_weeks = sim_->week();
    f.kept = kept_;
    f.wronged_last_week = wronged_.history();
    f.layout = layout_;
    if (inspected_ >= 0 && static_cast<size_t>(inspected_) < sim_->population()) {
      auto id = static_cast<uint32_t>(inspected_);
      f.inspect.valid = true;
      f.inspect.id = id;
      f.inspect.traits = sim_->traits(id);
      for (int r = 0; r < sim_->regimeCount(); ++r) f.inspect.now.push_back(sim_->snapshot(r, id));
      // Only the events logged since the last publish are scanned (the log only grows).
      const auto& log = sim_->events();
      if (events_seen_ > log.size() || events_of_ != inspected_) {
        inspect_events_.clear();
        events_seen_ = 0;
        events_of_ = inspected_;
      }
      for (size_t i = events_seen_; i < log.size(); ++i)
        if (log[i].citizen == id) inspect_events_.push_back(log[i]);
      events_seen_ = log.size();
      f.inspect.events = inspect_events_;
      f.inspect.track = track_;
    }
    const auto& rows = sim_->rows();
    if (rows_published_ < rows.size())
      new_rows.assign(rows.begin() + static_cast<long>(rows_published_), rows.end());
    rows_published_ = rows.size();
  }
  f.generation = generation_;
  f.playing = playing_;
  f.weeks_per_second = wps_;
  f.error = error_;
  std::lock_guard<std::mutex> lk(mu_);
  if (!with_summary && published_.generation == f.generation) {
    f.summary = std::move(published_.summary);
    f.summary_weeks = published_.summary_weeks;
  }
  f.version = published_.version + 1;
  published_ = std::move(f);
  rows_.insert(rows_.end(), new_rows.begin(), new_rows.end());
}

void ModelWorker::loop() {
  Clock::time_point last_step = Clock::now(), last_summary = Clock::now(), wps_start = Clock::now();
  int wps_weeks = 0;
  for (;;) {
    std::deque<std::function<void()>> cmds;
    {
      std::unique_lock<std::mutex> lk(mu_);
      auto due = [&] {
        return quit_ || !queue_.empty() || pending_steps_ > 0 ||
               (playing_ && sim_ && !sim_->finished() &&
                (speed_ <= 0 || secondsSince(last_step) >= 1.0 / speed_));
      };
      if (!due()) {
        if (playing_ && sim_ && !sim_->finished() && speed_ > 0)
          cv_.wait_until(lk, last_step + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(1.0 / speed_)));
        else
          cv_.wait_for(lk, std::chrono::milliseconds(200));
      }
      if (quit_) return;
      cmds.swap(queue_);
      busy_ = true;
    }
    for (auto& c : cmds) {
      try {
        c();
      } catch (const std::exception& e) {
        error_ = e.what();
      }
    }
    bool stepped = false;
    bool want =
        sim_ && !sim_->finished() &&
        (pending_steps_ > 0 || (playing_ && (speed_ <= 0 || secondsSince(last_step) >= 1.0 / speed_)));
    if (want) {
      try {
        last_step = Clock::now();
        stepOnce();
        stepped = true;
        if (pending_steps_ > 0) --pending_steps_;
        ++wps_weeks;
        recordTrack();
      } catch (const std::exception& e) {
        error_ = std::string("The model stopped: ") + e.what();
        playing_ = false;
        pending_steps_ = 0;
      }
      if (sim_ && sim_->finished()) {
        playing_ = false;
        pending_steps_ = 0;
      }
    }
    double span = secondsSince(wps_start);
    if (span >= 1.0) {
      wps_ = wps_weeks / span;
      wps_weeks = 0;
      wps_start = Clock::now();
    }
    if (stepped) {
      bool more = pending_steps_ > 0 || playing_;
      bool summary = !more || secondsSince(last_summary) > 0.3;
      if (summary) last_summary = Clock::now();
      publish(summary);
    } else if (!cmds.empty()) {
      // a command may have changed what is shown (inspection, params): refresh now
      publish(true);
    }
    std::lock_guard<std::mutex> lk(mu_);
    busy_ = false;
  }
}

}  // namespace tl::gui
