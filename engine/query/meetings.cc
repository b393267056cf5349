#include "engine/query/meetings.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <list>
#include <optional>
#include <unordered_map>

#include "absl/container/inlined_vector.h"
#include "absl/types/span.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

// A sorted copy of a note's attendees, on the stack for up to 8 people:
// folding compares every pair of one day's notes, and building std::sets
// for each comparison was most of a busy pair's shared-history.
using AttendeeSet = absl::InlinedVector<store::NodeId, 8>;
using Attendees = absl::Span<const store::NodeId>;

// A note's attendees as a sorted set: the note's own list when it is one
// already (the memory index sorts its notes' lists once), else a sorted
// copy made in `scratch`.
Attendees SortedAttendees(const store::NoteInfo& note, AttendeeSet& scratch) {
  const std::vector<store::NodeId>& list = note.attendees;
  if (std::adjacent_find(list.begin(), list.end(), std::greater_equal<>()) == list.end()) return list;
  scratch.assign(list.begin(), list.end());
  std::sort(scratch.begin(), scratch.end());
  scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
  return scratch;
}

size_t CommonCount(Attendees a, Attendees b) {
  size_t common = 0;
  for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++common, ++x, ++y;
    }
  }
  return common;
}

// SameMeeting for two notes of one date, given their attendee sets.
bool SameAttendance(Attendees a, Attendees b, double overlap) {
  if (std::equal(a.begin(), a.end(), b.begin(), b.end())) return true;
  if (std::max(a.size(), b.size()) < 4) return false;
  const size_t common = CommonCount(a, b);
  const size_t all = a.size() + b.size() - common;  // Not 0: the sets differ.
  return static_cast<double>(common) / all >= overlap;
}

}  // namespace

bool SameMeeting(const store::NoteInfo& a, const store::NoteInfo& b, double overlap) {
  if (!a.date || a.date != b.date) return false;
  AttendeeSet a_scratch, b_scratch;
  return SameAttendance(SortedAttendees(a, a_scratch), SortedAttendees(b, b_scratch), overlap);
}

std::vector<Meeting> FoldMeetings(const std::vector<const store::NoteInfo*>& notes, double overlap) {
  std::vector<Meeting> meetings;
  std::list<AttendeeSet> copies;  // Sorted copies the spans below point into; nodes stay put.
  // Of each meeting's first note, once a later note of its date was
  // compared with it: most notes are their date's only one, and their
  // attendee lists are never read.
  std::vector<std::optional<Attendees>> first_attendees;
  auto attendees_of = [&](const store::NoteInfo& note, std::optional<Attendees>& known, AttendeeSet& scratch) {
    if (!known) {
      known = SortedAttendees(note, scratch);
      if (known->data() == scratch.data()) known = copies.emplace_back(std::move(scratch));
    }
    return *known;
  };
  // Only notes of one date can be one meeting: the candidates for a note
  // are that date's meetings, in the order they were started. Callers
  // mostly pass notes in date order, where a date's meetings are the ones
  // started since the date last changed; otherwise they are looked up.
  const bool grouped = std::is_sorted(notes.begin(), notes.end(), [](auto* x, auto* y) { return x->date < y->date; }) ||
                       std::is_sorted(notes.begin(), notes.end(), [](auto* x, auto* y) { return x->date > y->date; });
  std::unordered_map<int32_t, std::vector<size_t>> by_date;
  size_t date_began = 0;  // The first meeting of the current date, when grouped.
  for (size_t i = 0; i < notes.size(); ++i) {
    const store::NoteInfo* note = notes[i];
    if (grouped && (i == 0 || notes[i - 1]->date != note->date)) date_began = meetings.size();
    AttendeeSet scratch;
    std::optional<Attendees> attendees;
    size_t found = meetings.size();
    auto try_meeting = [&](size_t m) {
      AttendeeSet first_scratch;
      Attendees first = attendees_of(*meetings[m].front(), first_attendees[m], first_scratch);
      if (!SameAttendance(first, attendees_of(*note, attendees, scratch), overlap)) return false;
      found = m;
      return true;
    };
    if (note->date && grouped) {
      for (size_t m = date_began; m < meetings.size() && !try_meeting(m);) ++m;
    } else if (note->date) {
      for (size_t m : by_date[*note->date]) {
        if (try_meeting(m)) break;
      }
      if (found == meetings.size()) by_date[*note->date].push_back(meetings.size());
    }
    if (found == meetings.size()) {
      meetings.push_back({note});
      first_attendees.push_back(attendees);
    } else {
      meetings[found].push_back(note);
    }
  }
  return meetings;
}

