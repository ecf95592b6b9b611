// background_job.cpp: see background_job.hpp.
#include "gui/background_job.hpp"

#include <exception>

namespace tl::gui {

BackgroundJob::~BackgroundJob() {
  cancel();
  join();
}

void BackgroundJob::join() {
  if (thread_.joinable()) thread_.join();
}

void BackgroundJob::start(std::function<std::string(BackgroundJob&)> work) {
  cancel();
  join();
  cancel_ = false;
  done_ = 0;
  total_ = 0;
  unseen_ = false;
  running_ = true;
  thread_ = std::thread([this, work = std::move(work)] {
    std::string error;
    try {
      error = work(*this);
    } catch (const std::exception& e) {
      error = e.what();
    } catch (...) {
      error = "unknown error";
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      error_ = error;
      was_cancelled_ = cancel_;
    }
    running_ = false;
    unseen_ = true;
  });
}

bool BackgroundJob::finished(std::string& error, bool& was_cancelled) {
  if (!unseen_.exchange(false)) return false;
  join();
  std::lock_guard<std::mutex> lock(mu_);
  error = error_;
  was_cancelled = was_cancelled_;
  return true;
}

}  // namespace tl::gui
