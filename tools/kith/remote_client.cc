#include <grpcpp/grpcpp.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "kith/v1/kith.grpc.pb.h"
#include "service/grpc_service.h"
#include "tools/kith/client.h"

namespace kith::cli {
namespace {

constexpr auto kQueryDeadline = std::chrono::seconds(30);

// Every call carries the bearer token, when there is one.
void Authorize(grpc::ClientContext& context, const std::string& token) {
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
}

class RemoteIngest : public IngestStream {
 public:
  RemoteIngest(v1::Kith::Stub& stub, const std::string& token) : writer_(Start(stub, token)) {}

  absl::Status Write(const v1::IngestRequest& request) override {
    if (!writer_->Write(request)) return service::FromGrpcStatus(writer_->Finish());
    return absl::OkStatus();
  }

  absl::StatusOr<v1::IngestResponse> Finish(const IngestProgress&) override {
    writer_->WritesDone();
    grpc::Status status = writer_->Finish();
    if (!status.ok()) return service::FromGrpcStatus(status);
    return response_;
  }

 private:
  std::unique_ptr<grpc::ClientWriter<v1::IngestRequest>> Start(v1::Kith::Stub& stub, const std::string& token) {
    Authorize(context_, token);
    return stub.Ingest(&context_, &response_);
  }

  grpc::ClientContext context_;
  v1::IngestResponse response_;
  std::unique_ptr<grpc::ClientWriter<v1::IngestRequest>> writer_;
};

class RemoteClient : public Client {
 public:
  RemoteClient(std::shared_ptr<grpc::Channel> channel, std::string token)
      : stub_(v1::Kith::NewStub(std::move(channel))), token_(std::move(token)) {}

  std::unique_ptr<IngestStream> Ingest() override { return std::make_unique<RemoteIngest>(*stub_, token_); }
  absl::StatusOr<std::vector<v1::SkippableFileBatch>> SkippableFiles(const v1::IngestOptions& request) override {
    return ServerStream(&v1::Kith::Stub::SkippableFiles, request);
  }

  absl::StatusOr<v1::WhoKnowsResponse> WhoKnows(const v1::WhoKnowsRequest& request) override {
    return Unary(&v1::Kith::Stub::WhoKnows, request);
  }

  absl::StatusOr<v1::CurateResponse> Curate(const v1::Curation& request) override {
    return Unary(&v1::Kith::Stub::Curate, request);
  }

  absl::StatusOr<v1::ListCurationsResponse> ListCurations() override {
    return Unary(&v1::Kith::Stub::ListCurations, v1::ListCurationsRequest());
  }

  absl::StatusOr<v1::OrgChartResponse> OrgChart(const v1::OrgChartRequest& request) override {
    return Unary(&v1::Kith::Stub::OrgChart, request);
  }
  absl::StatusOr<v1::IntroductionsResponse> Introductions(const v1::IntroductionsRequest& request) override {
    return Unary(&v1::Kith::Stub::Introductions, request);
  }
  absl::StatusOr<v1::HowMetResponse> HowMet(const v1::HowMetRequest& request) override {
    return Unary(&v1::Kith::Stub::HowMet, request);
  }
  absl::StatusOr<v1::TasksResponse> Tasks(const v1::TasksRequest& request) override {
    return Unary(&v1::Kith::Stub::Tasks, request);
  }
  absl::StatusOr<v1::IntroPathResponse> IntroPath(const v1::IntroPathRequest& request) override {
    return Unary(&v1::Kith::Stub::IntroPath, request);
  }
  absl::StatusOr<v1::ProfileResponse> Profile(const v1::ProfileRequest& request) override {
    return Unary(&v1::Kith::Stub::Profile, request);
  }
  absl::StatusOr<v1::StatsResponse> Stats() override { return Unary(&v1::Kith::Stub::Stats, v1::StatsRequest()); }
  absl::StatusOr<v1::SearchResponse> Search(const v1::SearchRequest& request) override {
    return Unary(&v1::Kith::Stub::Search, request);
  }
  absl::StatusOr<v1::ConnectorsResponse> Connectors(const v1::ConnectorsRequest& request) override {
    return Unary(&v1::Kith::Stub::Connectors, request);
  }
  absl::StatusOr<v1::TimelineResponse> Timeline(const v1::TimelineRequest& request) override {
    return Unary(&v1::Kith::Stub::Timeline, request);
  }
  absl::StatusOr<v1::CheckResponse> Check() override { return Unary(&v1::Kith::Stub::Check, v1::CheckRequest()); }
  absl::StatusOr<v1::BackupResponse> Backup(const v1::BackupRequest& request) override {
    return Unary(&v1::Kith::Stub::Backup, request);
  }
  absl::StatusOr<v1::SharedHistoryResponse> SharedHistory(const v1::SharedHistoryRequest& request) override {
    return Unary(&v1::Kith::Stub::SharedHistory, request);
  }

  absl::StatusOr<std::vector<v1::Fact>> Facts(const v1::FactsRequest& request) override {
    return ServerStream(&v1::Kith::Stub::Facts, request);
  }
  absl::StatusOr<std::vector<v1::ExportItem>> Export(const v1::ExportRequest& request) override {
    return ServerStream(&v1::Kith::Stub::Export, request);
  }
  absl::StatusOr<v1::NeighbourhoodResponse> Neighbourhood(const v1::NeighbourhoodRequest& request) override {
    return Unary(&v1::Kith::Stub::Neighbourhood, request);
  }

 private:
  // Every item of a server-streaming call, or its error.
  template <typename Request, typename Item>
  absl::StatusOr<std::vector<Item>> ServerStream(
      std::unique_ptr<grpc::ClientReader<Item>> (v1::Kith::Stub::*method)(grpc::ClientContext*, const Request&),
      const Request& request) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + kQueryDeadline);
    Authorize(context, token_);
    std::unique_ptr<grpc::ClientReader<Item>> reader = (stub_.get()->*method)(&context, request);
    std::vector<Item> items;
    Item item;
    while (reader->Read(&item)) items.push_back(item);
    grpc::Status status = reader->Finish();
    if (!status.ok()) return service::FromGrpcStatus(status);
    return items;
  }

  // One unary call with the query deadline, its status converted.
  template <typename Request, typename Response>
  absl::StatusOr<Response> Unary(grpc::Status (v1::Kith::Stub::*method)(grpc::ClientContext*, const Request&,
                                                                        Response*),
                                 const Request& request) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + kQueryDeadline);
    Authorize(context, token_);
    Response response;
    grpc::Status status = (stub_.get()->*method)(&context, request, &response);
    if (!status.ok()) return service::FromGrpcStatus(status);
    return response;
  }

  std::unique_ptr<v1::Kith::Stub> stub_;
  std::string token_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Client>> ConnectRemote(const std::string& address, const RemoteOptions& options) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (!options.tls_ca_file.empty()) {
    std::ifstream in(options.tls_ca_file, std::ios::binary);
    if (!in) return absl::NotFoundError("cannot read the TLS CA file " + options.tls_ca_file);
    std::ostringstream pem;
    pem << in.rdbuf();
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = pem.str();
    credentials = grpc::SslCredentials(ssl);
  }
  auto channel = grpc::CreateCustomChannel(address, credentials, args);
  return std::make_unique<RemoteClient>(std::move(channel), options.token);
}

}  // namespace kith::cli
