#include "engine/store/store.h"

#include <gtest/gtest.h>

#include <rocksdb/db.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <thread>

#include "engine/store/keys.h"
#include "records.pb.h"
#include "engine/util/text.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/raw_store.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::store {
namespace {

using testing::Meeting;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open({}, dir_.path());
    ASSERT_OK(store);
    store_ = *std::move(store);
  }

  std::vector<std::string> Attendees(const std::string& path) {
    auto reader = store_->NewReader();
    auto note = reader->Note(NoteId(path));
    EXPECT_TRUE(note.ok() && note->has_value());
    std::vector<std::string> names;
    for (NodeId id : (*note)->attendees) names.push_back((*reader->Entity(id))->name);
    return names;
  }

  size_t EdgeCount(const std::string& person) {
    auto reader = store_->NewReader();
    auto edges = reader->Edges(EntityId(model::EntityKind::kPerson, person), Direction::kOut,
                               model::RelationType::kAttended);
    EXPECT_OK(edges);
    return edges->size();
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, StoresNoteEntitiesAndEdges) {
  extract::NoteGraph meeting = Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"});
  meeting.entities.push_back({model::EntityKind::kTopic, "pricing"});
  extract::Fact discussed;
  discussed.type = model::RelationType::kDiscussed;
  discussed.args = {2};
  meeting.facts.push_back(discussed);
  ASSERT_OK(store_->PutNote(meeting, 1));
  auto reader = store_->NewReader();
  NodeId ana = EntityId(model::EntityKind::kPerson, "Ana Bell");
  ASSERT_OK_AND_ASSIGN(auto out, reader->Edges(ana, Direction::kOut, model::RelationType::kAttended));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].neighbour, NoteId("a.md"));
  // A note's attendees are its record's; its topics are read from its in-edges.
  ASSERT_OK_AND_ASSIGN(auto attended, reader->Edges(NoteId("a.md"), Direction::kIn,
                                                    model::RelationType::kAttended));
  EXPECT_TRUE(attended.empty());
  ASSERT_OK_AND_ASSIGN(auto topics, reader->Edges(NoteId("a.md"), Direction::kIn,
                                                  model::RelationType::kDiscussed));
  ASSERT_EQ(topics.size(), 1u);
  EXPECT_EQ(topics[0].neighbour, EntityId(model::EntityKind::kTopic, "pricing"));
  ASSERT_OK_AND_ASSIGN(auto found, reader->FindByName(util::FoldName("ANA BELL")));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].name, "Ana Bell");
  EXPECT_EQ(found[0].note_refs, 1u);
}

TEST_F(StoreTest, RePutReplacesWhatTheNoteContributed) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 1));
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell", "Cy Dee"}), 2));
  EXPECT_EQ(Attendees("a.md"), (std::vector<std::string>{"Ana Bell", "Cy Dee"}));
  EXPECT_EQ(EdgeCount("Bo Chen"), 0u);
  auto reader = store_->NewReader();
  // Bo Chen is referenced by no note any more, so he is gone with his name.
  EXPECT_FALSE(*reader->Entity(EntityId(model::EntityKind::kPerson, "Bo Chen")));
  EXPECT_TRUE(reader->FindByName("bo chen")->empty());
  ASSERT_OK_AND_ASSIGN(StoreCounts counts, reader->Counts());
  EXPECT_EQ(counts.notes, 1u);
  EXPECT_EQ(counts.entities, (std::map<model::EntityKind, uint64_t>{{model::EntityKind::kPerson, 2}}));
  EXPECT_EQ(counts.facts, (std::map<model::RelationType, uint64_t>{{model::RelationType::kAttended, 2}}));
}

// A store written before schema 4 has an in-edge for every attendance;
// storing the note again leaves none behind.
TEST_F(StoreTest, RetractingANoteRemovesTheInEdgesAnOlderStoreWrote) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell"}), 1));
  store_.reset();
  const EdgeKeyParts old_in{kInEdgeTag, NoteId("a.md"), model::RelationType::kAttended,
                            EntityId(model::EntityKind::kPerson, "Ana Bell"), NoteId("a.md"), 0};
  auto in_edges = [&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* edges) {
    size_t n = 0;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, edges));
    for (it->Seek(std::string(1, kInEdgeTag)); it->Valid() && it->key()[0] == kInEdgeTag; it->Next()) ++n;
    return n;
  };
  testing::EditRawStore(dir_.path(), [&](rocksdb::DB* db, auto& h) {
    ASSERT_TRUE(db->Put({}, h[testing::kRawEdges], EdgeKey(old_in), "").ok());
  });
  ASSERT_OK_AND_ASSIGN(store_, Store::Open({}, dir_.path()));
  ASSERT_OK_AND_ASSIGN(CheckReport before, store_->Check());
  EXPECT_EQ(before.breach_count, 0u) << (before.breaches.empty() ? "" : before.breaches[0]);
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 2));
  store_.reset();
  testing::EditRawStore(dir_.path(), [&](rocksdb::DB* db, auto& h) { EXPECT_EQ(in_edges(db, h[testing::kRawEdges]), 0u); });
}

