// kithd: serves a kith store over gRPC until SIGTERM or SIGINT.
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "absl/synchronization/mutex.h"
#include "engine/kith.h"
#include "service/server.h"
#include "engine/util/db_path.h"

int main(int argc, char** argv) {
  // Debian's Abseil is built with assertions, which turns on the deadlock
  // detector of every absl::Mutex: gRPC takes several per call, and the
  // detector's graph book-keeping was 3 % of a loaded server's time.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  CLI::App app{"kithd: the kith relationship engine over gRPC"};
  std::string db;
  kith::service::ServerOptions options;
  int max_message_mb = options.max_message_bytes >> 20;
  app.add_option("--db", db, "store directory (default: $KITH_DB, else the per-user data dir)");
  app.add_option("--listen", options.listen, "address to listen on")->capture_default_str();
  app.add_option("--auth-token-file", options.auth_token_file,
                 "file of `read TOKEN` / `write TOKEN` lines; every call must then bring a bearer token "
                 "(required beyond loopback)");
  app.add_option("--tls-cert", options.tls_cert, "PEM certificate chain: serve TLS");
  app.add_option("--tls-key", options.tls_key, "PEM private key of --tls-cert");
  app.add_flag("--allow-plaintext", options.allow_plaintext,
               "serve a non-loopback address without TLS (only where the network encrypts)");
  app.add_option("--max-message-mb", max_message_mb, "largest request or response, in MiB")
      ->capture_default_str()->check(CLI::Range(1, 1024));
  std::string strength_file;
  app.add_option("--strength", strength_file,
                 "YAML file of strength-model parameters (docs/STRENGTH.md); requests may override them");
  CLI11_PARSE(app, argc, argv);
  options.max_message_bytes = max_message_mb << 20;

  kith::EngineOptions engine_options;
  // A server answers many queries: keep who-knows in memory (rebuilt in
  // the background after each write; the store answers meanwhile).
  engine_options.memory_index = true;
  if (!strength_file.empty()) {
    std::ifstream in(strength_file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto model = kith::query::ParseStrengthModel(text.str(), {});
    if (!in || !model.ok()) {
      std::cerr << "kithd: " << strength_file << ": "
                << (in ? model.status().message() : "cannot read the strength file") << "\n";
      return 1;
    }
    engine_options.strength = *model;
  }

  // Block the shutdown signals before gRPC starts its threads, so that only
  // the sigwait below ever receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::string dir = kith::util::ResolveDbPath(db);
  auto engine = kith::Engine::Open(engine_options, dir);
  if (!engine.ok()) {
    std::cerr << "kithd: " << engine.status().message() << "\n";
    return 1;
  }
  auto running = kith::service::StartServer(**engine, options);
  if (!running.ok()) {
    std::cerr << "kithd: " << running.status().message() << "\n";
    return 1;
  }
  std::string host = options.listen.substr(0, options.listen.rfind(':'));
  std::cout << "kithd listening on " << host << ":" << running->port << " (store " << dir
            << (options.tls_cert.empty() ? "" : ", TLS") << (running->auth ? ", tokens required" : "") << ")"
            << std::endl;

  int received = 0;
  sigwait(&signals, &received);
  std::cerr << "kithd: signal " << received << ", shutting down" << std::endl;
  running->server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  running->server->Wait();
  return 0;
}
