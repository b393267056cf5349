#include "engine/note/task_line.h"

#include <algorithm>
#include <string>

#include "engine/util/date.h"
#include "engine/util/text.h"

namespace kith::note {
namespace {

enum class Marker { kDue, kDone, kOtherDate, kPriority };

struct MarkerSpec {
  std::string_view emoji;
  Marker kind;
  TaskPriority priority;
};

// The Obsidian Tasks vocabulary. Dates follow the date markers; priority
// markers stand alone.
constexpr MarkerSpec kMarkers[] = {
    {"\U0001F4C5", Marker::kDue, TaskPriority::kNone},        // 📅 due
    {"\u2705", Marker::kDone, TaskPriority::kNone},           // ✅ done
    {"\u23F3", Marker::kOtherDate, TaskPriority::kNone},      // ⏳ scheduled
    {"\U0001F6EB", Marker::kOtherDate, TaskPriority::kNone},  // 🛫 start
    {"\u2795", Marker::kOtherDate, TaskPriority::kNone},      // ➕ created
    {"\u274C", Marker::kOtherDate, TaskPriority::kNone},      // ❌ cancelled
    {"\U0001F53A", Marker::kPriority, TaskPriority::kHighest},  // 🔺
    {"\u23EB", Marker::kPriority, TaskPriority::kHigh},         // ⏫
    {"\U0001F53C", Marker::kPriority, TaskPriority::kMedium},   // 🔼
    {"\U0001F53D", Marker::kPriority, TaskPriority::kLow},      // 🔽
    {"\u23EC", Marker::kPriority, TaskPriority::kLowest},       // ⏬
};

TaskStatus StatusOf(char box) {
  switch (box) {
    case ' ': return TaskStatus::kOpen;
    case 'x':
    case 'X': return TaskStatus::kDone;
    case '?': return TaskStatus::kProposed;
    case '-': return TaskStatus::kCancelled;
    case '/': return TaskStatus::kInProgress;
    default: return TaskStatus::kOther;
  }
}

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// A word of an owner name: starts with a letter (or any non-ASCII byte, for
// names like "Åsa"), and holds no marker or tag.
bool IsOwnerWord(std::string_view word) {
  if (word.empty()) return false;
  unsigned char first = static_cast<unsigned char>(word[0]);
  if (!(IsAsciiLetter(word[0]) || first >= 0xC3)) return false;
  if (first >= 0xE2) return false;  // Emoji and symbols start with E2..F0.
  return word.find('#') == std::string_view::npos;
}

bool IsGroupWord(std::string_view word) {
  for (std::string_view w : {"team", "teams", "group", "org", "leadership", "folks", "crew"}) {
    if (word == w) return true;
  }
  return false;
}

// Reads "@First Last" starting at `at` (the '@'). Owner names are capitalised
// words; the first lower-case word ends the name, so "@Rob Banga to review"
// yields "Rob Banga".
std::pair<std::string, size_t> ReadOwner(std::string_view rest, size_t at) {
  std::string owner;
  size_t pos = at + 1;
  size_t end = pos;
  for (int words = 0; words < 4 && pos < rest.size(); ++words) {
    size_t stop = rest.find(' ', pos);
    if (stop == std::string_view::npos) stop = rest.size();
    std::string_view word = rest.substr(pos, stop - pos);
    while (!word.empty() && (word.back() == ',' || word.back() == '.' ||
                             word.back() == ';' || word.back() == ':')) {
      word.remove_suffix(1);
    }
    if (words > 0 && IsGroupWord(word)) {  // "@Apollo team" names a group.
      owner += ' ';
      owner += word;
      end = pos + word.size();
      break;
    }
    if (!IsOwnerWord(word)) break;
    if (words > 0 && word[0] >= 'a' && word[0] <= 'z') break;
    if (!owner.empty()) owner += ' ';
    owner += word;
    end = pos + word.size();
    pos = stop + 1;
  }
  return {owner, end};
}

}  // namespace

std::optional<ActionItem> ParseTaskLine(std::string_view line) {
  std::string_view s = util::Trim(line);
  if (s.size() < 5) return std::nullopt;
  if (s[0] != '-' && s[0] != '*' && s[0] != '+') return std::nullopt;
  if (s[1] != ' ' || s[2] != '[' || s[4] != ']') return std::nullopt;
  if (s.size() > 5 && s[5] != ' ') return std::nullopt;

  ActionItem item;
  item.status = StatusOf(s[3]);
  std::string_view rest = s.size() > 5 ? util::Trim(s.substr(6)) : std::string_view();

  // The description ends where the first piece of task metadata begins.
  size_t text_end = rest.size();
  for (const MarkerSpec& spec : kMarkers) {
    size_t pos = 0;
    while ((pos = rest.find(spec.emoji, pos)) != std::string_view::npos) {
      text_end = std::min(text_end, pos);
      size_t after = pos + spec.emoji.size();
      std::string_view tail = util::Trim(rest.substr(after));
      switch (spec.kind) {
        case Marker::kDue: item.due = util::ParseIsoDate(tail); break;
        case Marker::kDone: item.done = util::ParseIsoDate(tail); break;
        case Marker::kOtherDate: break;
        case Marker::kPriority:
          item.priority = std::max(item.priority, spec.priority);
          break;
      }
      pos = after;
    }
  }
  for (size_t pos = 0; (pos = rest.find(" #", pos)) != std::string_view::npos; ++pos) {
    if (pos + 2 < rest.size() && IsAsciiLetter(rest[pos + 2])) {
      // A tag run at the end ("#task #proposed") is metadata, not text.
      bool only_tags_follow = true;
      for (std::string_view word : util::Split(rest.substr(pos + 1), ' ')) {
        if (!word.empty() && word[0] != '#') {
          only_tags_follow = false;
          break;
        }
      }
      if (only_tags_follow) text_end = std::min(text_end, pos);
    }
  }
  for (size_t pos = 0; (pos = rest.find('@', pos)) != std::string_view::npos; ++pos) {
    if (pos > 0 && rest[pos - 1] != ' ' && rest[pos - 1] != '(') continue;
    auto [owner, end] = ReadOwner(rest, pos);
    if (owner.empty()) continue;
    item.owner = std::move(owner);
    // "@Owner" inside the sentence stays part of it; a trailing one is metadata.
    if (util::Trim(rest.substr(end, text_end > end ? text_end - end : 0)).empty()) {
      text_end = std::min(text_end, pos);
    }
    break;
  }
  item.text = std::string(util::Trim(rest.substr(0, text_end)));
  return item;
}

}  // namespace kith::note
