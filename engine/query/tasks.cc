// tasks: the action items of the notes, filtered and ordered by due date.
#include <algorithm>

#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

bool IsOpen(const std::string& status) {
  return status == "open" || status == "proposed" || status == "in_progress";
}

}  // namespace

absl::StatusOr<std::vector<Task>> Tasks(const store::StoreReader& reader, const TasksQuery& query) {
  std::vector<store::StoredFact> facts;
  if (!query.owner.empty()) {
    ASSIGN_OR_RETURN(store::EntityInfo owner, ResolvePerson(reader, query.owner));
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                     reader.Edges(owner.id, store::Direction::kOut, model::RelationType::kOwnsAction));
    for (const store::EdgeRef& edge : edges) {
      ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
      if (fact) facts.push_back(*std::move(fact));
    }
  } else {
    std::vector<store::NodeId> notes;
    RETURN_IF_ERROR(reader.ForEachNote([&](const store::NoteInfo& note) {
      notes.push_back(note.id);
      return true;
    }));
    for (store::NodeId note : notes) {
      ASSIGN_OR_RETURN(std::vector<store::StoredFact> all, reader.NoteFacts(note));
      for (store::StoredFact& fact : all) {
        if (fact.type == model::RelationType::kOwnsAction) facts.push_back(std::move(fact));
      }
    }
  }
  std::vector<Task> tasks;
  for (const store::StoredFact& fact : facts) {
    if (query.open_only && !IsOpen(fact.status)) continue;
    if (query.due_before && (!fact.date || *fact.date >= *query.due_before)) continue;
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(fact.note));
    if (!note) return absl::DataLossError("an action item names a missing note");
    Task task;
    if (!fact.args.empty()) {
      ASSIGN_OR_RETURN(std::optional<store::EntityInfo> owner, reader.Entity(fact.args[0]));
      if (owner) task.owner = owner->name;
    }
    task.text = fact.detail;
    task.status = fact.status;
    task.due = fact.date;
    task.priority = fact.priority;
    task.note = RefTo(*note);
    task.line = fact.evidence.line;
    tasks.push_back(std::move(task));
  }
  std::stable_sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) {
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    if (a.due != b.due) return a.due < b.due;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.note.path != b.note.path) return a.note.path < b.note.path;
    return a.line < b.line;
  });
  return tasks;
}

}  // namespace kith::query
