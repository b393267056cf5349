#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

class FactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({}, dir_.path()));
    extract::NoteGraph b = testing::Meeting("b.md", "2025-02-01", {"Ana Bell", "Bo Chen"});
    extract::Fact action;
    action.type = model::RelationType::kOwnsAction;
    action.args = {1};
    action.status = "open";
    action.evidence = {"Action Items", 7, "Send the deck."};
    b.facts.push_back(action);
    ASSERT_OK(store_->PutNote(b, 1));
    ASSERT_OK(store_->PutNote(testing::Meeting("a.md", "2025-01-01", {"Cy Dee"}), 1));
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(FactsTest, ListsAllFactsByNotePath) {
  ASSERT_OK_AND_ASSIGN(auto facts, Facts(*store_->NewReader(), {}));
  ASSERT_EQ(facts.size(), 4u);
  EXPECT_EQ(facts[0].path, "a.md");
  EXPECT_EQ(facts[0].args, (std::vector<std::string>{"Cy Dee"}));
  EXPECT_EQ(facts[3].type, model::RelationType::kOwnsAction);
  EXPECT_EQ(facts[3].args, (std::vector<std::string>{"Bo Chen"}));
  EXPECT_EQ(facts[3].evidence.text, "Send the deck.");
  EXPECT_EQ(facts[3].evidence.line, 7);
}

TEST_F(FactsTest, FiltersByNoteAndType) {
  FactsQuery query;
  query.note_path = "b.md";
  query.type = model::RelationType::kAttended;
  ASSERT_OK_AND_ASSIGN(auto facts, Facts(*store_->NewReader(), query));
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[1].args, (std::vector<std::string>{"Bo Chen"}));
}

TEST_F(FactsTest, UnknownNoteIsNotFound) {
  FactsQuery query;
  query.note_path = "nope.md";
  EXPECT_EQ(Facts(*store_->NewReader(), query).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kith::query
