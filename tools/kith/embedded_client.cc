#include "service/api_adapter.h"
#include "engine/util/status_macros.h"
#include "tools/kith/client.h"

namespace kith::cli {
namespace {

class EmbeddedIngest : public IngestStream {
 public:
  explicit EmbeddedIngest(Engine& engine) : call_(engine) {}
  absl::Status Write(const v1::IngestRequest& request) override { return call_.Accept(request); }
  absl::StatusOr<v1::IngestResponse> Finish(const IngestProgress& progress) override {
    return call_.Finish(progress);
  }

 private:
  service::IngestCall call_;
};

class EmbeddedClient : public Client {
 public:
  explicit EmbeddedClient(std::unique_ptr<Engine> engine) : engine_(std::move(engine)) {}

  std::unique_ptr<IngestStream> Ingest() override {
    return std::make_unique<EmbeddedIngest>(*engine_);
  }
  absl::StatusOr<std::vector<v1::SkippableFileBatch>> SkippableFiles(const v1::IngestOptions& request) override {
    return service::SkippableFiles(*engine_, request);
  }
  absl::StatusOr<v1::WhoKnowsResponse> WhoKnows(const v1::WhoKnowsRequest& request) override {
    return service::WhoKnows(*engine_, request);
  }
  absl::StatusOr<std::vector<v1::Fact>> Facts(const v1::FactsRequest& request) override {
    return service::Facts(*engine_, request);
  }
  absl::StatusOr<v1::CurateResponse> Curate(const v1::Curation& request) override {
    return service::Curate(*engine_, request);
  }
  absl::StatusOr<v1::ListCurationsResponse> ListCurations() override {
    return service::ListCurations(*engine_);
  }
  absl::StatusOr<v1::OrgChartResponse> OrgChart(const v1::OrgChartRequest& request) override {
    return service::OrgChart(*engine_, request);
  }
  absl::StatusOr<v1::IntroductionsResponse> Introductions(const v1::IntroductionsRequest& request) override {
    return service::Introductions(*engine_, request);
  }
  absl::StatusOr<v1::HowMetResponse> HowMet(const v1::HowMetRequest& request) override {
    return service::HowMet(*engine_, request);
  }
  absl::StatusOr<v1::TasksResponse> Tasks(const v1::TasksRequest& request) override {
    return service::Tasks(*engine_, request);
  }
  absl::StatusOr<v1::IntroPathResponse> IntroPath(const v1::IntroPathRequest& request) override {
    return service::IntroPath(*engine_, request);
  }
  absl::StatusOr<v1::ProfileResponse> Profile(const v1::ProfileRequest& request) override {
    return service::Profile(*engine_, request);
  }
  absl::StatusOr<v1::StatsResponse> Stats() override { return service::Stats(*engine_); }
  absl::StatusOr<v1::SearchResponse> Search(const v1::SearchRequest& request) override {
    return service::Search(*engine_, request);
  }
  absl::StatusOr<v1::ConnectorsResponse> Connectors(const v1::ConnectorsRequest& request) override {
    return service::Connectors(*engine_, request);
  }
  absl::StatusOr<v1::TimelineResponse> Timeline(const v1::TimelineRequest& request) override {
    return service::Timeline(*engine_, request);
  }
  absl::StatusOr<v1::CheckResponse> Check() override { return service::Check(*engine_); }
  absl::StatusOr<v1::BackupResponse> Backup(const v1::BackupRequest& request) override {
    return service::Backup(*engine_, request);
  }
  absl::StatusOr<std::vector<v1::ExportItem>> Export(const v1::ExportRequest& request) override {
    return service::Export(*engine_, request);
  }
  absl::StatusOr<v1::NeighbourhoodResponse> Neighbourhood(const v1::NeighbourhoodRequest& request) override {
    return service::Neighbourhood(*engine_, request);
  }
  absl::StatusOr<v1::SharedHistoryResponse> SharedHistory(const v1::SharedHistoryRequest& request) override {
    return service::SharedHistory(*engine_, request);
  }

 private:
  std::unique_ptr<Engine> engine_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Client>> OpenEmbedded(const std::string& db_dir, Workload workload) {
  EngineOptions options;
  // A command that writes nothing leaves owed compactions to one that does.
  options.defer_compactions_until_write = true;
  if (workload == Workload::kOneQuery) options.block_cache_bytes = kOneQueryBlockCacheBytes;
  // An ingest fills a store it creates and closes it before anything asks.
  options.bulk_load_when_created = workload == Workload::kIngest;
  ASSIGN_OR_RETURN(std::unique_ptr<Engine> engine, Engine::Open(options, db_dir));
  return std::make_unique<EmbeddedClient>(std::move(engine));
}

}  // namespace kith::cli
