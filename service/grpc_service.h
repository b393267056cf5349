// The gRPC face of the engine: each handler decodes, calls the adapter and
// converts the status. No logic lives here.
#ifndef KITH_SERVICE_GRPC_SERVICE_H_
#define KITH_SERVICE_GRPC_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "engine/kith.h"
#include "service/auth.h"
#include "service/worker_pool.h"
#include "kith/v1/kith.grpc.pb.h"

namespace kith::service {

// Abseil's codes are gRPC's codes, number for number.
grpc::Status ToGrpcStatus(const absl::Status& status);
absl::Status FromGrpcStatus(const grpc::Status& status);

class KithService final : public v1::Kith::WithCallbackMethod_WhoKnows<v1::Kith::Service> {
 public:
  // `engine` must outlive the service, and so must `auth` if given; without
  // it every call is allowed (kithd then listens on loopback only).
  explicit KithService(Engine& engine, const TokenAuthenticator* auth = nullptr)
      : engine_(engine), auth_(auth), store_readers_(kStoreReaders) {}

  grpc::Status Ingest(grpc::ServerContext* context, grpc::ServerReader<v1::IngestRequest>* reader,
                      v1::IngestResponse* response) override;
  grpc::Status SkippableFiles(grpc::ServerContext* context, const v1::IngestOptions* request,
                              grpc::ServerWriter<v1::SkippableFileBatch>* writer) override;
  grpc::ServerUnaryReactor* WhoKnows(grpc::CallbackServerContext* context, const v1::WhoKnowsRequest* request,
                                     v1::WhoKnowsResponse* response) override;
  grpc::Status Facts(grpc::ServerContext* context, const v1::FactsRequest* request,
                     grpc::ServerWriter<v1::Fact>* writer) override;
  grpc::Status Curate(grpc::ServerContext* context, const v1::Curation* request,
                      v1::CurateResponse* response) override;
  grpc::Status OrgChart(grpc::ServerContext* context, const v1::OrgChartRequest* request,
                        v1::OrgChartResponse* response) override;
  grpc::Status Introductions(grpc::ServerContext* context, const v1::IntroductionsRequest* request,
                             v1::IntroductionsResponse* response) override;
  grpc::Status HowMet(grpc::ServerContext* context, const v1::HowMetRequest* request,
                      v1::HowMetResponse* response) override;
  grpc::Status Tasks(grpc::ServerContext* context, const v1::TasksRequest* request,
                     v1::TasksResponse* response) override;
  grpc::Status SharedHistory(grpc::ServerContext* context, const v1::SharedHistoryRequest* request,
                             v1::SharedHistoryResponse* response) override;
  grpc::Status IntroPath(grpc::ServerContext* context, const v1::IntroPathRequest* request,
                         v1::IntroPathResponse* response) override;
  grpc::Status Profile(grpc::ServerContext* context, const v1::ProfileRequest* request,
                       v1::ProfileResponse* response) override;
  grpc::Status Stats(grpc::ServerContext* context, const v1::StatsRequest* request,
                     v1::StatsResponse* response) override;
  grpc::Status Search(grpc::ServerContext* context, const v1::SearchRequest* request,
                      v1::SearchResponse* response) override;
  grpc::Status Connectors(grpc::ServerContext* context, const v1::ConnectorsRequest* request,
                          v1::ConnectorsResponse* response) override;
  grpc::Status Timeline(grpc::ServerContext* context, const v1::TimelineRequest* request,
                        v1::TimelineResponse* response) override;
  grpc::Status Check(grpc::ServerContext* context, const v1::CheckRequest* request,
                     v1::CheckResponse* response) override;
  grpc::Status Backup(grpc::ServerContext* context, const v1::BackupRequest* request,
                      v1::BackupResponse* response) override;
  grpc::Status Export(grpc::ServerContext* context, const v1::ExportRequest* request,
                      grpc::ServerWriter<v1::ExportItem>* writer) override;
  grpc::Status Neighbourhood(grpc::ServerContext* context, const v1::NeighbourhoodRequest* request,
                             v1::NeighbourhoodResponse* response) override;
  grpc::Status ListCurations(grpc::ServerContext* context, const v1::ListCurationsRequest* request,
                             v1::ListCurationsResponse* response) override;

 private:
  grpc::Status Allow(grpc::ServerContextBase* context, Access access) const {
    return auth_ ? auth_->Authorize(*context, access) : grpc::Status::OK;
  }

  // Threads for callback calls that must read the store; the sync methods
  // have gRPC's own pool.
  static constexpr int kStoreReaders = 4;

  Engine& engine_;
  const TokenAuthenticator* auth_;
  WorkerPool store_readers_;
};

}  // namespace kith::service

#endif  // KITH_SERVICE_GRPC_SERVICE_H_
