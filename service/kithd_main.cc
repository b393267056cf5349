// kithd: serves a kith store over gRPC until SIGTERM or SIGINT.
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "engine/kith.h"
#include "service/server.h"
#include "engine/util/db_path.h"

int main(int argc, char** argv) {
  CLI::App app{"kithd: the kith relationship engine over gRPC"};
  std::string db;
  kith::service::ServerOptions options;
  app.add_option("--db", db, "store directory (default: $KITH_DB, else the per-user data dir)");
  app.add_option("--listen", options.listen, "address to listen on")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // Block the shutdown signals before gRPC starts its threads, so that only
  // the sigwait below ever receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::string dir = kith::util::ResolveDbPath(db);
  auto engine = kith::Engine::Open({}, dir);
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
  std::cout << "kithd listening on " << host << ":" << running->port << " (store " << dir << ")"
            << std::endl;

  int received = 0;
  sigwait(&signals, &received);
  std::cerr << "kithd: signal " << received << ", shutting down" << std::endl;
  running->server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  running->server->Wait();
  return 0;
}
