#include "engine/query/meetings.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

double Jaccard(const std::vector<store::NodeId>& a, const std::vector<store::NodeId>& b) {
  std::set<store::NodeId> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  size_t common = 0;
  for (store::NodeId id : sa) common += sb.count(id);
  size_t all = sa.size() + sb.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / all;
}

}  // namespace

bool SameMeeting(const store::NoteInfo& a, const store::NoteInfo& b, double overlap) {
  if (!a.date || a.date != b.date) return false;
  std::set<store::NodeId> sa(a.attendees.begin(), a.attendees.end()), sb(b.attendees.begin(), b.attendees.end());
  if (sa == sb) return true;
  return std::max(sa.size(), sb.size()) >= 4 && Jaccard(a.attendees, b.attendees) >= overlap;
}

std::vector<std::vector<const store::NoteInfo*>> FoldMeetings(const std::vector<store::NoteInfo>& notes,
                                                               double overlap) {
  std::vector<std::vector<const store::NoteInfo*>> meetings;
  // Only notes of one date can be one meeting: the candidates for a note
  // are that date's meetings, in the order they were started.
  std::unordered_map<int32_t, std::vector<size_t>> by_date;
  for (const store::NoteInfo& note : notes) {
    std::vector<size_t>* candidates = note.date ? &by_date[*note.date] : nullptr;
    size_t found = meetings.size();
    if (candidates != nullptr) {
      for (size_t m : *candidates) {
        if (SameMeeting(*meetings[m].front(), note, overlap)) {
          found = m;
          break;
        }
      }
    }
    if (found == meetings.size()) {
      if (candidates != nullptr) candidates->push_back(meetings.size());
      meetings.push_back({&note});
    } else {
      meetings[found].push_back(&note);
    }
  }
  return meetings;
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
