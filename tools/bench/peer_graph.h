// The graph kith serves, read once from a store for the peer systems of
// `kith-bench --peers`: people, organisations, topics, notes, who attended
// which note, which notes name whom and discuss what, and each person's
// who-knows strength for each acquaintance as a weighted knows edge (both
// directions). SQLite loads it into tables;
// Kùzu reads it as CSV files.
#ifndef KITH_TOOLS_BENCH_PEER_GRAPH_H_
#define KITH_TOOLS_BENCH_PEER_GRAPH_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/graph/knows_index.h"
#include "engine/store/store.h"

namespace kith::bench {

struct PeerGraph {
  struct Named {
    store::NodeId id;
    std::string name;
  };
  struct Note {
    store::NodeId id;
    std::string path;
    std::string title;
    int64_t date;  // Days since the epoch; -1 when the note has none.
  };
  struct Knows {
    store::NodeId a, b;
    double weight;
    int meetings;
  };
  std::vector<Named> persons, organizations, topics;
  std::vector<Note> notes;
  std::vector<std::pair<store::NodeId, store::NodeId>> attended;  // (person, note)
  // (person, note): a note that names a person it does not list as
  // attending (kith's MENTIONED_IN, less the notes they attended).
  std::vector<std::pair<store::NodeId, store::NodeId>> mentioned;
  std::vector<std::pair<store::NodeId, store::NodeId>> discussed;  // (note, topic)
  std::vector<Knows> knows;
};

// Reads every entity and note of `reader`; the knows edges come from `index`.
absl::StatusOr<PeerGraph> ReadPeerGraph(const store::StoreReader& reader, const graph::KnowsIndex& index);

}  // namespace kith::bench

#endif  // KITH_TOOLS_BENCH_PEER_GRAPH_H_
