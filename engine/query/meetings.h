// Meetings from notes: several summaries of one meeting fold into one
// (private to the query module; used by who-knows and shared-history).
#ifndef KITH_ENGINE_QUERY_MEETINGS_H_
#define KITH_ENGINE_QUERY_MEETINGS_H_

#include <vector>

#include "engine/store/store.h"

namespace kith::query {

// Notes of one day with the same attendees are one meeting; summaries of a
// larger meeting often differ by a name or two, so from four attendees on
// an attendee overlap (Jaccard) of `overlap` suffices.
bool SameMeeting(const store::NoteInfo& a, const store::NoteInfo& b, double overlap);

// Groups `notes` into meetings, in the order of their first note.
std::vector<std::vector<const store::NoteInfo*>> FoldMeetings(const std::vector<store::NoteInfo>& notes,
                                                               double overlap);

}  // namespace kith::query

#endif  // KITH_ENGINE_QUERY_MEETINGS_H_
