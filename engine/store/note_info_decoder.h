// Decodes the part of a stored NoteRecord that queries read (NoteInfo)
// straight from its wire bytes.
//
// A note record also carries what only ingest reads: every entity the note
// names and the names it teaches the gazetteer, which are most of its bytes
// for a meeting note. Parsing the whole record allocated and filled those
// for each of a hub's 100k notes on every store-side who-knows; this reader
// skips them without allocating.
#ifndef KITH_ENGINE_STORE_NOTE_INFO_DECODER_H_
#define KITH_ENGINE_STORE_NOTE_INFO_DECODER_H_

#include <optional>
#include <string_view>

#include "engine/store/store.h"

namespace kith::store {

// nullopt if `bytes` is not a well-formed NoteRecord; else the fields
// protobuf's own parse of the record gives.
std::optional<NoteInfo> DecodeNoteInfo(NodeId id, std::string_view bytes);

}  // namespace kith::store

#endif  // KITH_ENGINE_STORE_NOTE_INFO_DECODER_H_
