// Small string helpers shared by the parser, the extractor and the store.
// All functions take and return UTF-8.
#ifndef KITH_ENGINE_UTIL_TEXT_H_
#define KITH_ENGINE_UTIL_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::util {

// Strips ASCII white space (and a trailing '\r') from both ends.
std::string_view Trim(std::string_view s);

// Splits on `sep`, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view s, char sep);

// Inline: extraction asks these millions of times per ingest, mostly
// with literals whose length the compiler then knows.
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The lookup key for a name: case folded, diacritics removed (NFKD then
// marks dropped), runs of white space collapsed to one ASCII space, trimmed.
// "  Zoë   O'Brien" and "zoe o'brien" fold to the same key.
std::string FoldName(std::string_view name);

// FoldName's key kept inline when the name is short and ASCII, as nearly
// every name a query asks about is: a lookup folds one or two names per
// call, and a string of its own for each was a tenth of a quiet pair's
// shared-history answer.
class FoldedName {
 public:
  explicit FoldedName(std::string_view name);
  FoldedName(const FoldedName&) = delete;
  FoldedName& operator=(const FoldedName&) = delete;

  std::string_view view() const { return heap_.empty() ? std::string_view(inline_, size_) : heap_; }

 private:
  char inline_[64];
  size_t size_ = 0;
  std::string heap_;  // The name folded, when not inline.
};

// True if `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Repairs a line whose UTF-8 was once decoded as Mac OS Roman or Windows-1252
// and encoded again ("ðŸ“…" or "üìÖ" for a calendar emoji). nullopt (the
// line stands as written) unless every non-ASCII character maps back to a
// single byte in one of those code pages and the bytes form valid UTF-8
// that differs from the input; a genuine "é" therefore survives. Nearly
// every line stands: it costs no copy then.
std::optional<std::string> RepairMojibake(std::string_view line);

// Levenshtein distance over bytes, giving up (returning `limit` + 1) as soon
// as the distance must exceed `limit`.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace kith::util

#endif  // KITH_ENGINE_UTIL_TEXT_H_
