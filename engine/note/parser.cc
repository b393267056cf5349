// ParseNote: checks that the bytes are a note, splits off the frontmatter,
// then walks the body once, line by line, tracking the current heading.
#include <algorithm>
#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/note/frontmatter.h"
#include "engine/note/line_status.h"
#include "engine/note/note.h"
#include "engine/note/task_line.h"
#include "engine/util/date.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith::note {
namespace {

constexpr char kLinePayload[] = "kith.note/line";

std::string_view FileStem(std::string_view path) {
  size_t slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  size_t dot = path.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
  return path;
}

// "**With**: A, B" and "**Participants:** A, B": returns the label and the
// value, or nullopt for any other line.
std::optional<std::pair<std::string_view, std::string_view>> BoldField(std::string_view s) {
  if (!util::StartsWith(s, "**")) return std::nullopt;
  size_t close = s.find("**", 2);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view label = s.substr(2, close - 2);
  std::string_view value = s.substr(close + 2);
  if (!label.empty() && label.back() == ':') {
    label.remove_suffix(1);
  } else if (!value.empty() && value.front() == ':') {
    value.remove_prefix(1);
  } else {
    return std::nullopt;
  }
  return std::make_pair(util::Trim(label), util::Trim(value));
}

bool IsParticipantLabel(std::string_view label) {
  std::string folded = util::FoldName(label);
  return folded == "with" || folded == "attendees" || folded == "participants";
}

// Splits a participant list on commas and semicolons ("A, B; C").
void AppendNameList(std::string_view value, std::vector<std::string>& out) {
  for (std::string_view piece : util::Split(value, ',')) {
    for (std::string_view name : util::Split(piece, ';')) {
      name = util::Trim(name);
      if (!name.empty()) out.emplace_back(name);
    }
  }
}

// "## Key Information" → "Key Information"; nullopt if not a heading.
std::optional<std::pair<int, std::string_view>> Heading(std::string_view s) {
  size_t level = 0;
  while (level < s.size() && s[level] == '#') ++level;
  if (level == 0 || level > 6 || level >= s.size() || s[level] != ' ') return std::nullopt;
  std::string_view text = util::Trim(s.substr(level));
  while (!text.empty() && (text.back() == ':' || text.back() == '#')) text.remove_suffix(1);
  return std::make_pair(static_cast<int>(level), util::Trim(text));
}

// Strips "- ", "* ", "+ " or "12. " from a list item; nullopt if none.
std::optional<std::string_view> BulletText(std::string_view s) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
    return util::Trim(s.substr(2));
  }
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      s[digits + 1] == ' ') {
    return util::Trim(s.substr(digits + 2));
  }
  return std::nullopt;
}

absl::Status CheckBytes(std::string_view content, const ParseOptions& options) {
  if (content.size() > options.max_note_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("note is ", content.size(), " bytes, over the limit of ",
                     options.max_note_bytes));
  }
  if (util::Trim(content).empty()) return absl::InvalidArgumentError("note is empty");
  // Valid UTF-8 splits into valid lines (a line break is never part of a
  // character), so only a note that fails as a whole is read line by line.
  if (content.find('\0') == std::string_view::npos && util::IsValidUtf8(content)) return absl::OkStatus();
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\0') {
      return WithLine(absl::InvalidArgumentError("binary file (NUL byte), not a note"), line);
    }
    if (content[i] == '\n') {
      if (!util::IsValidUtf8(content.substr(line_start, i - line_start))) {
        return WithLine(absl::InvalidArgumentError("text is not valid UTF-8"), line);
      }
      ++line;
      line_start = i + 1;
    }
  }
  if (!util::IsValidUtf8(content.substr(line_start))) {
    return WithLine(absl::InvalidArgumentError("text is not valid UTF-8"), line);
  }
  return absl::OkStatus();
}

class BodyWalker {
 public:
  explicit BodyWalker(ParsedNote& note) : note_(note) {}

  void Walk(std::string_view body, int first_line) {
    int number = first_line;
    size_t pos = 0;
    while (pos <= body.size()) {
      size_t end = body.find('\n', pos);
      if (end == std::string_view::npos) end = body.size();
      Visit(body.substr(pos, end - pos), number++);
      if (end == body.size()) break;
      pos = end + 1;
    }
  }

  std::string first_h1;
  std::optional<int32_t> date_line;

