// Conversions between the public API (proto/kith/v1) and the engine. Both
// kithd's handlers and the CLI's embedded mode call these functions, which
// is what makes `kith` print the same bytes with and without --server.
#ifndef KITH_SERVICE_API_ADAPTER_H_
#define KITH_SERVICE_API_ADAPTER_H_

#include <memory>
#include <optional>

#include "absl/status/statusor.h"
#include "engine/kith.h"
#include "kith/v1/kith.pb.h"

namespace kith::service {

absl::StatusOr<v1::WhoKnowsResponse> WhoKnows(const Engine& engine,
                                              const v1::WhoKnowsRequest& request);
// The same answer when the engine has it in memory (Engine::WhoKnowsInMemory)
// or the request is invalid; nullopt when answering would read the store.
std::optional<absl::StatusOr<v1::WhoKnowsResponse>> WhoKnowsInMemory(const Engine& engine,
                                                                     const v1::WhoKnowsRequest& request);

// Facts matching the request, converted; InvalidArgument for an unknown
// relation type name.
absl::StatusOr<std::vector<v1::Fact>> Facts(const Engine& engine, const v1::FactsRequest& request);

absl::StatusOr<v1::CurateResponse> Curate(Engine& engine, const v1::Curation& request);
absl::StatusOr<v1::ListCurationsResponse> ListCurations(const Engine& engine);

absl::StatusOr<v1::OrgChartResponse> OrgChart(const Engine& engine, const v1::OrgChartRequest& request);

absl::StatusOr<v1::IntroductionsResponse> Introductions(const Engine& engine,
                                                        const v1::IntroductionsRequest& request);
absl::StatusOr<v1::HowMetResponse> HowMet(const Engine& engine, const v1::HowMetRequest& request);

// InvalidArgument for a due_before that is not YYYY-MM-DD.
absl::StatusOr<v1::TasksResponse> Tasks(const Engine& engine, const v1::TasksRequest& request);

absl::StatusOr<v1::SharedHistoryResponse> SharedHistory(const Engine& engine,
                                                        const v1::SharedHistoryRequest& request);

absl::StatusOr<v1::IntroPathResponse> IntroPath(const Engine& engine, const v1::IntroPathRequest& request);

absl::StatusOr<v1::ProfileResponse> Profile(const Engine& engine, const v1::ProfileRequest& request);

absl::StatusOr<v1::StatsResponse> Stats(const Engine& engine);
absl::StatusOr<v1::SearchResponse> Search(const Engine& engine, const v1::SearchRequest& request);

absl::StatusOr<v1::ConnectorsResponse> Connectors(const Engine& engine, const v1::ConnectorsRequest& request);

absl::StatusOr<v1::TimelineResponse> Timeline(const Engine& engine, const v1::TimelineRequest& request);

absl::StatusOr<v1::CheckResponse> Check(const Engine& engine);
// InvalidArgument for an empty or relative dir (a server's working
// directory is no place a client can name).
absl::StatusOr<v1::BackupResponse> Backup(const Engine& engine, const v1::BackupRequest& request);

absl::StatusOr<v1::NeighbourhoodResponse> Neighbourhood(const Engine& engine,
                                                        const v1::NeighbourhoodRequest& request);

// Nodes first, then edges, in the engine's order.
absl::StatusOr<std::vector<v1::ExportItem>> Export(const Engine& engine, const v1::ExportRequest& request);

absl::StatusOr<std::vector<v1::SkippableFileBatch>> SkippableFiles(const Engine& engine,
                                                               const v1::IngestOptions& request);

// One Ingest call: the requests of the stream in order, then Finish.
class IngestCall {
 public:
  explicit IngestCall(Engine& engine) : engine_(engine) {}

  // InvalidArgument for options that arrive after the first note.
  absl::Status Accept(const v1::IngestRequest& request);
  absl::StatusOr<v1::IngestResponse> Finish(const IngestProgress& progress = nullptr);

 private:
  IngestSession& Session();

  Engine& engine_;
  IngestOptions options_;
  std::unique_ptr<IngestSession> session_;
};

}  // namespace kith::service

#endif  // KITH_SERVICE_API_ADAPTER_H_
