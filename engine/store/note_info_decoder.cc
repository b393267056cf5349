#include "engine/store/note_info_decoder.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <string>

namespace kith::store {
namespace {

using google::protobuf::io::CodedInputStream;
using google::protobuf::internal::WireFormatLite;

// NoteRecord's field numbers (records.proto) that NoteInfo holds.
enum NoteField : int {
  kPath = 1,
  kTitle = 2,
  kType = 3,
  kHasDate = 4,
  kDate = 5,
  kContentHash = 6,
  kAttendees = 7,
  kFactCount = 9,
};

bool ReadString(CodedInputStream& in, std::string& out) {
  uint32_t size = 0;
  return in.ReadVarint32(&size) && in.ReadString(&out, static_cast<int>(size));
}

// Attendees are a packed list; a writer may also send them one by one, and
// proto3 parsers accept both.
bool ReadAttendees(CodedInputStream& in, WireFormatLite::WireType wire_type, std::vector<NodeId>& out) {
  uint64_t id = 0;
  if (wire_type == WireFormatLite::WIRETYPE_FIXED64) {
    if (!in.ReadLittleEndian64(&id)) return false;
    out.push_back(id);
    return true;
  }
  uint32_t size = 0;
  if (!in.ReadVarint32(&size) || size % 8 != 0) return false;
  out.reserve(out.size() + size / 8);
  for (uint32_t read = 0; read < size; read += 8) {
    if (!in.ReadLittleEndian64(&id)) return false;
    out.push_back(id);
  }
  return true;
}

bool ReadField(CodedInputStream& in, uint32_t tag, NoteInfo& note, bool& has_date, int32_t& date) {
  const int field = WireFormatLite::GetTagFieldNumber(tag);
  const WireFormatLite::WireType wire_type = WireFormatLite::GetTagWireType(tag);
  uint32_t small = 0;
  uint64_t large = 0;
  switch (field) {
    case kPath:
    case kTitle:
    case kType:
      if (wire_type != WireFormatLite::WIRETYPE_LENGTH_DELIMITED) break;
      return ReadString(in, field == kPath ? note.path : field == kTitle ? note.title : note.type);
    case kHasDate:
      if (wire_type != WireFormatLite::WIRETYPE_VARINT) break;
      if (!in.ReadVarint64(&large)) return false;
      has_date = large != 0;
      return true;
    case kDate:
      if (wire_type != WireFormatLite::WIRETYPE_VARINT) break;
      if (!in.ReadVarint64(&large)) return false;
      date = static_cast<int32_t>(large);  // int32 is sent sign-extended to 64 bits.
      return true;
    case kContentHash:
      if (wire_type != WireFormatLite::WIRETYPE_FIXED64) break;
      return in.ReadLittleEndian64(&note.content_hash);
    case kAttendees:
      if (wire_type != WireFormatLite::WIRETYPE_FIXED64 && wire_type != WireFormatLite::WIRETYPE_LENGTH_DELIMITED) break;
      return ReadAttendees(in, wire_type, note.attendees);
    case kFactCount:
      if (wire_type != WireFormatLite::WIRETYPE_VARINT) break;
      if (!in.ReadVarint32(&small)) return false;
      note.fact_count = small;
      return true;
    default:
      break;
  }
  // Another field, or one of these with a wire type it cannot have, which
  // protobuf's own parser keeps aside as unknown.
  return WireFormatLite::SkipField(&in, tag);
}

}  // namespace

std::optional<NoteInfo> DecodeNoteInfo(NodeId id, std::string_view bytes) {
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()), static_cast<int>(bytes.size()));
  NoteInfo note;
  note.id = id;
  bool has_date = false;
  int32_t date = 0;
  while (uint32_t tag = in.ReadTag()) {
    if (!ReadField(in, tag, note, has_date, date)) return std::nullopt;
  }
  // ReadTag gives 0 both at the end and on a malformed tag.
  if (!in.ConsumedEntireMessage()) return std::nullopt;
  if (has_date) note.date = date;
  return note;
}

}  // namespace kith::store
