// The simple frontmatter reader must read whatever it accepts exactly as
// yaml-cpp does, and must accept the shapes notes are usually written in.
#include "engine/note/simple_yaml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/note/frontmatter.h"
#include "tests/testing/status_matchers.h"

namespace kith::note {
namespace {

// Compares the two readers on `yaml`; returns whether the simple one took it.
bool ReadsLikeYamlCpp(std::string_view yaml) {
  SCOPED_TRACE(std::string(yaml));
  absl::StatusOr<Frontmatter> full = ParseFrontmatterWithYamlCpp(yaml, 2);
  if (!ReadSimpleYaml(yaml)) return false;
  EXPECT_TRUE(full.ok()) << "the simple reader took YAML that yaml-cpp refuses: " << full.status();
  absl::StatusOr<Frontmatter> fast = ParseFrontmatter(yaml, 2);
  EXPECT_TRUE(fast.ok());
  if (full.ok() && fast.ok()) EXPECT_TRUE(*fast == *full);
  return true;
}

TEST(SimpleYamlTest, TakesTheUsualShapes) {
  for (std::string_view yaml : {
           "title: Weekly sync\ndate: 2025-11-08\n",
           "type: \"meeting\"\nparticipants: [\"Ana Bell\", Bo Chen, 'Cy O''Dee']\n",
           "tags:\n  - \"type/meeting\"\n  - project/alpha\n",
           "tags:\n- a\n- b\ntitle: x\n",
           "entities:\n  people:\n  - '[[Jai Menon]]'\n  projects:\n    - Cloud\ntype: transcript\n",
           "participants:\n  people: [A B]\n",
           "title: C# and F# # the languages\nempty:\nnothing: ~\nalso: null\n",
           "date: 2025-10-30T08:46\nurl: https://example.com/a?b=c\n",
           "# a comment\ntitle: x   \r\nlist: []\n",
           "participants:\n  -\n  - Ana\n  - ~\n",
           "title: 'quoted # not a comment'\nsecond: \"a, b\"\n",
           "participants: Ana Bell, Bo Chen,\n  Cy Dee\nsource: a/b\n  c.md\ntags: [a]\n",
           "entities: {}\ntype: transcript\n",
           "---x: not a marker\n....: nor this\n",
       }) {
    EXPECT_TRUE(ReadsLikeYamlCpp(yaml)) << yaml;
  }
}

TEST(SimpleYamlTest, LeavesEverythingElseToYamlCpp) {
  for (std::string_view yaml : {
           "title: |\n  block\n",
           "title: >\n  folded\n",
           "title: &a x\nother: *a\n",
           "title: \"esc\\\"aped\"\n",
           "title: a\ntitle: b\n",
           "\ttitle: x\n",
           "previous_roles:\n  - company: A\n    title: B\n",
           "participants: [[A], [B]]\n",
           "participants: [a, b,]\n",
           "participants: [a,\n  b]\n",
           "just a scalar\n",
           "- a\n- b\n",
           "title: a: b\n",
           "\"quoted key\": x\n",
           "title: \"unclosed\n",
           "{a: b}\n",
           "? complex\n: key\n",
           "title: x\n  - stray\n",
           "title: a # c\n  b\n",
           "title: a\n\n  b\n",
           "title: a\n  b: c\n",
           "created: { { DATE } }\n",
           "title\t: tabbed key\n",
           "null: a null key\n",
           "type: \r\r\nnext: x\n",
           "participants: [T?omas, Ana]\n",
           "title: x\n\xEF\xBB\xBFtype: a byte order mark\n",
           "title: control \x01 character\n",
           "title: x\n--- a: second document\n",
           "title: x\n---\nother: y\n",
           "title: x\n... a: end of document\n",
       }) {
    EXPECT_FALSE(ReadsLikeYamlCpp(yaml)) << yaml;
  }
}

TEST(SimpleYamlTest, RemarksNestedFieldsOnTheLinesYamlCppGives) {
  EXPECT_TRUE(ReadsLikeYamlCpp("title: x\nparticipants:\n  lead: Ana\n  other: Bo\n"));
  absl::StatusOr<Frontmatter> fm = ParseFrontmatter("title: x\nparticipants:\n  lead: Ana\n", 2);
  ASSERT_OK(fm);
  ASSERT_EQ(fm->remarks.size(), 1u);
}

// Every frontmatter of the shared corpus: what the simple reader takes must
// read as yaml-cpp reads it, and it must take nearly all of it.
TEST(SimpleYamlTest, ReadsTheCorpusLikeYamlCpp) {
  const std::filesystem::path corpus = std::filesystem::path(KITH_SHARED_DIR) / "corpus";
  ASSERT_TRUE(std::filesystem::exists(corpus)) << corpus;
  int notes = 0, taken = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    absl::StatusOr<FrontmatterSplit> split = SplitFrontmatter(text);
    if (!split.ok() || split->yaml.empty()) continue;
    ++notes;
    SCOPED_TRACE(entry.path().string());
    if (ReadsLikeYamlCpp(split->yaml)) ++taken;
  }
  EXPECT_GT(notes, 500);
  EXPECT_GT(taken, notes * 4 / 5) << taken << " of " << notes;
  std::cout << "the simple reader took " << taken << " of " << notes << " frontmatters\n";
}

}  // namespace
}  // namespace kith::note
