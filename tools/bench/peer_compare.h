// kith against its peers on the same graph and the same inputs: every
// answer compared (a mismatch is counted and printed), then medians, p99s
// and their ratios. SQLite runs in-process, Kùzu in a Node.js process; the
// in-memory CSR lower bound is a plain breadth-first search over the same
// ties.
#ifndef KITH_TOOLS_BENCH_PEER_COMPARE_H_
#define KITH_TOOLS_BENCH_PEER_COMPARE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/graph/knows_index.h"
#include "engine/kith.h"
#include "tools/bench/sqlite_peer.h"

namespace kith::bench {

struct PeerData {
  std::unique_ptr<graph::KnowsIndex> index;  // Built from the store for the peers' knows edges.
  std::unique_ptr<SqlitePeer> sqlite;
  std::string kuzu_dir;  // Kùzu's packages and the graph as CSV; empty without Kùzu.
  double load_seconds = 0;
};

// Opens the store at `db_dir` (no engine may hold it yet), builds the
// index, loads SQLite and, unless `kuzu_dir` is empty, installs Kùzu there
// and writes the graph for it.
absl::StatusOr<PeerData> LoadPeers(const std::string& db_dir, const std::string& kuzu_dir);

// Asks kith (through `engine`) and the peers the same questions.
void ComparePeers(const Engine& engine, const PeerData& peers, const std::vector<std::string>& people,
                  const std::vector<std::pair<std::string, std::string>>& known_pairs,
                  const std::vector<std::pair<std::string, std::string>>& random_pairs, int rounds, int path_pairs);

}  // namespace kith::bench

#endif  // KITH_TOOLS_BENCH_PEER_COMPARE_H_
