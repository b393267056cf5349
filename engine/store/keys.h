// Encoding and decoding of the store's keys (the table is in store.h).
// Integers are fixed-width big-endian so that byte order is numeric order
// and prefix scans return neighbours grouped by relation.
#ifndef KITH_ENGINE_STORE_KEYS_H_
#define KITH_ENGINE_STORE_KEYS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/model.h"

namespace kith::store {

inline constexpr char kOutEdgeTag = 'O';
inline constexpr char kInEdgeTag = 'I';

void AppendU16(std::string& out, uint16_t v);
void AppendU32(std::string& out, uint32_t v);
void AppendU64(std::string& out, uint64_t v);
uint16_t ReadU16(std::string_view in);
uint32_t ReadU32(std::string_view in);
uint64_t ReadU64(std::string_view in);

// entities: id → EntityRecord; notes: id → NoteRecord.
std::string IdKey(uint64_t id);

// names: folded_name 0x00 kind:u8 id:u64 → (empty).
std::string NameKey(std::string_view folded, model::EntityKind kind, uint64_t id);
std::string NamePrefix(std::string_view folded);  // folded_name 0x00
struct NameKeyParts {
  std::string_view folded;
  model::EntityKind kind;
  uint64_t id;
};
std::optional<NameKeyParts> DecodeNameKey(std::string_view key);

// aliases: folded_alias 0x00 person:u64 note:u64 → (empty).
std::string AliasKey(std::string_view folded, uint64_t person, uint64_t note);
struct AliasKeyParts {
  std::string_view folded;
  uint64_t person;
  uint64_t note;
};
std::optional<AliasKeyParts> DecodeAliasKey(std::string_view key);

// facts: note:u64 → NoteFactsRecord (IdKey); before schema 4 note:u64
// seq:u32 → FactRecord, still read (fact_entries.h).
std::string FactKey(uint64_t note, uint32_t seq);

// edges: tag from:u64 rel:u16 to:u64 note:u64 seq:u32 → (empty), where tag
// is 'O' (from = source) or 'I' (from = destination).
struct EdgeKeyParts {
  char tag;
  uint64_t from;
  model::RelationType rel;
  uint64_t to;
  uint64_t note;
  uint32_t seq;
};
inline constexpr size_t kEdgeKeySize = 1 + 8 + 2 + 8 + 8 + 4;
std::string EdgeKey(const EdgeKeyParts& parts);
// The same bytes in a fixed buffer: an ingest writes two edge keys for most
// facts, and a 31-byte string is an allocation each.
std::array<char, kEdgeKeySize> EdgeKeyBytes(const EdgeKeyParts& parts);
// The same edge read from its other end: 'O' ↔ 'I', from ↔ to.
EdgeKeyParts EdgeTwin(const EdgeKeyParts& parts);
std::string EdgePrefix(char tag, uint64_t from);
std::string EdgePrefix(char tag, uint64_t from, model::RelationType rel);
std::optional<EdgeKeyParts> DecodeEdgeKey(std::string_view key);

// Whether a fact of `type` writes the 'I' twin of its edges. Relations
// between entities do, and DISCUSSED (a note's topics are read from the
// note). The other note relations (ATTENDED, OWNS_ACTION, MENTIONED_IN,
// HAS_EMAIL, ALSO_KNOWN_AS) do not: nothing walks them from the note, whose
// record lists its attendees and entities, and at 200k notes they were 1.35M
// of 4.0M edge keys. A store written before schema 4 keeps such in-edges
// until their notes are stored again; nothing reads them.
bool HasInEdge(model::RelationType type);

// The value of each in-edge of a fact of `type`: the fact's arguments for
// a relation between entities, nothing for a note relation.
std::string InEdgeValue(model::RelationType type, const std::vector<uint64_t>& args);
// nullopt for an empty value (an edge written before in-edges carried
// them) or one that does not decode.
std::optional<std::vector<uint64_t>> DecodeEdgeArgs(std::string_view value);

// The smallest key greater than every key that starts with `prefix`, for
// iterate_upper_bound; "" if no such key exists (all 0xFF).
std::string PrefixSuccessor(std::string prefix);

}  // namespace kith::store

#endif  // KITH_ENGINE_STORE_KEYS_H_
