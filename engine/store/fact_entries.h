// The values of the facts family (table in store.h). Since schema 4 a note's
// facts are one entry, note:u64 → NoteFactsRecord, a fact's seq being its
// index there; a store written before keeps one entry per fact, note:u64
// seq:u32 → FactRecord, until its notes are stored again. Both are read.
//
// Why one entry per note: a note has about ten facts and they are written,
// replaced and mostly read together. At 200k notes the per-fact layout was
// 2.0M of the store's 6.5M keys, and every key costs a memtable insert, a
// place in a flush's sort and in each compaction's merge; one entry per note
// took a sixth off an ingest's CPU (0.83×, two alternated pairs).
#ifndef KITH_ENGINE_STORE_FACT_ENTRIES_H_
#define KITH_ENGINE_STORE_FACT_ENTRIES_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "records.pb.h"

namespace kith::store {

// Appends the (seq, record) pairs one facts entry holds; false if its key
// has neither layout's size or its value does not decode.
bool DecodeFactsEntry(std::string_view key, std::string_view value,
                      std::vector<std::pair<uint32_t, FactRecord>>& out);

// The serialized FactRecord of fact `seq` in a NoteFactsRecord, found by
// skipping the facts before it undecoded; nullopt when the note has fewer
// facts, DataLoss when the value is malformed.
absl::StatusOr<std::optional<std::string_view>> NthFactBytes(std::string_view note_facts, uint32_t seq);

}  // namespace kith::store

#endif  // KITH_ENGINE_STORE_FACT_ENTRIES_H_
