#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "engine/graph/knows_index.h"
#include "engine/graph/path_finder.h"
#include "engine/graph/social_graph.h"
#include "engine/ingest_session.h"
#include "engine/kith.h"
#include "engine/store/store.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith {
namespace {

// Names a user curated into the person (alias, merge) and did not undo
// later (unmerge), added to the profile's aliases.
void AddCuratedAliases(const std::vector<Curation>& curations, query::Profile& profile) {
  std::set<std::string> aliases(profile.aliases.begin(), profile.aliases.end());
  std::string folded = util::FoldName(profile.name);
  for (const Curation& c : curations) {
    bool canonical = util::FoldName(c.canonical) == folded, variant = util::FoldName(c.variant) == folded;
    if (!canonical && !variant) continue;
    const std::string& other = canonical ? c.variant : c.canonical;
    if (c.kind == Curation::Kind::kUnmerge) {
      aliases.erase(other);
    } else if (canonical) {
      aliases.insert(other);
    }
  }
  profile.aliases.assign(aliases.begin(), aliases.end());
}

class EngineImpl : public Engine {
 public:
  EngineImpl(const EngineOptions& options, std::unique_ptr<store::Store> store)
      : options_(options), store_(std::move(store)) {
    if (options_.memory_index) StartIndexBuild();
  }

  ~EngineImpl() override {
    cancel_build_ = true;
    std::lock_guard<std::mutex> lock(builder_mutex_);
    if (builder_.joinable()) builder_.join();
  }

  absl::Status RefreshMemoryIndex() override {
    if (!options_.memory_index) return absl::OkStatus();
    {
      // A background build in flight is likely the one wanted: wait for it
      // rather than build the same index twice at once.
      std::lock_guard<std::mutex> lock(builder_mutex_);
      if (builder_.joinable()) builder_.join();
    }
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    if (FreshIndex(*reader) != nullptr) return absl::OkStatus();
    ASSIGN_OR_RETURN(std::unique_ptr<graph::KnowsIndex> built, graph::KnowsIndex::Build(*reader, options_.strength));
    PreparePaths(*built);
    std::lock_guard<std::mutex> lock(index_mutex_);
    if (!index_ || index_->sequence() < built->sequence()) index_ = std::move(built);
    return absl::OkStatus();
  }

  std::unique_ptr<IngestSession> BeginIngest(const IngestOptions& options) override {
    return NewIngestSession(*store_, options_.parse, options);
  }

  absl::StatusOr<std::vector<SkippableFile>> SkippableFiles(const IngestOptions& options) const override {
    return ListSkippableFiles(*store_->NewReader(), options);
  }

  const query::StrengthModel& DefaultStrengthModel() const override { return options_.strength; }

  std::optional<query::WhoKnowsResult> WhoKnowsInMemory(const query::WhoKnowsQuery& query) const override {
    if (query.as_of || !options_.memory_index || !graph::SameModel(query.model, options_.strength)) {
      return std::nullopt;
    }
    std::shared_ptr<const graph::KnowsIndex> index = CurrentIndex();
    if (!index || index->sequence() != store_->LatestSequence()) return std::nullopt;
    std::optional<graph::KnowsIndex::Person> subject = index->PersonNamed(util::FoldedName(query.name).view());
    if (!subject) return std::nullopt;
    return index->WhoKnows(*subject, query.limit, query.evidence_limit);
  }

  absl::StatusOr<query::WhoKnowsResult> WhoKnows(const query::WhoKnowsQuery& query) const override {
    // The common case touches no store.
    if (std::optional<query::WhoKnowsResult> answer = WhoKnowsInMemory(query)) return *std::move(answer);
    std::unique_ptr<store::StoreReader> reader = Reader(query.as_of);
    if (!query.as_of && graph::SameModel(query.model, options_.strength)) {
      if (std::shared_ptr<const graph::KnowsIndex> index = FreshIndex(*reader)) {
        ASSIGN_OR_RETURN(store::EntityInfo subject, query::ResolvePerson(*reader, query.name));
        return index->WhoKnows(subject, query.limit, query.evidence_limit);
      }
    }
    return query::WhoKnows(*reader, query);
  }

  absl::Status Curate(const Curation& curation) override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return AppendCuration(*store_, *reader, curation);
  }