// A store written before schema 4 keeps each fact under note:u64 seq:u32.
// It reads and checks as before, and storing the note again leaves one
// entry for the note and none of the old.
TEST_F(StoreTest, ReadsAndReplacesTheFactsAnOlderStoreKeptOnePerKey) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 1));
  std::vector<StoredFact> before = *store_->NewReader()->NoteFacts(NoteId("a.md"));
  ASSERT_EQ(before.size(), 2u);
  store_.reset();
  auto facts_keys = [&](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* facts) {
    std::vector<size_t> sizes;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, facts));
    for (it->SeekToFirst(); it->Valid(); it->Next()) sizes.push_back(it->key().size());
    return sizes;
  };
  testing::EditRawStore(dir_.path(), [&](rocksdb::DB* db, auto& h) {
    std::string value;
    ASSERT_TRUE(db->Get({}, h[testing::kRawFacts], IdKey(NoteId("a.md")), &value).ok());
    NoteFactsRecord note;
    ASSERT_TRUE(note.ParseFromString(value));
    ASSERT_TRUE(db->Delete({}, h[testing::kRawFacts], IdKey(NoteId("a.md"))).ok());
    for (int seq = 0; seq < note.facts_size(); ++seq) {
      ASSERT_TRUE(db->Put({}, h[testing::kRawFacts], FactKey(NoteId("a.md"), seq), note.facts(seq).SerializeAsString()).ok());
    }
    EXPECT_EQ(facts_keys(db, h[testing::kRawFacts]), (std::vector<size_t>{12, 12}));
  });
  ASSERT_OK_AND_ASSIGN(store_, Store::Open({}, dir_.path()));
  auto reader = store_->NewReader();
  ASSERT_OK_AND_ASSIGN(std::vector<StoredFact> legacy, reader->NoteFacts(NoteId("a.md")));
  ASSERT_EQ(legacy.size(), 2u);
  for (uint32_t seq = 0; seq < 2; ++seq) {
    EXPECT_EQ(legacy[seq].seq, seq);
    EXPECT_EQ(legacy[seq].args, before[seq].args);
    ASSERT_OK_AND_ASSIGN(std::optional<StoredFact> one, reader->Fact(NoteId("a.md"), seq));
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->args, before[seq].args);
  }
  ASSERT_OK_AND_ASSIGN(std::optional<StoredFact> missing, reader->Fact(NoteId("a.md"), 2));
  EXPECT_FALSE(missing.has_value());
  ASSERT_OK_AND_ASSIGN(CheckReport report, store_->Check());
  EXPECT_EQ(report.breach_count, 0u) << (report.breaches.empty() ? "" : report.breaches[0]);
  EXPECT_EQ(report.facts, 2u);
  reader.reset();
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Cy Dee"}), 2));
  EXPECT_EQ(Attendees("a.md"), (std::vector<std::string>{"Cy Dee"}));
  EXPECT_EQ(EdgeCount("Ana Bell"), 0u);
  store_.reset();
  testing::EditRawStore(dir_.path(), [&](rocksdb::DB* db, auto& h) {
    EXPECT_EQ(facts_keys(db, h[testing::kRawFacts]), (std::vector<size_t>{8}));
  });
}

// The totals stats reads follow every put, replacement and deletion, stay
// across a reopen, and agree with what check counts record by record.
TEST_F(StoreTest, CountsFollowEveryWrite) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 1));
  ASSERT_OK(store_->PutNote(Meeting("b.md", "2025-01-02", {"Ana Bell", "Cy Dee", "Di Eng"}), 1));
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell"}), 2));
  ASSERT_OK(store_->DeleteNote("b.md"));
  ASSERT_OK(store_->PutNote(Meeting("c.md", "2025-01-03", {"Ana Bell", "Eve Fox"}), 1));
  auto expect_counts = [](Store& store) {
    ASSERT_OK_AND_ASSIGN(StoreCounts counts, store.NewReader()->Counts());
    EXPECT_EQ(counts.notes, 2u);
    EXPECT_EQ(counts.AllEntities(), 2u);  // Ana Bell and Eve Fox.
    EXPECT_EQ(counts.AllFacts(), 3u);
    ASSERT_OK_AND_ASSIGN(CheckReport report, store.Check());
    EXPECT_EQ(report.breach_count, 0u) << (report.breaches.empty() ? "" : report.breaches[0]);
  };
  expect_counts(*store_);
  store_.reset();
  ASSERT_OK_AND_ASSIGN(store_, Store::Open({}, dir_.path()));
  expect_counts(*store_);
}

