#include "engine/graph/social_graph.h"

#include "engine/graph/knows_index.h"
#include "engine/graph/path_finder.h"
#include "engine/util/status_macros.h"

namespace kith::graph {

SocialGraph::~SocialGraph() = default;

std::optional<uint32_t> SocialGraph::vertex(store::NodeId id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const PathFinder& SocialGraph::paths() const {
  std::call_once(paths_once_, [this] { paths_ = std::make_unique<PathFinder>(*this); });
  return *paths_;
}

absl::StatusOr<std::unique_ptr<SocialGraph>> SocialGraph::Build(const store::StoreReader& reader,
                                                                const query::StrengthModel& model) {
  ASSIGN_OR_RETURN(std::unique_ptr<KnowsIndex> index, KnowsIndex::Build(reader, model));
  return FromIndex(*index);
}

std::unique_ptr<SocialGraph> SocialGraph::FromIndex(const KnowsIndex& index) {
  auto graph = std::make_unique<SocialGraph>();
  graph->names_ = index.names_;
  graph->ids_ = index.ids_;
  for (uint32_t v = 0; v < graph->ids_.size(); ++v) graph->index_.emplace(graph->ids_[v], v);
  for (uint32_t a = 0; a < index.ranges_.size(); ++a) {
    auto [begin, end] = index.ranges_[a];
    for (uint32_t t = begin; t < end; ++t) {
      const KnowsIndex::TieRow& row = index.ties_[t];
      if (row.other <= a || row.strength <= 0) continue;  // Each pair once, from its lower vertex.
      Tie tie;
      tie.a = a;
      tie.b = row.other;
      tie.strength = row.strength;
      tie.meetings = row.interactions;
      tie.last_meeting = row.last;
      if (row.reasons_begin < row.reasons_end) {
        const KnowsIndex::ReasonRow& reason = index.reasons_[row.reasons_begin];
        tie.relation = RelationWord(reason.relation);
        tie.evidence = reason.text;
        tie.evidence_path = index.notes_[reason.note].path;
      } else if (row.evidence_begin < row.evidence_end) {
        const store::NoteInfo& newest = index.notes_[index.evidence_[row.evidence_begin]];
        tie.evidence = newest.title;
        tie.evidence_path = newest.path;
      }
      graph->ties_.push_back(std::move(tie));
    }
  }
  return graph;
}

}  // namespace kith::graph
