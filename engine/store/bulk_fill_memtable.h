// The memtable of a new store's first fill: RocksDB's VectorRep, plus an
// unsorted array of the same entries that the flush reads, sorted once by
// integer prefixes of the keys rather than through the memtable's
// comparator alone.
//
// Why: VectorRep sorts with std::sort and RocksDB's internal-key comparator
// (two varint decodes, a virtual call and a memcmp per comparison). Over a
// 200k-note ingest that sort was 6.4 % of all CPU. Here each entry is first
// given the first 16 bytes of its user key as two big-endian integers,
// zero-padded; most comparisons end there. Zero padding keeps integer order
// consistent with byte order: a key that ends inside the 16 bytes compares
// at most equal to every key it is a prefix of, and equal prefixes are
// settled by the memtable's own comparator (user key, then sequence), so
// the result is the order RocksDB requires. It therefore requires the
// family's comparator to be RocksDB's bytewise one (kith's default).
//
// It wraps a VectorRep and keeps the same entries in an array of its own.
// Reads while the memtable is still written (none during an ingest) and
// point reads go to the VectorRep: RocksDB's own default for point reads
// never frees the iterator it seeks, and the key type they take is not in
// RocksDB's public headers. Once RocksDB marks the memtable read-only, the
// array is sorted in place, once, and its iterators (the flush's) read it.
#ifndef KITH_ENGINE_STORE_BULK_FILL_MEMTABLE_H_
#define KITH_ENGINE_STORE_BULK_FILL_MEMTABLE_H_

#include <rocksdb/memtablerep.h>

#include <memory>

namespace kith::store {

class BulkFillMemTableFactory : public rocksdb::MemTableRepFactory {
 public:
  static const char* kClassName() { return "KithBulkFillMemTableFactory"; }
  const char* Name() const override { return kClassName(); }

  using rocksdb::MemTableRepFactory::CreateMemTableRep;
  rocksdb::MemTableRep* CreateMemTableRep(const rocksdb::MemTableRep::KeyComparator& compare,
                                          rocksdb::Allocator* allocator, const rocksdb::SliceTransform* transform,
                                          rocksdb::Logger* logger) override;
};

// Makes the factory known to RocksDB by its name, so that the OPTIONS file
// of a store it filled loads whole (LoadLatestOptions, RocksDB's tools).
// Safe to call more than once, from any thread.
void RegisterBulkFillMemTableFactory();

}  // namespace kith::store

#endif  // KITH_ENGINE_STORE_BULK_FILL_MEMTABLE_H_
