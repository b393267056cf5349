// shared-history: everything the notes record that two people share.
#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "engine/query/meetings.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

using model::RelationType;

absl::StatusOr<std::set<store::NodeId>> NotesOf(const store::StoreReader& reader, store::NodeId person,
                                                RelationType type) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, store::Direction::kOut, type));
  std::set<store::NodeId> notes;
  for (const store::EdgeRef& edge : edges) notes.insert(edge.neighbour);
  return notes;
}

// Of `notes`, those `person` has an edge of `type` to: one seek each, so a
// hub's thousands of notes are never read for a pair.
absl::StatusOr<std::set<store::NodeId>> AlsoNotesOf(const store::StoreReader& reader, store::NodeId person,
                                                    RelationType type, const std::set<store::NodeId>& notes) {
  std::set<store::NodeId> out;
  for (store::NodeId note : notes) {
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.EdgesTo(person, store::Direction::kOut, type, note));
    if (!edges.empty()) out.insert(note);
  }
  return out;
}

// Current/former status per organisation (current wins over former), of
// the WORKS_AT `edges`.
absl::StatusOr<std::map<store::NodeId, std::string>> Employers(const store::StoreReader& reader,
                                                               const std::vector<store::EdgeRef>& edges) {
  std::map<store::NodeId, std::string> out;
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    if (!fact) continue;
    std::string& status = out[edge.neighbour];
    if (status != "current") status = fact->status;
  }
  return out;
}

}  // namespace

absl::StatusOr<SharedHistory> BuildSharedHistory(const store::StoreReader& reader, std::string_view a_name,
                                                 std::string_view b_name, double duplicate_overlap) {
  ASSIGN_OR_RETURN(store::EntityInfo a, ResolvePerson(reader, a_name));
  ASSIGN_OR_RETURN(store::EntityInfo b, ResolvePerson(reader, b_name));
  if (a.id == b.id) return absl::InvalidArgumentError("shared-history needs two different people");
  SharedHistory history{a.name, b.name, {}, {}, {}};
  // Everything below is symmetric in the two people, so it reads from the
  // one fewer notes name and checks the other by key.
  const store::EntityInfo& few = a.note_refs <= b.note_refs ? a : b;
  const store::EntityInfo& many = a.note_refs <= b.note_refs ? b : a;

  // Meetings both attended, duplicate summaries folded.
  ASSIGN_OR_RETURN(std::set<store::NodeId> few_attended, NotesOf(reader, few.id, RelationType::kAttended));
  ASSIGN_OR_RETURN(std::set<store::NodeId> few_mentioned, NotesOf(reader, few.id, RelationType::kMentionedIn));
  few_mentioned.insert(few_attended.begin(), few_attended.end());
  ASSIGN_OR_RETURN(std::set<store::NodeId> many_attended,
                   AlsoNotesOf(reader, many.id, RelationType::kAttended, few_mentioned));
  ASSIGN_OR_RETURN(std::set<store::NodeId> many_mentioned,
                   AlsoNotesOf(reader, many.id, RelationType::kMentionedIn, few_mentioned));
  many_mentioned.insert(many_attended.begin(), many_attended.end());
  std::vector<store::NoteInfo> shared;
  for (store::NodeId id : few_attended) {
    if (!many_attended.count(id)) continue;
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(id));
    if (note) shared.push_back(*std::move(note));
  }
  std::sort(shared.begin(), shared.end(), [](const store::NoteInfo& x, const store::NoteInfo& y) {
    return x.date != y.date ? x.date < y.date : x.path < y.path;
  });
  std::set<std::string> topics;
  for (const auto& meeting : FoldMeetings(shared, duplicate_overlap)) {
    SharedEvent event{meeting.front()->date, "meeting", meeting.front()->title, "", {}};
    for (const store::NoteInfo* note : meeting) {
      event.notes.push_back({note->path, note->title, note->date});
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> discussed,
                       reader.Edges(note->id, store::Direction::kIn, RelationType::kDiscussed));
      for (const store::EdgeRef& edge : discussed) {
        ASSIGN_OR_RETURN(std::optional<store::EntityInfo> topic, reader.Entity(edge.neighbour));
        if (topic) topics.insert(topic->name);
      }
    }
    history.timeline.push_back(std::move(event));
  }

  // Other notes that name both.
  for (store::NodeId id : few_mentioned) {
    if (!many_mentioned.count(id) || (few_attended.count(id) && many_attended.count(id))) continue;
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(id));
    if (!note) continue;
    history.timeline.push_back({note->date, "mentioned", note->title, "", {{note->path, note->title, note->date}}});
  }

  // Facts between the two, each stated relation once (its earliest note).
  std::map<std::string, SharedEvent> relations;
  for (RelationType type : {RelationType::kReportsTo, RelationType::kWorkedWith, RelationType::kKnows,
                            RelationType::kFamily, RelationType::kIntroduced}) {
    for (store::Direction direction : {store::Direction::kOut, store::Direction::kIn}) {
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(few.id, direction, type));
      for (const store::EdgeRef& edge : edges) {
        ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
        if (!fact || std::find(fact->args.begin(), fact->args.end(), many.id) == fact->args.end()) continue;
        ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
        if (!note) continue;
        std::vector<std::string> names;
        for (store::NodeId id : fact->args) {
          ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(id));
          names.push_back(e ? e->name : "?");
        }
        std::string description = DescribeRelation(type, names, fact->role);
        std::optional<int32_t> date = fact->date ? fact->date : note->date;
        auto [it, inserted] = relations.emplace(description, SharedEvent{date, "relation", description, fact->evidence.text,
                                                                         {{note->path, note->title, note->date}}});
        if (!inserted && date && (!it->second.date || *date < *it->second.date)) {
          it->second = SharedEvent{date, "relation", description, fact->evidence.text, {{note->path, note->title, note->date}}};
        }
      }
    }
  }
  for (auto& [d, event] : relations) history.timeline.push_back(std::move(event));
  std::stable_sort(history.timeline.begin(), history.timeline.end(), [](const SharedEvent& x, const SharedEvent& y) {
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
    return x.date < y.date;
  });

  // Organisations both belonged to: the other's statements are read only
  // for the organisations of the one fewer notes name.
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> few_edges,
                   reader.Edges(few.id, store::Direction::kOut, RelationType::kWorksAt));
  std::vector<store::EdgeRef> many_edges;
  for (const store::EdgeRef& edge : few_edges) {
    if (!many_edges.empty() && many_edges.back().neighbour == edge.neighbour) continue;
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> same_org,
                     reader.EdgesTo(many.id, store::Direction::kOut, RelationType::kWorksAt, edge.neighbour));
    many_edges.insert(many_edges.end(), same_org.begin(), same_org.end());
  }
  ASSIGN_OR_RETURN(auto few_jobs, Employers(reader, few_edges));
  ASSIGN_OR_RETURN(auto many_jobs, Employers(reader, many_edges));
  const auto& a_jobs = a.id == few.id ? few_jobs : many_jobs;
  const auto& b_jobs = a.id == few.id ? many_jobs : few_jobs;
  for (const auto& [org, a_status] : a_jobs) {
    auto other = b_jobs.find(org);
    if (other == b_jobs.end()) continue;
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(org));
    if (e) history.organizations.push_back({e->name, a_status, other->second});
  }
  std::sort(history.organizations.begin(), history.organizations.end(),
            [](const SharedOrganization& x, const SharedOrganization& y) { return x.name < y.name; });
  history.topics.assign(topics.begin(), topics.end());
  return history;
}

}  // namespace kith::query
