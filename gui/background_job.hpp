// background_job.hpp: one piece of work on its own thread (a sweep, an export), so the UI
// thread never waits for it: the UI reads its progress, may cancel it, and collects its
// result when it has finished.
#pragma once
#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace tl::gui {

class BackgroundJob {
 public:
  BackgroundJob() = default;
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;
  ~BackgroundJob();

  // Runs `work` on a new thread (an earlier job is cancelled and waited for first). Work
  // returns "" when it succeeded, else what went wrong; it may throw (the text is kept),
  // and should return soon after cancelled() becomes true.
  void start(std::function<std::string(BackgroundJob&)> work);
  void cancel() { cancel_ = true; }
  bool running() const { return running_; }
  // For the work: whether to stop, and its progress (steps done of total).
  const std::atomic<bool>& cancelFlag() const { return cancel_; }
  bool cancelled() const { return cancel_; }
  void progress(int done, int total) { done_ = done, total_ = total; }
  int done() const { return done_; }
  int total() const { return total_; }
  // Once after each finished job: true, with its error text ("" = success) and whether
  // it was cancelled.
  bool finished(std::string& error, bool& was_cancelled);

 private:
  void join();
  std::thread thread_;
  std::atomic<bool> cancel_{false}, running_{false}, unseen_{false};
  std::atomic<int> done_{0}, total_{0};
  std::mutex mu_;
  std::string error_;
  bool was_cancelled_ = false;
};

}  // namespace tl::gui
