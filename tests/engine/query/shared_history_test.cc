#include <gtest/gtest.h>

#include "engine/extract/extract.h"
#include "engine/extract/gazetteer.h"
#include "engine/query/query.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

TEST(SharedHistoryTest, MeetingsMentionsRelationsOrganisationsAndTopics) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path()));
  extract::Gazetteer gazetteer;
  gazetteer.AddOrganization("Acme");
  gazetteer.Finish();
  auto put = [&](const std::string& path, const std::string& text) {
    auto note = note::ParseNote(path, text);
    ASSERT_OK(note);
    ASSERT_OK(store->PutNote(extract::Extract(*note, {.owner = "", .gazetteer = &gazetteer}), 1));
  };
  put("a.md", "---\ndate: 2025-01-02\nparticipants: [Ana Bell, Bo Chen]\nentities:\n  projects: ['[[Atlas]]']\n---\n");
  put("a2.md", "---\ndate: 2025-01-02\nparticipants: [Ana Bell, Bo Chen]\n---\n# Same sync, second summary\n");
  put("m.md", "---\ndate: 2025-02-01\nparticipants: [Cy Dee]\n---\n## Key Information\n"
              "- Ana Bell reports to Bo Chen.\n- Ana Bell works at Acme.\n- Bo Chen previously worked at Acme.\n");
  ASSERT_OK_AND_ASSIGN(SharedHistory h, BuildSharedHistory(*store->NewReader(), "Ana Bell", "bo chen"));
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

}  // namespace
}  // namespace kith::query
