#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith::query {
namespace {

constexpr size_t kMaxSuggestions = 5;

struct Candidate {
  int distance;
  store::NodeId id;
};

absl::StatusOr<std::vector<std::string>> DisplayNames(const store::StoreReader& reader,
                                                      const std::vector<store::NodeId>& ids) {
  std::vector<std::string> names;
  for (store::NodeId id : ids) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader.Entity(id));
    if (entity) names.push_back(entity->name);
  }
  return names;
}

}  // namespace

absl::StatusOr<store::EntityInfo> ResolvePerson(const store::StoreReader& reader,
                                                std::string_view name) {
  const std::string folded = util::FoldName(name);
  if (folded.empty()) return absl::InvalidArgumentError("a person's name is required");
  ASSIGN_OR_RETURN(std::vector<store::EntityInfo> exact, reader.FindByName(folded));
  for (const store::EntityInfo& entity : exact) {
    if (entity.kind == model::EntityKind::kPerson) return entity;
  }
  // Another name a profile page gives: unique, or the user must choose.
  ASSIGN_OR_RETURN(std::vector<store::EntityInfo> aliased, reader.FindByAlias(folded));
  if (aliased.size() == 1) return aliased[0];
  if (aliased.size() > 1) {
    std::vector<std::string> names;
    for (const store::EntityInfo& entity : aliased) names.push_back(entity.name);
    std::sort(names.begin(), names.end());
    return absl::InvalidArgumentError(absl::StrCat("'", std::string(name), "' is another name of several people: ",
                                                   absl::StrJoin(names, ", "), "; which one?"));
  }

  // One pass over the names collects both people whose name has the query
  // as one of its words and the closest spellings for the error message.
  std::vector<store::NodeId> word_matches;
  std::vector<Candidate> near;
  const int limit = std::max<int>(2, static_cast<int>(folded.size()) / 3);
  RETURN_IF_ERROR(reader.ForEachName(
      [&](std::string_view known, model::EntityKind kind, store::NodeId id) {
        if (kind != model::EntityKind::kPerson) return true;
        for (std::string_view word : util::Split(known, ' ')) {
          if (word == folded) {
            word_matches.push_back(id);
            break;
          }
        }
        int distance = util::BoundedEditDistance(folded, known, limit);
        if (distance <= limit) near.push_back({distance, id});
        return true;
      }));
  if (word_matches.size() == 1) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader.Entity(word_matches[0]));
    if (entity) return *entity;
  }
  if (word_matches.size() > 1) {
    ASSIGN_OR_RETURN(std::vector<std::string> names, DisplayNames(reader, word_matches));
    std::sort(names.begin(), names.end());
    return absl::InvalidArgumentError(absl::StrCat("'", std::string(name), "' is ambiguous; did you mean: ",
                                                   absl::StrJoin(names, ", "), "?"));
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });
  if (near.size() > kMaxSuggestions) near.resize(kMaxSuggestions);
  std::vector<store::NodeId> ids;
  for (const Candidate& c : near) ids.push_back(c.id);
  ASSIGN_OR_RETURN(std::vector<std::string> suggestions, DisplayNames(reader, ids));
  std::string message = absl::StrCat("no person named '", std::string(name), "'");
  if (!suggestions.empty()) {
    absl::StrAppend(&message, "; closest known: ", absl::StrJoin(suggestions, ", "));
  }
  return absl::NotFoundError(message);
}

}  // namespace kith::query
