// Store::Check finds each kind of damage: the store is built through the
// API, closed, damaged with raw RocksDB writes, reopened and checked.
#include <gtest/gtest.h>
#include <rocksdb/db.h>


#include "engine/store/keys.h"
#include "engine/store/note_stamp.h"
#include "engine/store/store.h"
#include "engine/util/text.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/raw_store.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::store {
namespace {

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir_.path()));
    extract::NoteGraph a = testing::Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"});
    extract::Fact knows;
    knows.type = model::RelationType::kKnows;
    knows.args = {0, 1};
    a.facts.push_back(knows);
    ASSERT_OK(store->PutNote(a, 1));
    ASSERT_OK(store->PutNote(testing::Meeting("b.md", "2025-01-02", {"Ana Bell", "Cy Dee"}), 1));
    extract::NoteGraph page = testing::Meeting("People/Ana Bell/README.md", "", {});
    page.entities = {{model::EntityKind::kPerson, "Ana Bell"}};
    extract::Fact alias;
    alias.type = model::RelationType::kAlsoKnownAs;
    alias.args = {0};
    alias.detail = "Annie";
    page.facts = {alias};
    ASSERT_OK(store->PutNote(page, 1));
    ASSERT_OK(store->DeleteNote("b.md"));
  }

  // Runs `damage` on the closed store through raw RocksDB.
  void Damage(const testing::RawStoreEdit& damage) { testing::EditRawStore(dir_.path(), damage); }

  CheckReport Check() {
    auto store = Store::Open({}, dir_.path());
    EXPECT_OK(store.status());
    auto report = (*store)->Check();
    EXPECT_OK(report.status());
    return *report;
  }

  static bool Mentions(const CheckReport& r, std::string_view text) {
    for (const std::string& b : r.breaches) {
      if (b.find(text) != std::string::npos) return true;
    }
    return false;
  }

  static NodeId Person(const char* name) { return EntityId(model::EntityKind::kPerson, name); }

  testing::TempDir dir_;
};

TEST_F(CheckTest, StoreBuiltThroughTheApiKeepsEveryInvariant) {
  CheckReport r = Check();
  EXPECT_EQ(r.breach_count, 0u) << (r.breaches.empty() ? "" : r.breaches[0]);
  EXPECT_EQ(r.notes, 2u);
  EXPECT_EQ(r.aliases, 1u);
  EXPECT_GT(r.edges, 0u);
}

TEST_F(CheckTest, FindsAnEdgeStoredInOneDirectionOnly) {
  Damage([](rocksdb::DB* db, auto& h) {
    EdgeKeyParts in{kInEdgeTag, Person("bo chen"), model::RelationType::kKnows, Person("ana bell"), NoteId("a.md"), 2};
    ASSERT_TRUE(db->Delete({}, h[testing::kRawEdges], EdgeKey(in)).ok());
  });
  CheckReport r = Check();
  EXPECT_EQ(r.breach_count, 1u);
  EXPECT_TRUE(Mentions(r, "has no in-edge twin")) << r.breaches[0];
}

// An attendance has no in-edge now; one an older store wrote is still
// checked against its out-edge.
TEST_F(CheckTest, TakesAnAttendanceInEdgeAsOptional) {
  const EdgeKeyParts in{kInEdgeTag, NoteId("a.md"), model::RelationType::kAttended, Person("bo chen"), NoteId("a.md"), 1};
  Damage([&](rocksdb::DB* db, auto& h) { ASSERT_TRUE(db->Put({}, h[testing::kRawEdges], EdgeKey(in), "").ok()); });
  EXPECT_EQ(Check().breach_count, 0u);
  Damage([&](rocksdb::DB* db, auto& h) {
    ASSERT_TRUE(db->Delete({}, h[testing::kRawEdges], EdgeKey(EdgeTwin(in))).ok());
  });
  CheckReport r = Check();
  EXPECT_EQ(r.breach_count, 2u);
  EXPECT_TRUE(Mentions(r, "has no out-edge twin"));
  EXPECT_TRUE(Mentions(r, "which is missing"));  // The attendance's out-edge.
}

TEST_F(CheckTest, FindsFactsWhoseNoteIsGone) {
  Damage([](rocksdb::DB* db, auto& h) { ASSERT_TRUE(db->Delete({}, h[testing::kRawNotes], IdKey(NoteId("a.md"))).ok()); });
  CheckReport r = Check();
  EXPECT_TRUE(Mentions(r, "which is not stored"));
  EXPECT_TRUE(Mentions(r, "counts 2 notes; 1 name it"));  // Ana Bell lost a referring note.
}

TEST_F(CheckTest, FindsAStampWithoutItsNote) {
  Damage([](rocksdb::DB* db, auto& h) {
    std::string stamp = EncodeNoteStamp({"ghost.md", std::nullopt, 1, {2, 3, 4}});
    ASSERT_TRUE(db->Put({}, h[testing::kRawStamps], IdKey(NoteId("ghost.md")), stamp).ok());
  });
  CheckReport r = Check();
  EXPECT_TRUE(Mentions(r, "a stamp names ghost.md, which is not stored"));
  EXPECT_EQ(r.breaches.size(), 1u);
}

TEST_F(CheckTest, FindsAStampThatDisagreesWithItsNote) {
  Damage([](rocksdb::DB* db, auto& h) {
    // The note was stored with fingerprint 1; a stamp with another would
    // let a sync skip a file by a fingerprint the note never had.
    std::string stamp = EncodeNoteStamp({"a.md", 20089, 99, {2, 3, 4}});
    ASSERT_TRUE(db->Put({}, h[testing::kRawStamps], IdKey(NoteId("a.md")), stamp).ok());
  });
  CheckReport r = Check();
  EXPECT_TRUE(Mentions(r, "the stamp of a.md disagrees with its note"));
  EXPECT_EQ(r.breaches.size(), 1u);
}

TEST_F(CheckTest, FindsAMissingNameKeyAndAStrayAlias) {
  Damage([](rocksdb::DB* db, auto& h) {
    ASSERT_TRUE(db->Delete({}, h[testing::kRawNames], NameKey("bo chen", model::EntityKind::kPerson, Person("bo chen"))).ok());
    ASSERT_TRUE(db->Put({}, h[testing::kRawAliases], AliasKey("bobby", Person("bo chen"), NoteId("a.md")), "").ok());
  });
  CheckReport r = Check();
  EXPECT_EQ(r.breach_count, 2u);
  EXPECT_TRUE(Mentions(r, "Bo Chen is missing from the name index"));
  EXPECT_TRUE(Mentions(r, "alias key 'bobby' has no ALSO_KNOWN_AS fact"));
}

TEST_F(CheckTest, FindsAnUndecodableRecord) {
  Damage([](rocksdb::DB* db, auto& h) { ASSERT_TRUE(db->Put({}, h[testing::kRawFacts], "short", "junk").ok()); });
  EXPECT_TRUE(Mentions(Check(), "a fact record does not decode"));
}

}  // namespace
}  // namespace kith::store
