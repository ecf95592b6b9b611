// model_worker.hpp: the thread that owns the Simulation; the UI sends commands and reads snapshots.
#pragma once
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gui/wronged_tracker.hpp"
#include "io/claim_metrics.hpp"
#include "sim/simulation.hpp"

namespace tl::gui {

// Where each citizen sits in the city: four blocks (urban/rural x group A/B), ids in order.
struct CityLayout {
  static constexpr int kBlocks = 4;  // 0 urban A, 1 urban B, 2 rural A, 3 rural B
  std::vector<uint32_t> ids[kBlocks];
  static bool rural(int block) { return block >= 2; }
  static int group(int block) { return block % 2; }
};

// One week of the inspected citizen under one regime (recorded from selection on).
struct TrackPoint {
  int week;
  int score;
  uint8_t view;
  float trust, resources;
};

// The inspected citizen, as of the published week.
struct InspectData {
  bool valid = false;
  uint32_t id = 0;
  CitizenTraits traits{};
  std::vector<CitizenSnapshot> now;            // one per regime
  std::vector<Event> events;                   // eventsOf(id), when the log is on
  std::vector<std::vector<TrackPoint>> track;  // per regime, from the week it was selected
};

// What the UI draws: a consistent copy made after a week.
struct Frame {
  uint64_t generation = 0;  // bumps with every new Simulation
  uint64_t version = 0;     // bumps with every publish
  bool ready = false;       // false while a Simulation is being built
  int week = 0, total_weeks = 0;
  size_t population = 0;
  bool playing = false, log_events = false;
  double weeks_per_second = 0;  // measured
  int threads = 0;
  std::vector<std::string> names;
  std::vector<std::vector<uint8_t>> views;  // per regime, population() bytes
  std::vector<RegimeSummary> summary;
  int summary_weeks = 0;  // the weeks simulated when `summary` was taken (it lags while playing)
  // The totals kept at the weeks changes were made (keepSummary), in week order: funnel stages and
  // corrections since a change are the totals now minus those then.
  std::vector<Snapshot> kept;
  std::shared_ptr<const CityLayout> layout;
  InspectData inspect;
  // People wrongly sanctioned: per regime and group (A, B, all), how many citizens were last seen
  // wrongly sanctioned at the end of each week (index = the row's week). Their sum is everyone
  // ever wrongly sanctioned; the sum from week W on, those wrongly sanctioned since week W.
  WrongedHistory wronged_last_week;
  std::string error;  // a model exception, shown instead of crashing
};

class ModelWorker {
 public:
  ModelWorker();
  ~ModelWorker();
  ModelWorker(const ModelWorker&) = delete;
  ModelWorker& operator=(const ModelWorker&) = delete;

  // New Simulation on this scenario (population, seed, panes...); optionally run
  // straight to `fast_forward` weeks so the panes keep their week.
  // `keep_at`: weeks at which to keep the totals on the way (the changes marked before it).
  void rebuild(const Scenario& scenario, int fast_forward = 0, std::vector<int> keep_at = {});
  // Keeps the totals as of now (a change is made at this week), for counting since it.
  void keepSummary();
  void setPlaying(bool playing);
  void step(int weeks = 1);
  void setSpeed(double weeks_per_second);  // 0 = as fast as possible
  void setRegimeParam(int regime, P id, double value);
  void setWorldParam(P id, double value);
  void inspect(int64_t citizen);  // -1 = nobody
  void setThreads(int threads) { threads_ = threads; }
  void setEventLogLimit(size_t population) { event_log_limit_ = population; }

  // Copies the latest frame into `out` when it is newer than out.version; true if copied.
  bool poll(Frame& out);
  // Appends rows published since `have` (for generation `gen`) to out; returns the new count.
  size_t copyRows(uint64_t gen, size_t have, std::vector<WeekRow>& out);
  // Commands queued or running (screenshot mode waits on this).
  bool idle();
  int publishedWeek();

 private:
  void post(std::function<void()> f);
  void loop();
  void publish(bool with_summary);
  void recordTrack();
  void stepOnce();  // one week, then the bookkeeping every week needs

  // worker-thread state
  std::unique_ptr<Simulation> sim_;
  std::shared_ptr<CityLayout> layout_;
  bool playing_ = false;
  int pending_steps_ = 0;
  double speed_ = 10;
  int64_t inspected_ = -1;
  std::vector<std::vector<TrackPoint>> track_;
  std::vector<Snapshot> kept_;
  void keepNow();
  WrongedTracker wronged_;             // who is wrongly sanctioned, week by week
  std::vector<Event> inspect_events_;  // the inspected citizen's events found so far
  size_t events_seen_ = 0;             // how much of the log has been scanned for them
  int64_t events_of_ = -1;             // whose events inspect_events_ holds
  uint64_t generation_ = 0;
  size_t rows_published_ = 0;
  double wps_ = 0;
  std::string error_;
  std::atomic<int> threads_{0};
  std::atomic<size_t> event_log_limit_{300000};

  // shared state
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  bool quit_ = false;
  bool busy_ = false;
  Frame published_;
  std::vector<WeekRow> rows_;
  std::thread thread_;
};

}  // namespace tl::gui
