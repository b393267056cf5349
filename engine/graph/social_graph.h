// A read-only view of who knows whom, built from one store snapshot: one
// vertex per person, one undirected edge per pair that shares meetings or a
// stated relation, with exactly the strength who-knows gives the pair (it
// is made from a KnowsIndex). Path algorithms work on this view, never on
// the store (cf. kuzu's graph interface).
#ifndef KITH_ENGINE_GRAPH_SOCIAL_GRAPH_H_
#define KITH_ENGINE_GRAPH_SOCIAL_GRAPH_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/query/query.h"
#include "engine/store/store.h"

namespace kith::graph {

struct Tie {
  uint32_t a = 0;  // Vertex indexes, a < b.
  uint32_t b = 0;
  double strength = 0;  // The who-knows strength, in (0, 1).
  int meetings = 0;  // Shared meetings, duplicate summaries folded.
  std::optional<int32_t> last_meeting;
  std::string relation;     // The strongest stated relation, if any ("worked with").
  std::string evidence;     // Its sentence, else the latest shared note's title.
  std::string evidence_path;
};

class KnowsIndex;
class PathFinder;

class SocialGraph {
 public:
  // Reads every note's attendees and every person-to-person relation.
  static absl::StatusOr<std::unique_ptr<SocialGraph>> Build(const store::StoreReader& reader,
                                                            const query::StrengthModel& model);
  // The same graph from an index already built: one vertex per person
  // (in entity-id order), one tie per pair.
  static std::unique_ptr<SocialGraph> FromIndex(const KnowsIndex& index);
  ~SocialGraph();

  // Built on first use, then shared by every query on this graph.
  const PathFinder& paths() const;

  size_t vertex_count() const { return names_.size(); }
  const std::string& name(uint32_t v) const { return names_[v]; }
  store::NodeId id(uint32_t v) const { return ids_[v]; }
  std::optional<uint32_t> vertex(store::NodeId id) const;
  const std::vector<Tie>& ties() const { return ties_; }

 private:
  std::vector<std::string> names_;
  std::vector<store::NodeId> ids_;  // Vertex → entity id.
  std::unordered_map<store::NodeId, uint32_t> index_;
  std::vector<Tie> ties_;
  mutable std::once_flag paths_once_;
  mutable std::unique_ptr<PathFinder> paths_;
};

}  // namespace kith::graph

#endif  // KITH_ENGINE_GRAPH_SOCIAL_GRAPH_H_
