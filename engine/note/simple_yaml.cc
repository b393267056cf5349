#include "engine/note/simple_yaml.h"

#include <algorithm>
#include <utility>

#include "engine/util/text.h"

namespace kith::note {
namespace {

using Kind = SimpleYamlNode::Kind;

struct Line {
  int number;  // 0-based.
  int indent;
  std::string_view text;  // After the indent, without trailing blanks.
};

// Blanks are spaces only: the reader declines any text holding a tab.
std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// True if what follows a scalar is nothing or a comment.
bool OnlyComment(std::string_view after) {
  if (after.empty()) return true;
  if (after.front() != ' ') return false;
  after = TrimBlanks(after);
  return after.empty() || after.front() == '#';
}

bool IsNullWord(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// "---" or "..." at the start of a line, alone or before a blank, starts or
// ends a YAML document; yaml-cpp stops its first document there.
bool IsDocumentMarker(std::string_view text) {
  return (text.substr(0, 3) == "---" || text.substr(0, 3) == "...") &&
         (text.size() == 3 || text[3] == ' ');
}

// YAML caps a key written without "?" at 1,024 characters, and yaml-cpp
// refuses one of more than 1,024 bytes; no real key comes near either.
constexpr size_t kLongestKey = 512;

bool IsItem(std::string_view text) { return text.front() == '-' && (text.size() == 1 || text[1] == ' '); }

// Characters that give a plain scalar or key another meaning when they
// open it.
bool OpensSomethingElse(char c) { return std::string_view("[]{},#&*!|>%@`?:'\"").find(c) != std::string_view::npos; }

// A quoted scalar at the start of `text`: its value, and where it ends.
// Double-quoted ones with escapes, and unclosed ones, are declined.
std::optional<std::pair<std::string, size_t>> Quoted(std::string_view text) {
  const char quote = text.front();
  std::string value;
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        value += '\'';
        ++i;
        continue;
      }
      return std::make_pair(std::move(value), i + 1);
    }
    if (quote == '"' && text[i] == '\\') return std::nullopt;
    value += text[i];
  }
  return std::nullopt;
}

// A plain scalar (or null word) that a comment may follow.
std::optional<SimpleYamlNode> Plain(std::string_view text, int line) {
  if (text.empty() || OpensSomethingElse(text.front()) || IsItem(text)) return std::nullopt;
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '#' && text[i - 1] == ' ') {
      text = TrimBlanks(text.substr(0, i));
      break;
    }
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ':' && (i + 1 == text.size() || text[i + 1] == ' ')) return std::nullopt;
  }
  SimpleYamlNode node;
  node.line = line;
  if (!IsNullWord(text)) {
    node.kind = Kind::kScalar;
    node.scalar = std::string(text);
  }
  return node;
}

// A list written on one line, "[a, 'b c']", of scalars only.
std::optional<SimpleYamlNode> FlowList(std::string_view text, int line) {
  SimpleYamlNode list;
  list.kind = Kind::kSequence;
  list.line = line;
  size_t i = 1;
  auto skip_blanks = [&] {
    while (i < text.size() && text[i] == ' ') ++i;
  };
  skip_blanks();
  if (i < text.size() && text[i] == ']') return OnlyComment(text.substr(i + 1)) ? std::optional(list) : std::nullopt;
  for (;;) {
    skip_blanks();
    if (i >= text.size()) return std::nullopt;
    SimpleYamlNode item;
    item.line = line;
    if (text[i] == '"' || text[i] == '\'') {
      auto quoted = Quoted(text.substr(i));
      if (!quoted) return std::nullopt;
      item.kind = Kind::kScalar;
      item.scalar = std::move(quoted->first);
      i += quoted->second;
    } else {
      size_t end = text.find_first_of(",]", i);
      if (end == std::string_view::npos) return std::nullopt;
      std::string_view plain = TrimBlanks(text.substr(i, end - i));
      // Inside brackets yaml-cpp reads indicators mid-word its own way.
      if (plain.empty() || plain.find_first_of("[]{}#?:&*!|>'\"%@`") != std::string_view::npos) return std::nullopt;
      std::optional<SimpleYamlNode> read = Plain(plain, line);
      if (!read) return std::nullopt;
      item = *std::move(read);
      i = end;
    }
    list.items.push_back(std::move(item));
    skip_blanks();
    if (i >= text.size()) return std::nullopt;
    if (text[i] == ']') return OnlyComment(text.substr(i + 1)) ? std::optional(list) : std::nullopt;
    if (text[i] != ',') return std::nullopt;
    ++i;
    skip_blanks();
    if (i < text.size() && text[i] == ']') return std::nullopt;  // A trailing comma: left to yaml-cpp.
  }
}

