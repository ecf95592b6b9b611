// claim_records.hpp: a lesson's claims (`expect`) checked over many seeds on a thread of their
// own, with io/claim_check's code and seeds (so the numbers equal `trustlab-cli check-lessons`),
// so the lesson panel shows each claim's record without the window ever waiting for it. Records
// are kept per step; a step asked for last is checked first (the one on screen).
#pragma once
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "io/claim_check.hpp"

namespace tl::gui {

class ClaimRecords {
 public:
  static constexpr int kSeeds = 10;  // as check-lessons: the scenario's seed and the next nine

  ClaimRecords();
  ~ClaimRecords();  // stops the work; waits only for the runs in hand
  ClaimRecords(const ClaimRecords&) = delete;
  ClaimRecords& operator=(const ClaimRecords&) = delete;

  // Forgets every record and checks the claims of `s` from now on (a scenario was loaded).
  // `threads`: runs in parallel (the records do not depend on it).
  void reset(const Scenario& s, int threads);

  enum class State { None, Queued, Running, Done, Stopped, Failed };
  struct Status {
    State state = State::None;
    int runs_done = 0, runs = kSeeds;
    std::vector<ClaimResult> results;  // Done: one per claim of the step, in order
    std::string error;                 // Failed: why the claims could not be checked
  };

  // Starts checking the claims of `step` (-1: the notes' claims) unless they are checked, under
  // way or were stopped; the step asked for last goes first.
  void request(int step);
  // Checks a stopped (or failed) step again.
  void retry(int step);
  // Stops the step being checked after the runs in hand (its state becomes Stopped).
  void stop(int step);
  Status status(int step) const;
  // The first seed and how many: "seeds 1 to 10".
  uint64_t firstSeed() const;

 private:
  void loop();
  void runJob(int step, std::shared_ptr<const Scenario> s, int threads, unsigned gen);

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::shared_ptr<const Scenario> scenario_;
  int threads_ = 1;
  unsigned gen_ = 0;        // bumped by reset: work for an older scenario is dropped
  std::vector<int> queue_;  // steps waiting, the last one first
  std::map<int, Status> by_step_;
  int running_step_ = -2;  // -2 none
  std::atomic<bool> cancel_{false};
  bool quit_ = false;
  std::thread thread_;
};

// "holds in 10 of 10 runs (ratio 1.41 ± 0.05)"; the claim fails below 9 of 10. (The seeds are in
// the lesson panel's tooltip.)
std::string recordText(const ClaimResult& r);

}  // namespace tl::gui
