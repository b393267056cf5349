// timeline: everything the notes record about one person, in date order.
#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "engine/query/meetings.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {

absl::StatusOr<PersonTimeline> BuildTimeline(const store::StoreReader& reader, std::string_view name,
                                             double duplicate_overlap) {
  using model::RelationType;
  ASSIGN_OR_RETURN(store::EntityInfo person, ResolvePerson(reader, name));
  std::vector<SharedEvent> events;

  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> attended,
                   reader.Edges(person.id, store::Direction::kOut, RelationType::kAttended));
  std::vector<store::NoteInfo> notes;
  std::set<store::NodeId> attended_ids;
  for (const store::EdgeRef& edge : attended) {
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.neighbour));
    if (note && attended_ids.insert(note->id).second) notes.push_back(*std::move(note));
  }
  std::sort(notes.begin(), notes.end(), [](const store::NoteInfo& x, const store::NoteInfo& y) {
    return x.date != y.date ? x.date < y.date : x.path < y.path;
  });
  for (const auto& meeting : FoldMeetings(notes, duplicate_overlap)) {
    SharedEvent event{meeting.front()->date, "meeting", meeting.front()->title, "", {}};
    for (const store::NoteInfo* note : meeting) event.notes.push_back(RefTo(*note));
    events.push_back(std::move(event));
  }

  // Facts about the person: stated relations, employment, owned actions.
  std::set<std::pair<store::NodeId, uint32_t>> seen;
  for (RelationType type : {RelationType::kReportsTo, RelationType::kWorkedWith, RelationType::kKnows,
                            RelationType::kFamily, RelationType::kIntroduced, RelationType::kWorksAt,
                            RelationType::kLeads, RelationType::kOwnsAction, RelationType::kMentionedIn}) {
    for (store::Direction direction : {store::Direction::kOut, store::Direction::kIn}) {
      if (model::IsNoteRelation(type) && direction == store::Direction::kIn) continue;
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person.id, direction, type));
      for (const store::EdgeRef& edge : edges) {
        if (!seen.insert({edge.note, edge.seq}).second) continue;
        if (type == RelationType::kMentionedIn && attended_ids.count(edge.note)) continue;
        ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
        ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
        if (!fact || !note) continue;
        std::vector<std::string> names;
        for (store::NodeId id : fact->args) {
          ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(id));
          names.push_back(e ? e->name : "?");
        }
        SharedEvent event{note->date, "relation", "", fact->evidence.text, {RefTo(*note)}};
        if (type == RelationType::kOwnsAction) {
          event.kind = "task";
          event.description = absl::StrCat(fact->status, ": ", fact->detail);
          event.text.clear();
        } else if (type == RelationType::kMentionedIn) {
          event.kind = "mentioned";
          event.description = note->title;
        } else if (type == RelationType::kWorksAt || type == RelationType::kLeads) {
          event.kind = "employment";
          event.description = absl::StrCat(names[0], type == RelationType::kLeads ? " leads " : " works at ",
                                           names.size() > 1 ? names[1] : "?",
                                           fact->status.empty() ? "" : absl::StrCat(" (", fact->status, ")"));
        } else {
          if (names.size() < 2) continue;
          event.description = DescribeRelation(type, names, fact->role);
        }
        events.push_back(std::move(event));
      }
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const SharedEvent& x, const SharedEvent& y) {
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
    return x.date < y.date;
  });
  return PersonTimeline{person.name, std::move(events)};
}

}  // namespace kith::query
