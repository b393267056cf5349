#include <memory>
#include <set>

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
      : options_(options), store_(std::move(store)) {}

  std::unique_ptr<IngestSession> BeginIngest(const IngestOptions& options) override {
    return NewIngestSession(*store_, options_.parse, options);
  }

  const query::StrengthModel& DefaultStrengthModel() const override { return options_.strength; }

  absl::StatusOr<query::WhoKnowsResult> WhoKnows(const query::WhoKnowsQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = Reader(query.as_of);
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

  absl::StatusOr<query::SharedHistory> SharedHistory(std::string_view a, std::string_view b) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    return query::BuildSharedHistory(*reader, a, b, options_.strength.duplicate_overlap);
  }

  absl::StatusOr<query::IntroPathResult> IntroPaths(const query::IntroPathQuery& query) const override {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
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
  // A snapshot of the store, seen as of `as_of` when one is given.
  std::unique_ptr<store::StoreReader> Reader(std::optional<int32_t> as_of) const {
    std::unique_ptr<store::StoreReader> reader = store_->NewReader();
    if (as_of) return store::NewAsOfReader(std::move(reader), *as_of);
    return reader;
  }

  EngineOptions options_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace

absl::Status Engine::Restore(const std::string& backup_dir, const std::string& db_dir, bool replace,
                             std::string* moved_to) {
  return store::RestoreStore(backup_dir, db_dir, replace, moved_to);
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& options,
                                                     const std::string& db_dir) {
  RETURN_IF_ERROR(query::ValidateStrengthModel(options.strength));
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::Store::Open({}, db_dir));
  return std::make_unique<EngineImpl>(options, std::move(store));
}

}  // namespace kith
