#include "engine/store/keys.h"

namespace kith::store {
namespace {

// The low `bytes` bytes of `v`, big-endian, at `out`; returns the end.
char* PutBigEndian(char* out, uint64_t v, int bytes) {
  for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) *out++ = static_cast<char>(v >> shift);
  return out;
}

void AppendBigEndian(std::string& out, uint64_t v, int bytes) {
  char buffer[8];
  out.append(buffer, PutBigEndian(buffer, v, bytes) - buffer);
}

}  // namespace

void AppendU16(std::string& out, uint16_t v) { AppendBigEndian(out, v, 2); }

void AppendU32(std::string& out, uint32_t v) { AppendBigEndian(out, v, 4); }

void AppendU64(std::string& out, uint64_t v) { AppendBigEndian(out, v, 8); }

uint16_t ReadU16(std::string_view in) {
  return static_cast<uint16_t>((static_cast<uint8_t>(in[0]) << 8) | static_cast<uint8_t>(in[1]));
}

uint32_t ReadU32(std::string_view in) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(in[i]);
  return v;
}

uint64_t ReadU64(std::string_view in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(in[i]);
  return v;
}

std::string IdKey(uint64_t id) {
  std::string key;
  AppendU64(key, id);
  return key;
}

std::string NamePrefix(std::string_view folded) {
  std::string key(folded);
  key += '\0';
  return key;
}

std::string NameKey(std::string_view folded, model::EntityKind kind, uint64_t id) {
  std::string key = NamePrefix(folded);
  key += static_cast<char>(kind);
  AppendU64(key, id);
  return key;
}

std::optional<NameKeyParts> DecodeNameKey(std::string_view key) {
  // Folded names never hold NUL (FoldName keeps UTF-8 text only), so the
  // separator is at a fixed distance from the end.
  if (key.size() < 10 || key[key.size() - 10] != '\0') return std::nullopt;
  NameKeyParts parts;
  parts.folded = key.substr(0, key.size() - 10);
  parts.kind = static_cast<model::EntityKind>(static_cast<uint8_t>(key[key.size() - 9]));
  parts.id = ReadU64(key.substr(key.size() - 8));
  return parts;
}

std::string AliasKey(std::string_view folded, uint64_t person, uint64_t note) {
  std::string key(folded);
  key.push_back('\0');
  AppendU64(key, person);
  AppendU64(key, note);
  return key;
}

std::optional<AliasKeyParts> DecodeAliasKey(std::string_view key) {
  // As for names: the separator sits at a fixed distance from the end.
  if (key.size() < 17 || key[key.size() - 17] != '\0') return std::nullopt;
  return AliasKeyParts{key.substr(0, key.size() - 17), ReadU64(key.substr(key.size() - 16)),
                       ReadU64(key.substr(key.size() - 8))};
}

std::string FactKey(uint64_t note, uint32_t seq) {
  std::string key;
  AppendU64(key, note);
  AppendU32(key, seq);
  return key;
}

std::string EdgePrefix(char tag, uint64_t from) {
  std::string key(1, tag);
  AppendU64(key, from);
  return key;
}

std::string EdgePrefix(char tag, uint64_t from, model::RelationType rel) {
  std::string key = EdgePrefix(tag, from);
  AppendU16(key, static_cast<uint16_t>(rel));
  return key;
}

std::string EdgeKey(const EdgeKeyParts& parts) {
  const std::array<char, kEdgeKeySize> bytes = EdgeKeyBytes(parts);
  return std::string(bytes.data(), bytes.size());
}

std::array<char, kEdgeKeySize> EdgeKeyBytes(const EdgeKeyParts& parts) {
  std::array<char, kEdgeKeySize> key;
  char* at = key.data();
  *at++ = parts.tag;
  at = PutBigEndian(at, parts.from, 8);
  at = PutBigEndian(at, static_cast<uint16_t>(parts.rel), 2);
  at = PutBigEndian(at, parts.to, 8);
  at = PutBigEndian(at, parts.note, 8);
  PutBigEndian(at, parts.seq, 4);
  return key;
}

std::optional<EdgeKeyParts> DecodeEdgeKey(std::string_view key) {
  if (key.size() != kEdgeKeySize || (key[0] != kOutEdgeTag && key[0] != kInEdgeTag)) {
    return std::nullopt;
  }
  EdgeKeyParts parts;
  parts.tag = key[0];
  parts.from = ReadU64(key.substr(1));
  parts.rel = static_cast<model::RelationType>(ReadU16(key.substr(9)));
  parts.to = ReadU64(key.substr(11));
  parts.note = ReadU64(key.substr(19));
  parts.seq = ReadU32(key.substr(27));
  return parts;
}

EdgeKeyParts EdgeTwin(const EdgeKeyParts& parts) {
  return {parts.tag == kOutEdgeTag ? kInEdgeTag : kOutEdgeTag, parts.to, parts.rel, parts.from, parts.note, parts.seq};
}

bool HasInEdge(model::RelationType type) {
  return !model::IsNoteRelation(type) || type == model::RelationType::kDiscussed;
}

std::string InEdgeValue(model::RelationType type, const std::vector<uint64_t>& args) {
  std::string value;
  if (model::IsNoteRelation(type)) return value;
  value.reserve(args.size() * 8);
  for (uint64_t arg : args) AppendU64(value, arg);
  return value;
}

std::optional<std::vector<uint64_t>> DecodeEdgeArgs(std::string_view value) {
  if (value.empty() || value.size() % 8 != 0) return std::nullopt;
  std::vector<uint64_t> args;
  args.reserve(value.size() / 8);
  for (size_t at = 0; at < value.size(); at += 8) args.push_back(ReadU64(value.substr(at)));
  return args;
}

std::string PrefixSuccessor(std::string prefix) {
  while (!prefix.empty()) {
    unsigned char last = static_cast<unsigned char>(prefix.back());
    if (last != 0xFF) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

}  // namespace kith::store
