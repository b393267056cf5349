// Reading a vault's files ahead of their use. A vault that is not in the
// page cache (a first ingest, or one after the machine has read other
// things) costs a disk round-trip per file; one reader waits for each in
// turn, while several keep the disk busy.
#ifndef KITH_ENGINE_VAULT_READ_AHEAD_H_
#define KITH_ENGINE_VAULT_READ_AHEAD_H_

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/vault/vault.h"

namespace kith::vault {

// One file as read ahead: its stat taken before the read, and its bytes
// unless `wanted` declined them (content is then NotFound "not read").
struct FileRead {
  std::optional<FileStat> stat;
  bool read = false;
  absl::StatusOr<std::string> content = absl::NotFoundError("not read");
};

struct ReadAheadOptions {
  size_t max_bytes = 0;  // As ReadFile's.
  int threads = 8;       // Reads in flight; I/O waits, not CPU, so more than the cores.
  // Files read but not yet taken, at most (16 at least), and their bytes:
  // no new run starts while `window_bytes` are waiting. A deep window lets
  // the readers run on while the caller waits for a parse batch (512 notes)
  // and still have the next batch ready when it comes back.
  size_t window = 4096;
  size_t window_bytes = 64 << 20;
};

// Reads `files` on background threads, at most a window (of files and of
// bytes) ahead of the caller, who takes them in order with Next().
// `wanted(file, stat)` says whether to read a file's bytes at all (ingest
// skips files it has stored unchanged); it is called on the reading threads. Destroying the reader
// early stops the threads after the reads in flight.
class ReadAhead {
 public:
  using Wanted = std::function<bool(const NoteFile&, const std::optional<FileStat>&)>;

  ReadAhead(const std::vector<NoteFile>& files, Wanted wanted, const ReadAheadOptions& options);
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The next file, in the order of `files`; waits for it to be read. Call
  // it once per file.
  FileRead Next();

 private:
  void Work();
  // How many files the next run claims; 0 while the window has no room
  // for a whole run (or the files that remain) or its bytes are spent.
  // Needs mutex_.
  size_t NextRunSize() const;

  const std::vector<NoteFile>& files_;
  const Wanted wanted_;
  const ReadAheadOptions options_;
  std::mutex mutex_;
  std::condition_variable done_;  // A file was read.
  std::condition_variable room_;  // The caller took one; the window moved.
  std::vector<std::optional<FileRead>> slots_;  // Read and not yet taken.
  size_t claimed_ = 0;   // Files a thread has started on.
  size_t taken_ = 0;     // Files Next() has returned.
  size_t bytes_ahead_ = 0;  // Content bytes read and not yet taken.
  bool caller_waiting_ = false;  // Next() waits for slots_[taken_].
  int workers_waiting_ = 0;      // Threads waiting for room in the window.
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace kith::vault

#endif  // KITH_ENGINE_VAULT_READ_AHEAD_H_
