#include "engine/util/text.h"

#include <gtest/gtest.h>

namespace kith::util {
namespace {

TEST(FoldNameTest, FoldsCaseDiacriticsAndSpaces) {
  EXPECT_EQ(FoldName("  Zoë   O’Brien "), "zoe o'brien");
  EXPECT_EQ(FoldName("ROB BANGA"), FoldName("rob banga"));
  EXPECT_EQ(FoldName("Rosanne Kincaid–Smith"), "rosanne kincaid-smith");
  EXPECT_EQ(FoldName(" \tAna  BELL-Hart\r\n"), "ana bell-hart");
  EXPECT_EQ(FoldName(" \t "), "");
}

TEST(FoldNameTest, InvalidUtf8StillFoldsAscii) {
  EXPECT_EQ(FoldName(std::string("Ab\xff", 3)), "ab\xff");
}

// The inline key must be FoldName's, whether the name fits inline or not.
TEST(FoldedNameTest, IsFoldNamesKeyForShortLongAndNonAsciiNames) {
  const std::string long_ascii = "  Bartholomew-Maximilian   VAN DER Westhuizen-Oyelaran of the Northern Reaches ";
  ASSERT_GT(long_ascii.size(), 64u);
  for (std::string name : {std::string("  Ana  BELL-Hart\r\n"), std::string("ROB BANGA"), std::string("  Zoë   O’Brien "),
                           long_ascii, std::string(" \t "), std::string(""), std::string("Ab\xff", 3),
                           std::string(64, 'Q'), std::string(65, 'Q')}) {
    EXPECT_EQ(FoldedName(name).view(), FoldName(name)) << name;
  }
}

TEST(RepairMojibakeTest, UndoesMacRomanDecodedEmoji) {
  // What the seed note holds for "📅 2025-11-08 ⏫".
  std::string broken = "\xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96 2025-11-08 \xE2\x80\x9A\xC3\xA8\xC2\xB4";
  EXPECT_EQ(RepairMojibake(broken), std::optional<std::string>("\U0001F4C5 2025-11-08 \u23EB"));
}

TEST(RepairMojibakeTest, UndoesWindows1252DecodedText) {
  std::string broken = "caf\xC3\x83\xC2\xA9";  // "café" read as cp1252.
  EXPECT_EQ(RepairMojibake(broken), std::optional<std::string>("caf\xC3\xA9"));
}

TEST(RepairMojibakeTest, LeavesGenuineTextAlone) {
  EXPECT_EQ(RepairMojibake("Zoë Kincaid–Smith 📅"), std::nullopt);
  EXPECT_EQ(RepairMojibake("plain ascii"), std::nullopt);
  EXPECT_EQ(RepairMojibake("caf\xC3\xA9"), std::nullopt);  // A genuine é.
  // Mojibake beside a character no code page holds (an emoji, or a byte
  // that starts no character) cannot have come from one: left as written.
  const std::string mixed = "caf\xC3\x83\xC2\xA9 \U0001F4C5";
  EXPECT_EQ(RepairMojibake(mixed), std::nullopt);
  const std::string invalid = "caf\xC3\x83\xC2\xA9\xF8";
  EXPECT_EQ(RepairMojibake(invalid), std::nullopt);
}

TEST(TrimTest, StripsBothEnds) {
  EXPECT_EQ(Trim("  a b \r"), "a b");
  EXPECT_EQ(Trim("   "), "");
}

TEST(SplitTest, KeepsEmptyPieces) {
  auto parts = Split("a,,b", ',');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
}

TEST(BoundedEditDistanceTest, CountsEditsAndGivesUpPastLimit) {
  EXPECT_EQ(BoundedEditDistance("rob banga", "rob bangs", 3), 1);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(BoundedEditDistance("a", "abcdefgh", 2), 3);
}

TEST(IsValidUtf8Test, RejectsBrokenSequences) {
  EXPECT_TRUE(IsValidUtf8("Åsa 📅"));
  EXPECT_FALSE(IsValidUtf8(std::string("\xC3", 1)));
  EXPECT_FALSE(IsValidUtf8(std::string("a\xFF" "b", 3)));
}

// ASCII is skipped eight bytes at a time: a character anywhere in a long
// line, on either side of a word's edge, must still be read.
TEST(IsValidUtf8Test, ReadsACharacterAtEveryOffsetOfALongLine) {
  for (size_t at = 0; at <= 40; ++at) {
    std::string line(40, 'a');
    EXPECT_TRUE(IsValidUtf8(std::string(line).insert(at, "\xC3\xA9"))) << at;
    EXPECT_TRUE(IsValidUtf8(std::string(line).insert(at, "\xF0\x9F\x93\x85"))) << at;
    EXPECT_FALSE(IsValidUtf8(std::string(line).insert(at, "\xC3"))) << at;
    EXPECT_FALSE(IsValidUtf8(std::string(line).insert(at, "\xFF"))) << at;
    EXPECT_EQ(FoldName(std::string(line).insert(at, "\xC3\x89")), std::string(line).insert(at, "e")) << at;
    EXPECT_EQ(RepairMojibake(std::string(line).insert(at, "caf\xC3\x83\xC2\xA9")),
              std::optional<std::string>(std::string(line).insert(at, "caf\xC3\xA9")))
        << at;
  }
}

}  // namespace
}  // namespace kith::util
