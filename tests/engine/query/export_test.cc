#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

TEST(ExportTest, NodesRelationsEvidenceAndStrengths) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path()));
  ASSERT_OK(store->PutMeta(store::kLatestNoteDateMeta, std::to_string(*util::ParseIsoDate("2025-06-01"))));
  ASSERT_OK(store->PutNote(testing::Meeting("a.md", "2025-06-01", {"Ana Bell", "Bo Chen"}), 1));
  extract::NoteGraph page = testing::Meeting("People/Bo Chen/README.md", "", {});
  page.entities = {{model::EntityKind::kPerson, "Bo Chen"}, {model::EntityKind::kPerson, "Ana Bell"}};
  extract::Fact reports;
  reports.type = model::RelationType::kReportsTo;
  reports.args = {0, 1};
  reports.evidence = {"Key Facts", 7, "Bo Chen reports to Ana Bell."};
  extract::Fact alias;
  alias.type = model::RelationType::kAlsoKnownAs;
  alias.args = {0};
  alias.detail = "Bobby Chen";
  page.facts = {reports, alias};
  ASSERT_OK(store->PutNote(page, 1));

  ASSERT_OK_AND_ASSIGN(GraphExport g, ExportGraph(*store->NewReader(), StrengthModel()));
  std::map<std::string, const ExportNode*> by_name;
  for (const ExportNode& n : g.nodes) by_name[n.name] = &n;
  ASSERT_EQ(g.nodes.size(), 4u);  // Two people, two notes.
  ASSERT_TRUE(by_name.count("Bo Chen"));
  EXPECT_EQ(by_name["Bo Chen"]->kind, "person");
  EXPECT_EQ(by_name["Bo Chen"]->aliases, std::vector<std::string>{"Bobby Chen"});
  EXPECT_EQ(by_name["Meeting a.md"]->path, "a.md");

  int attended = 0;
  const ExportEdge* stated = nullptr;
  const ExportEdge* connected = nullptr;
  for (const ExportEdge& e : g.edges) {
    if (e.type == "ATTENDED") ++attended;
    if (e.type == "REPORTS_TO") stated = &e;
    if (e.type == "CONNECTED") connected = &e;
    EXPECT_NE(e.type, "ALSO_KNOWN_AS");  // A property, not an edge.
  }
  EXPECT_EQ(attended, 2);
  ASSERT_NE(stated, nullptr);
  EXPECT_EQ(stated->from, by_name["Bo Chen"]->id);
  EXPECT_EQ(stated->to, by_name["Ana Bell"]->id);
  EXPECT_EQ(stated->text, "Bo Chen reports to Ana Bell.");
  EXPECT_EQ(stated->line, 7);
  ASSERT_NE(connected, nullptr);
  WhoKnowsQuery who;
  who.name = "Ana Bell";
  ASSERT_OK_AND_ASSIGN(WhoKnowsResult known, WhoKnows(*store->NewReader(), who));
  EXPECT_NEAR(connected->strength, known.people[0].strength, 1e-12);
}

}  // namespace
}  // namespace kith::query
