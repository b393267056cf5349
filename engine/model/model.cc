#include "engine/model/model.h"

#include <array>
#include <utility>

namespace kith::model {
namespace {

constexpr std::array<std::pair<RelationType, std::string_view>, 13> kRelationNames = {{
    {RelationType::kAttended, "ATTENDED"},
    {RelationType::kOwnsAction, "OWNS_ACTION"},
    {RelationType::kMentionedIn, "MENTIONED_IN"},
    {RelationType::kReportsTo, "REPORTS_TO"},
    {RelationType::kWorksAt, "WORKS_AT"},
    {RelationType::kWorkedWith, "WORKED_WITH"},
    {RelationType::kIntroduced, "INTRODUCED"},
    {RelationType::kFamily, "FAMILY"},
    {RelationType::kKnows, "KNOWS"},
    {RelationType::kLeads, "LEADS"},
    {RelationType::kDiscussed, "DISCUSSED"},
    {RelationType::kHasEmail, "HAS_EMAIL"},
    {RelationType::kAlsoKnownAs, "ALSO_KNOWN_AS"},
}};

}  // namespace

bool IsNoteRelation(RelationType type) {
  return type == RelationType::kAttended || type == RelationType::kOwnsAction ||
         type == RelationType::kMentionedIn || type == RelationType::kDiscussed ||
         type == RelationType::kHasEmail || type == RelationType::kAlsoKnownAs;
}

std::string_view EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kTopic: return "topic";
  }
  return "unknown";
}

std::string_view RelationName(RelationType type) {
  for (const auto& [t, name] : kRelationNames) {
    if (t == type) return name;
  }
  return "UNKNOWN";
}

std::optional<RelationType> ParseRelationName(std::string_view name) {
  for (const auto& [t, n] : kRelationNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

}  // namespace kith::model
