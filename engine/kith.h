// The kith engine: ingest notes into a store and answer relationship
// questions. This is the one header that front ends (the gRPC service, the
// CLI, tests) include; it exposes no RocksDB, Boost or protobuf types.
#ifndef KITH_ENGINE_KITH_H_
#define KITH_ENGINE_KITH_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/curation.h"
#include "engine/note/note.h"
#include "engine/query/query.h"
#include "engine/vault/vault.h"

namespace kith {

struct EngineOptions {
  // Limits applied to every note parsed.
  note::ParseOptions parse;
  // The strength model queries use unless a request brings its own
  // (docs/STRENGTH.md). Open fails with InvalidArgument if it does not
  // pass query::ValidateStrengthModel.
  query::StrengthModel strength;
  // Keep who-knows answers for the default model in memory
  // (graph::KnowsIndex), rebuilt in the background after every write; for
  // long-running servers. Until it is fresh, queries read the store.
  bool memory_index = false;
  // See store::StoreOptions::block_cache_bytes, defer_compactions_until_write
  // and bulk_load_when_created.
  size_t block_cache_bytes = store::StoreOptions{}.block_cache_bytes;
  bool defer_compactions_until_write = store::StoreOptions{}.defer_compactions_until_write;
  bool bulk_load_when_created = store::StoreOptions{}.bulk_load_when_created;
};

// The block cache for a process that answers one query and exits (the
// CLI's queries): a busy person's answer from the store reads much of it
// once, and a small cache reuses its memory instead of faulting in fresh
// pages (the owner of a 200k-note vault: 2.81 s with 256 MB, 2.15 s so).
inline constexpr size_t kOneQueryBlockCacheBytes = size_t{32} << 20;

struct IngestOptions {
  // The vault owner's name ("@Myself" in action items). Empty: keep the
  // owner stored by an earlier ingest, else take the person who attends
  // the most notes of this ingest.
  std::string me;
  // Retract every stored note this run did not see (neither as a note nor
  // as a file it could not read): the files that vanished from the vault.
  bool prune = false;
};

struct IngestReport {
  int64_t notes_read = 0;
  int64_t notes_stored = 0;
  int64_t notes_unchanged = 0;  // Same content as stored; nothing written.
  int64_t notes_unread = 0;     // Of the unchanged, those taken by AddUnread.
  int64_t notes_pruned = 0;     // Stored before, not seen now; retracted (prune).
  std::vector<vault::FileProblem> failed;    // Not stored; reason given.
  std::vector<vault::FileProblem> warnings;  // Stored, with a remark.
  std::string owner;
  double seconds = 0;
};

// A stored note whose file an ingest may skip unread while its size and
// modification time still equal `stat` (Engine::SkippableFiles).
struct SkippableFile {
  std::string path;
  vault::FileStat stat;
};

// Called as notes are committed: (notes done, notes to do).
using IngestProgress = std::function<void(size_t, size_t)>;

// One ingest run: Add every note, then Finish. Not thread-safe; any number
// of sessions and queries may run at once on one Engine.
class IngestSession {
 public:
  virtual ~IngestSession() = default;
  // Takes one note, identified by `path` (relative to the vault root), and
  // the size and time its file had before it was read (stored with it).
  // Parses it now; stores nothing until Finish.
  virtual void Add(std::string_view path, std::string_view content, const vault::FileStat& stat = {}) = 0;
  // Takes a note the caller did not read because Engine::SkippableFiles
  // listed it and its file still has that size and time. Counted as
  // unchanged; a failure if the stored note no longer matches (it changed
  // since the list was made: ingest again).
  virtual void AddUnread(std::string_view path, const vault::FileStat& stat) = 0;
  // Records a file the caller could not read, for the report.
  virtual void AddProblem(vault::FileProblem problem) = 0;
  // Stores every changed note, one atomic write per note. A failure of the
  // store itself is returned; failures of single notes are in the report.
  virtual absl::StatusOr<IngestReport> Finish(const IngestProgress& progress = nullptr) = 0;
};

class Engine {
 public:
  // Opens or creates the store in `db_dir`.
  static absl::StatusOr<std::unique_ptr<Engine>> Open(const EngineOptions& options,
                                                      const std::string& db_dir);
  virtual ~Engine() = default;

