// Store::PutNotes against PutNote: a group must leave every key of the
// store as the same notes stored one at a time would.
#include <gtest/gtest.h>

#include <rocksdb/db.h>
#include <rocksdb/memtablerep.h>
#include <rocksdb/utilities/options_util.h>

#include <map>

#include "engine/store/bulk_fill_memtable.h"
#include "engine/store/store.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::store {
namespace {

using testing::Meeting;
using Dump = std::map<std::string, std::map<std::string, std::string>>;  // family → key → value

// Every key and value of the closed store in `dir`, by family.
Dump DumpStore(const std::string& dir) {
  std::vector<std::string> names;
  EXPECT_TRUE(rocksdb::DB::ListColumnFamilies({}, dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  EXPECT_TRUE(rocksdb::DB::OpenForReadOnly({}, dir, families, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  Dump dump;
  for (size_t i = 0; i < handles.size(); ++i) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, handles[i]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) dump[names[i]][it->key().ToString()] = it->value().ToString();
    EXPECT_TRUE(db->DestroyColumnFamilyHandle(handles[i]).ok());
  }
  return dump;
}

// Steps of notes: each is stored as one group in one store and note by
// note in the other. They create entities, drop an entity's last note and
// name it again in the same group (in another spelling of the same folded
// name), name one person twice in a note, re-put a note whose attendees change, and re-put a large note
// whose every key is deleted and written again in one group.
std::vector<std::vector<extract::NoteGraph>> Steps() {
  std::vector<std::string> crowd;
  for (int i = 0; i < 40; ++i) crowd.push_back("Guest Number" + std::to_string(i));
  return {
      {Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), Meeting("b.md", "2025-01-02", {"Bo Chen", "Cy Dee"}),
       Meeting("c.md", "", {"Cy Dee"}), Meeting("f.md", "2025-01-05", crowd),
       Meeting("g.md", "2025-01-05", {"Hal Ives", "HAL IVES", "Cy Dee"})},
      {Meeting("f.md", "2025-01-06", crowd)},
      {Meeting("b.md", "2025-01-03", {"Cy Dee"}), Meeting("a.md", "2025-01-01", {"Ana Bell", "Eve Fox"}),
       Meeting("d.md", "2025-01-04", {"BO CHEN", "Eve Fox"})},
      {Meeting("c.md", "2025-02-01", {"Gil Ho"}), Meeting("e.md", "2025-02-02", {"Cy Dee", "Gil Ho"})},
  };
}

// The memtable kind the store in `dir` was last opened with for `family`.
std::string MemtableOf(const std::string& dir, const std::string& family) {
  rocksdb::ConfigOptions config;
  rocksdb::DBOptions db_options;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  EXPECT_TRUE(rocksdb::LoadLatestOptions(config, dir, &db_options, &families).ok());
  for (const rocksdb::ColumnFamilyDescriptor& f : families) {
    if (f.name == family) return f.options.memtable_factory->Name();
  }
  return "";
}

void ExpectSameKeys(const std::string& dir, const std::string& reference_dir) {
  Dump dump = DumpStore(dir);
  Dump reference = DumpStore(reference_dir);
  ASSERT_EQ(dump.size(), reference.size());
  for (const auto& [family, keys] : reference) {
    EXPECT_EQ(dump[family].size(), keys.size()) << family;
    EXPECT_TRUE(dump[family] == keys) << "the " << family << " family differs";
  }
}

TEST(NoteWriterTest, AGroupLeavesTheStoreAsSingleWritesDo) {
  testing::TempDir grouped_dir, single_dir;
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> grouped, Store::Open({}, grouped_dir.path()));
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> single, Store::Open({}, single_dir.path()));
    uint64_t hash = 1;
    for (const std::vector<extract::NoteGraph>& step : Steps()) {
      std::vector<NoteToStore> group;
      for (const extract::NoteGraph& graph : step) {
        group.push_back({&graph, ++hash, {hash, 100, 7}});
        ASSERT_OK(single->PutNote(graph, hash, {hash, 100, 7}));
      }
      ASSERT_OK(grouped->PutNotes(group));
    }
    ASSERT_OK(grouped->DeleteNote("e.md"));
    ASSERT_OK(single->DeleteNote("e.md"));
    ASSERT_OK_AND_ASSIGN(CheckReport check, grouped->Check());
    EXPECT_EQ(check.breach_count, 0u) << (check.breaches.empty() ? "" : check.breaches[0]);
  }
  EXPECT_GT(DumpStore(grouped_dir.path())["entities"].size(), 40u);
  ExpectSameKeys(grouped_dir.path(), single_dir.path());
}

