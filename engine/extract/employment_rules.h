// Employment (WORKS_AT) rules and the helper every rule family uses to add
// a hit (private to engine/extract).
#ifndef KITH_ENGINE_EXTRACT_EMPLOYMENT_RULES_H_
#define KITH_ENGINE_EXTRACT_EMPLOYMENT_RULES_H_

#include <string>
#include <vector>

#include "engine/extract/clause_reader.h"

namespace kith::extract {

// Appends a hit unless an argument is empty or it relates a person to
// themself.
void Add(std::vector<RelationHit>& hits, model::RelationType type, std::vector<RelationArg> args,
         std::string status = "", std::string role = "", std::string detail = "");

void WorksAt(const ClauseReader& r, std::vector<RelationHit>& hits);
// "Karl's background: Sun, NetApp, Cisco".
void Background(const ClauseReader& r, std::vector<RelationHit>& hits);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_EMPLOYMENT_RULES_H_
