// The store's running totals (meta "counts"): how they are kept, read, and
// recomputed from the records when a store predates them.
#include <rocksdb/iterator.h>

#include <memory>

#include "absl/strings/str_cat.h"

#include "engine/store/fact_entries.h"
#include "engine/store/rocks_store.h"
#include "engine/util/status_macros.h"

namespace kith::store {

void AddCount(google::protobuf::Map<uint32_t, uint64_t>& counts, uint32_t key, int64_t delta) {
  const int64_t updated = static_cast<int64_t>(counts[key]) + delta;
  // Below zero only if the record was wrong; `kith check` reports that.
  if (updated <= 0) {
    counts.erase(key);
  } else {
    counts[key] = static_cast<uint64_t>(updated);
  }
}

uint64_t StoreCounts::AllFacts() const {
  uint64_t all = 0;
  for (const auto& [type, n] : facts) all += n;
  return all;
}

uint64_t StoreCounts::AllEntities() const {
  uint64_t all = 0;
  for (const auto& [kind, n] : entities) all += n;
  return all;
}

StoreCounts CountsFromRecord(const CountsRecord& record) {
  StoreCounts counts;
  counts.notes = record.notes();
  for (const auto& [type, n] : record.facts()) counts.facts[static_cast<model::RelationType>(type)] = n;
  for (const auto& [kind, n] : record.entities()) counts.entities[static_cast<model::EntityKind>(kind)] = n;
  return counts;
}

namespace {

// Calls tally(record) for every record of `family`, decoded as a `Record`.
template <typename Record, typename Tally>
absl::Status ScanRecords(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family, const char* what, Tally tally) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, family));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    Record record;
    if (!record.ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
      return absl::DataLossError(absl::StrCat("a ", what, " record does not decode"));
    }
    tally(record);
  }
  return FromRocks(it->status(), "cannot count the store");
}

}  // namespace

absl::StatusOr<CountsRecord> CountByScan(rocksdb::DB* db, const Families& families) {
  CountsRecord counts;
  RETURN_IF_ERROR(ScanRecords<NoteRecord>(db, families.notes, "note",
                                          [&](const NoteRecord&) { counts.set_notes(counts.notes() + 1); }));
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, families.facts));
  std::vector<std::pair<uint32_t, FactRecord>> records;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    records.clear();
    if (!DecodeFactsEntry(it->key().ToStringView(), it->value().ToStringView(), records)) {
      return absl::DataLossError("a fact record does not decode");
    }
    for (const auto& [seq, fact] : records) AddCount(*counts.mutable_facts(), fact.type(), 1);
  }
  RETURN_IF_ERROR(FromRocks(it->status(), "cannot count the store"));
  RETURN_IF_ERROR(ScanRecords<EntityRecord>(db, families.entities, "entity", [&](const EntityRecord& e) {
    AddCount(*counts.mutable_entities(), e.kind(), 1);
  }));
  return counts;
}

}  // namespace kith::store
