#include <gtest/gtest.h>

#include "engine/extract/extract.h"
#include "engine/query/query.h"
#include "engine/util/date.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

TEST(TasksTest, FiltersByOwnerStatusAndDueDateAndSortsByDue) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path()));
  auto note = note::ParseNote("m.md",
                              "---\nparticipants: [Ana Bell, Bo Chen]\n---\n"
                              "- [ ] Later. @Ana Bell 📅 2025-03-01\n"
                              "- [x] Done. @Ana Bell 📅 2025-01-01\n"
                              "- [?] Soon. @Bo Chen 📅 2025-02-01 ⏫\n"
                              "- [ ] Whenever. @Ana Bell\n");
  ASSERT_OK(note);
  ASSERT_OK(store->PutNote(extract::Extract(*note, {}), 1));
  auto reader = store->NewReader();
  ASSERT_OK_AND_ASSIGN(auto all, Tasks(*reader, {}));
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].text, "Done.");
  EXPECT_EQ(all[3].text, "Whenever.");  // Undated last.
  ASSERT_OK_AND_ASSIGN(auto open, Tasks(*reader, {"", true, std::nullopt}));
  EXPECT_EQ(open.size(), 3u);
  ASSERT_OK_AND_ASSIGN(auto ana_soon, Tasks(*reader, {"ana bell", true, util::ParseIsoDate("2025-06-01")}));
  ASSERT_EQ(ana_soon.size(), 1u);
  EXPECT_EQ(ana_soon[0].text, "Later.");
  EXPECT_EQ(ana_soon[0].owner, "Ana Bell");
  EXPECT_EQ(ana_soon[0].note.path, "m.md");
  EXPECT_EQ(ana_soon[0].line, 4);
}

}  // namespace
}  // namespace kith::query
