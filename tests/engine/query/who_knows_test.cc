#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

using testing::Meeting;

class WhoKnowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({}, dir_.path()));
    ASSERT_OK(store_->PutMeta("latest_note_date", std::to_string(*util::ParseIsoDate("2025-06-01"))));
  }
  void Put(const extract::NoteGraph& g) { ASSERT_OK(store_->PutNote(g, 1)); }
  absl::StatusOr<WhoKnowsResult> Ask(const std::string& name, int limit = 20) {
    WhoKnowsQuery q;
    q.name = name;
    q.limit = limit;
    return WhoKnows(*store_->NewReader(), q);
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(WhoKnowsTest, OneOnOneOutranksLargeMeeting) {
  Put(Meeting("one.md", "2025-06-01", {"Ana Bell", "Bo Chen"}));
  Put(Meeting("big.md", "2025-06-01", {"Ana Bell", "Cy Dee", "Di Eng", "Ed Fox", "Flo Gu"}));
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("ana bell"));
  EXPECT_EQ(r.subject, "Ana Bell");
  ASSERT_EQ(r.people.size(), 5u);
  EXPECT_EQ(r.people[0].name, "Bo Chen");
  EXPECT_NEAR(r.people[0].strength, 1 - std::exp(-1.0), 1e-9);
  EXPECT_NEAR(r.people[1].strength, 1 - std::exp(-0.25), 1e-9);
}

TEST_F(WhoKnowsTest, RecentMeetingOutranksOldOne) {
  Put(Meeting("old.md", "2024-06-01", {"Ana Bell", "Bo Chen"}));
  Put(Meeting("new.md", "2025-05-01", {"Ana Bell", "Cy Dee"}));
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("Ana Bell"));
  ASSERT_EQ(r.people.size(), 2u);
  EXPECT_EQ(r.people[0].name, "Cy Dee");
  EXPECT_EQ(r.people[1].name, "Bo Chen");
}

TEST_F(WhoKnowsTest, MoreMeetingsCountForMoreWithEvidenceNewestFirst) {
  Put(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen", "Cy Dee"}));
  Put(Meeting("b.md", "2025-02-01", {"Ana Bell", "Bo Chen", "Cy Dee"}));
  Put(Meeting("c.md", "2025-03-01", {"Ana Bell", "Bo Chen", "Di Eng"}));
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("Ana Bell"));
  ASSERT_EQ(r.people[0].name, "Bo Chen");
  EXPECT_EQ(r.people[0].interactions, 3);
  ASSERT_EQ(r.people[0].evidence.size(), 3u);
  EXPECT_EQ(r.people[0].evidence[0].path, "c.md");
  EXPECT_EQ(r.people[0].evidence[2].path, "a.md");
  EXPECT_EQ(util::FormatIsoDate(*r.people[0].last_interaction), "2025-03-01");
}

TEST_F(WhoKnowsTest, LimitCutsTheList) {
  Put(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen", "Cy Dee", "Di Eng"}));
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("Ana Bell", 2));
  EXPECT_EQ(r.people.size(), 2u);
}

TEST_F(WhoKnowsTest, UniqueFirstNameResolves) {
  Put(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}));
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("bo"));
  EXPECT_EQ(r.subject, "Bo Chen");
}

TEST_F(WhoKnowsTest, AmbiguousNameListsCandidates) {
  Put(Meeting("a.md", "2025-01-01", {"Rob Banga", "Rob Benoit"}));
  auto r = Ask("Rob");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("Rob Banga, Rob Benoit"), std::string::npos);
}

TEST_F(WhoKnowsTest, UnknownNameSuggestsClosest) {
  Put(Meeting("a.md", "2025-01-01", {"Carl Rounds", "Bo Chen"}));
  auto r = Ask("Karl Rounds");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("Carl Rounds"), std::string::npos);
}

TEST_F(WhoKnowsTest, StatedRelationsCountWithTheirSentence) {
  extract::NoteGraph g = Meeting("facts.md", "2025-06-01", {});
  g.entities = {{model::EntityKind::kPerson, "Carl Rowe"}, {model::EntityKind::kPerson, "Ana Bell"}};
  extract::Fact fact;
  fact.type = model::RelationType::kWorkedWith;
  fact.args = {0, 1};
  fact.evidence = {"Key Information", 3, "Carl Rowe worked with Ana Bell at Acme."};
  g.facts = {fact};
  Put(g);
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("Ana Bell"));
  ASSERT_EQ(r.people.size(), 1u);
  EXPECT_EQ(r.people[0].name, "Carl Rowe");
  EXPECT_EQ(r.people[0].interactions, 0);
  ASSERT_EQ(r.people[0].reasons.size(), 1u);
  EXPECT_EQ(r.people[0].reasons[0].relation, "worked with");
  EXPECT_EQ(r.people[0].reasons[0].text, "Carl Rowe worked with Ana Bell at Acme.");
  EXPECT_NEAR(r.people[0].strength, 1 - std::exp(-1.0), 1e-9);
}

