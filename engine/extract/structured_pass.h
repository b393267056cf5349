// Structured parts of a note, read without sentence rules: tables of people
// ("| Name | Role | Org |") and the topics a note is about (frontmatter
// projects, topical tags, wikilinks that name no person or organisation,
// a Projects/<Name>/ folder).
#ifndef KITH_ENGINE_EXTRACT_STRUCTURED_PASS_H_
#define KITH_ENGINE_EXTRACT_STRUCTURED_PASS_H_

#include <string>
#include <vector>

#include "engine/extract/gazetteer.h"
#include "engine/extract/graph_builder.h"
#include "engine/note/note.h"

namespace kith::extract {

// WORKS_AT (current, with the role) for each row of a table whose header
// names a person column and an organisation column; returns the people.
std::vector<std::string> ReadPeopleTables(const note::ParsedNote& note, GraphBuilder& builder);

// The topics the note is about, cleaned and de-duplicated.
std::vector<std::string> TopicsOf(const note::ParsedNote& note, const Gazetteer& gazetteer);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_STRUCTURED_PASS_H_
