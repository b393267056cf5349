#include "engine/graph/social_graph.h"

#include <cmath>
#include <map>

#include "engine/query/meetings.h"
#include "engine/util/status_macros.h"

namespace kith::graph {
namespace {

using model::RelationType;

std::string RelationWord(RelationType type) {
  switch (type) {
    case RelationType::kReportsTo: return "reporting line";
    case RelationType::kWorkedWith: return "worked together";
    case RelationType::kKnows: return "know each other";
    case RelationType::kFamily: return "family";
    case RelationType::kIntroduced: return "introduced";
    default: return "related";
  }
}

}  // namespace

std::optional<uint32_t> SocialGraph::vertex(store::NodeId id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

absl::StatusOr<SocialGraph> SocialGraph::Build(const store::StoreReader& reader, const query::StrengthModel& model) {
  SocialGraph graph;
  auto vertex_of = [&](store::NodeId id) -> absl::StatusOr<uint32_t> {
    auto it = graph.index_.find(id);
    if (it != graph.index_.end()) return it->second;
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(id));
    uint32_t v = static_cast<uint32_t>(graph.names_.size());
    graph.names_.push_back(e ? e->name : "?");
    graph.ids_.push_back(id);
    graph.index_.emplace(id, v);
    return v;
  };
  ASSIGN_OR_RETURN(std::optional<int32_t> reference, query::ReferenceDate(reader));
  std::map<std::pair<uint32_t, uint32_t>, Tie> ties;
  auto tie = [&](uint32_t x, uint32_t y) -> Tie& {
    if (x > y) std::swap(x, y);
    Tie& t = ties[{x, y}];
    t.a = x;
    t.b = y;
    return t;
  };

  std::vector<store::NoteInfo> notes;
  RETURN_IF_ERROR(reader.ForEachNote([&](const store::NoteInfo& note) {
    if (note.attendees.size() > 1) notes.push_back(note);
    return true;
  }));
  std::vector<store::NodeId> people;
  RETURN_IF_ERROR(reader.ForEachName([&](std::string_view, model::EntityKind kind, store::NodeId id) {
    if (kind == model::EntityKind::kPerson) people.push_back(id);
    return true;
  }));
  for (const store::NoteInfo& note : notes) {
    double weight = query::MeetingWeight(note, reference, model);
    for (size_t i = 0; i < note.attendees.size(); ++i) {
      for (size_t j = i + 1; j < note.attendees.size(); ++j) {
        ASSIGN_OR_RETURN(uint32_t x, vertex_of(note.attendees[i]));
        ASSIGN_OR_RETURN(uint32_t y, vertex_of(note.attendees[j]));
        if (x == y) continue;
        Tie& t = tie(x, y);
        t.score += weight;
        ++t.meetings;
        if (note.date && (!t.last_meeting || *note.date > *t.last_meeting)) {
          t.last_meeting = note.date;
          if (t.relation.empty()) {
            t.evidence = note.title;
            t.evidence_path = note.path;
          }
        }
      }
    }
  }
  // Stated relations: each pair and relation counts once (its best weight).
  std::map<std::tuple<uint32_t, uint32_t, int>, double> stated;
  for (store::NodeId person : people) {
    for (RelationType type : {RelationType::kReportsTo, RelationType::kWorkedWith, RelationType::kKnows,
                              RelationType::kFamily, RelationType::kIntroduced}) {
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, store::Direction::kOut, type));
      for (const store::EdgeRef& edge : edges) {
        ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
        ASSIGN_OR_RETURN(std::optional<store::EntityInfo> other, reader.Entity(edge.neighbour));
        if (!note || !other || other->kind != model::EntityKind::kPerson) continue;
        ASSIGN_OR_RETURN(uint32_t x, vertex_of(person));
        ASSIGN_OR_RETURN(uint32_t y, vertex_of(edge.neighbour));
        if (x == y) continue;
        double weight = query::RelationWeight(type, model) * query::Recency(note->date, reference, model);
        auto key = std::make_tuple(std::min(x, y), std::max(x, y), static_cast<int>(type));
        double& best = stated[key];
        if (weight <= best) continue;
        Tie& t = tie(x, y);
        t.score += weight - best;
        best = weight;
        ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
        t.relation = RelationWord(type);
        t.evidence = fact ? fact->evidence.text : note->title;
        t.evidence_path = note->path;
      }
    }
  }
  for (auto& [key, t] : ties) {
    t.strength = 1.0 - std::exp(-t.score / model.saturation);
    if (t.strength > 0) graph.ties_.push_back(std::move(t));
  }
  return graph;
}

}  // namespace kith::graph
