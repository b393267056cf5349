// RocksDB implementation of Store and StoreReader (private to the module).
#ifndef KITH_ENGINE_STORE_ROCKS_STORE_H_
#define KITH_ENGINE_STORE_ROCKS_STORE_H_

#include <rocksdb/db.h>

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

#include "engine/store/keys.h"
#include "engine/store/store.h"
#include "records.pb.h"

namespace kith::store {

// Column family handles, in the order RocksStore opens them.
struct Families {
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  rocksdb::ColumnFamilyHandle* entities = nullptr;
  rocksdb::ColumnFamilyHandle* names = nullptr;
  rocksdb::ColumnFamilyHandle* notes = nullptr;
  rocksdb::ColumnFamilyHandle* facts = nullptr;
  rocksdb::ColumnFamilyHandle* edges = nullptr;
  rocksdb::ColumnFamilyHandle* aliases = nullptr;
  rocksdb::ColumnFamilyHandle* stamps = nullptr;
};

absl::Status FromRocks(const rocksdb::Status& status, std::string_view what);

StoredFact FactFromRecord(NodeId note, uint32_t seq, const FactRecord& record);

// The edges a fact contributes, in the 'O' direction.
std::vector<EdgeKeyParts> FactEdges(NodeId note, uint32_t seq, model::RelationType type,
                                    const std::vector<NodeId>& args);

// Meta "counts" (store_counts.cc).
inline constexpr std::string_view kCountsMeta = "counts";
// Adds `delta` to the count under `key`, dropping a count that reaches 0.
void AddCount(google::protobuf::Map<uint32_t, uint64_t>& counts, uint32_t key, int64_t delta);
StoreCounts CountsFromRecord(const CountsRecord& record);
// What meta "counts" should hold, by reading every note, fact and entity.
absl::StatusOr<CountsRecord> CountByScan(rocksdb::DB* db, const Families& families);

// Store::Check over one snapshot of `db` (rocks_check.cc).
absl::StatusOr<CheckReport> CheckStore(rocksdb::DB* db, const Families& families);

// Reads through a snapshot that it releases on destruction.
class RocksReader : public StoreReader {
 public:
  RocksReader(rocksdb::DB* db, const Families& families);
  ~RocksReader() override;

  absl::StatusOr<std::optional<EntityInfo>> Entity(NodeId id) const override;
  absl::StatusOr<std::optional<NoteInfo>> Note(NodeId id) const override;
  absl::StatusOr<std::vector<RelationEdge>> RelationEdges(NodeId node, Direction direction,
                                                          model::RelationType type) const override;
  absl::Status ForEachNoteIn(std::span<const NodeId> ascending_ids,
                             const std::function<void(size_t, NoteInfo&)>& visit) const override;
  absl::StatusOr<std::vector<EntityInfo>> FindByName(std::string_view folded) const override;
  absl::Status ForEachName(const std::function<bool(std::string_view, model::EntityKind, NodeId)>&
                               visit) const override;
  absl::StatusOr<std::vector<EntityInfo>> FindByAlias(std::string_view folded) const override;
  absl::Status ForEachAlias(const std::function<bool(std::string_view, NodeId)>& visit) const override;
  absl::StatusOr<std::vector<EdgeRef>> Edges(NodeId node, Direction direction,
                                             model::RelationType type) const override;
  absl::StatusOr<std::vector<EdgeRef>> EdgesTo(NodeId node, Direction direction, model::RelationType type,
                                               NodeId neighbour) const override;
  absl::StatusOr<std::vector<StoredFact>> NoteFacts(NodeId note) const override;
  absl::StatusOr<std::optional<StoredFact>> Fact(NodeId note, uint32_t seq) const override;
  absl::Status ForEachNote(const std::function<bool(const NoteInfo&)>& visit) const override;
  absl::Status ForEachNoteStamp(const std::function<bool(const NoteStamp&)>& visit) const override;
  absl::Status ForEachNoteNames(
      const std::function<bool(const std::string&, const extract::LearnedNames&)>& visit) const override;
  absl::StatusOr<std::optional<std::string>> Meta(std::string_view key) const override;
  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> MetaWithPrefix(
      std::string_view prefix) const override;
  absl::StatusOr<StoreCounts> Counts() const override;
  uint64_t Sequence() const override { return snapshot_->GetSequenceNumber(); }

