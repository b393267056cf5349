#include "engine/extract/extract.h"

#include <string>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/extract/person_name.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

// Sections whose sentences later passes mine for relations.
bool IsKeptSection(std::string_view section) {
  std::string folded = util::FoldName(section);
  for (std::string_view keep : {"key information", "key facts", "key facts learned",
                                "decisions", "key decisions", "background", "profile",
                                "recent context", "outcomes", "summary"}) {
    if (folded == keep) return true;
  }
  return false;
}

std::string_view TaskStatusName(note::TaskStatus status) {
  switch (status) {
    case note::TaskStatus::kOpen: return "open";
    case note::TaskStatus::kDone: return "done";
    case note::TaskStatus::kProposed: return "proposed";
    case note::TaskStatus::kCancelled: return "cancelled";
    case note::TaskStatus::kInProgress: return "in_progress";
    case note::TaskStatus::kOther: return "other";
  }
  return "other";
}

class GraphBuilder {
 public:
  explicit GraphBuilder(NoteGraph& graph) : graph_(graph) {}

  // Index of the entity, adding it on first sight.
  int Entity(model::EntityKind kind, const std::string& name) {
    std::string key = absl::StrCat(static_cast<int>(kind), ":", util::FoldName(name));
    auto [it, inserted] = index_.try_emplace(key, static_cast<int>(graph_.entities.size()));
    if (inserted) graph_.entities.push_back({kind, name});
    return it->second;
  }

 private:
  NoteGraph& graph_;
  std::unordered_map<std::string, int> index_;
};

// Resolves a raw name to a cleaned person name, mapping self-references to
// the owner. Returns "" (and records a warning) when it is not a name.
std::string PersonName(std::string_view raw, int line, const ExtractOptions& options,
                       NoteGraph& graph) {
  absl::StatusOr<std::string> name = CleanPersonName(raw);
  if (!name.ok()) {
    graph.warnings.push_back({line, std::string(name.status().message())});
    return "";
  }
  if (IsSelfReference(*name)) {
    if (options.owner.empty()) {
      graph.warnings.push_back(
          {line, absl::StrCat("'", *name, "' refers to the vault owner, who is not known; pass --me")});
      return "";
    }
    return options.owner;
  }
  return *std::move(name);
}

}  // namespace

std::vector<std::string> ParticipantNames(const note::ParsedNote& note) {
  std::vector<std::string> names;
  for (const std::string& raw : note.participants) {
    if (absl::StatusOr<std::string> name = CleanPersonName(raw); name.ok()) {
      names.push_back(*std::move(name));
    }
  }
  return names;
}

NoteGraph Extract(const note::ParsedNote& note, const ExtractOptions& options) {
  NoteGraph graph;
  graph.path = note.path;
  graph.title = note.title;
  graph.date = note.date;
  graph.type = note.type;
  graph.warnings = note.warnings;
  GraphBuilder builder(graph);

  std::vector<int> attendees;
  for (const std::string& raw : note.participants) {
    std::string name = PersonName(raw, 0, options, graph);
    if (name.empty()) continue;
    int id = builder.Entity(model::EntityKind::kPerson, name);
    if (std::find(attendees.begin(), attendees.end(), id) == attendees.end()) {
      attendees.push_back(id);
    }
  }
  std::vector<std::string> attendee_names;
  for (int id : attendees) attendee_names.push_back(graph.entities[id].name);
  for (int id : attendees) {
    Fact fact;
    fact.type = model::RelationType::kAttended;
    fact.args = {id};
    fact.date = note.date;
    fact.evidence = {"participants", 0, absl::StrJoin(attendee_names, ", ")};
    graph.facts.push_back(std::move(fact));
  }

  for (const note::ActionItem& action : note.actions) {
    Fact fact;
    fact.type = model::RelationType::kOwnsAction;
    fact.status = std::string(TaskStatusName(action.status));
    fact.date = action.due;
    fact.priority = static_cast<int>(action.priority);
    fact.detail = action.text;
    fact.evidence = {action.section, action.line, action.text};
    if (!action.owner.empty()) {
      std::string owner = PersonName(action.owner, action.line, options, graph);
      if (!owner.empty()) fact.args = {builder.Entity(model::EntityKind::kPerson, owner)};
    }
    graph.facts.push_back(std::move(fact));
  }

  for (const note::Line& line : note.lines) {
    if (IsKeptSection(line.section)) graph.kept_lines.push_back(line);
  }
  return graph;
}

}  // namespace kith::extract
