#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

absl::Status AppendNoteFacts(const store::StoreReader& reader, const store::NoteInfo& note,
                             const FactsQuery& query, std::vector<FactView>& out) {
  ASSIGN_OR_RETURN(std::vector<store::StoredFact> facts, reader.NoteFacts(note.id));
  for (store::StoredFact& fact : facts) {
    if (query.type && fact.type != *query.type) continue;
    FactView view;
    view.type = fact.type;
    for (store::NodeId id : fact.args) {
      ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader.Entity(id));
      if (!entity) return absl::DataLossError(absl::StrCat("a fact of ", note.path, " names a missing entity"));
      view.args.push_back(entity->name);
    }
    view.status = std::move(fact.status);
    view.role = std::move(fact.role);
    view.date = fact.date;
    view.detail = std::move(fact.detail);
    view.path = note.path;
    view.evidence = std::move(fact.evidence);
    out.push_back(std::move(view));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<FactView>> Facts(const store::StoreReader& reader,
                                            const FactsQuery& query) {
  std::vector<store::NoteInfo> notes;
  if (!query.note_path.empty()) {
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(store::NoteId(query.note_path)));
    if (!note) return absl::NotFoundError(absl::StrCat("no stored note at ", query.note_path));
    notes.push_back(*std::move(note));
  } else {
    RETURN_IF_ERROR(reader.ForEachNote([&](const store::NoteInfo& note) {
      notes.push_back(note);
      return true;
    }));
    std::sort(notes.begin(), notes.end(),
              [](const store::NoteInfo& a, const store::NoteInfo& b) { return a.path < b.path; });
  }
  std::vector<FactView> out;
  for (const store::NoteInfo& note : notes) RETURN_IF_ERROR(AppendNoteFacts(reader, note, query, out));
  return out;
}

}  // namespace kith::query
