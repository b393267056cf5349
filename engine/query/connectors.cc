// connectors: who knows people at an organisation.
#include <algorithm>
#include <map>
#include <set>

#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {

absl::StatusOr<ConnectorsResult> FindConnectors(const store::StoreReader& reader, std::string_view organization,
                                                int limit, const StrengthModel& model) {
  ASSIGN_OR_RETURN(store::EntityInfo org, ResolveOrganization(reader, organization));
  ConnectorsResult result;
  result.organization = org.name;
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                   reader.Edges(org.id, store::Direction::kIn, model::RelationType::kWorksAt));
  // Members are those whose latest statement about the organisation says
  // they work there now: alumni are not "people at" it.
  std::map<store::NodeId, std::pair<std::optional<int32_t>, std::string>> latest;
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
    if (!fact || !note) continue;
    std::optional<int32_t> date = fact->date ? fact->date : note->date;
    auto [it, inserted] = latest.try_emplace(edge.neighbour, date, fact->status);
    if (!inserted && date >= it->second.first) it->second = {date, fact->status};
  }
  std::set<std::string> members;
  for (const auto& [id, statement] : latest) {
    if (statement.second != "current") continue;
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> person, reader.Entity(id));
    if (person && person->kind == model::EntityKind::kPerson) members.insert(person->name);
  }
  result.members = static_cast<int>(members.size());
  std::map<std::string, Connector> by_name;
  for (const std::string& member : members) {
    WhoKnowsQuery query;
    query.name = member;
    query.limit = 0;  // Everyone.
    query.model = model;
    ASSIGN_OR_RETURN(WhoKnowsResult known, WhoKnows(reader, query));
    for (const Acquaintance& a : known.people) {
      if (members.count(a.name)) continue;  // Colleagues are not connectors into their own company.
      Connector& c = by_name[a.name];
      c.name = a.name;
      c.score += a.strength;
      c.contacts.emplace_back(member, a.strength);
    }
  }
  for (auto& [name, c] : by_name) {
    std::sort(c.contacts.begin(), c.contacts.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    result.connectors.push_back(std::move(c));
  }
  std::sort(result.connectors.begin(), result.connectors.end(), [](const Connector& x, const Connector& y) {
    return x.score != y.score ? x.score > y.score : x.name < y.name;
  });
  if (limit > 0 && result.connectors.size() > static_cast<size_t>(limit)) result.connectors.resize(limit);
  return result;
}

}  // namespace kith::query