// A store filled in bulk from empty, then reopened as usual and written
// again (re-putting notes the bulk fill stored, whose stored copies must be
// read), ends key for key as one written note by note throughout.
TEST(NoteWriterTest, AStoreBulkLoadedFromEmptyEndsAsOneWrittenNormally) {
  testing::TempDir bulk_dir, single_dir;
  const std::vector<std::vector<extract::NoteGraph>> steps = Steps();
  const StoreOptions bulk_options{.bulk_load_when_created = true};
  uint64_t hash = 1;
  auto put = [&](Store& bulk, Store& single, const std::vector<extract::NoteGraph>& step) {
    std::vector<NoteToStore> group;
    for (const extract::NoteGraph& graph : step) {
      group.push_back({&graph, ++hash, {hash, 100, 7}});
      ASSERT_OK(single.PutNote(graph, hash, {hash, 100, 7}));
    }
    ASSERT_OK(bulk.PutNotes(group));
  };
  // The single-write store holds a note before the steps, so that it reads
  // every entity back from RocksDB; the bulk fill, begun empty, keeps the
  // entities it wrote in memory instead. The bulk fill stores that note too.
  const extract::NoteGraph seed = Meeting("z.md", "2024-12-31", {"Zed Yardley", "Ana Bell"});
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> single, Store::Open({}, single_dir.path()));
    ASSERT_OK(single->PutNote(seed, 1, {1, 100, 7}));
  }
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> bulk, Store::Open(bulk_options, bulk_dir.path()));
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> single, Store::Open({}, single_dir.path()));
    std::vector<NoteToStore> seed_group = {{&seed, 1, {1, 100, 7}}};
    ASSERT_OK(bulk->PutNotes(seed_group));
    for (size_t i = 0; i + 1 < steps.size(); ++i) put(*bulk, *single, steps[i]);
    ASSERT_OK(bulk->Flush());
  }
  EXPECT_EQ(MemtableOf(bulk_dir.path(), "facts"), BulkFillMemTableFactory::kClassName());
  EXPECT_EQ(MemtableOf(bulk_dir.path(), "entities"), BulkFillMemTableFactory::kClassName());
  EXPECT_EQ(MemtableOf(bulk_dir.path(), "meta"), rocksdb::SkipListFactory().Name());
  EXPECT_EQ(MemtableOf(single_dir.path(), "facts"), rocksdb::SkipListFactory().Name());
  ExpectSameKeys(bulk_dir.path(), single_dir.path());
  {
    // The store exists now: the same options open it as usual.
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> bulk, Store::Open(bulk_options, bulk_dir.path()));
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> single, Store::Open({}, single_dir.path()));
    put(*bulk, *single, steps.back());
    ASSERT_OK(bulk->DeleteNote("e.md"));
    ASSERT_OK(single->DeleteNote("e.md"));
    ASSERT_OK_AND_ASSIGN(CheckReport check, bulk->Check());
    EXPECT_EQ(check.breach_count, 0u) << (check.breaches.empty() ? "" : check.breaches[0]);
  }
  EXPECT_EQ(MemtableOf(bulk_dir.path(), "facts"), rocksdb::SkipListFactory().Name());
  ExpectSameKeys(bulk_dir.path(), single_dir.path());
}

TEST(NoteWriterTest, AGroupNamingAPathTwiceIsRefusedWhole) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Store> store, Store::Open({}, dir.path()));
  extract::NoteGraph first = Meeting("a.md", "2025-01-01", {"Ana Bell"});
  extract::NoteGraph again = Meeting("a.md", "2025-01-02", {"Bo Chen"});
  extract::NoteGraph other = Meeting("b.md", "2025-01-02", {"Cy Dee"});
  std::vector<NoteToStore> group = {{&first, 1, {}}, {&other, 2, {}}, {&again, 3, {}}};
  EXPECT_EQ(store->PutNotes(group).code(), absl::StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN(StoreCounts counts, store->NewReader()->Counts());
  EXPECT_EQ(counts.notes, 0u);
}

}  // namespace
}  // namespace kith::store
