// The store reads of who-knows from the store (private to the query module).
//
// A hub's answer reads tens of thousands of notes and the relations others
// state about him. The two sets of reads are independent, so for a subject
// with many notes they run on separate threads, and the subject's own notes
// are read as two halves: a cold `kith who-knows` for the owner of a
// 200k-note vault reads about 100k notes.
#ifndef KITH_ENGINE_QUERY_WHO_KNOWS_READS_H_
#define KITH_ENGINE_QUERY_WHO_KNOWS_READS_H_

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/store/store.h"

namespace kith::query {

// A relation the subject is named in, with the other people it names.
struct StatedRelation {
  model::RelationType type = model::RelationType::kKnows;
  std::string label;  // As the subject reads it: "manages", "family (cousin)", ...
  store::NodeId note = 0;
  uint32_t seq = 0;
  // Everyone else it names. Not all need be people: their entities are
  // read only for those who can make the answer.
  std::vector<store::NodeId> others;
};

struct RelationReads {
  std::vector<StatedRelation> relations;
  // The notes stating them that the subject did not attend, by id.
  std::unordered_map<store::NodeId, store::NoteInfo> notes;
};

// From this many notes on, reads are split over threads.
inline constexpr size_t kParallelReadNotes = 4096;

// The notes with these ids, which must ascend, in order; an error if one
// is missing. `parallel` (for kParallelReadNotes or more) reads the two
// halves at once.
absl::StatusOr<std::vector<store::NoteInfo>> ReadNotes(const store::StoreReader& reader,
                                                       std::span<const store::NodeId> ascending_ids, bool parallel);

// Every relation between `subject` and other entities (REPORTS_TO,
// WORKED_WITH, KNOWS, FAMILY, INTRODUCED, both ways), with the notes that
// state them, except those in `attended` (ascending ids).
absl::StatusOr<RelationReads> ReadRelations(const store::StoreReader& reader, store::NodeId subject,
                                            std::span<const store::NodeId> attended);

}  // namespace kith::query

#endif  // KITH_ENGINE_QUERY_WHO_KNOWS_READS_H_
