#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

class IntroPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({}, dir_.path()));
    ASSERT_OK(store_->PutMeta("latest_note_date", std::to_string(*util::ParseIsoDate("2025-06-01"))));
  }
  void Meet(const std::string& path, std::vector<std::string> people, const std::string& date = "2025-06-01") {
    ASSERT_OK(store_->PutNote(testing::Meeting(path, date, people), 1));
  }
  absl::StatusOr<IntroPathResult> Find(const std::string& from, const std::string& to, int k = 3, int hops = 4) {
    IntroPathQuery q;
    q.from = from;
    q.to = to;
    q.k = k;
    q.max_hops = hops;
    return FindIntroPaths(*store_->NewReader(), q);
  }
  std::vector<std::string> Route(const IntroPath& path) {
    std::vector<std::string> out = {path.hops.front().from};
    for (const PathHop& h : path.hops) out.push_back(h.to);
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(IntroPathTest, StrongChainBeatsWeakShortcutAndWeakestLinkIsNamed) {
  // Ana-Bo and Bo-Cy are 1:1s (strong); Ana and Cy share one big meeting.
  // Ana and Bo met twice (a second note of the same day would be the same
  // meeting, as in who-knows).
  Meet("ab.md", {"Ana Bell", "Bo Chen"});
  Meet("ab2.md", {"Ana Bell", "Bo Chen"}, "2025-05-31");
  Meet("bc.md", {"Bo Chen", "Cy Dee"});
  Meet("big.md", {"Ana Bell", "Cy Dee", "Di Eng", "Ed Fox", "Flo Gu", "Gus Hale"});
  ASSERT_OK_AND_ASSIGN(IntroPathResult r, Find("Ana Bell", "Cy Dee"));
  ASSERT_GE(r.paths.size(), 2u);
  EXPECT_EQ(Route(r.paths[0]), (std::vector<std::string>{"Ana Bell", "Bo Chen", "Cy Dee"}));
  EXPECT_EQ(r.paths[0].weakest, 1u);  // The single 1:1 with Cy.
  EXPECT_EQ(Route(r.paths[1]), (std::vector<std::string>{"Ana Bell", "Cy Dee"}));
  EXPECT_GT(r.paths[0].strength, r.paths[1].strength);
  EXPECT_NEAR(r.paths[0].strength, r.paths[0].hops[0].strength * r.paths[0].hops[1].strength, 1e-12);
}

TEST_F(IntroPathTest, AlternativesAreLooplessAndRespectMaxHops) {
  Meet("1.md", {"Ana Bell", "Bo Chen"});
  Meet("2.md", {"Bo Chen", "Cy Dee"});
  Meet("3.md", {"Cy Dee", "Di Eng"});
  Meet("4.md", {"Di Eng", "Ed Fox"});
  ASSERT_OK_AND_ASSIGN(IntroPathResult four, Find("Ana Bell", "Ed Fox", 3, 4));
  ASSERT_EQ(four.paths.size(), 1u);
  EXPECT_EQ(four.paths[0].hops.size(), 4u);
  ASSERT_OK_AND_ASSIGN(IntroPathResult three, Find("Ana Bell", "Ed Fox", 3, 3));
  EXPECT_TRUE(three.paths.empty());
}

TEST_F(IntroPathTest, NoConnectionIsAnEmptyAnswerNotAnError) {
  Meet("1.md", {"Ana Bell", "Bo Chen"});
  Meet("2.md", {"Cy Dee", "Di Eng"});
  ASSERT_OK_AND_ASSIGN(IntroPathResult r, Find("Ana Bell", "Di Eng"));
  EXPECT_TRUE(r.paths.empty());
  EXPECT_EQ(Find("Ana Bell", "ana bell").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Find("Ana Bell", "Nobody Here").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kith::query
