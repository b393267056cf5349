#include "service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith::service {

bool IsLoopbackAddress(const std::string& host_port) {
  std::string_view s = host_port;
  if (util::StartsWith(s, "ipv4:")) s.remove_prefix(5);
  if (util::StartsWith(s, "ipv6:")) s.remove_prefix(5);
  return util::StartsWith(s, "127.") || util::StartsWith(s, "[::1]") ||
         util::StartsWith(s, "localhost:");
}

namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read the TLS ", std::string(what), " ", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(const ServerOptions& options) {
  if (options.tls_cert.empty() && options.tls_key.empty()) return grpc::InsecureServerCredentials();
  if (options.tls_cert.empty() || options.tls_key.empty()) {
    return absl::InvalidArgumentError("TLS needs both --tls-cert and --tls-key");
  }
  ASSIGN_OR_RETURN(std::string cert, ReadPem(options.tls_cert, "certificate"));
  ASSIGN_OR_RETURN(std::string key, ReadPem(options.tls_key, "key"));
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({key, cert});
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

absl::StatusOr<RunningServer> StartServer(Engine& engine, const ServerOptions& options) {
  RunningServer running;
  if (!options.auth_token_file.empty()) {
    ASSIGN_OR_RETURN(TokenAuthenticator auth, TokenAuthenticator::FromFile(options.auth_token_file));
    running.auth = std::make_unique<TokenAuthenticator>(std::move(auth));
  }
  bool tls = !options.tls_cert.empty() || !options.tls_key.empty();
  if (!IsLoopbackAddress(options.listen)) {
    if (!running.auth) {
      return absl::InvalidArgumentError(absl::StrCat(
          "refusing to listen on ", options.listen,
          " without --auth-token-file: only loopback addresses (127.0.0.1, [::1], localhost) are served openly"));
    }
    if (!tls && !options.allow_plaintext) {
      return absl::InvalidArgumentError(absl::StrCat(
          "refusing to listen on ", options.listen,
          " without TLS (--tls-cert, --tls-key): tokens would cross the network in the clear "
          "(--allow-plaintext if the network encrypts)"));
    }
  }
  ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials, Credentials(options));
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  running.service = std::make_unique<KithService>(engine, running.auth.get());
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, credentials, &running.port);
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
