// export: the whole graph in one neutral shape that the CLI renders as
// JSON, GraphML, Neo4j import CSVs or DOT. Identity facts (HAS_EMAIL,
// ALSO_KNOWN_AS) become properties of the person rather than edges.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "engine/graph/social_graph.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

using model::RelationType;

std::string NodeKey(std::string_view kind, store::NodeId id) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(id));
  return std::string(kind) + ":" + hex;
}

}  // namespace

absl::StatusOr<GraphExport> ExportGraph(const store::StoreReader& reader, const StrengthModel& model) {
  GraphExport out;
  std::map<store::NodeId, ExportNode> entities;
  std::vector<store::NoteInfo> notes;
  RETURN_IF_ERROR(reader.ForEachNote([&](const store::NoteInfo& note) {
    notes.push_back(note);
    return true;
  }));
  std::sort(notes.begin(), notes.end(),
            [](const store::NoteInfo& a, const store::NoteInfo& b) { return a.path < b.path; });
  auto entity = [&](store::NodeId id) -> absl::StatusOr<ExportNode*> {
    auto it = entities.find(id);
    if (it != entities.end()) return &it->second;
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> info, reader.Entity(id));
    if (!info) return absl::DataLossError("a fact names a missing entity");
    std::string kind(model::EntityKindName(info->kind));
    ExportNode node{NodeKey(kind, id), kind, info->name, "", std::nullopt, {}, {}};
    return &entities.emplace(id, std::move(node)).first->second;
  };
  for (const store::NoteInfo& note : notes) {
    std::string note_key = NodeKey("note", note.id);
    out.nodes.push_back({note_key, "note", note.title, note.path, note.date, {}, {}});
    ASSIGN_OR_RETURN(std::vector<store::StoredFact> facts, reader.NoteFacts(note.id));
    for (const store::StoredFact& fact : facts) {
      if (fact.args.empty()) continue;
      ASSIGN_OR_RETURN(ExportNode * first, entity(fact.args[0]));
      if (fact.type == RelationType::kHasEmail || fact.type == RelationType::kAlsoKnownAs) {
        auto& list = fact.type == RelationType::kHasEmail ? first->emails : first->aliases;
        if (std::find(list.begin(), list.end(), fact.detail) == list.end()) list.push_back(fact.detail);
        continue;
      }
      ExportEdge edge;
      edge.type = std::string(model::RelationName(fact.type));
      edge.from = first->id;
      edge.status = fact.status;
      edge.role = fact.role;
      edge.detail = fact.detail;
      edge.path = note.path;
      edge.section = fact.evidence.section;
      edge.line = fact.evidence.line;
      edge.text = fact.evidence.text;
      if (model::IsNoteRelation(fact.type)) {
        edge.to = note_key;
        out.edges.push_back(edge);
        continue;
      }
      for (size_t i = 1; i < fact.args.size(); ++i) {
        ASSIGN_OR_RETURN(ExportNode * other, entity(fact.args[i]));
        edge.to = other->id;
        out.edges.push_back(edge);
      }
    }
  }
  ASSIGN_OR_RETURN(std::unique_ptr<graph::SocialGraph> built, graph::SocialGraph::Build(reader, model));
  const graph::SocialGraph& social = *built;
  std::vector<const graph::Tie*> ties;
  for (const graph::Tie& tie : social.ties()) ties.push_back(&tie);
  std::sort(ties.begin(), ties.end(), [&](const graph::Tie* x, const graph::Tie* y) {
    if (x->strength != y->strength) return x->strength > y->strength;
    return std::tie(social.name(x->a), social.name(x->b)) < std::tie(social.name(y->a), social.name(y->b));
  });
  for (const graph::Tie* tie : ties) {
    ASSIGN_OR_RETURN(ExportNode * a, entity(social.id(tie->a)));
    ASSIGN_OR_RETURN(ExportNode * b, entity(social.id(tie->b)));
    ExportEdge edge;
    edge.type = "CONNECTED";
    edge.from = a->id;
    edge.to = b->id;
    edge.strength = tie->strength;
    edge.detail = tie->relation;
    edge.path = tie->evidence_path;
    edge.text = tie->evidence;
    out.edges.push_back(std::move(edge));
  }
  std::vector<ExportNode> sorted;
  for (auto& [id, node] : entities) {
    std::sort(node.emails.begin(), node.emails.end());
    std::sort(node.aliases.begin(), node.aliases.end());
    sorted.push_back(std::move(node));
  }
  std::sort(sorted.begin(), sorted.end(), [](const ExportNode& x, const ExportNode& y) {
    return x.kind != y.kind ? x.kind < y.kind : x.id < y.id;
  });
  out.nodes.insert(out.nodes.begin(), sorted.begin(), sorted.end());
  return out;
}

}  // namespace kith::query
