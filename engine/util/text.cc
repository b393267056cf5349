#include "engine/util/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "engine/util/code_pages.h"

namespace kith::util {
namespace {

// The length of the ASCII run `s` starts with, read eight bytes at a time:
// notes are mostly ASCII, and a byte-by-byte test costs a branch per byte.
size_t AsciiPrefix(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool IsAscii(std::string_view s) { return AsciiPrefix(s) == s.size(); }

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Maps each code point of `line` back to a byte of the code page `high`;
// nullopt if some character has no byte there.
std::optional<std::string> EncodeInCodePage(std::string_view line,
                                            const char32_t* high) {
  // Mojibake is rare: learn whether every non-ASCII character maps before
  // copying the line, so that a genuine "📅" fails without a copy.
  for (size_t i = AsciiPrefix(line); i < line.size(); i += AsciiPrefix(line.substr(i))) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(line.data() + i),
                                          static_cast<utf8proc_ssize_t>(line.size() - i), &cp);
    if (n <= 0 || std::find(high, high + 128, static_cast<char32_t>(cp)) == high + 128) return std::nullopt;
    i += static_cast<size_t>(n);
  }
  std::string bytes;
  bytes.reserve(line.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(line.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(line.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return std::nullopt;
    if (cp < 0x80) {
      bytes += static_cast<char>(cp);
    } else {
      const char32_t* end = high + 128;
      const char32_t* hit = std::find(high, end, static_cast<char32_t>(cp));
      if (hit == end) return std::nullopt;
      bytes += static_cast<char>(0x80 + (hit - high));
    }
    p += n;
    left -= n;
  }
  return bytes;
}

// Normalises typographic variants that people type interchangeably in names.
std::string FoldPunctuation(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // Unreachable for utf8proc output; keep the byte anyway.
      out += static_cast<char>(*p);
      ++p;
      --left;
      continue;
    }
    if (cp >= 0x2010 && cp <= 0x2015) cp = '-';
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) cp = '\'';
    AppendUtf8(static_cast<char32_t>(cp), out);
    p += n;
    left -= n;
  }
  return out;
}

// A repaired line must read as text: no control characters, unassigned or
// private-use code points, or combining marks. Mis-reading the bytes with the
// wrong code page tends to produce exactly those (Mac Roman turns the
// Windows-1252 mojibake "Ã©" into U+0329, a combining mark).
bool LooksLikeText(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    if (cp >= 0x80) {
      utf8proc_category_t category = utf8proc_category(cp);
      if (category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_CC ||
          category == UTF8PROC_CATEGORY_CO || category == UTF8PROC_CATEGORY_CN) {
        return false;
      }
    }
    p += n;
    left -= n;
  }
  return true;
}

// Runs of white space become one space; none at either end.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Lower-cases A-Z and collapses white space as CollapseSpaces does, into
// `out` (room for s.size() bytes); returns the folded length.
size_t FoldAsciiInto(std::string_view s, char* out) {
  size_t n = 0;
  bool pending_space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      pending_space = n > 0;
      continue;
    }
    if (pending_space) out[n++] = ' ';
    pending_space = false;
    out[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return n;
}

// FoldAsciiInto in one pass into one allocation.
std::string FoldAscii(std::string_view s) {
  std::string out(s.size(), '\0');
  out.resize(FoldAsciiInto(s, out.data()));
  return out;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string FoldName(std::string_view name) {
  // Most names are ASCII: fold them in one pass without utf8proc, which
  // costs a decomposition per character.
  if (IsAscii(name)) return FoldAscii(name);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
      static_cast<utf8proc_ssize_t>(name.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                     UTF8PROC_STABLE));
  // Invalid UTF-8: fold what ASCII there is rather than fail a lookup.
  std::string folded =
      n >= 0 ? CollapseSpaces(FoldPunctuation(std::string_view(reinterpret_cast<const char*>(mapped), n)))
             : FoldAscii(name);
  std::free(mapped);
  return folded;
}

FoldedName::FoldedName(std::string_view name) {
  if (name.size() <= sizeof inline_ && IsAscii(name)) {
    size_ = FoldAsciiInto(name, inline_);
  } else {
    heap_ = FoldName(name);
  }
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    i += AsciiPrefix(s.substr(i));  // Fast path: most text is ASCII.
    if (i == s.size()) break;
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

std::optional<std::string> RepairMojibake(std::string_view line) {
  const size_t ascii = AsciiPrefix(line);
  if (ascii == line.size()) return std::nullopt;
  // A byte from 0xF0 up starts a character beyond U+FFFF (an emoji, such
  // as a task's date mark) or no character at all: neither code page has
  // a byte for it, so there is nothing to repair, and no need to decode
  // the line twice to learn that.
  if (std::any_of(line.begin() + static_cast<long>(ascii), line.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0xF0; })) {
    return std::nullopt;
  }
  for (const char32_t* table : {kMacRomanHigh, kWindows1252High}) {
    std::optional<std::string> bytes = EncodeInCodePage(line, table);
    if (bytes && *bytes != line && IsValidUtf8(*bytes) && LooksLikeText(*bytes)) {
      return bytes;
    }
  }
  return std::nullopt;
}

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  int len_gap = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (std::abs(len_gap) > limit) return limit + 1;
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], limit + 1);
}

}  // namespace kith::util