  absl::StatusOr<std::vector<Curation>> Curations() const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return ListCurations(*reader);
  }

  absl::StatusOr<query::OrgChart> OrgChart(const query::OrgChartQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = Reader(query.as_of);
    return query::BuildOrgChart(*reader, query);
  }

  absl::StatusOr<std::vector<query::Introduction>> Introductions(
      const query::IntroductionsQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::Introductions(*reader, query);
  }

  absl::StatusOr<query::HowMetResult> HowMet(std::string_view a, std::string_view b) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::HowMet(*reader, a, b);
  }

  absl::StatusOr<std::vector<query::Task>> Tasks(const query::TasksQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::Tasks(*reader, query);
  }

  absl::StatusOr<query::SharedHistory> SharedHistory(std::string_view a, std::string_view b,
                                                     int limit) const override {
    // The common case, two names the index knows, touches no store.
    std::shared_ptr<const graph::KnowsIndex> index = CurrentIndex();
    if (options_.memory_index && index && index->sequence() == store_->LatestSequence()) {
      std::optional<graph::KnowsIndex::Person> x = index->PersonNamed(util::FoldedName(a).view());
      std::optional<graph::KnowsIndex::Person> y = index->PersonNamed(util::FoldedName(b).view());
      if (x && y) {
        if (*x == *y) return SamePerson();
        return index->SharedHistory(*x, *y, limit);
      }
    }
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    if ((index = FreshIndex(*reader))) {
      ASSIGN_OR_RETURN(store::EntityInfo x, query::ResolvePerson(*reader, a));
      ASSIGN_OR_RETURN(store::EntityInfo y, query::ResolvePerson(*reader, b));
      if (x.id == y.id) return SamePerson();
      if (std::optional<query::SharedHistory> answer = index->SharedHistory(x, y, limit)) return *std::move(answer);
    }
    return query::BuildSharedHistory(*reader, a, b, options_.strength.duplicate_overlap, limit);
  }

  absl::StatusOr<query::IntroPathResult> IntroPaths(const query::IntroPathQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    if (graph::SameModel(query.model, options_.strength)) {
      if (std::shared_ptr<const graph::KnowsIndex> index = FreshIndex(*reader)) {
        return query::FindIntroPaths(*reader, query, index->social());
      }
    }
    return query::FindIntroPaths(*reader, query);
  }

  absl::StatusOr<query::Profile> Profile(const query::ProfileQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = Reader(query.as_of);
    ASSIGN_OR_RETURN(query::Profile profile, query::BuildProfile(*reader, query));
    ASSIGN_OR_RETURN(std::vector<Curation> curations, ListCurations(*reader));
    AddCuratedAliases(curations, profile);
    return profile;
  }

  absl::StatusOr<query::Stats> Stats() const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::CountStore(*reader);
  }

  absl::StatusOr<std::vector<query::SearchHit>> Search(std::string_view text, int limit) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::Search(*reader, text, limit);
  }

  absl::StatusOr<query::ConnectorsResult> Connectors(std::string_view organization, int limit,
                                                     const query::StrengthModel& model) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::FindConnectors(*reader, organization, limit, model);
  }

  absl::StatusOr<query::PersonTimeline> Timeline(std::string_view name) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::BuildTimeline(*reader, name, options_.strength.duplicate_overlap);
  }

  absl::StatusOr<store::CheckReport> Check() const override { return store_->Check(); }

  absl::StatusOr<query::Neighbourhood> Neighbourhood(const query::NeighbourhoodQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::BuildNeighbourhood(*reader, query);
  }

  absl::StatusOr<query::GraphExport> Export(const query::StrengthModel& model) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::ExportGraph(*reader, model);
  }
  absl::Status Backup(const std::string& dir) const override { return store_->Backup(dir); }

  absl::StatusOr<std::vector<query::FactView>> Facts(const query::FactsQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::Facts(*reader, query);
  }

 private:
  static absl::Status SamePerson() {
    return absl::InvalidArgumentError("shared-history needs two different people");
  }

  // A snapshot of the store, seen as of `as_of` when one is given.
  std::unique_ptr<store::StoreReader> Reader(std::optional<int32_t> as_of) const {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    if (as_of) return store::NewAsOfReader(std::move(reader), *as_of);
    return reader;
  }

  // The memory index if it shows exactly what `reader` shows; otherwise
  // null, and a rebuild is started.
  std::shared_ptr<const graph::KnowsIndex> FreshIndex(const store::StoreReader& reader) const {
    if (!options_.memory_index) return nullptr;
    std::shared_ptr<const graph::KnowsIndex> index = CurrentIndex();
    if (index && index->sequence() == reader.Sequence()) return index;
    StartIndexBuild();
    return nullptr;
  }

  std::shared_ptr<const graph::KnowsIndex> CurrentIndex() const {
    std::lock_guard<std::mutex> lock(index_mutex_);
    return index_;
  }

  // One background build at a time; a build that finds the store moved on
  // is simply followed by another when the next query notices.
  void StartIndexBuild() const {
    if (building_.exchange(true)) return;
    std::lock_guard<std::mutex> lock(builder_mutex_);
    if (builder_.joinable()) builder_.join();
    builder_ = std::thread([this] {
      std::unique_ptr<store::StoreReader> reader = store_->NewReader();
      absl::StatusOr<std::unique_ptr<graph::KnowsIndex>> built =
          graph::KnowsIndex::Build(*reader, options_.strength, &cancel_build_);
      if (built.ok()) {
        PreparePaths(**built);
        std::lock_guard<std::mutex> index_lock(index_mutex_);
        if (!index_ || index_->sequence() < (*built)->sequence()) index_ = *std::move(built);
      }
      building_ = false;
    });
  }

  // Builds the index's social graph and path finder before the index is
  // published, so that the first intro-path after a change does not pay
  // for them (about a second at 200k notes) while a caller waits.
  static void PreparePaths(const graph::KnowsIndex& index) { index.social().paths(); }

  EngineOptions options_;
  std::unique_ptr<store::Store> store_;
  mutable std::mutex index_mutex_;
  mutable std::shared_ptr<const graph::KnowsIndex> index_;
  mutable std::mutex builder_mutex_;
  mutable std::thread builder_;
  mutable std::atomic<bool> building_{false};
  mutable std::atomic<bool> cancel_build_{false};
};

}  // namespace

absl::Status Engine::Restore(const std::string& backup_dir, const std::string& db_dir, bool replace,
                             std::string* moved_to) {
  return store::RestoreStore(backup_dir, db_dir, replace, moved_to);
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& options,
                                                     const std::string& db_dir) {
  RETURN_IF_ERROR(query::ValidateStrengthModel(options.strength));
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store,
                   store::Store::Open(
                       {.block_cache_bytes = options.block_cache_bytes,
                        .defer_compactions_until_write = options.defer_compactions_until_write,
                        .bulk_load_when_created = options.bulk_load_when_created},
                       db_dir));
  return std::make_unique<EngineImpl>(options, std::move(store));
}

}  // namespace kith
