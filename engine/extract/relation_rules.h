// Reading relations out of one clause: trigger phrases ("reports to",
// "worked with", "joined", "introduced ... to", "'s brother-in-law") with
// their subject and objects found among the clause's mentions. No regular
// expressions: words are matched as tokens, so a long line costs linear time.
#ifndef KITH_ENGINE_EXTRACT_RELATION_RULES_H_
#define KITH_ENGINE_EXTRACT_RELATION_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/extract/clause.h"
#include "engine/model/model.h"

namespace kith::extract {

struct RelationArg {
  model::EntityKind kind = model::EntityKind::kPerson;
  std::string name;
};

struct RelationHit {
  model::RelationType type = model::RelationType::kKnows;
  std::vector<RelationArg> args;
  std::string status;  // "current" / "former" where it applies.
  std::string role;    // Job title (WORKS_AT) or family relation (FAMILY).
  std::string detail;  // Duration ("18 years") or context ("at NetApp").
  std::optional<int32_t> date;  // A date the clause states.
};

struct ClauseContext {
  // Whom "I", "me" and "my" mean: a transcript line's speaker or an
  // e-mail's sender. Empty: first-person clauses yield nothing.
  std::string speaker;
  // Whom "he" or "she" means: the subject of the sentence so far, or the
  // person a profile page is about.
  std::string pronoun_subject;
  // Whom a clause without a named subject is about: the person a remark
  // follows ("Uday (formerly at xAI)").
  std::string implicit_subject;
};

std::vector<RelationHit> ReadRelations(const Clause& clause, const ClauseContext& context);

// The clause's grammatical subject if it is a person (for carrying over to
// the next clause as ClauseContext::pronoun_subject); "" otherwise.
std::string ClauseSubject(const Clause& clause, const ClauseContext& context);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_RELATION_RULES_H_
