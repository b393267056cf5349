// The bulk-fill memtable must read back exactly as RocksDB's own vector
// memtable does, before and after its flush, whatever keys it holds: the
// prefix sort must agree with RocksDB's order for keys shorter than, equal
// to and longer than its 16 integer bytes, bytes above 0x7f, keys that are
// prefixes of others, and one key written several times.
#include "engine/store/bulk_fill_memtable.h"

#include <gtest/gtest.h>

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace kith::store {
namespace {

std::unique_ptr<rocksdb::DB> OpenWith(const std::string& dir, std::shared_ptr<rocksdb::MemTableRepFactory> factory) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.memtable_factory = std::move(factory);
  options.allow_concurrent_memtable_write = false;
  options.write_buffer_size = 64 << 20;  // Nothing flushes until asked.
  rocksdb::DB* db = nullptr;
  EXPECT_TRUE(rocksdb::DB::Open(options, dir, &db).ok());
  return std::unique_ptr<rocksdb::DB>(db);
}

// Keys built to meet the prefix sort's edges: every length from 0 to 20
// over a small alphabet that includes 0x00 and bytes above 0x7f, so that
// many keys are prefixes of others, share their first 16 bytes, or differ
// only in a byte read as negative by a signed char.
std::vector<std::string> EdgeKeys(std::mt19937& random) {
  const std::string alphabet("\x00\x01\x7f\x80\xff" "a", 6);
  std::vector<std::string> keys;
  for (size_t length = 0; length <= 20; ++length) {
    for (int copies = 0; copies < 40; ++copies) {
      std::string key;
      for (size_t i = 0; i < length; ++i) {
        // Long runs of one byte, so that 16-byte prefixes collide often.
        key += i < 14 ? alphabet[(copies / 8) % 2 == 0 ? 5 : random() % 2] : alphabet[random() % alphabet.size()];
      }
      keys.push_back(key);
    }
  }
  return keys;
}

struct Entry {
  std::string key;
  std::string value;
  bool operator==(const Entry&) const = default;
};

// Every entry, first to last or last to first.
std::vector<Entry> ReadAll(rocksdb::DB& db, bool forward) {
  std::vector<Entry> entries;
  std::unique_ptr<rocksdb::Iterator> it(db.NewIterator({}));
  for (forward ? it->SeekToFirst() : it->SeekToLast(); it->Valid(); forward ? it->Next() : it->Prev()) {
    entries.push_back({it->key().ToString(), it->value().ToString()});
  }
  EXPECT_TRUE(it->status().ok());
  return entries;
}

// Where Seek and SeekForPrev land for `target`, as "key" or "-" if nowhere.
std::pair<std::string, std::string> Landings(rocksdb::DB& db, const std::string& target) {
  std::unique_ptr<rocksdb::Iterator> it(db.NewIterator({}));
  it->Seek(target);
  std::string at = it->Valid() ? it->key().ToString() : "-";
  it->SeekForPrev(target);
  std::string before = it->Valid() ? it->key().ToString() : "-";
  return {at, before};
}

// Writes the same batches to a store with RocksDB's vector memtable and one
// with the bulk-fill memtable, and checks every read of both agrees, in
// the memtable and then flushed.
class BulkFillMemTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reference_ = OpenWith(reference_dir_.path(), std::make_shared<rocksdb::VectorRepFactory>());
    bulk_ = OpenWith(bulk_dir_.path(), std::make_shared<BulkFillMemTableFactory>());
    ASSERT_NE(reference_, nullptr);
    ASSERT_NE(bulk_, nullptr);
  }

  void Write(rocksdb::WriteBatch& batch) {
    ASSERT_TRUE(reference_->Write({}, &batch).ok());
    ASSERT_TRUE(bulk_->Write({}, &batch).ok());
  }

  void ExpectSameReads(const std::vector<std::string>& probes) {
    std::vector<Entry> forward = ReadAll(*reference_, true);
    ASSERT_FALSE(forward.empty());
    EXPECT_TRUE(std::is_sorted(forward.begin(), forward.end(),
                               [](const Entry& a, const Entry& b) { return a.key < b.key; }));
    EXPECT_EQ(ReadAll(*bulk_, true), forward);
    EXPECT_EQ(ReadAll(*bulk_, false), ReadAll(*reference_, false));
    for (const std::string& probe : probes) {
      std::string want, got;
      rocksdb::Status want_status = reference_->Get({}, probe, &want);
      rocksdb::Status got_status = bulk_->Get({}, probe, &got);
      EXPECT_EQ(got_status.code(), want_status.code()) << probe;
      EXPECT_EQ(got, want) << probe;
      EXPECT_EQ(Landings(*bulk_, probe), Landings(*reference_, probe)) << probe;
    }
  }

  testing::TempDir reference_dir_, bulk_dir_;
  std::unique_ptr<rocksdb::DB> reference_, bulk_;
};

