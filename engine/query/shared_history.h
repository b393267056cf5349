// The raw material of a shared history and how it becomes the answer
// (private to the engine). The store and the memory index each gather the
// parts their own way; AssembleSharedHistory orders, folds and deduplicates
// them the same way for both, so the two answers are equal by construction.
#ifndef KITH_ENGINE_QUERY_SHARED_HISTORY_H_
#define KITH_ENGINE_QUERY_SHARED_HISTORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/model/model.h"
#include "engine/query/query.h"
#include "engine/store/store.h"

namespace kith::query {

// One stated fact that names both people, as a timeline entry would show
// it; what it points to outlives the call.
struct StatedBetween {
  model::RelationType type = model::RelationType::kKnows;
  uint32_t seq = 0;
  std::optional<int32_t> date;   // The fact's, else its note's.
  std::string_view description;  // "Ana Bell reports to Bo Chen".
  std::string_view text;         // The sentence.
  const store::NoteInfo* note = nullptr;
};

// Of statements of relations between two people, the ones the timeline
// keeps, as indexes in description order: per description, the earliest
// dated; on one date, the one from the note whose path sorts first; then
// the first in the order of kSharedRelationTypes, note id and sequence.
std::vector<size_t> FirstStatedEach(const std::vector<StatedBetween>& stated);

// The relation types shared-history reports, in the order the store is
// read: among facts with one description, the first in this order wins a
// tie on date and note.
inline constexpr model::RelationType kSharedRelationTypes[] = {
    model::RelationType::kReportsTo, model::RelationType::kWorkedWith, model::RelationType::kKnows,
    model::RelationType::kFamily, model::RelationType::kIntroduced};

// The notes both attended, newest first: by date, descending, undated
// last, then by path. They are indexes into `notes`, together with how many
// meetings they fold into. A source that knows this (the memory index) lets
// the assembly fold only the newest dates that a limit keeps.
// When `meeting_of` is not empty, the folding is known too: each note's
// meeting (parallel to `order`), numbered from 0 in the order of their
// first notes, as FoldMeetings would fold them.
struct AttendedNewestFirst {
  const store::NoteInfo* notes = nullptr;
  absl::Span<const uint32_t> order;
  int meetings = 0;
  absl::Span<const uint32_t> meeting_of;
};

// A topic of the notes both attended, and how many of those notes discussed
// it.
struct TopicCount {
  std::string name;
  int notes = 0;
};

// The order topics are listed in: the most discussed first, then by name.
inline bool RankedBefore(int notes_x, std::string_view name_x, int notes_y, std::string_view name_y) {
  return notes_x != notes_y ? notes_x > notes_y : name_x < name_y;
}

// Everything in any order unless said otherwise; the pointers outlive the
// call.
struct SharedHistoryParts {
  std::vector<const store::NoteInfo*> attended_by_both;  // Unless attended_newest_first is set.
  std::optional<AttendedNewestFirst> attended_newest_first;
  std::vector<const store::NoteInfo*> named_by_both;  // Other notes naming both.
  // Set by a source that hands over, of the notes naming both or of the
  // relations, only what an answer of `limit` entries can show (every
  // undated one and the newest `limit` dated): how many there are in all.
  std::optional<int> named_total;
  std::optional<int> relations_total;
  // Each topic once. A source may hand over only the first ones in rank
  // order, and then sets topics_total to the number of all of them.
  std::vector<TopicCount> topics;
  int topics_total = 0;
  bool topics_ranked = false;  // Set by a source that hands them over in rank order.
  std::vector<StatedBetween> relations;
  // Set by a source that hands over only FirstStatedEach's picks, in its
  // order (the memory index picks them when it is built).
  bool relations_first_stated = false;
  std::vector<SharedOrganization> organizations;
};

// The status of one employment, from its WORKS_AT `edges` in key order:
// "current" if any says so, else the last one's ("former" or "").
absl::StatusOr<std::string> EmploymentStatus(const store::StoreReader& reader,
                                             const std::vector<store::EdgeRef>& edges);

// `limit` as for BuildSharedHistory, for the timeline and the topics.
// Entries the limit drops are counted but never built: a hub pair's
// thousands of meetings cost no strings.
SharedHistory AssembleSharedHistory(std::string a, std::string b, SharedHistoryParts parts,
                                    double duplicate_overlap, int limit);

}  // namespace kith::query

#endif  // KITH_ENGINE_QUERY_SHARED_HISTORY_H_
