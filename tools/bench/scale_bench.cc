// kith-bench: the end-to-end figures of docs/PERFORMANCE.md on one store:
// ingest (notes/s, MB/s, peak memory, store size, no-change re-sync), cold
// open to first answer, the memory index's build, per-query median and p99
// in-process and over gRPC, and gRPC throughput with 1, 8 and 32
// concurrent clients on loopback; with --peers, the same questions to
// SQLite on the same graph (tools/bench/peer_compare.h).
// A benchmark, not a test: it asserts nothing about time.
#include <grpcpp/grpcpp.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "kith/v1/kith.grpc.pb.h"
#include "service/server.h"
#include "tools/bench/bench_util.h"
#include "tools/bench/peer_compare.h"

namespace kith::bench {
namespace {

namespace fs = std::filesystem;

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

uint64_t DirectoryBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

// Ingests `vault` and prints how fast it went.
void Ingest(Engine& engine, const std::string& vault, const char* label) {
  auto start = Clock::now();
  VaultIngest ingest = IngestVault(engine, vault);
  double seconds = Seconds(start);
  const absl::StatusOr<IngestReport>& report = ingest.report;
  const size_t files = ingest.files;
  const uint64_t bytes = ingest.bytes;
  if (!report.ok()) {
    std::fprintf(stderr, "ingest failed: %s\n", std::string(report.status().message()).c_str());
    std::exit(1);
  }
  std::printf("%-28s %zu notes (%lld stored, %lld unchanged) in %.2f s: %.0f notes/s, %.1f MB/s, peak RSS %.0f MB\n",
              label, files, static_cast<long long>(report->notes_stored),
              static_cast<long long>(report->notes_unchanged), seconds, files / seconds,
              bytes / 1e6 / seconds, PeakRssMb());
}

struct Inputs {
  std::vector<std::string> people;
  std::vector<std::pair<std::string, std::string>> known_pairs;  // A person and their best contact.
  std::vector<std::pair<std::string, std::string>> random_pairs;
};

// People drawn evenly (seeded) from the name index, plus the vault's owner
// (the busiest person: the worst case), and pairs built from them.
Inputs ChooseInputs(const Engine& engine, size_t count, uint32_t seed) {
  std::set<std::string> names;
  for (char c = 'a'; c <= 'z'; ++c) {
    if (auto hits = engine.Search(std::string(1, c), 2000); hits.ok()) {
      for (const query::SearchHit& h : *hits) {
        if (h.kind == model::EntityKind::kPerson && h.name.find(' ') != std::string::npos) names.insert(h.name);
      }
    }
  }
  std::vector<std::string> pool(names.begin(), names.end());
  std::mt19937 random(seed);
  std::shuffle(pool.begin(), pool.end(), random);
  Inputs inputs;
  if (auto stats = engine.Stats(); stats.ok() && !stats->owner.empty()) inputs.people.push_back(stats->owner);
  for (const std::string& name : pool) {
    if (inputs.people.size() >= count) break;
    if (name != (inputs.people.empty() ? "" : inputs.people[0])) inputs.people.push_back(name);
  }
  for (size_t i = 0; i < inputs.people.size(); ++i) {
    auto known = engine.WhoKnows({.name = inputs.people[i], .limit = 1});
    if (known.ok() && !known->people.empty()) inputs.known_pairs.emplace_back(inputs.people[i], known->people[0].name);
    if (i + 1 < inputs.people.size()) inputs.random_pairs.emplace_back(inputs.people[i], inputs.people[i + 1]);
  }
  return inputs;
}

std::string Label(const std::string& person) { return person; }
std::string Label(const std::pair<std::string, std::string>& pair) { return pair.first + " / " + pair.second; }

// Times `call` on every input as Measure does and prints its row, then,
// when `slowest` > 0, the inputs that make its tail.
template <typename Input>
void Row(const std::string& name, const std::vector<Input>& inputs, int rounds, size_t slowest,
         const std::function<absl::Status(const Input&)>& call) {
  const Series s = Measure<Input>(name, inputs, rounds, call);
  Print(s);
  for (const auto& [input, micros] : SlowestInputs(s, slowest)) {
    std::printf("    %10.1f µs median  %s\n", micros, Label(inputs[input]).c_str());
  }
}

void InProcess(const Engine& engine, const Inputs& in, int rounds, int path_pairs, size_t slowest) {
  using Pair = std::pair<std::string, std::string>;
  PrintHeader("in-process");
  Row<std::string>("who-knows top 20", in.people, rounds, slowest,
                   [&](const std::string& p) { return engine.WhoKnows({.name = p, .limit = 20}).status(); });
  // As the CLI and kithd answer by default (the newest 50 entries), and whole.
  Row<Pair>("shared-history", in.known_pairs, rounds, slowest,
            [&](const Pair& p) { return engine.SharedHistory(p.first, p.second, 50).status(); });
  Row<Pair>("shared-history whole", in.known_pairs, rounds, slowest,
            [&](const Pair& p) { return engine.SharedHistory(p.first, p.second, 0).status(); });
  std::vector<Pair> paths(in.random_pairs.begin(),
                          in.random_pairs.begin() + std::min<size_t>(path_pairs, in.random_pairs.size()));
  Row<Pair>("intro-path k3 <=4 hops", paths, 1, slowest, [&](const Pair& p) {
    return engine.IntroPaths({.from = p.first, .to = p.second, .max_hops = 4, .k = 3}).status();
  });
}

absl::Status GrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::UnavailableError(status.error_message());
}

void OverGrpc(const std::string& address, const Inputs& in, int rounds) {
  PrintHeader("over gRPC (loopback, one client)");
  // As the CLI's client: a busy pair's whole shared history passes gRPC's
  // default 4 MB at 1M notes.
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  auto stub = v1::Kith::NewStub(grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
  Print(Measure<std::string>("who-knows top 20", in.people, rounds, [&](const std::string& p) {
    grpc::ClientContext context;
    v1::WhoKnowsRequest request;
    request.set_name(p);
    v1::WhoKnowsResponse response;
    return GrpcStatus(stub->WhoKnows(&context, request, &response));
  }));
  Print(Measure<std::pair<std::string, std::string>>("shared-history", in.known_pairs, rounds, [&](const auto& p) {
    grpc::ClientContext context;
    v1::SharedHistoryRequest request;
    request.set_a(p.first);
    request.set_b(p.second);
    v1::SharedHistoryResponse response;
    return GrpcStatus(stub->SharedHistory(&context, request, &response));
  }));
}

// One client of the throughput run: its own channel (and connection), and
// always exactly one call in flight. The next call starts from the
// previous one's completion callback, so 32 clients need no 32 threads of
// their own competing with the server for the 2 cores.
class LoadClient {
 public:
  struct Shared {
    const Inputs& inputs;
    std::atomic<bool> stop{false};
    std::atomic<int64_t> calls{0}, errors{0};
    std::mutex mutex;  // Guards first_error and running.
    std::condition_variable all_stopped;
    std::string first_error;
    int running = 0;
  };

  LoadClient(const std::string& address, int id, Shared& shared) : shared_(shared), next_input_(id) {
    grpc::ChannelArguments args;
    args.SetInt("kith.client", id);  // A distinct channel per client: no shared connection.
    stub_ = v1::Kith::NewStub(grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
  }

  void Start() {
    {
      std::lock_guard<std::mutex> lock(shared_.mutex);
      ++shared_.running;
    }
    Call();
  }

 private:
  void Call() {
    if (shared_.stop.load(std::memory_order_relaxed)) {
      std::lock_guard<std::mutex> lock(shared_.mutex);
      if (--shared_.running == 0) shared_.all_stopped.notify_all();
      return;
    }
    context_ = std::make_unique<grpc::ClientContext>();
    request_.set_name(shared_.inputs.people[next_input_++ % shared_.inputs.people.size()]);
    response_.Clear();
    stub_->async()->WhoKnows(context_.get(), &request_, &response_, [this](grpc::Status status) {
      if (status.ok()) {
        shared_.calls.fetch_add(1, std::memory_order_relaxed);
      } else if (shared_.errors.fetch_add(1, std::memory_order_relaxed) == 0) {
        std::lock_guard<std::mutex> lock(shared_.mutex);
        shared_.first_error = absl::StrCat("code ", status.error_code(), ": ", status.error_message());
      }
      Call();
    });
  }

  Shared& shared_;
  size_t next_input_;
  std::unique_ptr<v1::Kith::Stub> stub_;
  std::unique_ptr<grpc::ClientContext> context_;
  v1::WhoKnowsRequest request_;
  v1::WhoKnowsResponse response_;
};

// `clients` load clients call WhoKnows back to back for `seconds`, cycling
// through the inputs.
void Throughput(const std::string& address, const Inputs& in, int clients, double seconds) {
  LoadClient::Shared shared{in};
  std::vector<std::unique_ptr<LoadClient>> load;
  for (int c = 0; c < clients; ++c) load.push_back(std::make_unique<LoadClient>(address, c, shared));
  auto start = Clock::now();
  for (auto& client : load) client->Start();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  shared.stop = true;
  {
    std::unique_lock<std::mutex> lock(shared.mutex);
    shared.all_stopped.wait(lock, [&] { return shared.running == 0; });
  }
  double elapsed = Seconds(start);
  std::printf("  who-knows, %2d clients: %8.0f calls/s over %.1f s, %lld errors\n", clients,
              shared.calls / elapsed, elapsed, static_cast<long long>(shared.errors.load()));
  if (!shared.first_error.empty()) std::printf("    first error: %s\n", shared.first_error.c_str());
}

}  // namespace
}  // namespace kith::bench

int main(int argc, char** argv) {
  // Debian's Abseil is built with assertions, which turns on the deadlock
  // detector of every absl::Mutex: gRPC takes several per call, and the
  // detector's graph book-keeping was 3 % of a loaded server's time.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  using namespace kith::bench;
  CLI::App app{"kith-bench: ingest, open, latency and throughput figures on one store"};
  std::string db, vault;
  size_t input_count = 200;
  int rounds = 5, path_pairs = 20;
  size_t slowest = 0;
  double seconds = 5;
  std::vector<int> client_counts = {1, 8, 32};
  bool peers = false;
  std::string kuzu_dir = (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "kuzu-peer").string();
  app.add_option("--db", db, "the store (created by ingesting --vault when given)")->required();
  app.add_option("--vault", vault, "ingest this vault first, twice (the second run is the no-change re-sync)");
  app.add_option("--inputs", input_count, "people to ask about")->capture_default_str();
  app.add_option("--rounds", rounds, "calls per input")->capture_default_str();
  app.add_option("--path-pairs", path_pairs, "pairs for intro-path")->capture_default_str();
  app.add_option("--slowest", slowest, "under each in-process row, the inputs with the slowest median call")
      ->capture_default_str();
  app.add_option("--seconds", seconds, "length of each throughput run")->capture_default_str();
  app.add_option("--clients", client_counts, "concurrent gRPC clients per throughput run")->capture_default_str();
  app.add_flag("--peers", peers, "also load the same graph into SQLite and Kùzu and compare answers and times");
  app.add_option("--kuzu-dir", kuzu_dir, "where Kùzu's npm packages and the graph's CSV files go (\"\" leaves Kùzu out)");
  CLI11_PARSE(app, argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // Progress as it happens, also into a file.

  // Each ingest opens the store as `kith ingest` does: the first fills the
  // store it creates in bulk, the second finds nothing changed.
  for (const char* label : {"ingest", "no-change re-sync"}) {
    if (vault.empty()) break;
    auto engine = kith::Engine::Open({.defer_compactions_until_write = true, .bulk_load_when_created = true}, db);
    if (!engine.ok()) return std::fprintf(stderr, "%s\n", std::string(engine.status().message()).c_str()), 1;
    Ingest(**engine, vault, label);
  }
  std::printf("store: %.1f MB on disk\n", DirectoryBytes(db) / 1e6);

  // Cold open: a new engine with an empty block cache of the CLI's size
  // (the OS page cache stays warm) and one answer from the store, as a
  // fresh `kith who-knows` process gets it: for a typical person, and for
  // the vault's owner (in every other meeting).
  Inputs inputs;
  {
    auto engine = kith::Engine::Open({}, db);
    if (!engine.ok()) return std::fprintf(stderr, "%s\n", std::string(engine.status().message()).c_str()), 1;
    inputs = ChooseInputs(**engine, input_count, 7);
  }
  for (size_t which : {size_t{1}, size_t{0}}) {
    if (which >= inputs.people.size()) continue;
    auto start = Clock::now();
    auto engine = kith::Engine::Open({.block_cache_bytes = kith::kOneQueryBlockCacheBytes}, db);
    if (!engine.ok()) return 1;
    auto first = (*engine)->WhoKnows({.name = inputs.people[which], .limit = 20});
    std::printf("cold open + first who-knows from the store (%s): %.1f ms\n",
                which == 0 ? "the owner" : "a typical person", Seconds(start) * 1e3);
    if (!first.ok()) std::printf("  error: %s\n", std::string(first.status().message()).c_str());
  }
  std::printf("inputs: %zu people, %zu known pairs, %zu random pairs\n", inputs.people.size(),
              inputs.known_pairs.size(), inputs.random_pairs.size());

  std::optional<PeerData> peer_data;
  if (peers) {
    absl::StatusOr<PeerData> loaded = LoadPeers(db, kuzu_dir);
    if (!loaded.ok()) return std::fprintf(stderr, "peers: %s\n", std::string(loaded.status().message()).c_str()), 1;
    peer_data = *std::move(loaded);
  }

  auto engine = kith::Engine::Open({.memory_index = true}, db);
  if (!engine.ok()) return 1;
  auto start = Clock::now();
  if (absl::Status built = (*engine)->RefreshMemoryIndex(); !built.ok()) {
    std::fprintf(stderr, "memory index: %s\n", std::string(built.message()).c_str());
    return 1;
  }
  std::printf("memory index built in %.2f s; peak RSS now %.0f MB\n", Seconds(start), PeakRssMb());
  if (inputs.random_pairs.size() > 0) {
    // The engine builds the path graph with the memory index, so the first
    // intro-path is already fast; the latency rows below are warm.
    start = Clock::now();
    const auto& [from, to] = inputs.random_pairs[0];
    absl::Status first = (*engine)->IntroPaths({.from = from, .to = to}).status();
    std::printf("first intro-path after the index build: %.0f ms (%s); peak RSS now %.0f MB\n",
                Seconds(start) * 1e3, first.ok() ? "ok" : std::string(first.message()).c_str(), PeakRssMb());
  }

  InProcess(**engine, inputs, rounds, path_pairs, slowest);
  auto server = kith::service::StartServer(**engine, {.listen = "127.0.0.1:0"});
  if (!server.ok()) return std::fprintf(stderr, "%s\n", std::string(server.status().message()).c_str()), 1;
  std::string address = "127.0.0.1:" + std::to_string(server->port);
  OverGrpc(address, inputs, rounds);
  std::printf("throughput (gRPC, loopback, same 2 cores as the server)\n");
  for (int clients : client_counts) Throughput(address, inputs, clients, seconds);
  if (peer_data) {
    ComparePeers(**engine, *peer_data, inputs.people, inputs.known_pairs, inputs.random_pairs, rounds, path_pairs);
  }
  server->server->Shutdown();
  return 0;
}
