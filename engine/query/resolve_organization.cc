#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith::query {

absl::StatusOr<store::EntityInfo> ResolveOrganization(const store::StoreReader& reader, std::string_view name) {
  const std::string folded = util::FoldName(name);
  if (folded.empty()) return absl::InvalidArgumentError("an organisation's name is required");
  ASSIGN_OR_RETURN(std::vector<store::EntityInfo> exact, reader.FindByName(folded));
  for (const store::EntityInfo& entity : exact) {
    if (entity.kind == model::EntityKind::kOrganization) return entity;
  }
  // "VAST" for "VAST Data": the one organisation whose name starts with it.
  std::vector<store::NodeId> starts;
  std::vector<std::pair<int, store::NodeId>> near;
  RETURN_IF_ERROR(reader.ForEachName([&](std::string_view known, model::EntityKind kind, store::NodeId id) {
    if (kind != model::EntityKind::kOrganization) return true;
    if (util::StartsWith(known, folded + " ")) starts.push_back(id);
    int d = util::BoundedEditDistance(folded, known, 3);
    if (d <= 3) near.emplace_back(d, id);
    return true;
  }));
  if (starts.size() == 1) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader.Entity(starts[0]));
    if (entity) return *entity;
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> names;
  for (const auto& [d, id] : near) {
    if (names.size() == 5) break;
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader.Entity(id));
    if (entity) names.push_back(entity->name);
  }
  std::string message = absl::StrCat("no organisation named '", std::string(name), "'");
  if (!names.empty()) absl::StrAppend(&message, "; closest known: ", absl::StrJoin(names, ", "));
  return absl::NotFoundError(message);
}

}  // namespace kith::query
