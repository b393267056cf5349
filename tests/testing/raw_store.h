// Raw RocksDB access to a closed kith store, for tests that write what the
// store API never would: damage for Store::Check to find, or the keys and
// values an older kith wrote.
#ifndef KITH_TESTS_TESTING_RAW_STORE_H_
#define KITH_TESTS_TESTING_RAW_STORE_H_

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <functional>
#include <string>
#include <vector>

namespace kith::testing {

// Handles passed to a RawStoreEdit, by family.
enum RawFamily { kRawMeta = 1, kRawEntities, kRawNames, kRawNotes, kRawFacts, kRawEdges, kRawAliases, kRawStamps };

using RawStoreEdit = std::function<void(rocksdb::DB*, std::vector<rocksdb::ColumnFamilyHandle*>&)>;

// Opens the closed store in `dir` with RocksDB alone, every family with
// `options`, and runs `edit` on it.
inline void EditRawStore(const std::string& dir, const RawStoreEdit& edit,
                         const rocksdb::ColumnFamilyOptions& options = {}) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : {"default", "meta", "entities", "names", "notes", "facts", "edges", "aliases", "stamps"}) {
    families.emplace_back(name, options);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), dir, families, &handles, &db).ok());
  edit(db, handles);
  for (auto* handle : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(handle).ok());
  delete db;
}

}  // namespace kith::testing

#endif  // KITH_TESTS_TESTING_RAW_STORE_H_
