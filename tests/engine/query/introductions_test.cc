#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

class IntroductionsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({}, dir_.path())); }

  void Intro(const std::string& path, const std::string& date, std::vector<std::string> people) {
    extract::NoteGraph g = testing::Meeting(path, date, {});
    extract::Fact f;
    f.type = model::RelationType::kIntroduced;
    for (const std::string& p : people) {
      f.args.push_back(static_cast<int>(g.entities.size()));
      g.entities.push_back({model::EntityKind::kPerson, p});
    }
    f.evidence = {"Key Information", 1, people[0] + " introduced " + people[1]};
    g.facts = {f};
    ASSERT_OK(store_->PutNote(g, 1));
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(IntroductionsTest, FiltersAndOrdersOldestFirstWithUndatedLast) {
  Intro("late.md", "2025-05-01", {"Cy Dee", "Ana Bell", "Bo Chen"});
  Intro("early.md", "2025-01-01", {"Cy Dee", "Eli Fox", "Bo Chen"});
  Intro("undated.md", "", {"Cy Dee", "Gus Hale"});
  Intro("other.md", "2025-02-01", {"Eli Fox", "Ana Bell", "Gus Hale"});
  ASSERT_OK_AND_ASSIGN(auto by_cy, Introductions(*store_->NewReader(), {"Cy Dee", "", ""}));
  ASSERT_EQ(by_cy.size(), 3u);
  EXPECT_EQ(by_cy[0].introduced, "Eli Fox");
  EXPECT_EQ(by_cy[1].introduced, "Ana Bell");
  EXPECT_EQ(by_cy[2].introduced, "Gus Hale");
  EXPECT_EQ(by_cy[2].to, "");
  ASSERT_OK_AND_ASSIGN(auto of_ana, Introductions(*store_->NewReader(), {"", "Ana Bell", ""}));
  EXPECT_EQ(of_ana.size(), 2u);
  ASSERT_OK_AND_ASSIGN(auto to_bo, Introductions(*store_->NewReader(), {"", "", "Bo Chen"}));
  EXPECT_EQ(to_bo.size(), 2u);
  ASSERT_OK_AND_ASSIGN(auto all, Introductions(*store_->NewReader(), {}));
  EXPECT_EQ(all.size(), 4u);
}

TEST_F(IntroductionsTest, HowMetPrefersTheIntroductionEitherWayRound) {
  Intro("i.md", "2025-03-01", {"Cy Dee", "Bo Chen", "Ana Bell"});
  ASSERT_OK(store_->PutNote(testing::Meeting("m.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 1));
  ASSERT_OK_AND_ASSIGN(HowMetResult r, HowMet(*store_->NewReader(), "Ana Bell", "Bo Chen"));
  EXPECT_EQ(r.how, "introduced");
  EXPECT_EQ(r.introduction->introducer, "Cy Dee");
}

TEST_F(IntroductionsTest, HowMetFallsBackToFirstMeetingThenUnknown) {
  ASSERT_OK(store_->PutNote(testing::Meeting("late.md", "2025-06-01", {"Ana Bell", "Bo Chen"}), 1));
  ASSERT_OK(store_->PutNote(testing::Meeting("early.md", "2025-02-01", {"Ana Bell", "Bo Chen", "Cy Dee"}), 1));
  ASSERT_OK_AND_ASSIGN(HowMetResult met, HowMet(*store_->NewReader(), "Ana Bell", "Bo Chen"));
  EXPECT_EQ(met.how, "first_meeting");
  EXPECT_EQ(met.first_meeting->path, "early.md");
  ASSERT_OK(store_->PutNote(testing::Meeting("solo.md", "2025-02-01", {"Eli Fox"}), 1));
  ASSERT_OK_AND_ASSIGN(HowMetResult unknown, HowMet(*store_->NewReader(), "Ana Bell", "Eli Fox"));
  EXPECT_EQ(unknown.how, "unknown");
  EXPECT_EQ(HowMet(*store_->NewReader(), "Ana Bell", "ana bell").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kith::query