TEST_F(WhoKnowsTest, ARelationNamingAnOrganisationAddsNoAcquaintance) {
  // Acme is named by two relations with Ana Bell, Bo Chen by one: Acme
  // would rank first if it counted, and must not take a place in the list.
  extract::NoteGraph g = Meeting("facts.md", "2025-06-01", {});
  g.entities = {{model::EntityKind::kPerson, "Ana Bell"},
                {model::EntityKind::kOrganization, "Acme"},
                {model::EntityKind::kPerson, "Bo Chen"}};
  extract::Fact worked;
  worked.type = model::RelationType::kWorkedWith;
  worked.args = {0, 1};
  extract::Fact knows_acme = worked;
  knows_acme.type = model::RelationType::kKnows;
  extract::Fact knows_bo = knows_acme;
  knows_bo.args = {2, 0};
  g.facts = {worked, knows_acme, knows_bo};
  Put(g);
  for (int limit : {0, 1}) {
    ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("Ana Bell", limit));
    ASSERT_EQ(r.people.size(), 1u) << limit;
    EXPECT_EQ(r.people[0].name, "Bo Chen");
  }
}

TEST_F(WhoKnowsTest, ReportsToReadsFromBothSides) {
  extract::NoteGraph g = Meeting("org.md", "2025-06-01", {});
  g.entities = {{model::EntityKind::kPerson, "Ana Bell"}, {model::EntityKind::kPerson, "Bo Chen"}};
  extract::Fact fact;
  fact.type = model::RelationType::kReportsTo;
  fact.args = {0, 1};
  g.facts = {fact};
  Put(g);
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult ana, Ask("Ana Bell"));
  EXPECT_EQ(ana.people[0].reasons[0].relation, "reports to");
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult bo, Ask("Bo Chen"));
  EXPECT_EQ(bo.people[0].reasons[0].relation, "manages");
}

TEST_F(WhoKnowsTest, DuplicateSummariesFoldIntoOneMeeting) {
  Put(Meeting("a.md", "2025-06-01", {"Ana Bell", "Bo Chen", "Cy Dee"}));
  Put(Meeting("a-again.md", "2025-06-01", {"Ana Bell", "Bo Chen", "Cy Dee"}));
  Put(Meeting("b.md", "2025-06-01", {"Ana Bell", "Bo Chen"}));  // A different meeting that day.
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("Ana Bell"));
  ASSERT_EQ(r.people[0].name, "Bo Chen");
  EXPECT_EQ(r.people[0].interactions, 2);
  EXPECT_EQ(r.people[0].evidence.size(), 3u);
  // 0.5 for the folded three-person meeting, 1 for the 1:1.
  EXPECT_NEAR(r.people[0].strength, 1 - std::exp(-1.5), 1e-9);
}

TEST_F(WhoKnowsTest, PersonWithoutMeetingsKnowsNobody) {
  Put(Meeting("solo.md", "2025-01-01", {"Ana Bell"}));
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, Ask("Ana Bell"));
  EXPECT_TRUE(r.people.empty());
}

TEST_F(WhoKnowsTest, AsOfLeavesOutLaterMeetingsAndMeasuresRecencyFromThatDay) {
  Put(Meeting("march.md", "2025-03-01", {"Ana Bell", "Bo Chen"}));
  Put(Meeting("may.md", "2025-05-01", {"Ana Bell", "Cy Dee"}));
  WhoKnowsQuery q;
  q.name = "Ana Bell";
  std::unique_ptr<store::StoreReader> reader =
      store::NewAsOfReader(store_->NewReader(), *util::ParseIsoDate("2025-03-01"));
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult r, WhoKnows(*reader, q));
  ASSERT_EQ(r.people.size(), 1u);
  EXPECT_EQ(r.people[0].name, "Bo Chen");
  // On its own day the 1:1 has lost nothing to age.
  EXPECT_NEAR(r.people[0].strength, 1 - std::exp(-1.0), 1e-9);
}

TEST_F(WhoKnowsTest, AttendeeExponentSetsHowMuchSizeCounts) {
  Put(Meeting("big.md", "2025-06-01", {"Ana Bell", "Bo Chen", "Cy Dee", "Di Eng", "Ed Fox"}));
  WhoKnowsQuery q;
  q.name = "Ana Bell";
  q.model.attendee_exponent = 0;  // Every meeting alike.
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult flat, WhoKnows(*store_->NewReader(), q));
  EXPECT_NEAR(flat.people[0].strength, 1 - std::exp(-1.0), 1e-9);
  q.model.attendee_exponent = 2;  // 1 / 4^2.
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult steep, WhoKnows(*store_->NewReader(), q));
  EXPECT_NEAR(steep.people[0].strength, 1 - std::exp(-1.0 / 16), 1e-9);
}

TEST_F(WhoKnowsTest, HalfLifeParameterSetsTheDecay) {
  Put(Meeting("old.md", "2024-12-03", {"Ana Bell", "Bo Chen"}));  // 180 days before the reference date.
  WhoKnowsQuery q;
  q.name = "Ana Bell";
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult slow, WhoKnows(*store_->NewReader(), q));
  EXPECT_NEAR(slow.people[0].strength, 1 - std::exp(-0.5), 1e-9);
  q.model.half_life_days = 90;
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult fast, WhoKnows(*store_->NewReader(), q));
  EXPECT_NEAR(fast.people[0].strength, 1 - std::exp(-0.25), 1e-9);
}

}  // namespace
}  // namespace kith::query
