#include "engine/store/fact_entries.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include "engine/store/keys.h"

namespace kith::store {

namespace {

using google::protobuf::internal::WireFormatLite;

constexpr uint32_t kFactsTag = WireFormatLite::MakeTag(NoteFactsRecord::kFactsFieldNumber,
                                                       WireFormatLite::WIRETYPE_LENGTH_DELIMITED);

}  // namespace

bool DecodeFactsEntry(std::string_view key, std::string_view value,
                      std::vector<std::pair<uint32_t, FactRecord>>& out) {
  if (key.size() == 12) {
    FactRecord record;
    if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) return false;
    out.emplace_back(ReadU32(key.substr(8)), std::move(record));
    return true;
  }
  if (key.size() != 8) return false;
  NoteFactsRecord note;
  if (!note.ParseFromArray(value.data(), static_cast<int>(value.size()))) return false;
  out.reserve(out.size() + note.facts_size());
  for (int i = 0; i < note.facts_size(); ++i) out.emplace_back(static_cast<uint32_t>(i), std::move(*note.mutable_facts(i)));
  return true;
}

absl::StatusOr<std::optional<std::string_view>> NthFactBytes(std::string_view note_facts, uint32_t seq) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(note_facts.data()),
                                            static_cast<int>(note_facts.size()));
  const int size = static_cast<int>(note_facts.size());
  uint32_t index = 0;
  while (in.CurrentPosition() < size) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) break;
    if (tag != kFactsTag) {
      // A field a later schema may add: step over it.
      if (!WireFormatLite::SkipField(&in, tag)) break;
      continue;
    }
    uint32_t length = 0;
    if (!in.ReadVarint32(&length) || length > static_cast<uint32_t>(size - in.CurrentPosition())) break;
    if (index++ == seq) return note_facts.substr(static_cast<size_t>(in.CurrentPosition()), length);
    if (!in.Skip(static_cast<int>(length))) break;
  }
  if (in.CurrentPosition() == size) return std::nullopt;
  return absl::DataLossError("a note's facts record does not decode");
}

}  // namespace kith::store
