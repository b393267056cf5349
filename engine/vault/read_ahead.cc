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

void ReadAhead::Work() {
  const size_t window = std::max<size_t>(1, options_.window);
  for (;;) {
    size_t i = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      room_.wait(lock, [&] { return stopping_ || claimed_ == files_.size() || claimed_ < taken_ + window; });
      if (stopping_ || claimed_ == files_.size()) return;
      i = claimed_++;
    }
    FileRead read;
    read.stat = StatBeforeRead(files_[i].absolute);
    if (wanted_(files_[i], read.stat)) {
      read.read = true;
      read.content = ReadFile(files_[i].absolute, options_.max_bytes);
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      slots_[i] = std::move(read);
    }
    done_.notify_all();
  }
}

FileRead ReadAhead::Next() {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [&] { return slots_[taken_].has_value(); });
  FileRead read = *std::move(slots_[taken_]);
  slots_[taken_].reset();
  ++taken_;
  lock.unlock();
  room_.notify_all();
  return read;
}

}  // namespace kith::vault
