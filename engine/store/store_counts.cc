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

// Calls decode(key, value) for every entry of `family`; DataLoss naming
// `what` at the first entry decode returns false for.
template <typename Decode>
absl::Status ScanEntries(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family, const char* what, Decode decode) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, family));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (!decode(it->key().ToStringView(), it->value().ToStringView())) {
      return absl::DataLossError(absl::StrCat("a ", what, " record does not decode"));
    }
  }
  return FromRocks(it->status(), "cannot count the store");
}

// Calls tally(record) for every record of `family`, decoded as a `Record`.
template <typename Record, typename Tally>
absl::Status ScanRecords(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family, const char* what, Tally tally) {
  return ScanEntries(db, family, what, [&](std::string_view, std::string_view value) {
    Record record;
    if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) return false;
    tally(record);
    return true;
  });
}

}  // namespace

absl::StatusOr<CountsRecord> CountByScan(rocksdb::DB* db, const Families& families) {
  CountsRecord counts;
  RETURN_IF_ERROR(ScanRecords<NoteRecord>(db, families.notes, "note",
                                          [&](const NoteRecord&) { counts.set_notes(counts.notes() + 1); }));
  std::vector<std::pair<uint32_t, FactRecord>> records;
  RETURN_IF_ERROR(ScanEntries(db, families.facts, "fact", [&](std::string_view key, std::string_view value) {
    records.clear();
    if (!DecodeFactsEntry(key, value, records)) return false;
    for (const auto& [seq, fact] : records) AddCount(*counts.mutable_facts(), fact.type(), 1);
    return true;
  }));
  RETURN_IF_ERROR(ScanRecords<EntityRecord>(db, families.entities, "entity", [&](const EntityRecord& e) {
    AddCount(*counts.mutable_entities(), e.kind(), 1);
  }));
  return counts;
}

}  // namespace kith::store
