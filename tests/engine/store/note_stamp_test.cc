#include "engine/store/note_stamp.h"

#include <gtest/gtest.h>

namespace kith::store {
namespace {

const NoteStamp kStamp{"Meetings/2025-05-01 - Sync.md", 20209, 0xfeedfacecafebeefULL,
                       {0x0123456789abcdefULL, 4096, 1'700'000'000'123'456'789}};

TEST(NoteStampTest, RoundTripsEveryField) {
  std::string bytes = EncodeNoteStamp(kStamp);
  std::optional<NoteStamp> back = DecodeNoteStamp(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->path, kStamp.path);
  EXPECT_EQ(back->date, kStamp.date);
  EXPECT_EQ(back->content_hash, kStamp.content_hash);
  EXPECT_EQ(back->file.raw_hash, kStamp.file.raw_hash);
  EXPECT_EQ(back->file.size, kStamp.file.size);
  EXPECT_EQ(back->file.mtime_ns, kStamp.file.mtime_ns);
}

TEST(NoteStampTest, AnUndatedNoteStaysUndatedAndDayZeroStaysDated) {
  NoteStamp undated = kStamp;
  undated.date.reset();
  EXPECT_FALSE(DecodeNoteStamp(EncodeNoteStamp(undated))->date.has_value());
  NoteStamp epoch = kStamp;
  epoch.date = 0;
  EXPECT_EQ(DecodeNoteStamp(EncodeNoteStamp(epoch))->date, 0);
  NoteStamp before_epoch = kStamp;
  before_epoch.date = -365;
  EXPECT_EQ(DecodeNoteStamp(EncodeNoteStamp(before_epoch))->date, -365);
}

TEST(NoteStampTest, ShortOrMalformedValuesAreRefused) {
  std::string bytes = EncodeNoteStamp({"", std::nullopt, 1, {2, 3, 4}});
  EXPECT_TRUE(DecodeNoteStamp(bytes).has_value());  // An empty path is still a stamp.
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(DecodeNoteStamp(std::string_view(bytes).substr(0, cut)).has_value()) << cut;
  }
  bytes[32] = 7;  // has_date is 0 or 1.
  EXPECT_FALSE(DecodeNoteStamp(bytes).has_value());
}

}  // namespace
}  // namespace kith::store
