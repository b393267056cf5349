#include "engine/note/frontmatter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "engine/note/line_status.h"
#include "engine/note/simple_yaml.h"
#include "engine/util/text.h"

namespace kith::note {
namespace {

// The node interface the field reading below needs, over yaml-cpp's nodes
// and over the simple reader's, so that both read fields one way.
class CppNode {
 public:
  explicit CppNode(YAML::Node node) : node_(std::move(node)) {}
  explicit operator bool() const { return node_.IsDefined(); }
  bool IsNull() const { return node_.IsNull(); }
  bool IsScalar() const { return node_.IsScalar(); }
  bool IsSequence() const { return node_.IsSequence(); }
  bool IsMap() const { return node_.IsMap(); }
  const std::string& Scalar() const { return node_.Scalar(); }
  int Line() const { return node_.Mark().line; }
  CppNode operator[](const char* key) const { return CppNode(node_[key]); }
  template <typename Visit>
  void ForEachItem(Visit visit) const {
    for (const YAML::Node& item : node_) visit(CppNode(item));
  }
  // visit(key, value) for each field whose key is a scalar.
  template <typename Visit>
  void ForEachField(Visit visit) const {
    for (const auto& field : node_) {
      if (field.first.IsScalar()) visit(field.first.Scalar(), CppNode(field.second));
    }
  }

 private:
  YAML::Node node_;
};

class SimpleNode {
 public:
  explicit SimpleNode(const SimpleYamlNode* node) : node_(node) {}
  explicit operator bool() const { return node_ != nullptr; }
  bool IsNull() const { return node_->kind == SimpleYamlNode::Kind::kNull; }
  bool IsScalar() const { return node_->kind == SimpleYamlNode::Kind::kScalar; }
  bool IsSequence() const { return node_->kind == SimpleYamlNode::Kind::kSequence; }
  bool IsMap() const { return node_->kind == SimpleYamlNode::Kind::kMap; }
  const std::string& Scalar() const { return node_->scalar; }
  int Line() const { return node_->line; }
  SimpleNode operator[](const char* key) const { return SimpleNode(node_->Find(key)); }
  template <typename Visit>
  void ForEachItem(Visit visit) const {
    for (const SimpleYamlNode& item : node_->items) visit(SimpleNode(&item));
  }
  template <typename Visit>
  void ForEachField(Visit visit) const {
    for (const SimpleYamlNode::Field& field : node_->fields) visit(field.key, SimpleNode(&field.value));
  }

