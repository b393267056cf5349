#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "engine/vault/read_ahead.h"
#include "engine/vault/vault.h"
#include "tools/kith/commands.h"
#include "tools/kith/render.h"

namespace kith::cli {
namespace {

// Ingest reads files into memory no larger than the parser accepts; larger
// ones are reported without being read.
constexpr size_t kMaxNoteBytes = 16 << 20;

// A progress line on stderr, shown only once a run has lasted a second, and
// then at most twice a second: short runs stay quiet.
class ProgressLine {
 public:
  ProgressLine() : start_(std::chrono::steady_clock::now()), tty_(isatty(STDERR_FILENO)) {}

  void Update(const char* phase, size_t done, size_t total) {
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - start_).count();
    if (elapsed < 1.0 || now - last_ < std::chrono::milliseconds(tty_ ? 500 : 5000)) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "%s%s %zu/%zu notes (%.0f notes/s)%s", tty_ ? "\r" : "", phase, done,
                 total, done / elapsed, tty_ ? "   " : "\n");
    std::fflush(stderr);
  }

  ~ProgressLine() {
    if (shown_ && tty_) std::fprintf(stderr, "\n");
  }

 private:
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
  bool tty_;
  bool shown_ = false;
};

}  // namespace

int RunIngest(Client& client, const GlobalFlags& global, const IngestFlags& flags) {
  vault::WalkOptions walk_options;
  walk_options.follow_symlinks = flags.follow_symlinks;
  vault::WalkResult walk = vault::WalkVault(flags.paths, walk_options);

  v1::IngestRequest request;
  request.mutable_options()->set_me(flags.me);
  request.mutable_options()->set_prune(flags.prune);
  // Files whose size and time equal those stored are sent unread, as make
  // and git trust them; --reread reads every file.
  absl::flat_hash_map<std::string, vault::FileStat> skippable;
  if (!flags.reread) {
    absl::StatusOr<std::vector<v1::SkippableFileBatch>> batches = client.SkippableFiles(request.options());
    if (!batches.ok()) return Fail(batches.status());
    for (const v1::SkippableFileBatch& batch : *batches) {
      for (const v1::NoteFile& f : batch.files()) skippable[f.path()] = {f.size(), f.mtime_ns()};
    }
  }
  std::unique_ptr<IngestStream> stream = client.Ingest();
  if (absl::Status s = stream->Write(request); !s.ok()) return Fail(s);
  for (const vault::FileProblem& problem : walk.problems) {
    v1::IngestRequest r;
    r.mutable_problem()->set_path(problem.path);
    r.mutable_problem()->set_line(problem.line);
    r.mutable_problem()->set_reason(problem.reason);
    if (absl::Status s = stream->Write(r); !s.ok()) return Fail(s);
  }

  ProgressLine progress;
  size_t done = 0;
  // Unchanged files are not read; the rest are read a window ahead, on
  // several threads, while this one sends.
  auto changed = [&](const vault::NoteFile& file, const std::optional<vault::FileStat>& stat) {
    auto stored = skippable.find(file.relative);
    return !stat || stored == skippable.end() || !(stored->second == *stat);
  };
  vault::ReadAhead reader(walk.files, changed, {.max_bytes = kMaxNoteBytes});
  for (const vault::NoteFile& file : walk.files) {
    v1::IngestRequest r;
    vault::FileRead read = reader.Next();
    if (!read.read) {
      r.mutable_unread()->set_path(file.relative);
      r.mutable_unread()->set_size(read.stat->size);
      r.mutable_unread()->set_mtime_ns(read.stat->mtime_ns);
      if (absl::Status s = stream->Write(r); !s.ok()) return Fail(s);
      progress.Update("reading", ++done, walk.files.size());
      continue;
    }
    if (read.content.ok()) {
      r.mutable_note()->set_path(file.relative);
      r.mutable_note()->set_content(*std::move(read.content));
      if (read.stat) {
        r.mutable_note()->set_size(read.stat->size);
        r.mutable_note()->set_mtime_ns(read.stat->mtime_ns);
      }
    } else {
      r.mutable_problem()->set_path(file.relative);
      r.mutable_problem()->set_reason(std::string(read.content.status().message()));
    }
    if (absl::Status s = stream->Write(r); !s.ok()) return Fail(s);
    progress.Update("reading", ++done, walk.files.size());
  }
  absl::StatusOr<v1::IngestResponse> response =
      stream->Finish([&](size_t stored, size_t total) { progress.Update("storing", stored, total); });
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderIngest(*response, global.json, flags.verbose);
  if (walk.ignored > 0 && !global.json) {
    std::cout << walk.ignored << " other files ignored (hidden, or not .md/.txt)\n";
  }
  return response->failed_size() > 0 ? kExitSomeNotesFailed : kExitOk;
}

}  // namespace kith::cli
