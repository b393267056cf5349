// stats and search: the store at a glance, and finding a name.
#include <algorithm>
#include <map>

#include "absl/strings/numbers.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith::query {

absl::StatusOr<Stats> CountStore(const store::StoreReader& reader) {
  Stats stats;
  // The store keeps these totals as it changes; nothing is scanned.
  ASSIGN_OR_RETURN(store::StoreCounts counts, reader.Counts());
  stats.notes = counts.notes;
  stats.facts = counts.AllFacts();
  auto entities = [&](model::EntityKind kind) {
    auto it = counts.entities.find(kind);
    return it == counts.entities.end() ? 0 : it->second;
  };
  stats.people = entities(model::EntityKind::kPerson);
  stats.organizations = entities(model::EntityKind::kOrganization);
  stats.topics = entities(model::EntityKind::kTopic);
  std::map<std::string, uint64_t> by_type;
  for (const auto& [type, n] : counts.facts) by_type[std::string(model::RelationName(type))] = n;
  stats.facts_by_type.assign(by_type.begin(), by_type.end());
  ASSIGN_OR_RETURN(std::optional<std::string> owner, reader.Meta("owner"));
  if (owner) stats.owner = *owner;
  ASSIGN_OR_RETURN(std::optional<std::string> latest, reader.Meta(store::kLatestNoteDateMeta));
  int32_t days = 0;
  if (latest && absl::SimpleAtoi(*latest, &days)) stats.latest_note = days;
  return stats;
}

absl::StatusOr<std::vector<SearchHit>> Search(const store::StoreReader& reader, std::string_view text, int limit) {
  const std::string query = util::FoldName(text);
  if (query.empty()) return absl::InvalidArgumentError("search needs some text");
  const int typos = std::min<int>(2, static_cast<int>(query.size()) / 4);
  // -1 for no match, else the SearchHit rank of `known` for the query.
  auto rank_of = [&](std::string_view known) {
    if (known == query) return 0;
    if (util::StartsWith(known, query)) return 1;
    for (std::string_view word : util::Split(known, ' ')) {
      if (util::StartsWith(word, query)) return 2;
    }
    if (typos == 0) return -1;
    // Typos against the whole name, or against the same number of words.
    int distance = util::BoundedEditDistance(query, known, typos);
    std::string_view prefix = known.substr(0, std::min(known.size(), query.size()));
    distance = std::min(distance, util::BoundedEditDistance(query, prefix, typos));
    return distance <= typos ? 2 + distance : -1;
  };
  // Entity id → its best hit; an alias hit names the alias it matched.
  std::map<store::NodeId, std::pair<int, std::string>> best;
  auto consider = [&](store::NodeId id, int rank, std::string_view alias) {
    if (rank < 0) return;
    auto [it, inserted] = best.try_emplace(id, rank, std::string(alias));
    if (!inserted && rank < it->second.first) it->second = {rank, std::string(alias)};
  };
  RETURN_IF_ERROR(reader.ForEachName([&](std::string_view known, model::EntityKind, store::NodeId id) {
    consider(id, rank_of(known), "");
    return true;
  }));
  RETURN_IF_ERROR(reader.ForEachAlias([&](std::string_view alias, store::NodeId person) {
    consider(person, rank_of(alias), alias);
    return true;
  }));
  std::vector<SearchHit> hits;
  for (const auto& [id, hit] : best) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(id));
    if (e) hits.push_back({e->name, e->kind, hit.first, hit.second});
  }
  std::sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.name < b.name;
  });
  if (limit > 0 && hits.size() > static_cast<size_t>(limit)) hits.resize(limit);
  return hits;
}

}  // namespace kith::query