 private:
  const SimpleYamlNode* node_;
};

// Reads a scalar, or the scalars of a sequence, into `out`. Nulls
// contribute nothing; a nested list or map is not read and is remarked on
// once per field (an alias bomb is a tower of nested lists, and is never
// walked).
template <typename Node>
void AppendStrings(const Node& node, std::string_view field, int first_line, Frontmatter& fm,
                   std::vector<std::string>& out) {
  if (!node) return;
  auto remark = [&](const Node& where) {
    fm.remarks.emplace_back(first_line + std::max(0, where.Line()),
                            absl::StrCat("frontmatter '", std::string(field),
                                         "' holds a nested list or map; only plain names are read"));
  };
  if (node.IsScalar()) {
    std::string value = node.Scalar();
    if (!util::Trim(value).empty()) out.push_back(std::move(value));
  } else if (node.IsSequence()) {
    bool remarked = false;
    node.ForEachItem([&](const Node& item) {
      if (item.IsScalar()) {
        if (!util::Trim(item.Scalar()).empty()) out.push_back(item.Scalar());
      } else if (!item.IsNull() && !remarked) {
        remark(item);
        remarked = true;
      }
    });
  } else if (node.IsMap()) {
    remark(node);
  }
}

template <typename Node>
std::string ScalarOrEmpty(const Node& node) {
  return node && node.IsScalar() ? node.Scalar() : std::string();
}

// The fields kith uses, from a document's root map.
template <typename Node>
Frontmatter ReadFields(const Node& root, int first_line) {
  Frontmatter fm;
  fm.title = ScalarOrEmpty(root["title"]);
  fm.date = ScalarOrEmpty(root["date"]);
  fm.type = ScalarOrEmpty(root["type"]);
  fm.person = ScalarOrEmpty(root["person"]);
  auto append = [&](const Node& node, std::string_view field, std::vector<std::string>& out) {
    AppendStrings(node, field, first_line, fm, out);
  };
  append(root["participants"], "participants", fm.participants);
  append(root["attendees"], "attendees", fm.participants);
  // 1:1 templates name the other person as `counterpart`.
  append(root["counterpart"], "counterpart", fm.counterparts);
  append(root["tags"], "tags", fm.tags);
  append(root["aliases"], "aliases", fm.aliases);
  Node entities = root["entities"];
  if (entities && entities.IsMap()) {
    append(entities["people"], "entities.people", fm.people);
    append(entities["projects"], "entities.projects", fm.projects);
  }
  Node roles = root["previous_roles"];
  if (roles && roles.IsSequence()) {
    roles.ForEachItem([&](const Node& role) {
      if (!role.IsMap()) return;
      std::string company = ScalarOrEmpty(role["company"]);
      if (!util::Trim(company).empty()) fm.previous_roles.emplace_back(company, ScalarOrEmpty(role["title"]));
    });
  }
  root.ForEachField([&](const std::string& key, const Node& value) {
    if (value.IsScalar()) fm.scalars.emplace_back(key, value.Scalar());
  });
  return fm;
}

}  // namespace

absl::StatusOr<FrontmatterSplit> SplitFrontmatter(std::string_view content) {
  FrontmatterSplit split;
  split.body = content;
  // A UTF-8 byte order mark before the fence is common in exported notes.
  if (util::StartsWith(content, "\xEF\xBB\xBF")) content.remove_prefix(3);
  size_t first_end = content.find('\n');
  std::string_view first = content.substr(0, first_end);
  if (util::Trim(first) != "---") {
    split.body = content;
    return split;
  }
  int line = 1;
  size_t pos = first_end == std::string_view::npos ? content.size() : first_end + 1;
  size_t yaml_begin = pos;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ++line;
    std::string_view text = util::Trim(content.substr(pos, end - pos));
    if (text == "---" || text == "...") {
      split.yaml = content.substr(yaml_begin, pos - yaml_begin);
      split.body = end < content.size() ? content.substr(end + 1) : std::string_view();
      split.body_first_line = line + 1;
      return split;
    }
    pos = end + 1;
  }
  return WithLine(absl::InvalidArgumentError(
                      "frontmatter opened with '---' is never closed"),
                  1);
}

absl::StatusOr<Frontmatter> ParseFrontmatter(std::string_view yaml, int first_line) {
  if (util::Trim(yaml).empty()) return Frontmatter();
  if (std::optional<SimpleYamlNode> simple = ReadSimpleYaml(yaml)) return ReadFields(SimpleNode(&*simple), first_line);
  return ParseFrontmatterWithYamlCpp(yaml, first_line);
}

absl::StatusOr<Frontmatter> ParseFrontmatterWithYamlCpp(std::string_view yaml, int first_line) {
  if (util::Trim(yaml).empty()) return Frontmatter();
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return WithLine(absl::InvalidArgumentError(
                        absl::StrCat("frontmatter is not valid YAML: ", e.msg)),
                    first_line + (e.mark.line >= 0 ? e.mark.line : 0));
  }
  if (root.IsNull()) return Frontmatter();
  if (!root.IsMap()) {
    return WithLine(absl::InvalidArgumentError(
                        "frontmatter is not a YAML mapping of fields"),
                    first_line);
  }
  try {
    return ReadFields(CppNode(root), first_line);
  } catch (const YAML::Exception& e) {
    return WithLine(absl::InvalidArgumentError(
                        absl::StrCat("frontmatter field is malformed: ", e.msg)),
                    first_line + (e.mark.line >= 0 ? e.mark.line : 0));
  }
}

}  // namespace kith::note
