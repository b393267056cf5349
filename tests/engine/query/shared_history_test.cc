#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/extract/extract.h"
#include "engine/extract/gazetteer.h"
#include "engine/query/query.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

// A store with two organisations known by name; put() parses, extracts and
// stores one note.
class SharedHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({}, dir_.path()));
    gazetteer_.AddOrganization("Acme");
    gazetteer_.AddOrganization("Globex");
    gazetteer_.Finish();
  }
  void put(const std::string& path, const std::string& text) {
    auto note = note::ParseNote(path, text);
    ASSERT_OK(note);
    ASSERT_OK(store_->PutNote(extract::Extract(*note, {.owner = "", .gazetteer = &gazetteer_}), 1));
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  extract::Gazetteer gazetteer_;
};

TEST_F(SharedHistoryTest, MeetingsMentionsRelationsOrganisationsAndTopics) {
  put("a.md", "---\ndate: 2025-01-02\nparticipants: [Ana Bell, Bo Chen]\nentities:\n  projects: ['[[Atlas]]']\n---\n");
  put("a2.md", "---\ndate: 2025-01-02\nparticipants: [Ana Bell, Bo Chen]\n---\n# Same sync, second summary\n");
  put("m.md", "---\ndate: 2025-02-01\nparticipants: [Cy Dee]\n---\n## Key Information\n"
              "- Ana Bell reports to Bo Chen.\n- Ana Bell works at Acme.\n- Bo Chen previously worked at Acme.\n");
  ASSERT_OK_AND_ASSIGN(SharedHistory h, BuildSharedHistory(*store_->NewReader(), "Ana Bell", "bo chen"));
  ASSERT_EQ(h.timeline.size(), 3u);
  EXPECT_EQ(h.timeline[0].kind, "meeting");
  EXPECT_EQ(h.timeline[0].notes.size(), 2u);  // Two summaries, one meeting.
  EXPECT_EQ(h.timeline[1].kind, "mentioned");
  EXPECT_EQ(h.timeline[2].kind, "relation");
  EXPECT_EQ(h.timeline[2].description, "Ana Bell reports to Bo Chen");
  EXPECT_EQ(h.timeline[2].text, "Ana Bell reports to Bo Chen.");
  ASSERT_EQ(h.organizations.size(), 1u);
  EXPECT_EQ(h.organizations[0].name, "Acme");
  EXPECT_EQ(h.organizations[0].a_status, "current");
  EXPECT_EQ(h.organizations[0].b_status, "former");
  EXPECT_EQ(h.topics, std::vector<std::string>{"Atlas"});
}

// Relations are found from either person's side, and through a third
// person's fact that names both; organisations only one worked at are left
// out; a relation stated twice on one day keeps the note whose path sorts
// first.
TEST_F(SharedHistoryTest, RelationsFromEitherSideOrAThirdPersonsFact) {
  const std::string head = "---\ndate: 2025-03-01\nparticipants: [Di Eng]\n---\n## Key Information\n";
  put("z.md", head + "- Cy Dee introduced Ana Bell to Bo Chen.\n- Bo Chen works at Globex.\n");
  put("y.md", head + "- Bo Chen worked with Ana Bell.\n- Ana Bell works at Acme.\n");
  put("x.md", head + "- Bo Chen worked with Ana Bell.\n");
  ASSERT_OK_AND_ASSIGN(SharedHistory h, BuildSharedHistory(*store_->NewReader(), "Ana Bell", "Bo Chen"));
  std::vector<std::string> described;
  for (const SharedEvent& e : h.timeline) {
    if (e.kind == "relation") described.push_back(e.description + " @ " + e.notes.front().path);
  }
  std::sort(described.begin(), described.end());
  ASSERT_EQ(described.size(), 2u) << ::testing::PrintToString(described);
  EXPECT_NE(described[0].find("Bo Chen"), std::string::npos);
  EXPECT_NE(described[0].find("x.md"), std::string::npos);
  EXPECT_NE(described[1].find("introduced"), std::string::npos);
  EXPECT_NE(described[1].find("z.md"), std::string::npos);
  EXPECT_TRUE(h.organizations.empty());
}

