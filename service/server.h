// Building a kithd gRPC server around an engine; used by kithd and by the
// integration tests, which run the same server in-process.
#ifndef KITH_SERVICE_SERVER_H_
#define KITH_SERVICE_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "engine/kith.h"
#include "service/grpc_service.h"

namespace kith::service {

struct ServerOptions {
  // host:port; port 0 picks a free port (see RunningServer::port).
  std::string listen = "127.0.0.1:50051";
  // Largest request or response message accepted, in bytes.
  int max_message_bytes = 64 << 20;
  // A token file (TokenAuthenticator::FromFile): every call must then bring
  // a bearer token. Required to listen beyond loopback.
  std::string auth_token_file;
  // PEM certificate chain and private key: serve TLS. Required beyond
  // loopback unless allow_plaintext.
  std::string tls_cert;
  std::string tls_key;
  // Serve a non-loopback address without TLS (tokens cross the network in
  // the clear; for networks that encrypt below gRPC).
  bool allow_plaintext = false;
};

struct RunningServer {
  std::unique_ptr<TokenAuthenticator> auth;  // Null without a token file.
  std::unique_ptr<KithService> service;
  std::unique_ptr<grpc::Server> server;
  int port = 0;
};

// True for 127.0.0.0/8, [::1] and localhost.
bool IsLoopbackAddress(const std::string& host_port);

// Starts serving `engine` (which must outlive the server) with the Kith
// service, server reflection and the standard health service.
// InvalidArgument for a non-loopback address without a token file, or
// without TLS unless allow_plaintext, or for a certificate without a key;
// the token file's own errors; NotFound for unreadable TLS files;
// Unavailable if the port cannot be bound.
absl::StatusOr<RunningServer> StartServer(Engine& engine, const ServerOptions& options);

}  // namespace kith::service

#endif  // KITH_SERVICE_SERVER_H_
