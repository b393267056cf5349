// The vocabulary of kith's graph: kinds of entity and types of relation.
// The numeric values are written to disk: never renumber, never reuse.
#ifndef KITH_ENGINE_MODEL_MODEL_H_
#define KITH_ENGINE_MODEL_MODEL_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace kith::model {

enum class EntityKind : uint8_t {
  kPerson = 1,
  kOrganization = 2,
  kTopic = 3,
};

enum class RelationType : uint16_t {
  kAttended = 1,     // [person] attended the note's meeting.
  kOwnsAction = 2,   // [person] owns an action item of the note.
  kMentionedIn = 3,  // [entity] is mentioned in the note.
  kReportsTo = 4,    // [person, manager]
  kWorksAt = 5,      // [person, org]
  kWorkedWith = 6,   // [a, b]
  kIntroduced = 7,   // [introducer, introduced, to]
  kFamily = 8,       // [a, b]
  kKnows = 9,        // [a, b]
  kLeads = 10,       // [person, team or org]
  kDiscussed = 11,   // [topic] discussed in the note.
  kHasEmail = 12,    // [person] writes from the address in the fact's detail.
  kAlsoKnownAs = 13, // [person] also goes by the name in the fact's detail.
};

// A relation whose only argument is linked to the note itself rather than to
// another entity (its edge runs entity -> note).
bool IsNoteRelation(RelationType type);

std::string_view EntityKindName(EntityKind kind);
std::string_view RelationName(RelationType type);  // "REPORTS_TO"
std::optional<RelationType> ParseRelationName(std::string_view name);

}  // namespace kith::model

#endif  // KITH_ENGINE_MODEL_MODEL_H_
