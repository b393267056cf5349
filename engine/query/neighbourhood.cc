// graph NAME: breadth-first over the social graph from one person. Each
// ring is taken strongest tie first, so a limit keeps the people closest
// to the centre rather than an arbitrary subset.
#include <algorithm>
#include <map>
#include <set>

#include "engine/graph/social_graph.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

// The organisation the person's latest current WORKS_AT statement names.
absl::StatusOr<std::string> CurrentEmployer(const store::StoreReader& reader, store::NodeId person) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                   reader.Edges(person, store::Direction::kOut, model::RelationType::kWorksAt));
  std::optional<int32_t> best_date;
  std::string best;
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
    if (!fact || !note || fact->status != "current") continue;
    std::optional<int32_t> date = fact->date ? fact->date : note->date;
    if (!best.empty() && date <= best_date) continue;
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> org, reader.Entity(edge.neighbour));
    if (!org) continue;
    best = org->name;
    best_date = date;
  }
  return best;
}

}  // namespace

absl::StatusOr<Neighbourhood> BuildNeighbourhood(const store::StoreReader& reader, const NeighbourhoodQuery& query) {
  if (query.depth < 1 || query.limit < 1) return absl::InvalidArgumentError("depth and limit must be at least 1");
  ASSIGN_OR_RETURN(store::EntityInfo center, ResolvePerson(reader, query.name));
  ASSIGN_OR_RETURN(std::unique_ptr<graph::SocialGraph> built, graph::SocialGraph::Build(reader, query.model));
  const graph::SocialGraph& social = *built;
  Neighbourhood out;
  out.center = center.name;
  std::optional<uint32_t> start = social.vertex(center.id);
  std::map<uint32_t, int> distance;  // Vertex → ties from the centre, for those taken.
  std::vector<uint32_t> order;
  if (start) {
    std::vector<std::vector<const graph::Tie*>> adjacent(social.vertex_count());
    for (const graph::Tie& t : social.ties()) {
      adjacent[t.a].push_back(&t);
      adjacent[t.b].push_back(&t);
    }
    distance[*start] = 0;
    order.push_back(*start);
    std::vector<uint32_t> ring = {*start};
    for (int d = 1; d <= query.depth && !ring.empty(); ++d) {
      // The next ring, each person by their strongest tie into the rings so far.
      std::map<uint32_t, double> reach;
      for (uint32_t v : ring) {
        for (const graph::Tie* t : adjacent[v]) {
          uint32_t w = t->a == v ? t->b : t->a;
          if (!distance.count(w)) reach[w] = std::max(reach[w], t->strength);
        }
      }
      std::vector<std::pair<double, uint32_t>> ranked;
      for (const auto& [w, strength] : reach) ranked.emplace_back(-strength, w);
      std::sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
        return x.first != y.first ? x.first < y.first : social.name(x.second) < social.name(y.second);
      });
      ring.clear();
      for (const auto& [negative, w] : ranked) {
        if (order.size() >= static_cast<size_t>(query.limit)) break;
        distance[w] = d;
        order.push_back(w);
        ring.push_back(w);
      }
    }
    for (const graph::Tie& t : social.ties()) {
      if (!distance.count(t.a) || !distance.count(t.b)) continue;
      std::string relation = t.relation == "related" ? "" : t.relation;
      out.ties.push_back({social.name(t.a), social.name(t.b), t.strength, t.meetings, relation});
    }
    std::sort(out.ties.begin(), out.ties.end(), [](const NeighbourTie& x, const NeighbourTie& y) {
      return x.strength != y.strength ? x.strength > y.strength : std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
  }
  if (order.empty()) out.people.push_back({center.name, 0, ""});
  for (uint32_t v : order) out.people.push_back({social.name(v), distance[v], ""});
  for (size_t i = 0; i < out.people.size(); ++i) {
    store::NodeId id = i < order.size() ? social.id(order[i]) : center.id;
    ASSIGN_OR_RETURN(out.people[i].organization, CurrentEmployer(reader, id));
  }
  return out;
}

}  // namespace kith::query
