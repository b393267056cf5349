// profile: one person, from every query that concerns them.
#include <algorithm>
#include <map>
#include <set>

#include "engine/query/meetings.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

using model::RelationType;

constexpr int kConnections = 5;
constexpr size_t kTopics = 10;

absl::StatusOr<std::vector<Employment>> EmploymentOf(const store::StoreReader& reader, store::NodeId person) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, store::Direction::kOut, RelationType::kWorksAt));
  std::map<store::NodeId, Employment> by_org;
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> org, reader.Entity(edge.neighbour));
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
    if (!fact || !org || !note) continue;
    std::optional<int32_t> date = fact->date ? fact->date : note->date;
    auto [it, inserted] = by_org.try_emplace(edge.neighbour);
    Employment& e = it->second;
    e.organization = org->name;
    // The most recent statement sets the status; a current one outranks
    // an older former one only when it is newer.
    if (inserted || date > e.date) {
      e.status = fact->status;
      e.date = date;
      e.text = fact->evidence.text;
      e.path = note->path;
    }
    if (e.role.empty()) e.role = fact->role;
    if (e.detail.empty()) e.detail = fact->detail;
  }
  std::vector<Employment> out;
  for (auto& [id, e] : by_org) out.push_back(std::move(e));
  std::stable_sort(out.begin(), out.end(), [](const Employment& a, const Employment& b) {
    if ((a.status == "current") != (b.status == "current")) return a.status == "current";
    return a.date > b.date;
  });
  return out;
}

absl::StatusOr<std::vector<std::string>> Linked(const store::StoreReader& reader, store::NodeId person,
                                                store::Direction direction) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, direction, RelationType::kReportsTo));
  std::vector<std::pair<std::optional<int32_t>, std::string>> dated;
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> other, reader.Entity(edge.neighbour));
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
    if (!fact || !other || !note || fact->status == "former") continue;
    dated.emplace_back(note->date, other->name);
  }
  std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (auto& [date, name] : dated) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  }
  return out;
}

// The details of a person's one-argument identity facts of `type`, sorted
// and unique.
absl::StatusOr<std::vector<std::string>> IdentityDetails(const store::StoreReader& reader, store::NodeId person,
                                                         RelationType type) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, store::Direction::kOut, type));
  std::set<std::string> details;
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    if (fact && !fact->detail.empty()) details.insert(fact->detail);
  }
  return std::vector<std::string>(details.begin(), details.end());
}

}  // namespace

absl::StatusOr<Profile> BuildProfile(const store::StoreReader& reader, const ProfileQuery& query) {
  ASSIGN_OR_RETURN(store::EntityInfo person, ResolvePerson(reader, query.name));
  Profile profile;
  profile.name = person.name;
  ASSIGN_OR_RETURN(profile.aliases, IdentityDetails(reader, person.id, RelationType::kAlsoKnownAs));
  ASSIGN_OR_RETURN(profile.emails, IdentityDetails(reader, person.id, RelationType::kHasEmail));
  ASSIGN_OR_RETURN(profile.employment, EmploymentOf(reader, person.id));
  ASSIGN_OR_RETURN(profile.managers, Linked(reader, person.id, store::Direction::kOut));
  ASSIGN_OR_RETURN(profile.reports, Linked(reader, person.id, store::Direction::kIn));

  WhoKnowsQuery who;
  who.name = person.name;
  who.limit = kConnections;
  who.model = query.model;
  ASSIGN_OR_RETURN(WhoKnowsResult known, WhoKnows(reader, who));
  profile.connections = std::move(known.people);

  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> attended,
                   reader.Edges(person.id, store::Direction::kOut, RelationType::kAttended));
  std::map<std::string, int> topic_counts;
  std::vector<store::NoteInfo> notes;
  for (const store::EdgeRef& edge : attended) {
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.neighbour));
    if (!note || (!notes.empty() && notes.back().id == note->id)) continue;
    notes.push_back(*note);
    if (note->date && (!profile.first_interaction || *note->date < *profile.first_interaction)) {
      profile.first_interaction = note->date;
    }
    if (note->date && (!profile.last_interaction || *note->date > *profile.last_interaction)) {
      profile.last_interaction = note->date;
    }
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> topics, reader.Edges(note->id, store::Direction::kIn, RelationType::kDiscussed));
    for (const store::EdgeRef& t : topics) {
      ASSIGN_OR_RETURN(std::optional<store::EntityInfo> topic, reader.Entity(t.neighbour));
      if (topic) ++topic_counts[topic->name];
    }
  }
  profile.meetings = static_cast<int>(FoldMeetings(notes, query.model.duplicate_overlap).size());
  std::vector<std::pair<int, std::string>> ranked;
  for (auto& [topic, count] : topic_counts) ranked.emplace_back(-count, topic);
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = 0; i < ranked.size() && i < kTopics; ++i) profile.topics.push_back(ranked[i].second);

  ASSIGN_OR_RETURN(profile.open_tasks, Tasks(reader, {person.name, true, std::nullopt}));
  return profile;
}

}  // namespace kith::query