TEST_F(BulkFillMemTableTest, ReadsAsRocksDbsVectorMemtableBeforeAndAfterFlush) {
  std::mt19937 random(7);
  std::vector<std::string> keys = EdgeKeys(random);
  // Several batches, each in an order of its own, a key written again in a
  // later batch with a new value, and some deleted: equal user keys must
  // come out newest first.
  for (int round = 0; round < 3; ++round) {
    std::shuffle(keys.begin(), keys.end(), random);
    rocksdb::WriteBatch batch;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (round == 2 && i % 5 == 0) {
        ASSERT_TRUE(batch.Delete(keys[i]).ok());
      } else {
        ASSERT_TRUE(batch.Put(keys[i], std::to_string(round) + ":" + std::to_string(i)).ok());
      }
    }
    Write(batch);
  }
  std::vector<std::string> probes = EdgeKeys(random);  // Mostly keys never written.
  probes.insert(probes.end(), keys.begin(), keys.begin() + 200);

  ExpectSameReads(probes);  // From the memtables, still written.
  // Read-only and not yet flushed (background work held): the iterators
  // read the bulk-fill memtable's own sorted array.
  rocksdb::FlushOptions no_wait;
  no_wait.wait = false;
  for (rocksdb::DB* db : {reference_.get(), bulk_.get()}) {
    ASSERT_TRUE(db->PauseBackgroundWork().ok());
    ASSERT_TRUE(db->Flush(no_wait).ok());
  }
  ExpectSameReads(probes);
  for (rocksdb::DB* db : {reference_.get(), bulk_.get()}) {
    ASSERT_TRUE(db->ContinueBackgroundWork().ok());
    ASSERT_TRUE(db->Flush({}).ok());
  }
  ExpectSameReads(probes);  // From the tables each memtable's flush built.
}

// Keys like the store's: a tag byte and big-endian ids, where the first 16
// bytes of many keys are the same (one entity's edges).
TEST_F(BulkFillMemTableTest, OrdersKeysThatShareTheirFirstSixteenBytes) {
  std::mt19937_64 random(11);
  std::vector<std::string> keys;
  for (int source = 0; source < 4; ++source) {
    std::string prefix = "O";
    uint64_t id = random();
    for (int b = 7; b >= 0; --b) prefix += static_cast<char>(id >> (8 * b));
    prefix += std::string("\x00\x05", 2);
    for (int edge = 0; edge < 300; ++edge) {
      std::string key = prefix;
      uint64_t other = random();
      for (int b = 7; b >= 0; --b) key += static_cast<char>(other >> (8 * b));
      keys.push_back(key);
      keys.push_back(key.substr(0, 16) + std::string(1, static_cast<char>(edge)));
    }
  }
  rocksdb::WriteBatch batch;
  for (const std::string& key : keys) ASSERT_TRUE(batch.Put(key, key.substr(12)).ok());
  Write(batch);
  ExpectSameReads({keys[0], keys[1], keys[599], "O", std::string(17, '\xff')});
  ASSERT_TRUE(bulk_->Flush({}).ok());
  ASSERT_TRUE(reference_->Flush({}).ok());
  ExpectSameReads({keys[0], keys[1], keys[599]});
}

}  // namespace
}  // namespace kith::store
