#include "engine/extract/clause.h"

#include <gtest/gtest.h>

namespace kith::extract {
namespace {

TEST(CleanSentenceTest, StripsMarkupAndRemarks) {
  std::vector<std::string> marked;
  std::vector<Remark> remarks;
  std::string out = CleanSentence("**Ana Bell** met [[Bo Chen|Bo]] and Renzo (last name not stated) with Cy Dee (Acme).",
                                  &marked, &remarks);
  EXPECT_EQ(out, "Ana Bell met Bo Chen and Renzo with Cy Dee.");
  EXPECT_EQ(marked, (std::vector<std::string>{"Renzo"}));
  ASSERT_EQ(remarks.size(), 1u);
  EXPECT_EQ(remarks[0].name, "Cy Dee");
  EXPECT_EQ(remarks[0].text, "Acme");
}

TEST(CleanSentenceTest, DropsWordCutByEllipsis) {
  EXPECT_EQ(CleanSentence("Ana Bell introduced Bo Chen to Cy De...", nullptr), "Ana Bell introduced Bo Chen to Cy");
}

TEST(SplitClausesTest, SplitsAtSemicolonsAndSentencesNotInitials) {
  EXPECT_EQ(SplitClauses("A.K. Rapp leads QA; Bo Chen joined Acme. Cy left."),
            (std::vector<std::string>{"A.K. Rapp leads QA", "Bo Chen joined Acme", "Cy left"}));
}

TEST(SplitClausesTest, NewSubjectAfterCommaAnd) {
  EXPECT_EQ(SplitClauses("Bo reports to Ana's contact, and the contact reports to Cy"),
            (std::vector<std::string>{"Bo reports to Ana's contact", "the contact reports to Cy"}));
}

TEST(SplitSentencesTest, SplitsAtSentenceEndsBeforeACapital) {
  EXPECT_EQ(SplitSentences("  Ana Bell joined Acme. Will Bo follow? Yes!  Cy left.  "),
            (std::vector<std::string_view>{"Ana Bell joined Acme.", "Will Bo follow?", "Yes!", "Cy left."}));
}

TEST(SplitSentencesTest, KeepsInitialsAbbreviationsAndRemarksWhole) {
  EXPECT_EQ(SplitSentences("A.K. Rapp met Dr. Lee in St. Louis. Bo Chen (formerly at Acme. Now at Dunmora) agreed."),
            (std::vector<std::string_view>{"A.K. Rapp met Dr. Lee in St. Louis.",
                                           "Bo Chen (formerly at Acme. Now at Dunmora) agreed."}));
  EXPECT_EQ(SplitSentences("Revenue grew 5.5 percent. costs did not"),
            (std::vector<std::string_view>{"Revenue grew 5.5 percent. costs did not"}));
  EXPECT_TRUE(SplitSentences("   ").empty());
}

TEST(TokenizeTest, MarksPossessivesAndKeepsInitials) {
  std::vector<Token> tokens = Tokenize("Ana’s team met Priya R. today.");
  ASSERT_GE(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].text, "Ana");
  EXPECT_TRUE(tokens[0].possessive);
  EXPECT_EQ(tokens[4].text, "R.");
  EXPECT_EQ(tokens[5].text, "today");
}

class ReadClauseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 3; ++i) gazetteer_.AddPerson("Dana Wolfe");
    gazetteer_.AddPerson("Carl Rowe");
    gazetteer_.AddOrganization("Northwind Labs");
    gazetteer_.Finish();
    names_.participants = {"Ana Bell"};
    names_.Index();
  }

  std::vector<std::string> Mentions(const std::string& text) {
    std::vector<std::string> out;
    for (const Mention& m : ReadClause(text, gazetteer_, names_).mentions) {
      out.push_back(std::string(m.kind == model::EntityKind::kPerson ? "P:" : "O:") + m.name);
    }
    return out;
  }

  Gazetteer gazetteer_;
  NoteNames names_;
};

TEST_F(ReadClauseTest, FindsLongestKnownNames) {
  EXPECT_EQ(Mentions("Dana Wolfe joined Northwind Labs"),
            (std::vector<std::string>{"P:Dana Wolfe", "O:Northwind Labs"}));
}

TEST_F(ReadClauseTest, FirstNamesResolveToParticipantsThenVault) {
  EXPECT_EQ(Mentions("Ana told Dana about Northwind"),
            (std::vector<std::string>{"P:Ana Bell", "P:Dana Wolfe", "O:Northwind Labs"}));
}

TEST_F(ReadClauseTest, FirstNameOfAnotherFullNameIsNotResolved) {
  // "Dana Ortiz" is someone else; "Carl" is seen once only.
  EXPECT_EQ(Mentions("Dana Ortiz met Carl"), std::vector<std::string>{});
}

TEST_F(ReadClauseTest, NamedIntroducesAPerson) {
  EXPECT_EQ(Mentions("a predecessor named Dana left"), (std::vector<std::string>{"P:Dana"}));
}

}  // namespace
}  // namespace kith::extract