// When one of the two is named in many more notes than the other, the
// other's notes are checked one by one instead of by a scan; the answer is
// the same.
TEST_F(SharedHistoryTest, AHubAndAnOccasionalContact) {
  for (int i = 0; i < 40; ++i) {
    put("hub/" + std::to_string(i) + ".md",
        "---\ndate: 2025-04-" + std::to_string(10 + i % 18) + "\nparticipants: [Bo Chen, Cy Dee]\n---\n");
  }
  put("met.md", "---\ndate: 2025-05-01\nparticipants: [Ana Bell, Bo Chen]\n---\n");
  put("named.md", "---\ndate: 2025-05-02\nparticipants: [Ana Bell]\n---\n## Key Information\n- Bo Chen knows Ana Bell.\n");
  ASSERT_OK_AND_ASSIGN(SharedHistory h, BuildSharedHistory(*store_->NewReader(), "Ana Bell", "Bo Chen"));
  std::vector<std::string> events;
  for (const SharedEvent& e : h.timeline) events.push_back(e.kind + " " + e.notes.front().path);
  EXPECT_THAT(events, ::testing::ElementsAre("meeting met.md", "mentioned named.md", "relation named.md")) << ::testing::PrintToString(events);
}

// More entries than a short answer's: the timeline runs by date, a date
// before 1970 first and undated last; on one day meetings come before
// mentions, and mentions before relations.
TEST_F(SharedHistoryTest, ALongTimelineRunsByDateThenKindFromBefore1970) {
  const std::string both = "participants: [Ana Bell, Bo Chen, ";
  for (int day = 10; day <= 27; ++day) {
    put("m/" + std::to_string(day) + ".md", "---\ndate: 2024-05-" + std::to_string(day) + "\n" + both + "P" +
                                                std::to_string(day) + " Q]\n---\n");
  }
  put("old.md", "---\ndate: 1965-03-01\n" + both + "Old Timer]\n---\n");
  put("old-facts.md", "---\ndate: 1965-03-01\nparticipants: [Cy Dee]\n---\n## Key Information\n- Ana Bell knows Bo Chen.\n");
  put("same-day.md", "---\ndate: 2024-05-12\nparticipants: [Cy Dee]\n---\n## Key Information\n- Bo Chen worked with Ana Bell.\n");
  put("undated.md", "---\n" + both + "Nobody Dated]\n---\n");
  ASSERT_OK_AND_ASSIGN(SharedHistory h, BuildSharedHistory(*store_->NewReader(), "Ana Bell", "Bo Chen"));
  ASSERT_GT(h.timeline.size(), 20u);
  EXPECT_EQ(h.timeline.front().notes.front().path, "old.md");
  EXPECT_EQ(h.timeline.back().notes.front().path, "undated.md");
  auto rank = [](const std::string& kind) { return kind == "meeting" ? 0 : kind == "mentioned" ? 1 : 2; };
  for (size_t i = 1; i + 1 < h.timeline.size(); ++i) {
    const SharedEvent &x = h.timeline[i - 1], &y = h.timeline[i];
    SCOPED_TRACE(x.notes.front().path + " then " + y.notes.front().path);
    ASSERT_TRUE(x.date.has_value() && y.date.has_value());
    EXPECT_LE(*x.date, *y.date);
    if (*x.date == *y.date) EXPECT_LE(rank(x.kind), rank(y.kind));
  }
  std::vector<std::string> on_may_12;
  for (const SharedEvent& e : h.timeline) {
    if (e.notes.front().path == "m/12.md" || e.notes.front().path == "same-day.md") on_may_12.push_back(e.kind);
  }
  EXPECT_THAT(on_may_12, ::testing::ElementsAre("meeting", "mentioned", "relation"));
}

