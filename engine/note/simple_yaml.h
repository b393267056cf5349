// A reader for the plain subset of YAML that nearly all frontmatter is
// written in: fields of plain or quoted scalars, flow lists on one line,
// block lists of scalars, and maps of those. It builds no generic document
// and allocates little, where yaml-cpp took most of a note's parse time.
// Anything outside the subset (block scalars, anchors, escapes, quoted
// scalars over several lines, lists of maps, duplicate keys, a tab
// anywhere...) is declined, and the caller reads the text with yaml-cpp
// instead, so what the subset accepts must read exactly as yaml-cpp reads
// it; tests compare the two on every frontmatter of the corpus and on
// 20,000 generated ones, and the note fuzzer on whatever it makes.
#ifndef KITH_ENGINE_NOTE_SIMPLE_YAML_H_
#define KITH_ENGINE_NOTE_SIMPLE_YAML_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::note {

struct SimpleYamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  struct Field;  // Below: a pair would need this type complete here.

  Kind kind = Kind::kNull;
  int line = 0;        // 0-based line of the node's first token, as yaml-cpp's Mark().line.
  std::string scalar;  // kScalar.
  std::vector<SimpleYamlNode> items;  // kSequence.
  std::vector<Field> fields;          // kMap, in order.

  // The field named `key`, or null if there is none (or this is no map).
  const SimpleYamlNode* Find(std::string_view key) const;
};

struct SimpleYamlNode::Field {
  std::string key;
  SimpleYamlNode value;
};

// The document as a map, or nullopt if the text is outside the subset
// (including any document that is not a map of fields).
std::optional<SimpleYamlNode> ReadSimpleYaml(std::string_view yaml);

}  // namespace kith::note

#endif  // KITH_ENGINE_NOTE_SIMPLE_YAML_H_