  // The facts of `note`, entry by entry (fact_entries.h): visit(key, facts).
  // Retraction deletes exactly the keys it is shown.
  absl::Status ScanNoteFacts(NodeId note,
                             const std::function<void(std::string_view, std::vector<StoredFact>&)>& visit) const;

 private:
  // Scans keys of `family` starting with `prefix`, calling visit(key, value)
  // until it returns false.
  absl::Status Scan(rocksdb::ColumnFamilyHandle* family, const std::string& prefix,
                    const std::function<bool(std::string_view, std::string_view)>& visit) const;
  // The edges whose keys start with `prefix`, decoded.
  absl::StatusOr<std::vector<EdgeRef>> EdgesWithPrefix(const std::string& prefix) const;
  // Every note record, decoded, in id order.
  absl::Status ScanNoteRecords(const std::function<bool(NodeId, const NoteRecord&)>& visit) const;

  rocksdb::DB* db_;
  Families families_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions read_options_;
};

class SortedBatch;  // note_writer.cc
// Entity records by id, as a store that began empty holds them.
using EntityCache = absl::flat_hash_map<NodeId, EntityRecord>;

class RocksStore : public Store {
 public:
  // `compactions_deferred`: opened with StoreOptions::defer_compactions_until_write.
  // `unsorted_families`: a bit per family id whose memtable is a vector,
  // which sorts itself at flush, so writes to it need no sorting.
  RocksStore(std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*> handles,
             bool compactions_deferred, uint64_t unsorted_families = 0);
  ~RocksStore() override;

  std::unique_ptr<StoreReader> NewReader() const override;
  uint64_t LatestSequence() const override { return db_->GetLatestSequenceNumber(); }
  absl::StatusOr<CheckReport> Check() const override;
  absl::Status Backup(const std::string& dir) const override;
  absl::Status PutNotes(std::span<const NoteToStore> notes) override;
  absl::Status RestampNote(std::string_view path, const FileStamp& file) override;
  absl::Status DeleteNote(std::string_view path) override;
  absl::Status PutMeta(std::string_view key, std::string_view value) override;
  absl::Status Flush() override;

  absl::Status CheckSchema();
  // Reads meta "counts", or counts a store that predates it and stores that.
  absl::Status LoadCounts();

 private:
  // note_writer.cc: see there.
  absl::StatusOr<absl::flat_hash_map<NodeId, NoteRecord>> StoredNotes(const std::vector<std::string_view>& paths);
  absl::Status RetractInto(NodeId note, SortedBatch& batch, CountsRecord& counts);
  // Adds the note's record, stamp, facts, edges and alias keys to `batch`;
  // `ids` are its entities' ids in graph order, `entities` the same as a set.
  void WriteNoteInto(const extract::NoteGraph& graph, const std::vector<NodeId>& ids,
                     const std::set<NodeId>& entities, uint64_t content_hash, const FileStamp& file,
                     SortedBatch& batch, CountsRecord& counts);
  // Adds `counts` to `batch`, writes it, and on success keeps `counts` as
  // the store's totals.
  absl::Status WriteWithCounts(SortedBatch& batch, CountsRecord counts, std::string_view what);
  // Turns compactions on if they were deferred (see compactions_deferred_).
  absl::Status CompactFromNowOn();

  std::mutex write_mutex_;
  // Compactions are off until the first write turns them on
  // (StoreOptions::defer_compactions_until_write). Guarded by write_mutex_.
  bool compactions_deferred_;
  const uint64_t unsorted_families_;
  // The last batch written, in bytes: the next is reserved at this size.
  // Guarded by write_mutex_.
  size_t last_batch_bytes_ = 0;
  CountsRecord counts_;  // As stored in meta "counts"; guarded by write_mutex_.
  // Set when the store held no note at open: every note stored since is
  // one of these ids (this process holds the store's lock), so PutNotes
  // reads no stored copy of any other, which a store filled from empty
  // would otherwise look up, and miss, once per note. Guarded by
  // write_mutex_.
  std::optional<absl::flat_hash_set<NodeId>> written_notes_;
  // Set at the same time: every entity stored is one this process wrote
  // (entities are written only with notes), so their records are kept
  // here as written and PutNotes reads none back from the store. That is
  // what lets a new store gather entities in a vector memtable too.
  // Guarded by write_mutex_.
  std::optional<EntityCache> written_entities_;
  const EntityCache* WrittenEntities() const { return written_entities_ ? &*written_entities_ : nullptr; }
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  Families families_;
};

}  // namespace kith::store

#endif  // KITH_ENGINE_STORE_ROCKS_STORE_H_
