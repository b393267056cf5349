#include "engine/vault/read_ahead.h"

#include <algorithm>
#include <utility>

namespace kith::vault {

ReadAhead::ReadAhead(const std::vector<NoteFile>& files, Wanted wanted, const ReadAheadOptions& options)
    : files_(files), wanted_(std::move(wanted)), options_(options), slots_(files.size()) {
  const auto threads = static_cast<size_t>(std::max(1, options_.threads));
  for (size_t t = 0; t < std::min(threads, files.size()); ++t) threads_.emplace_back([this] { Work(); });
}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  room_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

// Threads claim files in runs of kRun, hand a run's reads in together, and
// wake the caller only when it waits for one of them: a sync that only
// stats its files does microseconds of work per file, which waking a
// thread for every file used to outweigh (three times over, at 200k).
constexpr size_t kRun = 16;

namespace {
size_t ContentBytes(const FileRead& read) { return read.content.ok() ? read.content->size() : 0; }
}  // namespace

size_t ReadAhead::NextRunSize() const {
  const size_t window = std::max<size_t>(kRun, options_.window);
  const size_t run = std::min(kRun, files_.size() - claimed_);
  // With nothing waiting the bytes are none, so a run can always start.
  if (bytes_ahead_ >= options_.window_bytes) return 0;
  return claimed_ + run <= taken_ + window ? run : 0;
}

void ReadAhead::Work() {
  std::vector<std::pair<size_t, FileRead>> finished;
  for (;;) {
    size_t first = 0, count = 0;
    bool wake_caller = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      for (auto& [i, read] : finished) {
        wake_caller |= caller_waiting_ && i == taken_;
        bytes_ahead_ += ContentBytes(read);
        slots_[i] = std::move(read);
      }
      finished.clear();
      auto may_go_on = [&] { return stopping_ || claimed_ == files_.size() || NextRunSize() > 0; };
      if (!may_go_on()) {
        if (wake_caller) done_.notify_one();
        wake_caller = false;
        ++workers_waiting_;
        room_.wait(lock, may_go_on);
        --workers_waiting_;
      }
      if (!stopping_) {
        first = claimed_;
        count = NextRunSize();
        claimed_ += count;
      }
    }
    if (wake_caller) done_.notify_one();
    if (count == 0) return;
    for (size_t i = first; i < first + count; ++i) {
      FileRead read;
      read.stat = StatBeforeRead(files_[i].absolute);
      if (wanted_(files_[i], read.stat)) {
        read.read = true;
        read.content = ReadFile(files_[i].absolute, options_.max_bytes);
      }
      finished.emplace_back(i, std::move(read));
    }
  }
}

FileRead ReadAhead::Next() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!slots_[taken_].has_value()) {
    caller_waiting_ = true;
    done_.wait(lock, [&] { return slots_[taken_].has_value(); });
    caller_waiting_ = false;
  }
  FileRead read = *std::move(slots_[taken_]);
  slots_[taken_].reset();
  bytes_ahead_ -= ContentBytes(read);
  ++taken_;
  const bool wake_worker = workers_waiting_ > 0 && NextRunSize() > 0;
  lock.unlock();
  if (wake_worker) room_.notify_one();
  return read;
}

}  // namespace kith::vault
