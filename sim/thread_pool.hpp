// thread_pool.hpp: a few persistent workers that run "for each chunk" jobs.
// Chunks are fixed by the population, not by the thread count, so results
// merged in chunk order are identical whatever the number of threads.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tl {

class ThreadPool {
 public:
  explicit ThreadPool(int threads);
  ~ThreadPool();
  int size() const { return static_cast<int>(workers_.size()) + 1; }
  // Calls job(i) for i in [0, n) across the workers and the calling thread; returns when all are done.
  void forEach(size_t n, const std::function<void(size_t)>& job);

 private:
  void work();
  void drain();
  std::vector<std::thread> workers_;
  std::mutex m_;
  std::condition_variable wake_, done_;
  const std::function<void(size_t)>* job_ = nullptr;
  size_t n_ = 0;
  std::atomic<size_t> next_{0};
  int busy_ = 0;
  unsigned generation_ = 0;
  bool stop_ = false;
};

}  // namespace tl
