#include "engine/extract/structured_pass.h"

#include <algorithm>
#include <set>

#include "engine/extract/clause.h"
#include "engine/extract/person_name.h"
#include "engine/util/date.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

std::vector<std::string> Cells(std::string_view row) {
  std::string_view s = util::Trim(row);
  if (util::StartsWith(s, "|")) s.remove_prefix(1);
  if (util::EndsWith(s, "|")) s.remove_suffix(1);
  std::vector<std::string> cells;
  for (std::string_view cell : util::Split(s, '|')) cells.push_back(CleanSentence(cell, nullptr));
  return cells;
}

bool IsSeparatorRow(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return !c.empty() && c.find_first_not_of("-: ") == std::string::npos;
  });
}

int Column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (size_t i = 0; i < header.size(); ++i) {
    std::string folded = util::FoldName(header[i]);
    for (std::string_view name : names) {
      if (folded == name) return static_cast<int>(i);
    }
  }
  return -1;
}

// Tags that describe the note rather than its subject.
bool IsTopicalTag(std::string_view tag) {
  std::string folded = util::FoldName(tag);
  for (std::string_view prefix : {"type/", "status/", "industry/", "person/", "source/", "people/"}) {
    if (util::StartsWith(folded, prefix)) return false;
  }
  for (std::string_view noise : {"generated", "auto", "needs-review", "task", "proposed", "meeting", "1-1",
                                 "people", "transcript", "email", "note", "notes", "todo", "daily", "group", "meetings"}) {
    if (folded == noise) return false;
  }
  return !folded.empty();
}

// The topic named by a tag: its last path segment, dashes as spaces.
std::string TagTopic(std::string_view tag) {
  size_t slash = tag.rfind('/');
  std::string topic(slash == std::string_view::npos ? tag : tag.substr(slash + 1));
  std::replace(topic.begin(), topic.end(), '-', ' ');
  std::replace(topic.begin(), topic.end(), '_', ' ');
  return topic;
}

}  // namespace

std::vector<std::string> ReadPeopleTables(const note::ParsedNote& note, GraphBuilder& builder) {
  std::vector<std::string> people;
  std::vector<std::string> header;
  int last_line = -2;
  for (const note::Line& line : note.lines) {
    if (line.kind != note::Line::Kind::kTableRow) continue;
    std::vector<std::string> cells = Cells(line.text);
    if (line.line != last_line + 1) header.clear();  // A new table starts.
    last_line = line.line;
    if (header.empty()) {
      header = cells;
      continue;
    }
    if (IsSeparatorRow(cells)) continue;
    int name_col = Column(header, {"name", "person", "contact", "who"});
    int org_col = Column(header, {"org", "organization", "organisation", "company", "employer", "account"});
    int role_col = Column(header, {"role", "title", "position"});
    if (name_col < 0 || org_col < 0 || name_col >= static_cast<int>(cells.size()) ||
        org_col >= static_cast<int>(cells.size())) {
      continue;
    }
    absl::StatusOr<std::string> person = CleanPersonName(cells[name_col]);
    std::string org = std::string(util::Trim(cells[org_col]));
    if (!person.ok() || org.empty() || org == "-") continue;
    std::string role = role_col >= 0 && role_col < static_cast<int>(cells.size()) ? cells[role_col] : "";
    RelationHit hit{model::RelationType::kWorksAt,
                    {{model::EntityKind::kPerson, *person}, {model::EntityKind::kOrganization, org}},
                    "current", role, "", std::nullopt};
    builder.AddRelation(hit, {line.section, line.line, line.text});
    people.push_back(*person);
  }
  return people;
}

std::vector<std::string> TopicsOf(const note::ParsedNote& note, const Gazetteer& gazetteer) {
  std::vector<std::string> topics;
  std::set<std::string> seen;
  auto add = [&](std::string_view raw) {
    std::string topic = CleanSentence(raw, nullptr);
    std::string folded = util::FoldName(topic);
    if (topic.empty() || topic.size() > 60 || util::FindIsoDate(topic) || gazetteer.Person(folded) ||
        gazetteer.Organization(folded)) {
      return;
    }
    if (seen.insert(folded).second) topics.push_back(topic);
  };
  for (const std::string& project : note.projects) add(project);
  for (const std::string& tag : note.tags) {
    if (IsTopicalTag(tag)) add(TagTopic(tag));
  }
  FolderContext context = ContextOfPath(note.path);
  if (!context.topic.empty()) add(context.topic);
  for (const note::Line& line : note.lines) {
    for (size_t open = line.text.find("[["); open != std::string::npos; open = line.text.find("[[", open + 2)) {
      size_t close = line.text.find("]]", open);
      if (close == std::string::npos) break;
      std::string_view target = std::string_view(line.text).substr(open + 2, close - open - 2);
      target = target.substr(0, target.find('|'));
      if (target.find('/') != std::string_view::npos || target.find('#') != std::string_view::npos) continue;
      add(target);
    }
  }
  return topics;
}

}  // namespace kith::extract