// A store whose counts record is wrong is a breach check reports.
TEST_F(StoreTest, CheckReportsWrongCounts) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 1));
  ASSERT_OK(store_->PutMeta("counts", ""));  // An empty record: no notes, no facts.
  ASSERT_OK_AND_ASSIGN(CheckReport report, store_->Check());
  EXPECT_GE(report.breach_count, 3u);
  ASSERT_FALSE(report.breaches.empty());
  EXPECT_NE(report.breaches[0].find("counts record says 0 notes; 1 are stored"), std::string::npos)
      << report.breaches[0];
}

TEST_F(StoreTest, SharedEntitySurvivesRetractionOfOneNote) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 1));
  ASSERT_OK(store_->PutNote(Meeting("b.md", "2025-01-02", {"Ana Bell"}), 1));
  ASSERT_OK(store_->DeleteNote("a.md"));
  auto reader = store_->NewReader();
  auto ana = reader->Entity(EntityId(model::EntityKind::kPerson, "Ana Bell"));
  ASSERT_TRUE(ana.ok() && ana->has_value());
  EXPECT_EQ((*ana)->note_refs, 1u);
  EXPECT_EQ(EdgeCount("Ana Bell"), 1u);
  EXPECT_FALSE(*reader->Note(NoteId("a.md")));
}

TEST_F(StoreTest, ReaderSeesSnapshot) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell"}), 1));
  auto before = store_->NewReader();
  ASSERT_OK(store_->DeleteNote("a.md"));
  EXPECT_TRUE(*before->Note(NoteId("a.md")));
  EXPECT_FALSE(*store_->NewReader()->Note(NoteId("a.md")));
}

TEST_F(StoreTest, DataSurvivesReopen) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell"}), 77));
  store_.reset();
  ASSERT_OK_AND_ASSIGN(store_, Store::Open({}, dir_.path()));
  auto note = store_->NewReader()->Note(NoteId("a.md"));
  ASSERT_TRUE(note.ok() && note->has_value());
  EXPECT_EQ((*note)->content_hash, 77u);
}

size_t LogFiles(const std::string& dir) {
  size_t logs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) logs += entry.path().extension() == ".log";
  return logs;
}

// RocksDB 7 leaves an empty write-ahead log behind on every open; the store
// removes them, and what was written survives.
TEST_F(StoreTest, ReopeningDoesNotGatherLogFiles) {
  ASSERT_OK(store_->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell"}), 77));
  for (int i = 0; i < 6; ++i) {
    store_.reset();
    ASSERT_OK_AND_ASSIGN(store_, Store::Open({}, dir_.path()));
  }
  EXPECT_LE(LogFiles(dir_.path()), 2u);
  ASSERT_OK(store_->PutNote(Meeting("b.md", "2025-01-02", {"Bo Chen"}), 78));
  store_.reset();
  ASSERT_OK_AND_ASSIGN(store_, Store::Open({}, dir_.path()));
  auto reader = store_->NewReader();
  for (const char* path : {"a.md", "b.md"}) {
    auto note = reader->Note(NoteId(path));
    ASSERT_TRUE(note.ok() && note->has_value()) << path;
  }
}

// A profile page at `path` giving Ana Bell the other name `alias`.
extract::NoteGraph AliasNote(const std::string& path, const std::string& alias) {
  extract::NoteGraph g = Meeting(path, "", {});
  g.entities = {{model::EntityKind::kPerson, "Ana Bell"}};
  extract::Fact f;
  f.type = model::RelationType::kAlsoKnownAs;
  f.args = {0};
  f.detail = alias;
  g.facts = {f};
  return g;
}

TEST_F(StoreTest, AliasKeysFollowTheNotesThatGiveThem) {
  ASSERT_OK(store_->PutNote(AliasNote("a.md", "Annie Bell"), 1));
  ASSERT_OK(store_->PutNote(AliasNote("b.md", "Annie Bell"), 1));
  auto found = [&](const char* folded) {
    auto people = store_->NewReader()->FindByAlias(folded);
    EXPECT_OK(people);
    return people->size() == 1 && (*people)[0].name == "Ana Bell";
  };
  EXPECT_TRUE(found("annie bell"));
  ASSERT_OK(store_->DeleteNote("a.md"));
  EXPECT_TRUE(found("annie bell"));  // b.md still says so.
  ASSERT_OK(store_->PutNote(AliasNote("b.md", "Nan Bell"), 2));
  EXPECT_FALSE(found("annie bell"));
  EXPECT_TRUE(found("nan bell"));
  ASSERT_OK(store_->DeleteNote("b.md"));
  size_t keys = 0;
  ASSERT_OK(store_->NewReader()->ForEachAlias([&](std::string_view, NodeId) { return ++keys, true; }));
  EXPECT_EQ(keys, 0u);
}

TEST(StoreSchemaTest, OlderSchemaIsUpgradedOnOpen) {
  testing::TempDir dir;
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir.path()));
    std::string older;
    AppendU32(older, kSchemaVersion - 1);
    ASSERT_OK(store->PutMeta("schema_version", older));
  }
  ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir.path()));
  ASSERT_OK_AND_ASSIGN(std::optional<std::string> version, store->NewReader()->Meta("schema_version"));
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(ReadU32(*version), kSchemaVersion);
}

