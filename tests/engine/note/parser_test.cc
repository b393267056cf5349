#include <gtest/gtest.h>

#include "engine/note/note.h"
#include "engine/util/date.h"
#include "tests/testing/status_matchers.h"

namespace kith::note {
namespace {

constexpr char kMeeting[] = R"md(---
title: "1:1 with Ada Park"
date: '2025-03-04'
participants: ["Lena Ortiz", "Ada Park (last name unclear)"]
tags: [type/people]
---

# 1:1 with Ada Park

**Date**: 2025-03-04
**With**: Lena Ortiz, Ada Park, Bo Chen

## Action Items

- [ ] Send notes. @Myself 📅 2025-03-10 ⏫ #task

## Key Information

- Ada Park reports to Bo Chen.

```tasks
- [ ] not a real task
```
)md";

TEST(ParseNoteTest, ReadsMeetingNote) {
  ASSERT_OK_AND_ASSIGN(ParsedNote note, ParseNote("People/Ada/2025-03-04 - x.md", kMeeting));
  EXPECT_EQ(note.title, "1:1 with Ada Park");
  ASSERT_TRUE(note.date);
  EXPECT_EQ(util::FormatIsoDate(*note.date), "2025-03-04");
  EXPECT_EQ(note.participants,
            (std::vector<std::string>{"Lena Ortiz", "Ada Park (last name unclear)", "Lena Ortiz",
                                      "Ada Park", "Bo Chen"}));
  ASSERT_EQ(note.actions.size(), 1u);
  EXPECT_EQ(note.actions[0].section, "Action Items");
  EXPECT_EQ(note.actions[0].line, 15);
  ASSERT_EQ(note.lines.size(), 1u);
  EXPECT_EQ(note.lines[0].section, "Key Information");
  EXPECT_EQ(note.lines[0].text, "Ada Park reports to Bo Chen.");
  EXPECT_EQ(note.lines[0].line, 19);
  EXPECT_EQ(note.lines[0].kind, Line::Kind::kBullet);
}

TEST(ParseNoteTest, FallsBackToHeadingAndFileNameDate) {
  ASSERT_OK_AND_ASSIGN(ParsedNote note,
                       ParseNote("Inbox/2024-12-01 - chat.md", "# Chat with Bo\n\nHello.\n"));
  EXPECT_EQ(note.title, "Chat with Bo");
  ASSERT_TRUE(note.date);
  EXPECT_EQ(util::FormatIsoDate(*note.date), "2024-12-01");
}

TEST(ParseNoteTest, FallsBackToFileStemTitle) {
  ASSERT_OK_AND_ASSIGN(ParsedNote note, ParseNote("a/b/Loose thought.md", "Just text.\n"));
  EXPECT_EQ(note.title, "Loose thought");
  EXPECT_FALSE(note.date);
}

TEST(ParseNoteTest, ReadsTranscriptParticipantsLine) {
  ASSERT_OK_AND_ASSIGN(
      ParsedNote note,
      ParseNote("t.md", "---\ntype: transcript\n---\n**Participants:** Ana, Bo Chen\n"));
  EXPECT_EQ(note.type, "transcript");
  EXPECT_EQ(note.participants, (std::vector<std::string>{"Ana", "Bo Chen"}));
}

TEST(ParseNoteTest, BadDateIsWarningNotError) {
  ASSERT_OK_AND_ASSIGN(ParsedNote note, ParseNote("x.md", "---\ndate: soon\n---\nText\n"));
  EXPECT_FALSE(note.date);
  ASSERT_EQ(note.warnings.size(), 1u);
}

TEST(ParseNoteTest, RejectsNonNotes) {
  EXPECT_FALSE(ParseNote("e.md", "").ok());
  EXPECT_FALSE(ParseNote("e.md", " \n\n").ok());
  auto binary = ParseNote("b.md", std::string("ab\0cd", 5));
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(LineOf(binary.status()), 1);
  auto utf8 = ParseNote("u.md", "ok\nstill ok\nbad \xFF here\n");
  ASSERT_FALSE(utf8.ok());
  EXPECT_EQ(LineOf(utf8.status()), 3);
}

TEST(ParseNoteTest, RejectsOversizedNoteAndFrontmatter) {
  ParseOptions options;
  options.max_note_bytes = 10;
  EXPECT_FALSE(ParseNote("big.md", "0123456789ABC", options).ok());
  options = ParseOptions();
  options.max_frontmatter_bytes = 8;
  EXPECT_FALSE(ParseNote("fm.md", "---\ntitle: long enough\n---\nx\n", options).ok());
}

TEST(ParseNoteTest, BrokenYamlIsLocated) {
  auto note = ParseNote("y.md", "---\ntitle: a\nparticipants: [a, b\n---\nx\n");
  ASSERT_FALSE(note.ok());
  EXPECT_GE(LineOf(note.status()), 2);
}

}  // namespace
}  // namespace kith::note
