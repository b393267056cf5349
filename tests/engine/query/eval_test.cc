#include "engine/query/eval.h"

#include <gtest/gtest.h>

namespace kith::query {
namespace {

TEST(EvaluateTest, CountsPerTypeWithSymmetryAndStatus) {
  std::vector<GoldNote> gold = {{"a.md", {}, {
      {"WORKED_WITH", {"Ana Bell", "Bo Chen"}, ""},
      {"WORKS_AT", {"Ana Bell", "Acme"}, "current"},
      {"ATTENDED", {"Ana Bell"}, ""},
  }}};
  std::multimap<std::string, ScoredFact> found = {
      {"a.md", {"WORKED_WITH", {"bo chen", "ANA BELL"}, ""}},   // same pair, other order and case
      {"a.md", {"WORKS_AT", {"Ana Bell", "Acme"}, "former"}},   // wrong status
      {"a.md", {"ATTENDED", {"Ana Bell"}, ""}},
      {"a.md", {"ATTENDED", {"Cy Dee"}, ""}},
      {"b.md", {"WORKS_AT", {"Cy Dee", "Acme"}, "current"}},    // not a gold note: ignored
  };
  EvalReport report = Evaluate(gold, found);
  EXPECT_EQ(report.by_type["WORKED_WITH"].correct, 1);
  EXPECT_EQ(report.by_type["WORKS_AT"].correct, 0);
  EXPECT_EQ(report.by_type["WORKS_AT"].found, 1);
  EXPECT_DOUBLE_EQ(report.by_type["ATTENDED"].precision(), 0.5);
  EXPECT_DOUBLE_EQ(report.by_type["ATTENDED"].recall(), 1.0);
  EXPECT_TRUE(report.missing_notes.empty());
}

TEST(EvaluateTest, MissingNoteIsReportedAndItsFactsAreMissed) {
  std::vector<GoldNote> gold = {{"gone.md", {}, {{"REPORTS_TO", {"Ana Bell", "Bo Chen"}, ""}}}};
  EvalReport report = Evaluate(gold, {});
  EXPECT_EQ(report.missing_notes, std::vector<std::string>{"gone.md"});
  EXPECT_DOUBLE_EQ(report.by_type["REPORTS_TO"].recall(), 0.0);
}

}  // namespace
}  // namespace kith::query
