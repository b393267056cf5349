#include "engine/query/meetings.h"

#include <algorithm>
#include <set>

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
  for (const store::NoteInfo& note : notes) {
    auto same = std::find_if(meetings.begin(), meetings.end(), [&](const auto& meeting) {
      return SameMeeting(*meeting.front(), note, overlap);
    });
    if (same == meetings.end()) {
      meetings.push_back({&note});
    } else {
      same->push_back(&note);
    }
  }
  return meetings;
}

}  // namespace kith::query
