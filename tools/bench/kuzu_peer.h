// The Kùzu peer of kith-bench: Kùzu is an embedded graph database whose
// maintained binding is the npm package `kuzu`, so it runs in a Node.js
// process (tools/bench/kuzu/kuzu_peer.js). The graph goes over as CSV files,
// the questions as JSON; the answers and per-call times come back as JSON.
#ifndef KITH_TOOLS_BENCH_KUZU_PEER_H_
#define KITH_TOOLS_BENCH_KUZU_PEER_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tools/bench/bench_util.h"
#include "tools/bench/peer_graph.h"

namespace kith::bench {

struct KuzuQuestions {
  std::vector<std::string> people;                              // who-knows top 20
  std::vector<std::pair<std::string, std::string>> known_pairs;  // shared notes
  std::vector<std::pair<std::string, std::string>> path_pairs;   // fewest hops <= 4
  int rounds = 5;
  int path_rounds = 1;
};

struct KuzuAnswers {
  std::string version;
  double load_seconds = 0;
  std::vector<std::vector<std::string>> who_knows, shared;
  std::vector<std::optional<int>> hops;
  Series who_knows_time, shared_time, hops_time;
};

// Installs the locked npm packages into `work_dir`/node_modules unless they
// are there from the same lock file (the registry must be reachable).
absl::Status InstallKuzu(const std::string& work_dir);

// Writes `graph` as the CSV files kuzu_peer.js loads.
absl::Status WriteKuzuGraph(const PeerGraph& graph, const std::string& work_dir);

// Runs kuzu_peer.js on the files in `work_dir`.
absl::StatusOr<KuzuAnswers> AskKuzu(const KuzuQuestions& questions, const std::string& work_dir);

}  // namespace kith::bench

#endif  // KITH_TOOLS_BENCH_KUZU_PEER_H_
