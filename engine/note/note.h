// Parsing one note file into its parts: frontmatter fields, sections, lines,
// and Obsidian Tasks action items. Parsing is pure (no I/O, no store) and
// never guesses at meaning: deciding who is a person or what a sentence says
// is the extractor's job (engine/extract).
#ifndef KITH_ENGINE_NOTE_NOTE_H_
#define KITH_ENGINE_NOTE_NOTE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace kith::note {

// The status box of an Obsidian Tasks item: `- [x] ...`.
enum class TaskStatus { kOpen, kDone, kProposed, kCancelled, kInProgress, kOther };

// Obsidian Tasks priority emoji, lowest to highest.
enum class TaskPriority { kNone, kLowest, kLow, kMedium, kHigh, kHighest };

struct ActionItem {
  int line = 0;  // 1-based line in the file.
  std::string section;
  TaskStatus status = TaskStatus::kOpen;
  std::string text;   // Description without owner, dates, priority or tags.
  std::string owner;  // After '@', e.g. "Rob Banga" or "Myself"; may be empty.
  std::optional<int32_t> due;   // Days since epoch (📅).
  std::optional<int32_t> done;  // Days since epoch (✅).
  TaskPriority priority = TaskPriority::kNone;
};

// One line of body text with where it stands. Headings, blank lines, code
// blocks and action items are not lines here.
struct Line {
  // kQuote: a "> " line (e-mail bodies quote this way); the marker is
  // stripped. Obsidian callouts ("> [!info]") are not lines.
  enum class Kind { kBullet, kParagraph, kTableRow, kQuote };
  int line = 0;
  std::string section;  // Innermost heading above it; "" before any heading.
  Kind kind = Kind::kParagraph;
  std::string text;  // Without the bullet marker.
};

// A recoverable oddity: the note is still stored.
struct Warning {
  int line = 0;
  std::string reason;
};

struct ParsedNote {
  std::string path;   // As given to ParseNote.
  std::string title;  // Frontmatter title, else first H1, else file stem.
  std::optional<int32_t> date;  // Frontmatter, else **Date** line, else file name.
  std::string type;   // Frontmatter `type`, e.g. "people" or "transcript".
  std::string about;  // Frontmatter `person`: whom the note is about.
  // Raw names in order of appearance, from frontmatter `participants`,
  // `entities.people`, and **With** / **Attendees** / **Participants** lines.
  // Not yet cleaned: "Brandon (last name unknown)" arrives as written.
  std::vector<std::string> participants;
  // The names of the body's With / Attendees / Participants lines alone.
  // Generated notes list mentioned people in frontmatter too; when a note
  // has such a line, it is the better record of who was there.
  std::vector<std::string> attendee_lines;
  // The other person of a 1:1 template (`counterpart:`); the note's author
  // is the one.
  std::vector<std::string> counterparts;
  // Frontmatter `previous_roles` entries of a profile: (company, title).
  std::vector<std::pair<std::string, std::string>> previous_roles;
  std::vector<std::string> tags;
  std::vector<std::string> aliases;
  // `entities.projects` and similar lists: names of topics the note is about.
  std::vector<std::string> projects;
  // Every top-level scalar field of the frontmatter, e.g. "company",
  // "role", "email"; keys as written.
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<ActionItem> actions;
  std::vector<Line> lines;
  std::vector<Warning> warnings;
};

struct ParseOptions {
  // Notes larger than this are rejected whole rather than parsed.
  size_t max_note_bytes = 16 << 20;
  // Frontmatter larger than this is rejected: real frontmatter is small, and
  // a cap bounds what a hostile YAML document can cost.
  size_t max_frontmatter_bytes = 64 << 10;
};

// Parses `content`, the bytes of the file at `path` (used for the title and
// date fallbacks). Fails with InvalidArgument for content that is not a note
// (binary, invalid UTF-8, empty, too large, broken frontmatter); the status
// carries the offending line (see LineOf).
absl::StatusOr<ParsedNote> ParseNote(std::string_view path, std::string_view content,
                                     const ParseOptions& options = {});

// The 1-based line a ParseNote error points at, or 0 for the whole file.
int LineOf(const absl::Status& status);

}  // namespace kith::note

#endif  // KITH_ENGINE_NOTE_NOTE_H_
