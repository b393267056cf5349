// Sentence-level relation rules, positive and negative, on fictional text.
#include "engine/extract/relation_rules.h"

#include <gtest/gtest.h>

#include "absl/strings/str_join.h"
#include "engine/extract/clause.h"

namespace kith::extract {
namespace {

class RelationRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* p : {"Ana Bell", "Bo Chen", "Cy Dee", "Dana Wolfe", "Eli Fox"}) {
      gazetteer_.AddPerson(p);
      gazetteer_.AddPerson(p);
    }
    for (const char* o : {"Northwind Labs", "Orbital Freight", "Acme"}) gazetteer_.AddOrganization(o);
    gazetteer_.Finish();
    names_.Index();
  }

  // "TYPE(a, b) status" for each relation of each clause of `text`.
  std::vector<std::string> Read(const std::string& text, const std::string& speaker = "") {
    std::vector<std::string> out;
    ClauseContext context{speaker, "", ""};
    for (const std::string& clause_text : SplitClauses(CleanSentence(text, nullptr))) {
      Clause clause = ReadClause(clause_text, gazetteer_, names_);
      for (const RelationHit& hit : ReadRelations(clause, context)) {
        std::vector<std::string> args;
        for (const RelationArg& a : hit.args) args.push_back(a.name);
        std::string s = std::string(model::RelationName(hit.type)) + "(" + absl::StrJoin(args, ", ") + ")";
        if (!hit.status.empty()) s += " " + hit.status;
        out.push_back(s);
      }
    }
    return out;
  }

  Gazetteer gazetteer_;
  NoteNames names_;
};

using V = std::vector<std::string>;

TEST_F(RelationRulesTest, ReportsTo) {
  EXPECT_EQ(Read("Ana Bell reports to Bo Chen."), V{"REPORTS_TO(Ana Bell, Bo Chen)"});
  EXPECT_EQ(Read("Ana Bell joined Acme in May, reporting to Bo Chen."),
            (V{"REPORTS_TO(Ana Bell, Bo Chen)", "WORKS_AT(Ana Bell, Acme) current"}));
  EXPECT_EQ(Read("Cy Dee is Ana Bell's manager."), V{"REPORTS_TO(Ana Bell, Cy Dee)"});
  EXPECT_EQ(Read("Eli Fox is an engineer on Dana Wolfe's team."), V{"REPORTS_TO(Eli Fox, Dana Wolfe)"});
}

TEST_F(RelationRulesTest, ReportsToNegatives) {
  EXPECT_EQ(Read("Ana Bell will report to Bo Chen."), V{});
  EXPECT_EQ(Read("Ana Bell asked whether Eli Fox reports to Bo Chen."), V{});
  EXPECT_EQ(Read("Ana Bell reports to Bo Chen's contact, and the contact reports to Cy Dee."), V{});
}

TEST_F(RelationRulesTest, Employment) {
  EXPECT_EQ(Read("Dana Wolfe spent 12 years at Orbital Freight."), V{"WORKS_AT(Dana Wolfe, Orbital Freight) former"});
  EXPECT_EQ(Read("Dana Wolfe is a staff engineer at Northwind Labs."), V{"WORKS_AT(Dana Wolfe, Northwind Labs) current"});
  EXPECT_EQ(Read("Dana Wolfe has 8 years of sales experience and has been at Acme for a year."),
            V{"WORKS_AT(Dana Wolfe, Acme) current"});
  EXPECT_EQ(Read("Dana Wolfe previously worked at Acme, Orbital Freight, and Zenith."),
            (V{"WORKS_AT(Dana Wolfe, Acme) former", "WORKS_AT(Dana Wolfe, Orbital Freight) former",
               "WORKS_AT(Dana Wolfe, Zenith) former"}));
}

TEST_F(RelationRulesTest, EmploymentStartIsKept) {
  ClauseContext context;
  Clause clause = ReadClause("Eli Fox joined Acme in December 2024", gazetteer_, names_);
  std::vector<RelationHit> hits = ReadRelations(clause, context);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].detail, "since December 2024");
}

TEST_F(RelationRulesTest, EmploymentNegatives) {
  // A list of roles is no employer; an activity at a company is no job.
  EXPECT_EQ(Read("Dana Wolfe has a networking background, including Cisco and Unix roles at banks."), V{});
  EXPECT_EQ(Read("Dana Wolfe is exploring opportunities at Acme."), V{});
  EXPECT_EQ(Read("Dana Wolfe met Eli Fox at Acme."), V{"KNOWS(Dana Wolfe, Eli Fox)"});
}

TEST_F(RelationRulesTest, WorkedWithAndKnows) {
  EXPECT_EQ(Read("Cy Dee worked with Ana Bell at Acme and later worked at Northwind Labs."),
            (V{"WORKED_WITH(Cy Dee, Ana Bell)", "WORKS_AT(Cy Dee, Acme) former",
               "WORKS_AT(Cy Dee, Northwind Labs) former"}));
  EXPECT_EQ(Read("Ana Bell and Bo Chen worked together."), V{"WORKED_WITH(Ana Bell, Bo Chen)"});
  EXPECT_EQ(Read("The UK Met Office team shipped."), V{});
}

TEST_F(RelationRulesTest, Introductions) {
  EXPECT_EQ(Read("Cy Dee introduced Ana Bell to Bo Chen on 2025-01-02."), V{"INTRODUCED(Cy Dee, Ana Bell, Bo Chen)"});
  EXPECT_EQ(Read("Eli Fox made the introduction between Ana Bell and Bo Chen."),
            V{"INTRODUCED(Eli Fox, Ana Bell, Bo Chen)"});
  EXPECT_EQ(Read("Loop in Bo Chen after the summit."), V{});
  EXPECT_EQ(Read("Ana Bell would like an introduction to Bo Chen."), V{});
}

TEST_F(RelationRulesTest, FamilyNeedsAnAnchor) {
  EXPECT_EQ(Read("I have added Eli Fox my brother in law.", "Dana Wolfe"), V{"FAMILY(Dana Wolfe, Eli Fox)"});
  EXPECT_EQ(Read("Eli Fox is Dana Wolfe's cousin."), V{"FAMILY(Dana Wolfe, Eli Fox)"});
  EXPECT_EQ(Read("My brother in law is visiting."), V{});
}

TEST_F(RelationRulesTest, ReportingVerbMovesTheSubject) {
  EXPECT_EQ(Read("Ana Bell stated Eli Fox previously worked with Cy Dee."), V{"WORKED_WITH(Eli Fox, Cy Dee)"});
  EXPECT_EQ(Read("Ana Bell stated Acme is working with Cy Dee."), V{});
}

}  // namespace
}  // namespace kith::extract
