// Meetings from notes: several summaries of one meeting fold into one
// (private to the query module; used by who-knows and shared-history).
#ifndef KITH_ENGINE_QUERY_MEETINGS_H_
#define KITH_ENGINE_QUERY_MEETINGS_H_

#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "engine/query/query.h"
#include "engine/store/store.h"

namespace kith::query {

// Notes of one day with the same attendees are one meeting; summaries of a
// larger meeting often differ by a name or two, so from four attendees on
// an attendee overlap (Jaccard) of `overlap` suffices.
bool SameMeeting(const store::NoteInfo& a, const store::NoteInfo& b, double overlap);

// One meeting's notes; most meetings have one summary, some two, and those
// need no allocation of their own (a hub pair folds thousands).
using Meeting = absl::InlinedVector<const store::NoteInfo*, 2>;

// Groups `notes` into meetings, in the order of their first note.
std::vector<Meeting> FoldMeetings(const std::vector<const store::NoteInfo*>& notes, double overlap);
std::vector<Meeting> FoldMeetings(const std::vector<store::NoteInfo>& notes, double overlap);

// The date recency is measured from: the newest note in the store.
absl::StatusOr<std::optional<int32_t>> ReferenceDate(const store::StoreReader& reader);

// 2^(-age / half-life), or the model's undated weight.
double Recency(const std::optional<int32_t>& date, std::optional<int32_t> reference, const StrengthModel& model);

// One unit split over the other attendees, times recency.
double MeetingWeight(const store::NoteInfo& note, std::optional<int32_t> reference, const StrengthModel& model);

// The model's weight of a stated relation of `type` (0 for others).
double RelationWeight(model::RelationType type, const StrengthModel& model);

// How a stated relation reads from one side: "reports to" / "manages",
// "introduced" / "introduction", "family (cousin)", ...
std::string RelationLabel(model::RelationType type, bool subject_first, const store::StoredFact& fact);

// "Ana Bell reports to Bo Chen", "Cy Dee introduced Ana Bell to Bo Chen".
std::string DescribeRelation(model::RelationType type, const std::vector<std::string>& names, const std::string& role);

}  // namespace kith::query

#endif  // KITH_ENGINE_QUERY_MEETINGS_H_