// A store written before the counts record existed is counted once, on
// open, and keeps the record from then on.
TEST(StoreSchemaTest, AStoreWithoutCountsIsCountedOnOpen) {
  testing::TempDir dir;
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir.path()));
    ASSERT_OK(store->PutNote(Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 1));
  }
  {
    // Remove the record with RocksDB itself, as an older kith left it.
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies({}, dir.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const std::string& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open({}, dir.path(), families, &handles, &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    const auto meta = std::find(names.begin(), names.end(), "meta") - names.begin();
    ASSERT_LT(static_cast<size_t>(meta), names.size());
    std::string value;
    EXPECT_TRUE(db->Get({}, handles[meta], "counts", &value).ok());
    ASSERT_TRUE(db->Delete({}, handles[meta], "counts").ok());
    for (rocksdb::ColumnFamilyHandle* handle : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(handle).ok());
  }
  ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir.path()));
  ASSERT_OK_AND_ASSIGN(std::optional<std::string> kept, store->NewReader()->Meta("counts"));
  EXPECT_TRUE(kept.has_value());
  ASSERT_OK_AND_ASSIGN(StoreCounts counts, store->NewReader()->Counts());
  EXPECT_EQ(counts.notes, 1u);
  EXPECT_EQ(counts.AllEntities(), 2u);
  EXPECT_EQ(counts.AllFacts(), 2u);
  ASSERT_OK(store->PutNote(Meeting("b.md", "2025-01-02", {"Ana Bell"}), 1));
  ASSERT_OK_AND_ASSIGN(counts, store->NewReader()->Counts());
  EXPECT_EQ(counts.notes, 2u);
  EXPECT_EQ(counts.AllFacts(), 3u);
}

// A store opened to defer compactions leaves the table files an earlier
// writer piled up until its own first write, then merges them.
TEST(StoreCompactionTest, DeferredCompactionsStartWithTheFirstWrite) {
  testing::TempDir dir;
  { ASSERT_OK(Store::Open({}, dir.path()).status()); }
  // Six small table files in one family, written with compactions off (as
  // an ingest killed before its compactions ran would leave them).
  rocksdb::ColumnFamilyOptions piling;
  piling.disable_auto_compactions = true;
  testing::EditRawStore(dir.path(), [](rocksdb::DB* db, auto& h) {
    for (int i = 0; i < 6; ++i) {
      ASSERT_TRUE(db->Put({}, h[testing::kRawMeta], "test/" + std::to_string(i), "x").ok());
      ASSERT_TRUE(db->Flush({}, h[testing::kRawMeta]).ok());
    }
  }, piling);
  auto table_files = [&] {
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) files += entry.path().extension() == ".sst";
    return files;
  };
  const int piled = table_files();
  ASSERT_GE(piled, 6);

  ASSERT_OK_AND_ASSIGN(auto store, Store::Open({.defer_compactions_until_write = true}, dir.path()));
  ASSERT_OK_AND_ASSIGN(std::optional<std::string> read, store->NewReader()->Meta("test/5"));
  EXPECT_EQ(read, "x");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(table_files(), piled);  // Reading started nothing.

  ASSERT_OK(store->PutMeta("test/written", "y"));
  for (int waited = 0; waited < 300 && table_files() >= piled; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_LT(table_files(), piled);
}

TEST(StoreSchemaTest, RefusesNewerSchema) {
  testing::TempDir dir;
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir.path()));
    std::string newer;
    AppendU32(newer, kSchemaVersion + 1);
    ASSERT_OK(store->PutMeta("schema_version", newer));
  }
  auto reopened = Store::Open({}, dir.path());
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace kith::store