// A limit keeps the newest entries, oldest first, and counts them all: an
// undated entry (sorted last) only when too few dated ones exist.
TEST_F(SharedHistoryTest, ALimitKeepsTheNewestEntries) {
  for (int day = 1; day <= 5; ++day) {
    put("m" + std::to_string(day) + ".md",
        "---\ndate: 2025-06-0" + std::to_string(day) + "\nparticipants: [Ana Bell, Bo Chen]\n---\n");
  }
  put("undated.md", "---\nparticipants: [Ana Bell, Bo Chen]\n---\n");
  put("facts.md", "---\ndate: 2025-06-03\nparticipants: [Cy Dee]\n---\n## Key Information\n- Ana Bell knows Bo Chen.\n");
  auto paths = [](const SharedHistory& h) {
    std::vector<std::string> out;
    for (const SharedEvent& e : h.timeline) out.push_back(e.kind + " " + e.notes.front().path);
    return out;
  };
  ASSERT_OK_AND_ASSIGN(SharedHistory whole, BuildSharedHistory(*store_->NewReader(), "Ana Bell", "Bo Chen"));
  const std::vector<std::string> all = paths(whole);
  ASSERT_EQ(all.size(), 8u) << ::testing::PrintToString(all);
  EXPECT_EQ(whole.timeline_total, 8);
  ASSERT_EQ(all.back(), "meeting undated.md");
  EXPECT_THAT(paths(*BuildSharedHistory(*store_->NewReader(), "Ana Bell", "Bo Chen", 0.6, 3)),
              ::testing::ElementsAre("relation facts.md", "meeting m4.md", "meeting m5.md"));
  for (int limit = 1; limit <= 9; ++limit) {
    SCOPED_TRACE(limit);
    ASSERT_OK_AND_ASSIGN(SharedHistory h, BuildSharedHistory(*store_->NewReader(), "Ana Bell", "Bo Chen", 0.6, limit));
    EXPECT_EQ(h.timeline_total, 8);
    const auto n = static_cast<size_t>(std::min(limit, 8));
    const size_t dated = all.size() - 1;
    const size_t begin = dated > n ? dated - n : 0;
    EXPECT_EQ(paths(h), std::vector<std::string>(all.begin() + begin, all.begin() + begin + n));
    EXPECT_EQ(h.topics, whole.topics);
    EXPECT_EQ(h.topics_total, whole.topics_total);
  }
}

// Topics rank by how many of the notes both attended discussed them, then
// by name; a limit keeps the first and topics_total counts them all. A note
// only one of them attended does not count.
TEST_F(SharedHistoryTest, TopicsRankByTheNotesThatDiscussedThem) {
  auto meeting = [&](const std::string& path, const std::string& date, const std::string& people,
                     const std::string& projects) {
    put(path, "---\ndate: " + date + "\nparticipants: [" + people + "]\nentities:\n  projects: [" + projects +
                  "]\n---\n");
  };
  meeting("t1.md", "2025-03-01", "Ana Bell, Bo Chen", "'[[Zeta]]', '[[Beta]]'");
  meeting("t2.md", "2025-03-02", "Ana Bell, Bo Chen", "'[[Zeta]]', '[[Atlas]]'");
  meeting("t3.md", "2025-03-03", "Ana Bell, Bo Chen, Cy Dee", "'[[Zeta]]', '[[Beta]]', '[[Atlas]]', '[[Cobalt]]'");
  meeting("t4.md", "2025-03-04", "Ana Bell, Cy Dee", "'[[Cobalt]]', '[[Delta]]'");
  ASSERT_OK_AND_ASSIGN(SharedHistory whole, BuildSharedHistory(*store_->NewReader(), "Ana Bell", "Bo Chen"));
  EXPECT_THAT(whole.topics, ::testing::ElementsAre("Zeta", "Atlas", "Beta", "Cobalt"));
  EXPECT_EQ(whole.topics_total, 4);
  ASSERT_OK_AND_ASSIGN(SharedHistory two, BuildSharedHistory(*store_->NewReader(), "Ana Bell", "Bo Chen", 0.6, 2));
  EXPECT_THAT(two.topics, ::testing::ElementsAre("Zeta", "Atlas"));
  EXPECT_EQ(two.topics_total, 4);
}

}  // namespace
}  // namespace kith::query
