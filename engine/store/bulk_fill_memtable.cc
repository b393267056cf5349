#include "engine/store/bulk_fill_memtable.h"

#include <rocksdb/slice.h>
#include <rocksdb/utilities/object_registry.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace kith::store {
namespace {

using rocksdb::MemTableRep;
using rocksdb::Slice;
using Entries = std::vector<const char*>;

// RocksDB's internal key ends in an 8-byte tag (sequence, type).
constexpr size_t kInternalKeyTag = 8;

// Bytes [from, from + 8) of `key` as a big-endian integer; bytes past the
// key's end count as zero.
uint64_t BigEndianAt(const Slice& key, size_t from) {
  if (key.size() >= from + 8) {
    uint64_t word;
    std::memcpy(&word, key.data() + from, 8);
    return __builtin_bswap64(word);
  }
  uint64_t word = 0;
  for (size_t i = from; i < from + 8; ++i) {
    word = word << 8 | (i < key.size() ? static_cast<uint8_t>(key[i]) : 0);
  }
  return word;
}

struct SortKey {
  uint64_t high;  // User key bytes 0-7.
  uint64_t low;   // User key bytes 8-15.
  const char* entry;
};

// Sorts memtable entries into the order of `compare` (see the header for
// why the integer prefixes agree with it).
void SortEntries(Entries& entries, const MemTableRep::KeyComparator& compare) {
  std::vector<SortKey> keys;
  keys.reserve(entries.size());
  for (const char* entry : entries) {
    Slice internal_key = compare.decode_key(entry);
    Slice user_key(internal_key.data(), internal_key.size() - kInternalKeyTag);
    keys.push_back({BigEndianAt(user_key, 0), BigEndianAt(user_key, 8), entry});
  }
  std::sort(keys.begin(), keys.end(), [&compare](const SortKey& a, const SortKey& b) {
    if (a.high != b.high) return a.high < b.high;
    if (a.low != b.low) return a.low < b.low;
    return compare(a.entry, b.entry) < 0;
  });
  for (size_t i = 0; i < keys.size(); ++i) entries[i] = keys[i].entry;
}

// Iterates a sorted array that outlives it (the memtable's). Position
// size() is invalid.
class SortedIterator : public MemTableRep::Iterator {
 public:
  SortedIterator(const Entries& entries, const MemTableRep::KeyComparator& compare)
      : entries_(entries), compare_(compare), at_(entries.size()) {}

  bool Valid() const override { return at_ < entries_.size(); }
  const char* key() const override { return entries_[at_]; }
  void Next() override { ++at_; }
  void Prev() override { at_ = at_ == 0 ? entries_.size() : at_ - 1; }
  void Seek(const Slice& internal_key, const char*) override {
    auto found = std::lower_bound(entries_.begin(), entries_.end(), internal_key,
                                  [this](const char* entry, const Slice& key) { return compare_(entry, key) < 0; });
    at_ = found - entries_.begin();
  }
  void SeekForPrev(const Slice& internal_key, const char*) override {
    auto after = std::upper_bound(entries_.begin(), entries_.end(), internal_key,
                                  [this](const Slice& key, const char* entry) { return compare_(entry, key) > 0; });
    at_ = after == entries_.begin() ? entries_.size() : (after - entries_.begin()) - 1;
  }
  void SeekToFirst() override { at_ = 0; }
  void SeekToLast() override { at_ = entries_.empty() ? 0 : entries_.size() - 1; }

 private:
  const Entries& entries_;
  const MemTableRep::KeyComparator& compare_;
  size_t at_;
};

// RocksDB's vector memtable, with a second array of the same entries that
// is sorted by prefixes once the memtable is read-only. Reads of a memtable
// still written (none in a bulk fill) and point reads (`Get`, whose key
// type is not in RocksDB's public headers) go to the vector memtable; the
// iterators of a read-only memtable, which its flush asks for, read the
// second array.
class BulkFillRep : public MemTableRep {
 public:
  BulkFillRep(const KeyComparator& compare, rocksdb::Allocator* allocator, const rocksdb::SliceTransform* transform,
              rocksdb::Logger* logger)
      : MemTableRep(allocator),
        compare_(compare),
        vector_(rocksdb::VectorRepFactory().CreateMemTableRep(compare, allocator, transform, logger)) {}

  // One writer at a time (kith's bulk fill turns off concurrent memtable
  // writes), and nothing reads `entries_` until the memtable is read-only.
  void Insert(rocksdb::KeyHandle handle) override {
    vector_->Insert(handle);
    entries_.push_back(static_cast<const char*>(handle));
    entries_bytes_.store(entries_.capacity() * sizeof(const char*), std::memory_order_relaxed);
  }

  bool Contains(const char* key) const override { return vector_->Contains(key); }

  void MarkReadOnly() override {
    vector_->MarkReadOnly();
    std::lock_guard<std::mutex> lock(mutex_);
    read_only_ = true;
  }

  void Get(const rocksdb::LookupKey& key, void* callback_args,
           bool (*callback_func)(void* arg, const char* entry)) override {
    vector_->Get(key, callback_args, callback_func);
  }

  size_t ApproximateMemoryUsage() override {
    return vector_->ApproximateMemoryUsage() + entries_bytes_.load(std::memory_order_relaxed);
  }

  // With an arena, RocksDB only runs the iterator's destructor, and its
  // Arena is not in RocksDB's public headers; nor may the memtable's own
  // allocator grow once the memtable is read-only (RocksDB checks that its
  // size has not changed when it frees it). So such iterators live in
  // storage the memtable keeps and frees with itself: one per iterator, and
  // a bulk-filled memtable is iterated about once, by its flush.
  Iterator* GetIterator(rocksdb::Arena* arena) override {
    void* storage = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!read_only_) return vector_->GetIterator(arena);
      if (!sorted_) {
        SortEntries(entries_, compare_);
        sorted_ = true;
      }
      if (arena != nullptr) storage = iterator_storage_.emplace_back(std::make_unique<IteratorStorage>())->bytes;
    }
    if (storage == nullptr) return new SortedIterator(entries_, compare_);
    return new (storage) SortedIterator(entries_, compare_);
  }

 private:
  struct IteratorStorage {
    alignas(SortedIterator) std::byte bytes[sizeof(SortedIterator)];
  };

  const KeyComparator& compare_;
  const std::unique_ptr<MemTableRep> vector_;
  Entries entries_;
  std::atomic<size_t> entries_bytes_{0};
  std::mutex mutex_;  // Guards what follows.
  bool read_only_ = false;
  bool sorted_ = false;
  std::vector<std::unique_ptr<IteratorStorage>> iterator_storage_;
};

}  // namespace

rocksdb::MemTableRep* BulkFillMemTableFactory::CreateMemTableRep(const rocksdb::MemTableRep::KeyComparator& compare,
                                                                 rocksdb::Allocator* allocator,
                                                                 const rocksdb::SliceTransform* transform,
                                                                 rocksdb::Logger* logger) {
  return new BulkFillRep(compare, allocator, transform, logger);
}

void RegisterBulkFillMemTableFactory() {
  static std::once_flag once;
  std::call_once(once, [] {
    rocksdb::ObjectLibrary::Default()->AddFactory<rocksdb::MemTableRepFactory>(
        BulkFillMemTableFactory::kClassName(),
        [](const std::string&, std::unique_ptr<rocksdb::MemTableRepFactory>* guard, std::string*) {
          guard->reset(new BulkFillMemTableFactory());
          return guard->get();
        });
  });
}

}  // namespace kith::store