std::vector<Meeting> FoldMeetings(const std::vector<store::NoteInfo>& notes, double overlap) {
  std::vector<const store::NoteInfo*> pointers;
  pointers.reserve(notes.size());
  for (const store::NoteInfo& note : notes) pointers.push_back(&note);
  return FoldMeetings(pointers, overlap);
}

absl::StatusOr<std::optional<int32_t>> ReferenceDate(const store::StoreReader& reader) {
  ASSIGN_OR_RETURN(std::optional<std::string> value, reader.Meta(store::kLatestNoteDateMeta));
  int32_t days = 0;
  if (value && absl::SimpleAtoi(*value, &days)) return days;
  return std::nullopt;
}

double Recency(const std::optional<int32_t>& date, std::optional<int32_t> reference,
               const StrengthModel& model) {
  if (!date || !reference) return model.undated_weight;
  double age = std::max(0, *reference - *date);
  return std::exp2(-age / model.half_life_days);
}

double MeetingWeight(const store::NoteInfo& note, std::optional<int32_t> reference,
                     const StrengthModel& model) {
  // A 1:1 says more than a 20-person call: split one unit of weight over
  // the other attendees.
  double others = note.attendees.size() > 1 ? static_cast<double>(note.attendees.size() - 1) : 1.0;
  double size = std::pow(others, -model.attendee_exponent);
  return size * Recency(note.date, reference, model);
}

std::string RelationLabel(model::RelationType type, bool subject_first, const store::StoredFact& fact) {
  switch (type) {
    case model::RelationType::kReportsTo: return subject_first ? "reports to" : "manages";
    case model::RelationType::kWorkedWith: return "worked with";
    case model::RelationType::kKnows: return "knows";
    case model::RelationType::kFamily: return fact.role.empty() ? "family" : absl::StrCat("family (", fact.role, ")");
    case model::RelationType::kIntroduced: return subject_first ? "introduced" : "introduction";
    default: return "related";
  }
}

double RelationWeight(model::RelationType type, const StrengthModel& model) {
  using model::RelationType;
  switch (type) {
    case RelationType::kReportsTo: return model.reports_to_weight;
    case RelationType::kWorkedWith: return model.worked_with_weight;
    case RelationType::kFamily: return model.family_weight;
    case RelationType::kKnows: return model.knows_weight;
    case RelationType::kIntroduced: return model.introduced_weight;
    default: return 0;
  }
}

std::string DescribeRelation(model::RelationType type, const std::vector<std::string>& names, const std::string& role) {
  using model::RelationType;
  switch (type) {
    case RelationType::kReportsTo: return absl::StrCat(names[0], " reports to ", names[1]);
    case RelationType::kWorkedWith: return absl::StrCat(names[0], " worked with ", names[1]);
    case RelationType::kKnows: return absl::StrCat(names[0], " knows ", names[1]);
    case RelationType::kFamily: return absl::StrCat(names[0], " and ", names[1], " are family", role.empty() ? "" : absl::StrCat(" (", role, ")"));
    case RelationType::kIntroduced:
      return names.size() > 2 ? absl::StrCat(names[0], " introduced ", names[1], " to ", names[2])
                              : absl::StrCat(names[0], " introduced ", names[1]);
    default: return absl::StrCat(names[0], " ", std::string(model::RelationName(type)), " ", names[1]);
  }
}

}  // namespace kith::query
