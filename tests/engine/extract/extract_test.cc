#include "engine/extract/extract.h"

#include <gtest/gtest.h>

#include <map>

#include "absl/strings/str_replace.h"
#include "engine/extract/gazetteer.h"
#include "tests/testing/status_matchers.h"

namespace kith::extract {
namespace {

note::ParsedNote Parse(const std::string& text) {
  auto note = note::ParseNote("m.md", text);
  EXPECT_TRUE(note.ok()) << note.status();
  return *note;
}

std::vector<std::string> Args(const NoteGraph& g, model::RelationType type) {
  std::vector<std::string> names;
  for (const Fact& f : g.facts) {
    if (f.type != type) continue;
    for (int a : f.args) names.push_back(g.entities[a].name);
  }
  return names;
}

TEST(ExtractTest, ParticipantsAttendOnceEach) {
  NoteGraph g = Extract(Parse("---\nparticipants: [Ana Bell, 'ana bell', Bo Chen]\n---\n"), {});
  EXPECT_EQ(Args(g, model::RelationType::kAttended), (std::vector<std::string>{"Ana Bell", "Bo Chen"}));
}

TEST(ExtractTest, WithLineOutranksFrontmatterList) {
  // Generated notes list mentioned people in frontmatter; the With line
  // says who was in the meeting.
  NoteGraph g = Extract(Parse("---\nparticipants: [Ana Bell, Bo Chen, Cy Dee]\n---\n"
                              "**With**: Ana Bell, Bo\n"),
                        {});
  EXPECT_EQ(Args(g, model::RelationType::kAttended), (std::vector<std::string>{"Ana Bell", "Bo Chen"}));
}

TEST(ExtractTest, OwnerAttendsOwnTranscript) {
  NoteGraph g = Extract(Parse("---\ntype: transcript\nentities:\n  people: ['[[Bo Chen]]']\n---\nHi.\n"),
                        {.owner = "Lena Ortiz"});
  EXPECT_EQ(Args(g, model::RelationType::kAttended), (std::vector<std::string>{"Bo Chen", "Lena Ortiz"}));
}

TEST(ExtractTest, MyselfBecomesTheOwner) {
  NoteGraph g = Extract(Parse("---\nparticipants: [Myself, Bo Chen]\n---\n"
                              "- [ ] Call Bo. @Myself 📅 2025-01-02\n"),
                        {.owner = "Lena Ortiz"});
  EXPECT_EQ(Args(g, model::RelationType::kAttended),
            (std::vector<std::string>{"Lena Ortiz", "Bo Chen"}));
  EXPECT_EQ(Args(g, model::RelationType::kOwnsAction), (std::vector<std::string>{"Lena Ortiz"}));
  const Fact& action = g.facts.back();
  EXPECT_EQ(action.status, "open");
  EXPECT_EQ(action.detail, "Call Bo.");
  EXPECT_TRUE(action.date);
}

TEST(ExtractTest, UnknownOwnerIsWarnedNotGuessed) {
  NoteGraph g = Extract(Parse("- [ ] Call Bo. @Myself\n"), {});
  EXPECT_TRUE(Args(g, model::RelationType::kOwnsAction).empty());
  ASSERT_EQ(g.warnings.size(), 1u);
  EXPECT_EQ(g.warnings[0].line, 1);
}

TEST(ExtractTest, PlaceholderParticipantIsWarning) {
  NoteGraph g = Extract(Parse("---\nparticipants: [Ana Bell, extraction_errors]\n---\n"), {});
  EXPECT_EQ(Args(g, model::RelationType::kAttended), (std::vector<std::string>{"Ana Bell"}));
  EXPECT_EQ(g.warnings.size(), 1u);
}

TEST(ExtractTest, ProfileRoleLineIsAboutThePagesPerson) {
  auto note = note::ParseNote("People/Ana Bell/README.md", "# Ana Bell\n\n## Profile\n\n**Role**: Staff engineer at Acme\n");
  ASSERT_OK(note);
  NoteGraph g = Extract(*note, {});
  EXPECT_EQ(Args(g, model::RelationType::kWorksAt), (std::vector<std::string>{"Ana Bell", "Acme"}));
}

TEST(ExtractTest, GreetedFirstNameResolvesToTheFullNameTheThreadWrites) {
  // Dana is greeted by first name only and is no correspondent; the first
  // message writes her full name, so the introduction is to Dana Wolfe,
  // not to a new person called "Dana".
  const std::string thread =
      "# Intro\n---\n## 2025-05-01 09:30:00 — Ana Bell <ana@x.example>\n**Subject:** Intro\n"
      "> Hi Bo, meet Dana Wolfe, who runs data at Acme.\n---\n"
      "## 2025-05-01 11:02:00 — Bo Chen <bo@y.example>\n**Subject:** Re: Intro\n"
      "> Hi Dana,\n> Thanks for the intro, Ana! Great to meet you.\n---\n";
  NoteGraph g = Extract(Parse(thread), {});
  EXPECT_EQ(Args(g, model::RelationType::kIntroduced),
            (std::vector<std::string>{"Ana Bell", "Bo Chen", "Dana Wolfe"}));
  // Two different Danas written out: no guess.
  NoteGraph ambiguous = Extract(Parse(absl::StrReplaceAll(thread, {{"runs data at Acme", "works with Dana Ruiz"}})), {});
  EXPECT_EQ(Args(ambiguous, model::RelationType::kIntroduced)[2], "Dana");
}

TEST(ExtractTest, RelativeClauseAndAddressedNameFindTheRightSubject) {
  NoteGraph g = Extract(Parse("---\nparticipants: [Ilse Moss, Bo Chen, Fabian Keleby]\n---\n## Key Information\n\n"
                              "- Hi Ilse, meet Fabian Keleby, who is Chief Executive Officer at Belmora Software.\n"
                              "- Ilse Moss, who is a Director at Acme Freight, joined the call.\n"
                              "- Fabian, Bo Chen is a Staff Engineer at Dunmora Labs.\n"),
                        {});
  std::vector<std::string> works_at = Args(g, model::RelationType::kWorksAt);
  EXPECT_EQ(works_at, (std::vector<std::string>{"Fabian Keleby", "Belmora Software", "Ilse Moss", "Acme Freight",
                                                "Bo Chen", "Dunmora Labs"}));
}

TEST(ExtractTest, MentionedPeopleDoNotAttend) {
  NoteGraph g = Extract(Parse("---\nparticipants: [Ana Bell]\n---\n## Key Information\n"
                              "- Bo Chen reports to Ana Bell.\n"),
                        {});
  EXPECT_EQ(Args(g, model::RelationType::kAttended), (std::vector<std::string>{"Ana Bell"}));
  EXPECT_EQ(Args(g, model::RelationType::kReportsTo), (std::vector<std::string>{"Bo Chen", "Ana Bell"}));
}

// A fact's evidence is the sentence that states it, not the paragraph
// around it; a question in a paragraph states nothing, the sentences
// beside it still do.
TEST(ExtractTest, EvidenceIsTheSentenceThatStatesTheFact) {
  Gazetteer known;
  known.AddOrganization("Dunmora Labs");
  known.AddPerson("Cy Dee");
  NoteGraph g = Extract(Parse("---\nparticipants: [Ana Bell]\n---\n## Summary\n\n"
                              "We reviewed the roadmap with Dunmora Labs.  Will Cy Dee report to Ana Bell? "
                              "Bo Chen reports to Ana Bell. He joined in March.\n"),
                        {.gazetteer = &known});
  EXPECT_EQ(Args(g, model::RelationType::kReportsTo), (std::vector<std::string>{"Bo Chen", "Ana Bell"}));
  std::map<std::string, std::string> evidence;  // Mentioned → its sentence.
  for (const Fact& f : g.facts) {
    if (f.type == model::RelationType::kReportsTo) EXPECT_EQ(f.evidence.text, "Bo Chen reports to Ana Bell.");
    if (f.type == model::RelationType::kMentionedIn) evidence[g.entities[f.args[0]].name] = f.evidence.text;
  }
  EXPECT_EQ(evidence["Bo Chen"], "Bo Chen reports to Ana Bell.");
  EXPECT_EQ(evidence["Dunmora Labs"], "We reviewed the roadmap with Dunmora Labs.");
  EXPECT_FALSE(evidence.count("Cy Dee"));
}

}  // namespace
}  // namespace kith::extract
