#include "engine/extract/person_name.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

constexpr size_t kMaxNameBytes = 60;
constexpr int kMaxNameWords = 5;

// Words that make a name a group's ("Sales team"). An array of
// string_views, not a braced list in the loop: that measured strlen on
// every word of every name (1.6 % of an ingest's instructions).
constexpr std::string_view kGroupWords[] = {
    "team", "teams", "group", "org", "leadership", "department", "folks", "sales", "marketing", "engineering",
    "support", "operations", "finance", "legal", "ops", "hr", "security", "alliances", "partnerships"};

// Bytes no person's name holds: digits and the markup of links, tags,
// paths and addresses.
constexpr std::array<bool, 256> kNotInNames = [] {
  std::array<bool, 256> table{};
  for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (char c : std::string_view("_@/\\[]{}|#=")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool IsUpperStart(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  // Non-ASCII letters (Å, Ö, Ł...) start with bytes 0xC3..0xDF; treat them as
  // capitals since lower-case-initial names are rare and ASCII covers most.
  return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xDF);
}

// Removes every "( ... )" group: remarks such as "(last name not stated)".
std::string StripParentheticals(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// True if `word`, lower-cased, is `lower`.
bool EqualsAsciiLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
  }
  return true;
}

}  // namespace

bool IsPluralAcronym(std::string_view word) {
  if (word.size() < 3 || word.back() != 's' || word.find(' ') != std::string_view::npos) return false;
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    if (word[i] < 'A' || word[i] > 'Z') return false;
  }
  return true;
}

bool IsSelfReference(std::string_view name) {
  // "myself" is the longest: an ASCII name longer than that, spaces
  // trimmed, folds to something else, and most names are such.
  const std::string_view trimmed = util::Trim(name);
  auto ascii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
  if (trimmed.size() > 6 && std::all_of(trimmed.begin(), trimmed.end(), ascii)) return false;
  std::string folded = util::FoldName(name);
  return folded == "myself" || folded == "me" || folded == "i";
}

absl::StatusOr<std::string> CleanPersonName(std::string_view raw) {
  std::string_view s = util::Trim(raw);
  if (util::StartsWith(s, "[[") && util::EndsWith(s, "]]")) {
    s = s.substr(2, s.size() - 4);
    s = s.substr(0, s.find('|'));  // "[[Target|shown text]]" names Target.
  }
  if (size_t lt = s.find('<'); lt != std::string_view::npos && lt > 0) {
    s = s.substr(0, lt);  // "Name <address>"
  }
  // Most names have no remark: no copy without one.
  std::string cleaned;
  if (s.find('(') != std::string_view::npos) {
    cleaned = StripParentheticals(s);
    s = cleaned;
  }
  std::string_view name = util::Trim(s);
  while (!name.empty() && (name.front() == '"' || name.front() == '\'' || name.front() == '@')) {
    name.remove_prefix(1);
  }
  while (!name.empty() && (name.back() == '"' || name.back() == '\'' || name.back() == ',' ||
                           name.back() == '.' || name.back() == ':')) {
    name.remove_suffix(1);
  }
  name = util::Trim(name);
  if (name.empty()) return absl::InvalidArgumentError("empty name");
  if (name.size() > kMaxNameBytes) {
    return absl::InvalidArgumentError(absl::StrCat("'", std::string(name), "' is too long for a name"));
  }
  if (std::any_of(name.begin(), name.end(), [](char c) { return kNotInNames[static_cast<unsigned char>(c)]; })) {
    return absl::InvalidArgumentError(absl::StrCat("'", std::string(name), "' is not a person's name"));
  }
  std::string collapsed;
  int words = 0;
  for (size_t begin = 0, end = 0; begin < name.size(); begin = end + 1) {
    end = std::min(name.find(' ', begin), name.size());
    const std::string_view word = name.substr(begin, end - begin);
    if (word.empty()) continue;
    // A printable ASCII word folds to its lower case; only others need
    // FoldName (its allocation showed in ingest profiles).
    const bool plain = std::all_of(word.begin(), word.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
    const std::string folded_word = plain ? std::string() : util::FoldName(word);
    for (std::string_view group : kGroupWords) {
      if (plain ? EqualsAsciiLower(word, group) : folded_word == group) {
        return absl::InvalidArgumentError(absl::StrCat("'", std::string(name), "' names a group, not a person"));
      }
    }
    if (++words > kMaxNameWords) {
      return absl::InvalidArgumentError(absl::StrCat("'", std::string(name), "' has too many words for a name"));
    }
    if (!collapsed.empty()) collapsed += ' ';
    collapsed += word;
  }
  if (IsPluralAcronym(collapsed)) {
    return absl::InvalidArgumentError(absl::StrCat("'", collapsed, "' is a plural acronym, not a name"));
  }
  if (!IsUpperStart(collapsed) && !IsSelfReference(collapsed)) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", collapsed, "' does not start with a capital, so is not read as a name"));
  }
  return collapsed;
}

}  // namespace kith::extract
