#include "engine/query/who_knows_reads.h"

#include <algorithm>
#include <future>

#include "engine/query/meetings.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

using model::RelationType;

absl::Status ReadInto(const store::StoreReader& reader, std::span<const store::NodeId> ids,
                      std::vector<store::NoteInfo>& notes) {
  notes.reserve(ids.size());
  RETURN_IF_ERROR(reader.ForEachNoteIn(ids, [&](size_t, store::NoteInfo& note) { notes.push_back(std::move(note)); }));
  if (notes.size() != ids.size()) return absl::DataLossError("an edge names a missing note");
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<store::NoteInfo>> ReadNotes(const store::StoreReader& reader,
                                                       std::span<const store::NodeId> ascending_ids, bool parallel) {
  std::vector<store::NoteInfo> notes;
  if (!parallel) {
    RETURN_IF_ERROR(ReadInto(reader, ascending_ids, notes));
    return notes;
  }
  const size_t half = ascending_ids.size() / 2;
  notes.reserve(ascending_ids.size());  // The later half is moved in after.
  std::vector<store::NoteInfo> later;
  std::future<absl::Status> reading_later =
      std::async(std::launch::async, [&] { return ReadInto(reader, ascending_ids.subspan(half), later); });
  absl::Status first = ReadInto(reader, ascending_ids.first(half), notes);
  absl::Status second = reading_later.get();
  RETURN_IF_ERROR(first);
  RETURN_IF_ERROR(second);
  std::move(later.begin(), later.end(), std::back_inserter(notes));
  return notes;
}

absl::StatusOr<RelationReads> ReadRelations(const store::StoreReader& reader, store::NodeId subject,
                                            std::span<const store::NodeId> attended) {
  RelationReads reads;
  for (RelationType type : {RelationType::kReportsTo, RelationType::kWorkedWith, RelationType::kKnows,
                            RelationType::kFamily, RelationType::kIntroduced}) {
    for (store::Direction direction : {store::Direction::kOut, store::Direction::kIn}) {
      // Each edge comes with everyone its fact names; the fact itself is
      // read only for what a family label needs (the role).
      ASSIGN_OR_RETURN(std::vector<store::RelationEdge> edges, reader.RelationEdges(subject, direction, type));
      for (store::RelationEdge& edge : edges) {
        StatedRelation& relation = reads.relations.emplace_back();
        relation.type = type;
        relation.note = edge.edge.note;
        relation.seq = edge.edge.seq;
        store::StoredFact fact;
        if (type == RelationType::kFamily) {
          ASSIGN_OR_RETURN(std::optional<store::StoredFact> stored, reader.Fact(edge.edge.note, edge.edge.seq));
          if (!stored) return absl::DataLossError("an edge names a missing fact");
          fact = *std::move(stored);
        }
        const bool subject_first = !edge.args.empty() && edge.args[0] == subject;
        relation.label = RelationLabel(type, subject_first, fact);
        // Everyone else in the fact: for an introduction, the introduced
        // parties also know each other.
        for (store::NodeId id : edge.args) {
          if (id != subject && std::find(relation.others.begin(), relation.others.end(), id) == relation.others.end()) {
            relation.others.push_back(id);
          }
        }
      }
    }
  }
  std::vector<store::NodeId> note_ids;
  note_ids.reserve(reads.relations.size());
  for (const StatedRelation& relation : reads.relations) {
    if (!std::binary_search(attended.begin(), attended.end(), relation.note)) note_ids.push_back(relation.note);
  }
  std::sort(note_ids.begin(), note_ids.end());
  note_ids.erase(std::unique(note_ids.begin(), note_ids.end()), note_ids.end());
  ASSIGN_OR_RETURN(std::vector<store::NoteInfo> notes, ReadNotes(reader, note_ids, /*parallel=*/false));
  reads.notes.reserve(notes.size());
  for (store::NoteInfo& note : notes) reads.notes.emplace(note.id, std::move(note));
  return reads;
}

}  // namespace kith::query
