// Finding and reading note files on disk.
#ifndef KITH_ENGINE_VAULT_VAULT_H_
#define KITH_ENGINE_VAULT_VAULT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace kith::vault {

struct NoteFile {
  std::string absolute;  // Where to read it.
  std::string relative;  // Its identity in the store: relative to the root
                         // it was found under, '/'-separated.
};

// A file that could not be taken in, and why.
struct FileProblem {
  std::string path;
  int line = 0;  // 1-based; 0 when about the whole file.
  std::string reason;
};

struct WalkOptions {
  // Follow symbolic links. Off by default so that a link cannot lead the
  // ingest out of the vault.
  bool follow_symlinks = false;
};

struct WalkResult {
  std::vector<NoteFile> files;         // Sorted by relative path.
  std::vector<FileProblem> problems;   // Unreadable entries, links not followed.
  size_t ignored = 0;                  // Hidden entries and non-note files.
};

// Collects the .md and .txt files under each root (recursively for a
// directory; a file root is taken as is, relative to its own folder).
// Hidden entries (".obsidian", ".git", ...) are skipped and counted.
WalkResult WalkVault(const std::vector<std::string>& roots, const WalkOptions& options = {});

// A file's size and modification time, which ingest compares with those
// stored for the note to skip a file without reading it (as make and git
// do). mtime_ns is 0 when the time is not to be trusted.
struct FileStat {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileStat&) const = default;
};

// Stats `path` before it is read. A file modified in the last two seconds
// gets mtime_ns 0: a write in the same clock tick after the read would
// leave size and time unchanged, and the stale text would then be trusted.
std::optional<FileStat> StatBeforeRead(const std::string& path);

// Reads a whole file, refusing (InvalidArgument) one above `max_bytes`
// before reading it.
absl::StatusOr<std::string> ReadFile(const std::string& path, size_t max_bytes);

}  // namespace kith::vault

#endif  // KITH_ENGINE_VAULT_VAULT_H_
