// The CLI talks to kith through this interface: in-process over the engine
// (the default) or to a running kithd (--server). Both speak the API's
// protobuf messages, so the renderers cannot tell them apart.
#ifndef KITH_TOOLS_KITH_CLIENT_H_
#define KITH_TOOLS_KITH_CLIENT_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "engine/kith.h"
#include "kith/v1/kith.pb.h"

namespace kith::cli {

class IngestStream {
 public:
  virtual ~IngestStream() = default;
  virtual absl::Status Write(const v1::IngestRequest& request) = 0;
  // `progress` reports the commit; only the embedded client can call it.
  virtual absl::StatusOr<v1::IngestResponse> Finish(const IngestProgress& progress) = 0;
};

class Client {
 public:
  virtual ~Client() = default;
  virtual std::unique_ptr<IngestStream> Ingest() = 0;
  virtual absl::StatusOr<std::vector<v1::SkippableFileBatch>> SkippableFiles(const v1::IngestOptions& request) = 0;
  virtual absl::StatusOr<v1::WhoKnowsResponse> WhoKnows(const v1::WhoKnowsRequest& request) = 0;
  virtual absl::StatusOr<std::vector<v1::Fact>> Facts(const v1::FactsRequest& request) = 0;
  virtual absl::StatusOr<v1::CurateResponse> Curate(const v1::Curation& request) = 0;
  virtual absl::StatusOr<v1::ListCurationsResponse> ListCurations() = 0;
  virtual absl::StatusOr<v1::OrgChartResponse> OrgChart(const v1::OrgChartRequest& request) = 0;
  virtual absl::StatusOr<v1::IntroductionsResponse> Introductions(const v1::IntroductionsRequest& request) = 0;
  virtual absl::StatusOr<v1::HowMetResponse> HowMet(const v1::HowMetRequest& request) = 0;
  virtual absl::StatusOr<v1::TasksResponse> Tasks(const v1::TasksRequest& request) = 0;
  virtual absl::StatusOr<v1::IntroPathResponse> IntroPath(const v1::IntroPathRequest& request) = 0;
  virtual absl::StatusOr<v1::ProfileResponse> Profile(const v1::ProfileRequest& request) = 0;
  virtual absl::StatusOr<v1::StatsResponse> Stats() = 0;
  virtual absl::StatusOr<v1::SearchResponse> Search(const v1::SearchRequest& request) = 0;
  virtual absl::StatusOr<v1::ConnectorsResponse> Connectors(const v1::ConnectorsRequest& request) = 0;
  virtual absl::StatusOr<v1::TimelineResponse> Timeline(const v1::TimelineRequest& request) = 0;
  virtual absl::StatusOr<v1::CheckResponse> Check() = 0;
  virtual absl::StatusOr<v1::BackupResponse> Backup(const v1::BackupRequest& request) = 0;
  virtual absl::StatusOr<std::vector<v1::ExportItem>> Export(const v1::ExportRequest& request) = 0;
  virtual absl::StatusOr<v1::NeighbourhoodResponse> Neighbourhood(const v1::NeighbourhoodRequest& request) = 0;
  virtual absl::StatusOr<v1::SharedHistoryResponse> SharedHistory(const v1::SharedHistoryRequest& request) = 0;
};

// What the process opens the store for: to answer one query (or check it)
// and exit, or to ingest.
enum class Workload { kOneQuery, kIngest };
absl::StatusOr<std::unique_ptr<Client>> OpenEmbedded(const std::string& db_dir, Workload workload);
struct RemoteOptions {
  std::string token;        // Bearer token for kithd's --auth-token-file; "" for none.
  std::string tls_ca_file;  // PEM roots to verify kithd's certificate; "" for plaintext.
};
absl::StatusOr<std::unique_ptr<Client>> ConnectRemote(const std::string& address, const RemoteOptions& options);

}  // namespace kith::cli

#endif  // KITH_TOOLS_KITH_CLIENT_H_
