// A fixed set of threads running queued tasks in order of arrival. kithd
// answers who-knows on gRPC's callback threads when the answer is in
// memory; a call that must read the store (an index being rebuilt, a name
// that is only an alias, --as-of) is handed to this pool instead, so that
// slow disk reads never hold the threads that move every other call's
// bytes.
#ifndef KITH_SERVICE_WORKER_POOL_H_
#define KITH_SERVICE_WORKER_POOL_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kith::service {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  // Runs every task already queued, then joins the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Run(std::function<void()> task);

 private:
  void Work();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kith::service

#endif  // KITH_SERVICE_WORKER_POOL_H_
