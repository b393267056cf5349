#include "engine/note/task_line.h"

#include <gtest/gtest.h>

#include "engine/util/date.h"
#include "engine/util/text.h"

namespace kith::note {
namespace {

TEST(TaskLineTest, ReadsOwnerDuePriorityAndText) {
  auto item = ParseTaskLine(
      "- [?] Provide a consolidated list of pain points. @Rob Banga 📅 2025-11-08 ⏫ #task #proposed");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->status, TaskStatus::kProposed);
  EXPECT_EQ(item->owner, "Rob Banga");
  EXPECT_EQ(item->text, "Provide a consolidated list of pain points.");
  ASSERT_TRUE(item->due);
  EXPECT_EQ(util::FormatIsoDate(*item->due), "2025-11-08");
  EXPECT_EQ(item->priority, TaskPriority::kHigh);
}

TEST(TaskLineTest, ReadsEveryStatusBox) {
  EXPECT_EQ(ParseTaskLine("- [ ] a")->status, TaskStatus::kOpen);
  EXPECT_EQ(ParseTaskLine("- [x] a")->status, TaskStatus::kDone);
  EXPECT_EQ(ParseTaskLine("* [X] a")->status, TaskStatus::kDone);
  EXPECT_EQ(ParseTaskLine("- [-] a")->status, TaskStatus::kCancelled);
  EXPECT_EQ(ParseTaskLine("- [/] a")->status, TaskStatus::kInProgress);
  EXPECT_EQ(ParseTaskLine("  - [>] a")->status, TaskStatus::kOther);
}

TEST(TaskLineTest, ReadsDoneDateAndHighestPriority) {
  auto item = ParseTaskLine("- [x] Draft plan. @Rob Banga 🔺 ✅ 2025-11-08");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->priority, TaskPriority::kHighest);
  ASSERT_TRUE(item->done);
  EXPECT_EQ(util::FormatIsoDate(*item->done), "2025-11-08");
  EXPECT_FALSE(item->due);
  EXPECT_EQ(item->text, "Draft plan.");
}

TEST(TaskLineTest, ReadsRepairedMojibake) {
  std::optional<std::string> line = util::RepairMojibake(
      "- [?] Schedule coffee. @Myself \xEF\xA3\xBF\xC3\xBC\xC3\xAC\xC3\x96 2025-11-08 "
      "\xE2\x80\x9A\xC3\xA8\xC2\xB4 #task");
  ASSERT_TRUE(line);
  auto item = ParseTaskLine(*line);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->owner, "Myself");
  ASSERT_TRUE(item->due);
  EXPECT_EQ(util::FormatIsoDate(*item->due), "2025-11-08");
  EXPECT_EQ(item->priority, TaskPriority::kHigh);
}

TEST(TaskLineTest, OwnerStopsAtLowerCaseWord) {
  auto item = ParseTaskLine("- [ ] Ask @Dana Lee to review the doc");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->owner, "Dana Lee");
  EXPECT_EQ(item->text, "Ask @Dana Lee to review the doc");
}

TEST(TaskLineTest, EmailAddressIsNotAnOwner) {
  auto item = ParseTaskLine("- [ ] Write to dana@example.com");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->owner, "");
}

TEST(TaskLineTest, TrailingOwnerBeforeTagsIsNotText) {
  auto item = ParseTaskLine("- [-] Old proposal, withdrawn. @Sam Lee #task");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->owner, "Sam Lee");
  EXPECT_EQ(item->text, "Old proposal, withdrawn.");
}

TEST(TaskLineTest, RejectsPlainBulletsAndLinks) {
  EXPECT_FALSE(ParseTaskLine("- Rob leads the SE org"));
  EXPECT_FALSE(ParseTaskLine("- [[Jeff Denworth]]"));
  EXPECT_FALSE(ParseTaskLine("[ ] no bullet"));
}

}  // namespace
}  // namespace kith::note
