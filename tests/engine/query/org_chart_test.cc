#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

class OrgChartTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({}, dir_.path())); }

  // A note stating `report` reports to `manager`.
  void Reports(const std::string& path, const std::string& date, const std::string& report, const std::string& manager) {
    extract::NoteGraph g = testing::Meeting(path, date, {});
    g.entities = {{model::EntityKind::kPerson, report}, {model::EntityKind::kPerson, manager}};
    extract::Fact f;
    f.type = model::RelationType::kReportsTo;
    f.args = {0, 1};
    f.evidence = {"Key Information", 1, report + " reports to " + manager + "."};
    g.facts = {f};
    ASSERT_OK(store_->PutNote(g, 1));
  }

  void Works(const std::string& path, const std::string& person, const std::string& org, const std::string& role) {
    extract::NoteGraph g = testing::Meeting(path, "2025-01-01", {});
    g.entities = {{model::EntityKind::kPerson, person}, {model::EntityKind::kOrganization, org}};
    extract::Fact f;
    f.type = model::RelationType::kWorksAt;
    f.args = {0, 1};
    f.status = "current";
    f.role = role;
    g.facts = {f};
    ASSERT_OK(store_->PutNote(g, 1));
  }

  std::vector<std::string> Lines(const OrgChart& chart) {
    std::vector<std::string> out;
    for (const OrgNode& n : chart.people) out.push_back(n.name + "<" + n.manager);
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(OrgChartTest, ManagersComeBeforeReports) {
  Reports("a.md", "2025-01-01", "Bo Chen", "Ana Bell");
  Reports("b.md", "2025-01-01", "Cy Dee", "Bo Chen");
  Works("w.md", "Bo Chen", "Acme", "Lead");
  ASSERT_OK_AND_ASSIGN(OrgChart chart, BuildOrgChart(*store_->NewReader(), {}));
  EXPECT_EQ(Lines(chart), (std::vector<std::string>{"Ana Bell<", "Bo Chen<Ana Bell", "Cy Dee<Bo Chen"}));
  EXPECT_EQ(chart.people[1].title, "Lead");
  EXPECT_EQ(chart.people[1].organization, "Acme");
  EXPECT_EQ(chart.people[1].evidence, "Bo Chen reports to Ana Bell.");
  EXPECT_TRUE(chart.problems.empty());
}

TEST_F(OrgChartTest, LatestManagerWinsAndConflictIsReported) {
  Reports("old.md", "2024-01-01", "Bo Chen", "Ana Bell");
  Reports("new.md", "2025-01-01", "Bo Chen", "Eli Fox");
  ASSERT_OK_AND_ASSIGN(OrgChart chart, BuildOrgChart(*store_->NewReader(), {}));
  EXPECT_EQ(Lines(chart), (std::vector<std::string>{"Ana Bell<", "Eli Fox<", "Bo Chen<Eli Fox"}));
  ASSERT_EQ(chart.problems.size(), 1u);
  EXPECT_NE(chart.problems[0].find("conflicting managers for Bo Chen"), std::string::npos);
}

TEST_F(OrgChartTest, CycleIsCutNotLooped) {
  Reports("a.md", "2025-02-01", "Ana Bell", "Bo Chen");
  Reports("b.md", "2025-01-01", "Bo Chen", "Ana Bell");  // The older link.
  ASSERT_OK_AND_ASSIGN(OrgChart chart, BuildOrgChart(*store_->NewReader(), {}));
  EXPECT_EQ(Lines(chart), (std::vector<std::string>{"Bo Chen<", "Ana Bell<Bo Chen"}));
  ASSERT_EQ(chart.problems.size(), 1u);
  EXPECT_NE(chart.problems[0].find("reporting cycle"), std::string::npos);
}

TEST_F(OrgChartTest, RootAndOrganisationFilters) {
  Reports("a.md", "2025-01-01", "Bo Chen", "Ana Bell");
  Reports("b.md", "2025-01-01", "Cy Dee", "Bo Chen");
  Reports("c.md", "2025-01-01", "Eli Fox", "Ana Bell");
  Works("w1.md", "Bo Chen", "Acme", "");
  Works("w2.md", "Cy Dee", "Acme", "");
  Works("w3.md", "Gus Hale", "Acme", "");
  ASSERT_OK_AND_ASSIGN(OrgChart sub, BuildOrgChart(*store_->NewReader(), {"bo chen", ""}));
  EXPECT_EQ(Lines(sub), (std::vector<std::string>{"Bo Chen<", "Cy Dee<Bo Chen"}));
  ASSERT_OK_AND_ASSIGN(OrgChart acme, BuildOrgChart(*store_->NewReader(), {"", "acme"}));
  EXPECT_EQ(Lines(acme), (std::vector<std::string>{"Bo Chen<", "Cy Dee<Bo Chen"}));
  ASSERT_EQ(acme.unattached.size(), 1u);
  EXPECT_EQ(acme.unattached[0].name, "Gus Hale");
  EXPECT_EQ(BuildOrgChart(*store_->NewReader(), {"", "Acmee Corp"}).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace kith::query
