#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

class StatsSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({}, dir_.path()));
    ASSERT_OK(store_->PutNote(testing::Meeting("a.md", "2025-01-01", {"Samuel Greer", "Sam Hale", "Tomas Okafor"}), 1));
    ASSERT_OK(store_->PutNote(testing::Meeting("b.md", "2025-02-01", {"Samuel Greer"}), 1));
  }
  std::vector<std::string> Names(const std::string& text) {
    auto hits = Search(*store_->NewReader(), text, 20);
    EXPECT_OK(hits);
    std::vector<std::string> out;
    for (const SearchHit& h : *hits) out.push_back(h.name);
    return out;
  }
  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(StatsSearchTest, CountsWhatIsStored) {
  ASSERT_OK_AND_ASSIGN(Stats s, CountStore(*store_->NewReader()));
  EXPECT_EQ(s.notes, 2u);
  EXPECT_EQ(s.people, 3u);
  EXPECT_EQ(s.facts, 4u);
  ASSERT_EQ(s.facts_by_type.size(), 1u);
  EXPECT_EQ(s.facts_by_type[0], (std::pair<std::string, uint64_t>{"ATTENDED", 4}));
}

TEST_F(StatsSearchTest, ExactThenPrefixThenWordThenTypos) {
  EXPECT_EQ(Names("sam"), (std::vector<std::string>{"Sam Hale", "Samuel Greer"}));
  EXPECT_EQ(Names("greer"), (std::vector<std::string>{"Samuel Greer"}));
  EXPECT_EQ(Names("Samule Gree"), (std::vector<std::string>{"Samuel Greer"}));
  EXPECT_EQ(Names("okafor"), (std::vector<std::string>{"Tomas Okafor"}));
  EXPECT_TRUE(Names("zzz").empty());
  EXPECT_FALSE(Search(*store_->NewReader(), "  ", 20).ok());
}

TEST_F(StatsSearchTest, ProfileAliasesResolveAndSearchAsTheirPerson) {
  extract::NoteGraph page = testing::Meeting("People/Tomas Okafor/README.md", "", {});
  page.entities = {{model::EntityKind::kPerson, "Tomas Okafor"}};
  extract::Fact alias;
  alias.type = model::RelationType::kAlsoKnownAs;
  alias.args = {0};
  alias.detail = "Tom Okafor";
  page.facts = {alias};
  ASSERT_OK(store_->PutNote(page, 1));

  ASSERT_OK_AND_ASSIGN(store::EntityInfo person, ResolvePerson(*store_->NewReader(), "tom okafor"));
  EXPECT_EQ(person.name, "Tomas Okafor");
  ASSERT_OK_AND_ASSIGN(std::vector<SearchHit> hits, Search(*store_->NewReader(), "tom ok", 20));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].name, "Tomas Okafor");
  EXPECT_EQ(hits[0].alias, "tom okafor");
  EXPECT_EQ(hits[0].rank, 1);

  // The same other name on a second person's page makes it ambiguous.
  page.path = "People/Tom Okafor-Reyes/README.md";
  page.entities = {{model::EntityKind::kPerson, "Thomas Okafor Reyes"}};
  ASSERT_OK(store_->PutNote(page, 1));
  absl::StatusOr<store::EntityInfo> either = ResolvePerson(*store_->NewReader(), "Tom Okafor");
  EXPECT_EQ(either.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(either.status().message().find("Thomas Okafor Reyes, Tomas Okafor"), std::string::npos)
      << either.status().message();
}

}  // namespace
}  // namespace kith::query
