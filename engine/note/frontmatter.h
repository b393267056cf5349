// YAML frontmatter: the block between a leading "---" line and the next
// "---" (or "...") line.
#ifndef KITH_ENGINE_NOTE_FRONTMATTER_H_
#define KITH_ENGINE_NOTE_FRONTMATTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace kith::note {

struct Frontmatter {
  std::string title;
  std::string date;
  std::string type;
  std::string person;
  std::vector<std::string> participants;
  std::vector<std::string> people;    // entities.people
  std::vector<std::string> counterparts;  // `counterpart` of a 1:1 template
  std::vector<std::string> projects;  // entities.projects
  std::vector<std::pair<std::string, std::string>> scalars;  // Every top-level scalar.
  std::vector<std::pair<std::string, std::string>> previous_roles;  // (company, title)
  std::vector<std::string> tags;
  std::vector<std::string> aliases;
  // (line, reason) for fields read only in part, e.g. a participants entry
  // that is itself a list or a map (as an expanded YAML alias would be).
  std::vector<std::pair<int, std::string>> remarks;

  bool operator==(const Frontmatter&) const = default;
};

struct FrontmatterSplit {
  std::string_view yaml;  // Empty if the note has no frontmatter.
  std::string_view body;
  int body_first_line = 1;  // 1-based line number of body's first line.
};

// Separates frontmatter from body. A note that opens with "---" but never
// closes it is an error at line 1.
absl::StatusOr<FrontmatterSplit> SplitFrontmatter(std::string_view content);

// Reads the fields kith uses. Scalars and lists are both accepted where
// people write both ("tags: a" and "tags: [a, b]"). Errors carry the YAML
// line, offset by `first_line`.
// Plain frontmatter is read by ReadSimpleYaml, the rest by yaml-cpp.
absl::StatusOr<Frontmatter> ParseFrontmatter(std::string_view yaml, int first_line);
// The same, always through yaml-cpp: what the simple reader must agree with.
absl::StatusOr<Frontmatter> ParseFrontmatterWithYamlCpp(std::string_view yaml, int first_line);

}  // namespace kith::note

#endif  // KITH_ENGINE_NOTE_FRONTMATTER_H_
