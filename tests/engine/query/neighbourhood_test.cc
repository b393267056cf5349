#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

// A chain Ana - Bo - Cy - Di, plus Ana - Ed in a 1:1 and Bo at Acme.
class NeighbourhoodTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({}, dir_.path()));
    ASSERT_OK(store_->PutMeta(store::kLatestNoteDateMeta, std::to_string(*util::ParseIsoDate("2025-06-01"))));
    Put(testing::Meeting("ab.md", "2025-06-01", {"Ana Bell", "Bo Chen", "Ed Fox"}));
    Put(testing::Meeting("ae.md", "2025-06-01", {"Ana Bell", "Ed Fox"}));
    Put(testing::Meeting("bc.md", "2025-06-01", {"Bo Chen", "Cy Dee"}));
    Put(testing::Meeting("cd.md", "2025-06-01", {"Cy Dee", "Di Eng"}));
    extract::NoteGraph job = testing::Meeting("job.md", "2025-05-01", {});
    job.entities = {{model::EntityKind::kPerson, "Bo Chen"}, {model::EntityKind::kOrganization, "Acme"}};
    extract::Fact works;
    works.type = model::RelationType::kWorksAt;
    works.args = {0, 1};
    works.status = "current";
    job.facts = {works};
    Put(job);
  }
  void Put(const extract::NoteGraph& g) { ASSERT_OK(store_->PutNote(g, 1)); }
  Neighbourhood Ask(int depth, int limit) {
    NeighbourhoodQuery q;
    q.name = "Ana Bell";
    q.depth = depth;
    q.limit = limit;
    auto hood = BuildNeighbourhood(*store_->NewReader(), q);
    EXPECT_OK(hood.status());
    return *hood;
  }
  static std::vector<std::string> Names(const Neighbourhood& h) {
    std::vector<std::string> out;
    for (const NeighbourPerson& p : h.people) out.push_back(p.name + "@" + std::to_string(p.distance));
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(NeighbourhoodTest, RingsByDistanceStrongestFirst) {
  Neighbourhood h = Ask(2, 60);
  EXPECT_EQ(h.center, "Ana Bell");
  // Ed (a 1:1 and a meeting) is a stronger tie than Bo (one meeting).
  EXPECT_EQ(Names(h), (std::vector<std::string>{"Ana Bell@0", "Ed Fox@1", "Bo Chen@1", "Cy Dee@2"}));
  EXPECT_EQ(h.people[2].organization, "Acme");
  for (const NeighbourTie& t : h.ties) EXPECT_NE(t.b, "Di Eng");  // Three ties away: not drawn.
  EXPECT_EQ(h.ties.size(), 4u);  // Ana-Ed, Ana-Bo, Bo-Ed, Bo-Cy.
}

TEST_F(NeighbourhoodTest, LimitKeepsTheNearest) {
  EXPECT_EQ(Names(Ask(3, 2)), (std::vector<std::string>{"Ana Bell@0", "Ed Fox@1"}));
  EXPECT_EQ(Names(Ask(1, 60)).size(), 3u);
}

TEST_F(NeighbourhoodTest, UnknownPersonIsNotFound) {
  NeighbourhoodQuery q;
  q.name = "Nobody Known";
  EXPECT_EQ(BuildNeighbourhood(*store_->NewReader(), q).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kith::query
