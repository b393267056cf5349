#include "service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/strings/str_cat.h"
#include "engine/util/text.h"

namespace kith::service {

bool IsLoopbackAddress(const std::string& host_port) {
  std::string_view s = host_port;
  if (util::StartsWith(s, "ipv4:")) s.remove_prefix(5);
  if (util::StartsWith(s, "ipv6:")) s.remove_prefix(5);
  return util::StartsWith(s, "127.") || util::StartsWith(s, "[::1]") ||
         util::StartsWith(s, "localhost:");
}

absl::StatusOr<RunningServer> StartServer(Engine& engine, const ServerOptions& options) {
  if (!IsLoopbackAddress(options.listen)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "refusing to listen on ", options.listen,
        ": kithd serves loopback addresses only (127.0.0.1, [::1], localhost)"));
  }
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  RunningServer running;
  running.service = std::make_unique<KithService>(engine);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, grpc::InsecureServerCredentials(), &running.port);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  builder.RegisterService(running.service.get());
  running.server = builder.BuildAndStart();
  if (!running.server || running.port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen));
  }
  running.server->GetHealthCheckService()->SetServingStatus(true);
  return running;
}

}  // namespace kith::service
