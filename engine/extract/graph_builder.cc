#include "engine/extract/graph_builder.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/extract/gazetteer.h"
#include "engine/util/text.h"

namespace kith::extract {

int GraphBuilder::Entity(model::EntityKind kind, const std::string& raw_name) {
  std::string name = raw_name;
  if (kind == model::EntityKind::kPerson && gazetteer_ != nullptr) name = gazetteer_->CanonicalPerson(raw_name);
  if (kind == model::EntityKind::kOrganization) {
    name = CanonicalOrganizationName(raw_name);
    if (gazetteer_ != nullptr) {
      if (auto known = gazetteer_->Organization(util::FoldName(name))) name = *known;
    }
  }
  std::string key = absl::StrCat(static_cast<int>(kind), ":", util::FoldName(name));
  auto [it, inserted] = index_.try_emplace(key, static_cast<int>(graph_.entities.size()));
  if (inserted) graph_.entities.push_back({kind, name});
  return it->second;
}

void GraphBuilder::AddRelation(const RelationHit& hit, const Evidence& evidence) {
  Fact fact;
  fact.type = hit.type;
  std::string key = absl::StrCat(static_cast<int>(hit.type));
  for (const RelationArg& arg : hit.args) {
    int id = Entity(arg.kind, arg.name);
    // Two names of one person (after aliases and merges) relate nothing.
    if (std::find(fact.args.begin(), fact.args.end(), id) != fact.args.end()) return;
    fact.args.push_back(id);
    absl::StrAppend(&key, ":", id);
  }
  auto [existing, inserted] = relations_.emplace(key, graph_.facts.size());
  if (!inserted) {
    // The same relation again in this note: keep the first sentence, but
    // take a duration or context the first one lacked.
    Fact& first = graph_.facts[existing->second];
    if (first.detail.empty()) first.detail = hit.detail;
    if (first.role.empty()) first.role = hit.role;
    return;
  }
  fact.status = hit.status;
  fact.role = hit.role;
  fact.detail = hit.detail;
  fact.date = hit.date ? hit.date : graph_.date;
  fact.evidence = evidence;
  graph_.facts.push_back(std::move(fact));
}

}  // namespace kith::extract
