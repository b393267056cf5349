// Accumulates a NoteGraph: entities unique by kind and folded name, facts
// in the order found. Shared by the extraction passes.
#ifndef KITH_ENGINE_EXTRACT_GRAPH_BUILDER_H_
#define KITH_ENGINE_EXTRACT_GRAPH_BUILDER_H_

#include <string>
#include <unordered_map>

#include "engine/extract/extract.h"
#include "engine/extract/gazetteer.h"
#include "engine/extract/relation_rules.h"

namespace kith::extract {

class GraphBuilder {
 public:
  // `gazetteer` (may be null, not owned) gives organisations their
  // canonical names: "AWS" becomes "Amazon Web Services" where the vault
  // spells that out.
  GraphBuilder(NoteGraph& graph, const Gazetteer* gazetteer) : graph_(graph), gazetteer_(gazetteer) {}

  // Index of the entity, adding it on first sight.
  int Entity(model::EntityKind kind, const std::string& name);

  // Adds a relation read from a sentence, with its evidence; identical
  // relations stated twice in one note are kept once (the first sentence).
  void AddRelation(const RelationHit& hit, const Evidence& evidence);

  NoteGraph& graph() { return graph_; }

 private:
  NoteGraph& graph_;
  const Gazetteer* gazetteer_;
  std::unordered_map<std::string, int> index_;
  std::unordered_map<std::string, size_t> relations_;  // relation key → index in graph_.facts
};

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_GRAPH_BUILDER_H_
