#include "engine/extract/email.h"

#include <gtest/gtest.h>

#include "tests/testing/status_matchers.h"

namespace kith::extract {
namespace {

constexpr char kThread[] =
    "# Re: Intro\n"
    "---\n"
    "## 2025-03-01 09:00:00 \u2014 Ana Bell <ana@northwind.example>\n"
    "**Subject:** Intro\n"
    "> Hi Maya,\n"
    "> Meet Eli, my cousin.\n"
    "---\n"
    "## 2025-03-02 10:00:00 \u2014 Eli Fox <eli@fox.example>\n"
    "> Thanks for the intro, @ana@northwind.example!\n"
    "> On Sat, Mar 1, 2025 Ana Bell wrote:\n"
    "> Meet Eli, my cousin.\n";

TEST(EmailThreadTest, ReadsMessagesGreetingsAndStopsAtQuotedHistory) {
  ASSERT_OK_AND_ASSIGN(note::ParsedNote note, note::ParseNote("Email/x.md", kThread));
  std::vector<EmailMessage> thread = ReadEmailThread(note);
  ASSERT_EQ(thread.size(), 2u);
  EXPECT_EQ(thread[0].sender.name, "Ana Bell");
  EXPECT_EQ(thread[0].sender.address, "ana@northwind.example");
  EXPECT_EQ(thread[0].greeted, "Maya");
  EXPECT_EQ(thread[1].body.size(), 1u);  // History after "wrote:" is not Eli's text.
}

TEST(EmailThreadTest, ThanksForTheIntroNamesTheIntroducer) {
  ASSERT_OK_AND_ASSIGN(note::ParsedNote note, note::ParseNote("Email/x.md", kThread));
  std::vector<IntroductionAck> acks = FindIntroductions(ReadEmailThread(note));
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0].introducer.name, "Ana Bell");
  EXPECT_EQ(acks[0].introduced.name, "Eli Fox");
  ASSERT_TRUE(acks[0].date);
}

TEST(EmailThreadTest, FromToHeadersWork) {
  ASSERT_OK_AND_ASSIGN(
      note::ParsedNote note,
      note::ParseNote("x.md", "**From:** Bo Chen <bo@acme.example>\n**To:** Ana Bell <ana@acme.example>, Team <team@acme.example>\n\nHey Ana,\n"));
  std::vector<EmailMessage> thread = ReadEmailThread(note);
  ASSERT_EQ(thread.size(), 1u);
  EXPECT_EQ(thread[0].recipients.size(), 2u);
  EXPECT_EQ(thread[0].greeted, "Ana");
}

TEST(EmailThreadTest, OrdinaryNoteIsNoThread) {
  ASSERT_OK_AND_ASSIGN(note::ParsedNote note, note::ParseNote("x.md", "# Sync\n\n- Ana Bell joined Acme.\n"));
  EXPECT_TRUE(ReadEmailThread(note).empty());
}

}  // namespace
}  // namespace kith::extract