  virtual std::unique_ptr<IngestSession> BeginIngest(const IngestOptions& options) = 0;
  // The stored notes an ingest with `options` would find unchanged if
  // their files still had the size and time they had when read: same
  // owner, extractor and curations, and a trusted time. Empty when the
  // owner is not known yet.
  virtual absl::StatusOr<std::vector<SkippableFile>> SkippableFiles(const IngestOptions& options) const = 0;

  // The strength model of EngineOptions, for front ends that let a
  // request override some of its parameters.
  virtual const query::StrengthModel& DefaultStrengthModel() const = 0;

  // With EngineOptions::memory_index: builds the in-memory index now if it
  // is missing or older than the store, and returns when it is fresh (for
  // benchmarks, tests, and servers that would rather wait). A no-op
  // otherwise.
  virtual absl::Status RefreshMemoryIndex() = 0;

  // See query::WhoKnows. Queries with an `as_of` day read the store as
  // the notes stood then (store::NewAsOfReader).
  virtual absl::StatusOr<query::WhoKnowsResult> WhoKnows(
      const query::WhoKnowsQuery& query) const = 0;
  // What WhoKnows returns, when it can be had without reading the store
  // (a memory index as new as the store, built for query.model, no as_of,
  // and a name that is exactly a person's): microseconds, no I/O, so a
  // server may answer on its network threads. nullopt otherwise.
  virtual std::optional<query::WhoKnowsResult> WhoKnowsInMemory(const query::WhoKnowsQuery& query) const = 0;

  // Records a curation; it applies from the next ingest on (every note is
  // re-extracted then).
  virtual absl::Status Curate(const Curation& curation) = 0;
  virtual absl::StatusOr<std::vector<Curation>> Curations() const = 0;

  // See query::BuildOrgChart.
  virtual absl::StatusOr<query::OrgChart> OrgChart(const query::OrgChartQuery& query) const = 0;

  // See query::Introductions and query::HowMet.
  virtual absl::StatusOr<std::vector<query::Introduction>> Introductions(
      const query::IntroductionsQuery& query) const = 0;
  virtual absl::StatusOr<query::HowMetResult> HowMet(std::string_view a, std::string_view b) const = 0;

  // See query::Tasks.
  virtual absl::StatusOr<std::vector<query::Task>> Tasks(const query::TasksQuery& query) const = 0;

  // See query::BuildSharedHistory; `limit` 0 keeps the whole timeline.
  virtual absl::StatusOr<query::SharedHistory> SharedHistory(std::string_view a, std::string_view b,
                                                             int limit) const = 0;

  // See query::FindIntroPaths.
  virtual absl::StatusOr<query::IntroPathResult> IntroPaths(const query::IntroPathQuery& query) const = 0;

  // See query::BuildProfile.
  virtual absl::StatusOr<query::Profile> Profile(const query::ProfileQuery& query) const = 0;

  // See query::CountStore and query::Search.
  virtual absl::StatusOr<query::Stats> Stats() const = 0;
  virtual absl::StatusOr<std::vector<query::SearchHit>> Search(std::string_view text, int limit) const = 0;

  // See query::FindConnectors.
  virtual absl::StatusOr<query::ConnectorsResult> Connectors(std::string_view organization, int limit,
                                                             const query::StrengthModel& model) const = 0;

  // See query::BuildTimeline.
  virtual absl::StatusOr<query::PersonTimeline> Timeline(std::string_view name) const = 0;

  // A consistent copy of the store in `dir`, taken while it is in use (see
  // store::Store::Backup).
  virtual absl::Status Backup(const std::string& dir) const = 0;

  // See store::RestoreStore. The store in `db_dir` must not be open.
  static absl::Status Restore(const std::string& backup_dir, const std::string& db_dir, bool replace,
                              std::string* moved_to);

  // See query::BuildNeighbourhood.
  virtual absl::StatusOr<query::Neighbourhood> Neighbourhood(const query::NeighbourhoodQuery& query) const = 0;

  // See query::ExportGraph.
  virtual absl::StatusOr<query::GraphExport> Export(const query::StrengthModel& model) const = 0;

  // See store::Store::Check: the store's invariants over one snapshot.
  virtual absl::StatusOr<store::CheckReport> Check() const = 0;

  // See query::Facts.
  virtual absl::StatusOr<std::vector<query::FactView>> Facts(
      const query::FactsQuery& query) const = 0;
};

}  // namespace kith

#endif  // KITH_ENGINE_KITH_H_
