#include "engine/extract/structured_pass.h"

#include <gtest/gtest.h>

#include "tests/testing/status_matchers.h"

namespace kith::extract {
namespace {

TEST(PeopleTableTest, RowsWithPersonAndOrganisationAreEmployment) {
  ASSERT_OK_AND_ASSIGN(note::ParsedNote note,
                       note::ParseNote("m.md",
                                       "| Name | Role | Org | Notes |\n"
                                       "|------|------|-----|-------|\n"
                                       "| Ana Bell | CTO | Acme (HQ) | met twice |\n"
                                       "| team_alias | - | Acme | |\n"
                                       "| Bo Chen | PM |  | |\n"));
  NoteGraph graph;
  GraphBuilder builder(graph, nullptr);
  EXPECT_EQ(ReadPeopleTables(note, builder), std::vector<std::string>{"Ana Bell"});
  ASSERT_EQ(graph.facts.size(), 1u);
  EXPECT_EQ(graph.entities[graph.facts[0].args[1]].name, "Acme");
  EXPECT_EQ(graph.facts[0].role, "CTO");
  EXPECT_EQ(graph.facts[0].status, "current");
}

TEST(TopicsTest, ProjectsTagsFoldersAndLinksButNoPeople) {
  ASSERT_OK_AND_ASSIGN(note::ParsedNote note,
                       note::ParseNote("Projects/Atlas Migration/2025-01-02 - sync.md",
                                       "---\ntags: [type/meeting, project/data-lake, generated]\n"
                                       "entities:\n  projects: ['[[Cutover]]']\n---\n"
                                       "- Ana Bell reviewed [[Storage Tiering]] and [[Ana Bell]].\n"
                                       "*Source: [[2025-01-02 - raw transcript]]*\n"));
  Gazetteer gazetteer;
  gazetteer.AddPerson("Ana Bell");
  EXPECT_EQ(TopicsOf(note, gazetteer),
            (std::vector<std::string>{"Cutover", "data lake", "Atlas Migration", "Storage Tiering"}));
}

}  // namespace
}  // namespace kith::extract