// A value written on its key's line (or an item's): quoted, a flow list,
// or plain.
std::optional<SimpleYamlNode> Inline(std::string_view text, int line) {
  if (text.front() == '"' || text.front() == '\'') {
    auto quoted = Quoted(text);
    if (!quoted || !OnlyComment(text.substr(quoted->second))) return std::nullopt;
    SimpleYamlNode node;
    node.kind = Kind::kScalar;
    node.line = line;
    node.scalar = std::move(quoted->first);
    return node;
  }
  if (text.front() == '[') return FlowList(text, line);
  if (text.front() == '{') {
    if (text.size() < 2 || text[1] != '}' || !OnlyComment(text.substr(2))) return std::nullopt;
    SimpleYamlNode empty_map;  // "{}", as an empty field is sometimes written.
    empty_map.kind = Kind::kMap;
    empty_map.line = line;
    return empty_map;
  }
  return Plain(text, line);
}

class Reader {
 public:
  explicit Reader(std::string_view yaml) {
    // yaml-cpp decodes its input and has its own ways with control
    // characters, broken UTF-8, byte order marks and Unicode line breaks
    // (NEL, LS, PS, a CR alone): such text is left to it. So is any tab:
    // where a tab may stand in YAML depends on the context (it may not
    // indent, a line of tabs may continue a scalar), and frontmatter
    // written by hand or by tools rarely holds one.
    ok_ = util::IsValidUtf8(yaml) && std::none_of(yaml.begin(), yaml.end(), [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return (byte < 0x20 && c != '\n' && c != '\r') || byte == 0x7f;
          });
    for (size_t r = yaml.find('\r'); r != std::string_view::npos; r = yaml.find('\r', r + 1)) {
      if (r + 1 == yaml.size() || yaml[r + 1] != '\n') ok_ = false;  // A lone CR breaks lines too.
    }
    for (std::string_view odd : {"\xEF\xBB\xBF", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
      if (yaml.find(odd) != std::string_view::npos) ok_ = false;
    }
    int number = 0;
    for (size_t pos = 0; pos <= yaml.size(); ++number) {
      size_t end = std::min(yaml.find('\n', pos), yaml.size());
      std::string_view raw = yaml.substr(pos, end - pos);
      pos = end + 1;
      size_t indent = raw.find_first_not_of(' ');
      if (indent == std::string_view::npos) continue;
      std::string_view text = TrimBlanks(raw.substr(indent));
      if (text.empty() || text.front() == '#') continue;
      if (indent == 0 && IsDocumentMarker(text)) ok_ = false;
      lines_.push_back({number, static_cast<int>(indent), text});
    }
  }

  std::optional<SimpleYamlNode> Document() {
    if (!ok_ || lines_.empty() || lines_[0].indent != 0) return std::nullopt;
    std::optional<SimpleYamlNode> map = Map(0);
    if (!map || next_ != lines_.size()) return std::nullopt;
    return map;
  }

 private:
  bool More(int indent) const { return next_ < lines_.size() && lines_[next_].indent == indent; }

  std::optional<SimpleYamlNode> Map(int indent) {
    SimpleYamlNode map;
    map.kind = Kind::kMap;
    map.line = lines_[next_].number;
    while (More(indent)) {
      const Line& line = lines_[next_++];
      size_t colon = line.text.find(':');
      if (colon == std::string_view::npos || colon == 0) return std::nullopt;
      std::string_view key = line.text.substr(0, colon);
      std::string_view rest = line.text.substr(colon + 1);
      if (!rest.empty() && rest.front() != ' ') return std::nullopt;
      if (OpensSomethingElse(key.front()) || IsItem(key) || key.back() == ' ' || IsNullWord(key) ||
          key.find_first_of("#'\"[]{},") != std::string_view::npos) {
        return std::nullopt;
      }
      if (key.size() > kLongestKey) return std::nullopt;
      if (map.Find(key) != nullptr) return std::nullopt;  // Duplicate keys: left to yaml-cpp.
      rest = TrimBlanks(rest);
      SimpleYamlNode value;
      if (!rest.empty() && rest.front() != '#') {
        std::optional<SimpleYamlNode> read = Inline(rest, line.number);
        if (!read || !Continue(*read, rest, line.number, indent)) return std::nullopt;
        value = *std::move(read);
      } else if (next_ < lines_.size()) {
        const Line& below = lines_[next_];
        std::optional<SimpleYamlNode> read = value;
        if (below.indent > indent) {
          read = IsItem(below.text) ? List(below.indent) : Map(below.indent);
        } else if (below.indent == indent && IsItem(below.text)) {
          read = List(indent);
        }
        if (!read) return std::nullopt;
        value = *std::move(read);
      }
      map.fields.push_back({std::string(key), std::move(value)});
    }
    if (next_ < lines_.size() && lines_[next_].indent > indent) return std::nullopt;
    return map;
  }

  // Folds the lines that continue a plain scalar begun on `number` into it,
  // each break a space, as YAML does; false if a deeper line follows that
  // is not a plain continuation on the very next line.
  bool Continue(SimpleYamlNode& value, std::string_view first, int number, int indent) {
    if (next_ >= lines_.size() || lines_[next_].indent <= indent) return true;
    const bool plain = value.kind == Kind::kScalar && first.front() != '"' && first.front() != '\'' &&
                       first.find(" #") == std::string_view::npos;
    for (; plain && next_ < lines_.size() && lines_[next_].indent > indent; ++next_) {
      const Line& line = lines_[next_];
      std::optional<SimpleYamlNode> piece = Plain(line.text, line.number);
      if (line.number != ++number || !piece || piece->kind != Kind::kScalar || piece->scalar != line.text) {
        return false;
      }
      value.scalar += ' ';
      value.scalar += line.text;
    }
    return plain;
  }

  // A block list of scalars, one "- item" a line.
  std::optional<SimpleYamlNode> List(int indent) {
    SimpleYamlNode list;
    list.kind = Kind::kSequence;
    list.line = lines_[next_].number;
    while (More(indent) && IsItem(lines_[next_].text)) {
      const Line& line = lines_[next_++];
      if (next_ < lines_.size() && lines_[next_].indent > indent) return std::nullopt;
      std::string_view rest = TrimBlanks(line.text.substr(1));
      SimpleYamlNode item;
      item.line = line.number;
      if (!rest.empty() && rest.front() != '#') {
        std::optional<SimpleYamlNode> read = Inline(rest, line.number);
        if (!read || read->kind == Kind::kSequence) return std::nullopt;
        item = *std::move(read);
      }
      list.items.push_back(std::move(item));
    }
    return list;
  }

  std::vector<Line> lines_;
  size_t next_ = 0;
  bool ok_ = true;
};

}  // namespace

const SimpleYamlNode* SimpleYamlNode::Find(std::string_view key) const {
  for (const Field& field : fields) {
    if (field.key == key) return &field.value;
  }
  return nullptr;
}

std::optional<SimpleYamlNode> ReadSimpleYaml(std::string_view yaml) { return Reader(yaml).Document(); }

}  // namespace kith::note
