#include "engine/note/frontmatter.h"

#include <gtest/gtest.h>

#include "engine/note/note.h"
#include "tests/testing/status_matchers.h"

namespace kith::note {
namespace {

TEST(FrontmatterTest, SplitsFencedBlock) {
  ASSERT_OK_AND_ASSIGN(FrontmatterSplit split, SplitFrontmatter("---\na: 1\n---\n# Body\n"));
  EXPECT_EQ(split.yaml, "a: 1\n");
  EXPECT_EQ(split.body, "# Body\n");
  EXPECT_EQ(split.body_first_line, 4);
}

TEST(FrontmatterTest, NoFenceMeansNoFrontmatter) {
  ASSERT_OK_AND_ASSIGN(FrontmatterSplit split, SplitFrontmatter("# Title\n---\n"));
  EXPECT_TRUE(split.yaml.empty());
}

TEST(FrontmatterTest, UnclosedFenceIsErrorAtLineOne) {
  auto split = SplitFrontmatter("---\ntitle: x\n# Body\n");
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(LineOf(split.status()), 1);
}

TEST(FrontmatterTest, ReadsFlowAndBlockLists) {
  ASSERT_OK_AND_ASSIGN(Frontmatter flow, ParseFrontmatter("participants: [\"A B\", C D]\n", 2));
  EXPECT_EQ(flow.participants, (std::vector<std::string>{"A B", "C D"}));
  ASSERT_OK_AND_ASSIGN(Frontmatter block,
                       ParseFrontmatter("participants:\n- 'A B'\n- C D\ntags: one\n", 2));
  EXPECT_EQ(block.participants, (std::vector<std::string>{"A B", "C D"}));
  EXPECT_EQ(block.tags, (std::vector<std::string>{"one"}));
}

TEST(FrontmatterTest, ReadsEntitiesPeople) {
  ASSERT_OK_AND_ASSIGN(Frontmatter fm,
                       ParseFrontmatter("entities:\n  people:\n  - '[[Jai Menon]]'\n", 2));
  EXPECT_EQ(fm.people, (std::vector<std::string>{"[[Jai Menon]]"}));
}

TEST(FrontmatterTest, BadYamlReportsItsLine) {
  auto fm = ParseFrontmatter("title: ok\nparticipants: [a, b\n", 2);
  ASSERT_FALSE(fm.ok());
  EXPECT_GE(LineOf(fm.status()), 2);
}

TEST(FrontmatterTest, ScalarDocumentIsRejected) {
  EXPECT_FALSE(ParseFrontmatter("just text\n", 2).ok());
}

}  // namespace
}  // namespace kith::note

namespace kith::note {
namespace {

TEST(FrontmatterRemarksTest, NestedListsInNameFieldsAreRemarkedNotWalked) {
  std::string yaml = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nparticipants: [Ana Bell, *c]\n";
  absl::StatusOr<Frontmatter> fm = ParseFrontmatter(yaml, 2);
  ASSERT_TRUE(fm.ok()) << fm.status();
  EXPECT_EQ(fm->participants, std::vector<std::string>{"Ana Bell"});
  ASSERT_EQ(fm->remarks.size(), 1u);
  EXPECT_NE(fm->remarks[0].second.find("'participants' holds a nested list"), std::string::npos);
  EXPECT_GE(fm->remarks[0].first, 2);
}

TEST(FrontmatterRemarksTest, PlainListsHaveNoRemarks) {
  absl::StatusOr<Frontmatter> fm = ParseFrontmatter("participants: [Ana Bell, Bo Chen]\ntags: [a, b]\n", 2);
  ASSERT_TRUE(fm.ok());
  EXPECT_TRUE(fm->remarks.empty());
}

}  // namespace
}  // namespace kith::note
