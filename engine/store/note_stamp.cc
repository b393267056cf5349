#include "engine/store/note_stamp.h"

#include "engine/store/keys.h"

namespace kith::store {
namespace {

constexpr size_t kFixedSize = 8 + 8 + 8 + 8 + 1 + 4;

}  // namespace

std::string EncodeNoteStamp(const NoteStamp& stamp) {
  std::string out;
  out.reserve(kFixedSize + stamp.path.size());
  AppendU64(out, stamp.content_hash);
  AppendU64(out, stamp.file.raw_hash);
  AppendU64(out, stamp.file.size);
  AppendU64(out, static_cast<uint64_t>(stamp.file.mtime_ns));
  out += static_cast<char>(stamp.date.has_value());
  AppendU32(out, static_cast<uint32_t>(stamp.date.value_or(0)));
  out.append(stamp.path);
  return out;
}

std::optional<NoteStamp> DecodeNoteStamp(std::string_view value) {
  if (value.size() < kFixedSize) return std::nullopt;
  NoteStamp stamp;
  stamp.content_hash = ReadU64(value.substr(0));
  stamp.file.raw_hash = ReadU64(value.substr(8));
  stamp.file.size = ReadU64(value.substr(16));
  stamp.file.mtime_ns = static_cast<int64_t>(ReadU64(value.substr(24)));
  if (value[32] > 1) return std::nullopt;
  if (value[32] == 1) stamp.date = static_cast<int32_t>(ReadU32(value.substr(33)));
  stamp.path = value.substr(kFixedSize);
  return stamp;
}

}  // namespace kith::store
