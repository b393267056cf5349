#include "tools/bench/peer_graph.h"

#include <algorithm>
#include <unordered_set>

#include "engine/util/status_macros.h"

namespace kith::bench {

absl::StatusOr<PeerGraph> ReadPeerGraph(const store::StoreReader& reader, const graph::KnowsIndex& index) {
  PeerGraph graph;
  // The name index lists every alias; the entity record gives the one name.
  std::vector<std::pair<store::NodeId, model::EntityKind>> entities;
  RETURN_IF_ERROR(reader.ForEachName([&](std::string_view, model::EntityKind kind, store::NodeId id) {
    entities.emplace_back(id, kind);
    return true;
  }));
  std::sort(entities.begin(), entities.end());
  entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
  for (const auto& [id, kind] : entities) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(id));
    if (!e) continue;
    if (kind == model::EntityKind::kPerson) graph.persons.push_back({id, e->name});
    if (kind == model::EntityKind::kOrganization) graph.organizations.push_back({id, e->name});
    if (kind == model::EntityKind::kTopic) graph.topics.push_back({id, e->name});
  }
  // Edges only between people that exist, so that every peer loads the
  // same edges (Kùzu refuses an edge to a missing node; a join drops it).
  std::unordered_set<store::NodeId> people;
  for (const PeerGraph::Named& p : graph.persons) people.insert(p.id);
  RETURN_IF_ERROR(reader.ForEachNote([&](const store::NoteInfo& note) {
    graph.notes.push_back({note.id, note.path, note.title, int64_t{note.date.value_or(-1)}});
    for (store::NodeId person : note.attendees) {
      if (people.contains(person)) graph.attended.emplace_back(person, note.id);
    }
    return true;
  }));
  std::sort(graph.attended.begin(), graph.attended.end());
  for (const PeerGraph::Named& p : graph.persons) {
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                     reader.Edges(p.id, store::Direction::kOut, model::RelationType::kMentionedIn));
    for (const store::EdgeRef& edge : edges) {
      const std::pair<store::NodeId, store::NodeId> named(p.id, edge.neighbour);
      if (!std::binary_search(graph.attended.begin(), graph.attended.end(), named)) graph.mentioned.push_back(named);
    }
  }
  std::sort(graph.mentioned.begin(), graph.mentioned.end());
  graph.mentioned.erase(std::unique(graph.mentioned.begin(), graph.mentioned.end()), graph.mentioned.end());
  for (const PeerGraph::Named& t : graph.topics) {
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                     reader.Edges(t.id, store::Direction::kOut, model::RelationType::kDiscussed));
    for (const store::EdgeRef& edge : edges) graph.discussed.emplace_back(edge.neighbour, t.id);
  }
  std::sort(graph.discussed.begin(), graph.discussed.end());
  graph.discussed.erase(std::unique(graph.discussed.begin(), graph.discussed.end()), graph.discussed.end());
  index.ForEachTie([&](store::NodeId a, store::NodeId b, double strength, int meetings) {
    if (people.contains(a) && people.contains(b)) graph.knows.push_back({a, b, strength, meetings});
  });
  return graph;
}

}  // namespace kith::bench
