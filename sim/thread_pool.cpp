// thread_pool.cpp: persistent workers for the weekly chunk loop.
#include "sim/thread_pool.hpp"

namespace tl {

ThreadPool::ThreadPool(int threads) {
  for (int i = 1; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lk(m_);
    stop_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

void ThreadPool::drain() {
  for (size_t i = next_.fetch_add(1); i < n_; i = next_.fetch_add(1)) (*job_)(i);
}

void ThreadPool::forEach(size_t n, const std::function<void(size_t)>& job) {
  if (workers_.empty() || n <= 1) {
    for (size_t i = 0; i < n; ++i) job(i);
    return;
  }
  {
    std::lock_guard<std::mutex> lk(m_);
    job_ = &job;
    n_ = n;
    next_ = 0;
    busy_ = static_cast<int>(workers_.size());
    ++generation_;
  }
  wake_.notify_all();
  drain();
  std::unique_lock<std::mutex> lk(m_);
  done_.wait(lk, [this] { return busy_ == 0; });
  job_ = nullptr;
}

void ThreadPool::work() {
  unsigned seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lk(m_);
      wake_.wait(lk, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    drain();
    std::lock_guard<std::mutex> lk(m_);
    if (--busy_ == 0) done_.notify_one();
  }
}

}  // namespace tl
