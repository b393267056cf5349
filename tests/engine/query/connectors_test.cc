#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::query {
namespace {

void Works(store::Store& store, const std::string& path, const std::string& date, const std::string& person,
           const std::string& status) {
  extract::NoteGraph g = testing::Meeting(path, date, {});
  g.entities = {{model::EntityKind::kPerson, person}, {model::EntityKind::kOrganization, "Acme"}};
  extract::Fact f;
  f.type = model::RelationType::kWorksAt;
  f.args = {0, 1};
  f.status = status;
  g.facts = {f};
  ASSERT_OK(store.PutNote(g, 1));
}

TEST(ConnectorsTest, RanksOutsidersBySummedStrengthToCurrentMembers) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path()));
  Works(*store, "w1.md", "2025-01-01", "Ana Bell", "current");
  Works(*store, "w2.md", "2025-01-01", "Bo Chen", "current");
  Works(*store, "w3.md", "2024-01-01", "Cy Dee", "current");
  Works(*store, "w4.md", "2025-01-01", "Cy Dee", "former");  // Left since.
  ASSERT_OK(store->PutNote(testing::Meeting("m1.md", "2025-02-01", {"Eli Fox", "Ana Bell"}), 1));
  ASSERT_OK(store->PutNote(testing::Meeting("m2.md", "2025-02-01", {"Eli Fox", "Bo Chen", "Gus Hale"}), 1));
  ASSERT_OK(store->PutNote(testing::Meeting("m3.md", "2025-02-01", {"Gus Hale", "Cy Dee"}), 1));
  ASSERT_OK(store->PutNote(testing::Meeting("m4.md", "2025-02-01", {"Ana Bell", "Bo Chen"}), 1));
  ASSERT_OK_AND_ASSIGN(ConnectorsResult r, FindConnectors(*store->NewReader(), "acme", 10));
  EXPECT_EQ(r.organization, "Acme");
  EXPECT_EQ(r.members, 2);
  ASSERT_EQ(r.connectors.size(), 2u);  // Colleagues Ana and Bo do not count each other.
  EXPECT_EQ(r.connectors[0].name, "Eli Fox");
  EXPECT_EQ(r.connectors[0].contacts.size(), 2u);
  EXPECT_EQ(r.connectors[1].name, "Gus Hale");
  EXPECT_EQ(r.connectors[1].contacts.size(), 1u);  // Cy left Acme.
}

}  // namespace
}  // namespace kith::query