 private:
  void Visit(std::string_view raw, int number) {
    const std::optional<std::string> repaired = util::RepairMojibake(raw);
    std::string_view s = util::Trim(repaired ? std::string_view(*repaired) : raw);
    if (util::StartsWith(s, "```") || util::StartsWith(s, "~~~")) {
      in_fence_ = !in_fence_;
      return;
    }
    if (in_fence_ || s.empty()) return;
    if (auto heading = Heading(s)) {
      if (heading->first == 1 && first_h1.empty()) first_h1 = heading->second;
      section_ = std::string(heading->second);
      return;
    }
    if (auto field = BoldField(s)) {
      if (IsParticipantLabel(field->first)) {
        AppendNameList(field->second, note_.participants);
        AppendNameList(field->second, note_.attendee_lines);
        return;
      }
      if (util::FoldName(field->first) == "date" && !date_line) {
        date_line = util::FindIsoDate(field->second);
        return;
      }
    }
    if (auto task = ParseTaskLine(s)) {
      task->line = number;
      task->section = section_;
      note_.actions.push_back(std::move(*task));
      return;
    }
    Line line;
    line.line = number;
    line.section = section_;
    if (auto bullet = BulletText(s)) {
      line.kind = Line::Kind::kBullet;
      line.text = std::string(*bullet);
    } else if (s.front() == '|') {
      line.kind = Line::Kind::kTableRow;
      line.text = std::string(s);
    } else {
      if (s.front() == '>') {
        std::string_view quoted = util::Trim(s.substr(1));
        if (util::StartsWith(quoted, "[!")) return;  // A callout's title line.
        line.kind = Line::Kind::kQuote;
        line.text = std::string(quoted);
      } else {
        line.kind = Line::Kind::kParagraph;
        line.text = std::string(s);
      }
    }
    if (!line.text.empty()) note_.lines.push_back(std::move(line));
  }

  ParsedNote& note_;
  std::string section_;
  bool in_fence_ = false;
};

}  // namespace

absl::Status WithLine(absl::Status status, int line) {
  status.SetPayload(kLinePayload, absl::Cord(absl::StrCat(line)));
  return status;
}

int LineOf(const absl::Status& status) {
  auto payload = status.GetPayload(kLinePayload);
  int line = 0;
  if (payload && absl::SimpleAtoi(std::string(*payload), &line)) return line;
  return 0;
}

absl::StatusOr<ParsedNote> ParseNote(std::string_view path, std::string_view raw,
                                     const ParseOptions& options) {
  RETURN_IF_ERROR(CheckBytes(raw, options));
  // Old Mac exports end lines with a lone CR, Windows ones with CRLF.
  std::string normalised;
  std::string_view content = raw;
  if (raw.find('\r') != std::string_view::npos) {
    normalised.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\r') {
        normalised += raw[i];
      } else if (i + 1 >= raw.size() || raw[i + 1] != '\n') {
        normalised += '\n';
      }
    }
    content = normalised;
  }
  ASSIGN_OR_RETURN(FrontmatterSplit split, SplitFrontmatter(content));
  if (split.yaml.size() > options.max_frontmatter_bytes) {
    return WithLine(absl::InvalidArgumentError(absl::StrCat(
                        "frontmatter is ", split.yaml.size(), " bytes, over the limit of ",
                        options.max_frontmatter_bytes)),
                    1);
  }
  ASSIGN_OR_RETURN(Frontmatter fm, ParseFrontmatter(split.yaml, 2));

  ParsedNote note;
  note.path = std::string(path);
  note.type = fm.type;
  note.about = fm.person;
  note.tags = std::move(fm.tags);
  note.aliases = std::move(fm.aliases);
  note.participants = std::move(fm.participants);
  note.participants.insert(note.participants.end(), fm.people.begin(), fm.people.end());
  note.projects = std::move(fm.projects);
  note.counterparts = fm.counterparts;
  note.participants.insert(note.participants.end(), fm.counterparts.begin(), fm.counterparts.end());
  note.fields = std::move(fm.scalars);
  note.previous_roles = std::move(fm.previous_roles);
  for (auto& [line, reason] : fm.remarks) note.warnings.push_back({line, std::move(reason)});

  BodyWalker walker(note);
  walker.Walk(split.body, split.body_first_line);

  note.title = !fm.title.empty()        ? fm.title
               : !walker.first_h1.empty() ? walker.first_h1
                                          : std::string(FileStem(path));
  if (!fm.date.empty()) {
    note.date = util::ParseIsoDate(util::Trim(fm.date));
    if (!note.date) {
      note.warnings.push_back({1, absl::StrCat("frontmatter date '", fm.date,
                                               "' is not YYYY-MM-DD; ignored")});
    }
  }
  if (!note.date) note.date = walker.date_line;
  if (!note.date) note.date = util::FindIsoDate(FileStem(path));
  return note;
}

}  // namespace kith::note
