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
  Clause clause = Tokenize("Ana’s team met Priya R. today.");
  const std::vector<Token>& tokens = clause.tokens;
  ASSERT_GE(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].text, "Ana");
  EXPECT_TRUE(tokens[0].possessive);
  EXPECT_EQ(tokens[4].text, "R.");
  EXPECT_EQ(tokens[5].text, "today");
}

// Tokens are views of the Clause's own copies: changing the text given, or
// moving the Clause (a short one too, whose text a std::string would keep
// inline), leaves them as they were.
TEST(TokenizeTest, TokensKeepTheirTextAndLowerCaseWhenTheInputChangesOrTheClauseMoves) {
  for (std::string text : {std::string("Al MET Bo."), std::string("“Dana” said ABC’s Rep met O'Neil's team")}) {
    Clause first = Tokenize(text);
    std::vector<std::pair<std::string, std::string>> expected;
    for (const Token& t : first.tokens) expected.emplace_back(std::string(t.text), std::string(t.lower));
    text.assign(text.size(), 'x');
    Clause moved = std::move(first);
    std::vector<std::pair<std::string, std::string>> got;
    for (const Token& t : moved.tokens) got.emplace_back(std::string(t.text), std::string(t.lower));
    EXPECT_EQ(got, expected);
  }
  Clause clause = Tokenize("“Dana” said ABC’s Rep met O'Neil's team");
  std::vector<std::string> texts, lowers;
  for (const Token& t : clause.tokens) {
    texts.emplace_back(t.text);
    lowers.emplace_back(t.lower);
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"Dana", "said", "ABC", "Rep", "met", "O'Neil", "team"}));
  EXPECT_EQ(lowers, (std::vector<std::string>{"dana", "said", "abc", "rep", "met", "o'neil", "team"}));
  EXPECT_TRUE(clause.tokens[2].possessive);
  EXPECT_TRUE(clause.tokens[5].possessive);
  EXPECT_FALSE(clause.tokens[3].possessive);
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
