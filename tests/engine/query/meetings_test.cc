#include "engine/query/meetings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kith::query {
namespace {

store::NoteInfo Note(const std::string& path, std::optional<int32_t> date, std::vector<store::NodeId> attendees) {
  store::NoteInfo note;
  note.path = path;
  note.date = date;
  note.attendees = std::move(attendees);
  return note;
}

// Each meeting as the paths of its notes, meetings in the order given.
std::vector<std::vector<std::string>> Paths(const std::vector<Meeting>& meetings) {
  std::vector<std::vector<std::string>> out;
  for (const auto& meeting : meetings) {
    std::vector<std::string>& paths = out.emplace_back();
    for (const store::NoteInfo* note : meeting) paths.push_back(note->path);
  }
  return out;
}

class FoldMeetingsTest : public ::testing::Test {
 protected:
  // In date order (undated first, as shared-history sorts): an undated
  // note, two summaries of one large meeting (attendee overlap 3/5),
  // another meeting that day, the same small meeting written up twice the
  // next day (attendees in another order), and the same people a day later.
  std::vector<store::NoteInfo> notes_ = {
      Note("u", std::nullopt, {1, 2}), Note("a1", 100, {1, 2, 3, 4}), Note("a2", 100, {1, 2, 3, 5}),
      Note("b", 100, {8, 9}),          Note("c1", 101, {1, 2}),       Note("c2", 101, {2, 1, 2}),
      Note("d", 102, {1, 2})};
};

TEST_F(FoldMeetingsTest, FoldsSummariesOfOneMeetingInDateOrder) {
  EXPECT_EQ(Paths(FoldMeetings(notes_, 0.6)),
            (std::vector<std::vector<std::string>>{{"u"}, {"a1", "a2"}, {"b"}, {"c1", "c2"}, {"d"}}));
  // Below the overlap, the large meeting's summaries stay apart.
  EXPECT_EQ(Paths(FoldMeetings(notes_, 0.7)),
            (std::vector<std::vector<std::string>>{{"u"}, {"a1"}, {"a2"}, {"b"}, {"c1", "c2"}, {"d"}}));
}

TEST_F(FoldMeetingsTest, NewestFirstAndUnorderedInputFoldAlike) {
  // Newest first (who-knows' order), undated last.
  std::vector<const store::NoteInfo*> newest_first = {&notes_[6], &notes_[4], &notes_[5], &notes_[1],
                                                      &notes_[3], &notes_[2], &notes_[0]};
  EXPECT_EQ(Paths(FoldMeetings(newest_first, 0.6)),
            (std::vector<std::vector<std::string>>{{"d"}, {"c1", "c2"}, {"a1", "a2"}, {"b"}, {"u"}}));
  // Dates interleaved: a date's meetings are still found when it returns.
  std::vector<const store::NoteInfo*> mixed = {&notes_[1], &notes_[4], &notes_[0], &notes_[6],
                                               &notes_[2], &notes_[5], &notes_[3]};
  EXPECT_EQ(Paths(FoldMeetings(mixed, 0.6)),
            (std::vector<std::vector<std::string>>{{"a1", "a2"}, {"c1", "c2"}, {"u"}, {"d"}, {"b"}}));
}

TEST(SameMeetingTest, NeedsOneDateAndEnoughOverlap) {
  EXPECT_TRUE(SameMeeting(Note("x", 5, {1, 2}), Note("y", 5, {2, 1}), 0.6));
  EXPECT_FALSE(SameMeeting(Note("x", 5, {1, 2}), Note("y", 6, {1, 2}), 0.6));
  EXPECT_FALSE(SameMeeting(Note("x", std::nullopt, {1, 2}), Note("y", std::nullopt, {1, 2}), 0.6));
  // Small meetings must match exactly; from four attendees, by overlap.
  EXPECT_FALSE(SameMeeting(Note("x", 5, {1, 2, 3}), Note("y", 5, {1, 2, 4}), 0.4));
  EXPECT_TRUE(SameMeeting(Note("x", 5, {1, 2, 3, 4}), Note("y", 5, {1, 2, 3, 5}), 0.6));
}

}  // namespace
}  // namespace kith::query
