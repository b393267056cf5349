#include "service/grpc_service.h"

#include "service/api_adapter.h"

namespace kith::service {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

// The unary handlers share one shape: call the adapter, convert the status.
template <typename Response>
grpc::Status Reply(absl::StatusOr<Response> result, Response* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

// The streaming handlers share one shape too: call the adapter, then write
// each item until the client goes away.
template <typename Item>
grpc::Status Stream(grpc::ServerContext* context, absl::StatusOr<std::vector<Item>> items,
                    grpc::ServerWriter<Item>* writer) {
  if (!items.ok()) return ToGrpcStatus(items.status());
  for (const Item& item : *items) {
    if (context->IsCancelled() || !writer->Write(item)) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
    }
  }
  return grpc::Status::OK;
}

grpc::Status KithService::Ingest(grpc::ServerContext* context,
                                 grpc::ServerReader<v1::IngestRequest>* reader,
                                 v1::IngestResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kWrite); !denied.ok()) return denied;
  IngestCall call(engine_);
  v1::IngestRequest request;
  while (reader->Read(&request)) {
    if (context->IsCancelled()) return grpc::Status(grpc::StatusCode::CANCELLED, "ingest cancelled");
    if (absl::Status s = call.Accept(request); !s.ok()) return ToGrpcStatus(s);
  }
  absl::StatusOr<v1::IngestResponse> result = call.Finish();
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

grpc::Status KithService::SkippableFiles(grpc::ServerContext* context, const v1::IngestOptions* request,
                                         grpc::ServerWriter<v1::SkippableFileBatch>* writer) {
  if (grpc::Status denied = Allow(context, Access::kWrite); !denied.ok()) return denied;
  return Stream(context, service::SkippableFiles(engine_, *request), writer);
}

// The one callback-API method: answered here, on gRPC's own thread, when
// the engine has the answer in memory (no thread hand-off per call: with 32
// clients on 2 cores that doubled throughput), else on the worker pool.
grpc::ServerUnaryReactor* KithService::WhoKnows(grpc::CallbackServerContext* context,
                                                const v1::WhoKnowsRequest* request, v1::WhoKnowsResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) {
    reactor->Finish(denied);
    return reactor;
  }
  if (auto answer = service::WhoKnowsInMemory(engine_, *request)) {
    reactor->Finish(Reply(*std::move(answer), response));
    return reactor;
  }
  store_readers_.Run([this, reactor, request, response] {
    reactor->Finish(Reply(service::WhoKnows(engine_, *request), response));
  });
  return reactor;
}

grpc::Status KithService::Facts(grpc::ServerContext* context, const v1::FactsRequest* request,
                                grpc::ServerWriter<v1::Fact>* writer) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Stream(context, service::Facts(engine_, *request), writer);
}

grpc::Status KithService::Curate(grpc::ServerContext* context, const v1::Curation* request,
                                 v1::CurateResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kWrite); !denied.ok()) return denied;
  return Reply(service::Curate(engine_, *request), response);
}

grpc::Status KithService::OrgChart(grpc::ServerContext* context, const v1::OrgChartRequest* request,
                                   v1::OrgChartResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::OrgChart(engine_, *request), response);
}

grpc::Status KithService::Introductions(grpc::ServerContext* context, const v1::IntroductionsRequest* request,
                                        v1::IntroductionsResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Introductions(engine_, *request), response);
}

grpc::Status KithService::HowMet(grpc::ServerContext* context, const v1::HowMetRequest* request,
                                 v1::HowMetResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::HowMet(engine_, *request), response);
}

grpc::Status KithService::Tasks(grpc::ServerContext* context, const v1::TasksRequest* request,
                                v1::TasksResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Tasks(engine_, *request), response);
}

grpc::Status KithService::SharedHistory(grpc::ServerContext* context, const v1::SharedHistoryRequest* request,
                                        v1::SharedHistoryResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::SharedHistory(engine_, *request), response);
}

grpc::Status KithService::IntroPath(grpc::ServerContext* context, const v1::IntroPathRequest* request,
                                    v1::IntroPathResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::IntroPath(engine_, *request), response);
}

grpc::Status KithService::Profile(grpc::ServerContext* context, const v1::ProfileRequest* request,
                                  v1::ProfileResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Profile(engine_, *request), response);
}

grpc::Status KithService::Stats(grpc::ServerContext* context, const v1::StatsRequest*, v1::StatsResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Stats(engine_), response);
}

grpc::Status KithService::Search(grpc::ServerContext* context, const v1::SearchRequest* request,
                                 v1::SearchResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Search(engine_, *request), response);
}

grpc::Status KithService::Connectors(grpc::ServerContext* context, const v1::ConnectorsRequest* request,
                                     v1::ConnectorsResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Connectors(engine_, *request), response);
}

grpc::Status KithService::Timeline(grpc::ServerContext* context, const v1::TimelineRequest* request,
                                   v1::TimelineResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Timeline(engine_, *request), response);
}

grpc::Status KithService::Check(grpc::ServerContext* context, const v1::CheckRequest*, v1::CheckResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Check(engine_), response);
}

grpc::Status KithService::Backup(grpc::ServerContext* context, const v1::BackupRequest* request,
                                 v1::BackupResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kWrite); !denied.ok()) return denied;
  return Reply(service::Backup(engine_, *request), response);
}

grpc::Status KithService::Export(grpc::ServerContext* context, const v1::ExportRequest* request,
                                 grpc::ServerWriter<v1::ExportItem>* writer) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Stream(context, service::Export(engine_, *request), writer);
}

grpc::Status KithService::Neighbourhood(grpc::ServerContext* context, const v1::NeighbourhoodRequest* request,
                                        v1::NeighbourhoodResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::Neighbourhood(engine_, *request), response);
}

grpc::Status KithService::ListCurations(grpc::ServerContext* context, const v1::ListCurationsRequest*,
                                        v1::ListCurationsResponse* response) {
  if (grpc::Status denied = Allow(context, Access::kRead); !denied.ok()) return denied;
  return Reply(service::ListCurations(engine_), response);
}

}  // namespace kith::service
