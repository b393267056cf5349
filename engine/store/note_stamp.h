// The value of the stamps family (table in store.h): what a sync needs of
// a stored note to decide on its file without reading it.
//   content_hash:u64 raw_hash:u64 size:u64 mtime_ns:u64 has_date:u8
//   date:u32 path (the rest of the value)
// Fixed-width big-endian, like the keys; no protobuf, since a sync decodes
// every stamp of the vault and needs no field ever added to it.
#ifndef KITH_ENGINE_STORE_NOTE_STAMP_H_
#define KITH_ENGINE_STORE_NOTE_STAMP_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/store/store.h"

namespace kith::store {

std::string EncodeNoteStamp(const NoteStamp& stamp);

// nullopt if `value` is shorter than the fixed part. The path points into
// `value`.
std::optional<NoteStamp> DecodeNoteStamp(std::string_view value);

}  // namespace kith::store

#endif  // KITH_ENGINE_STORE_NOTE_STAMP_H_
