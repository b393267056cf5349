// Renderings of `kith export`: one graph, four formats that other tools read
// without conversion.
#ifndef KITH_TOOLS_KITH_RENDER_EXPORT_H_
#define KITH_TOOLS_KITH_RENDER_EXPORT_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kith/v1/kith.pb.h"

namespace kith::cli {

// `s` as a DOT string literal: quotes and backslashes escaped, newlines
// made spaces.
std::string DotQuoted(std::string_view s);

// {"nodes": [...], "edges": [...]} for scripts.
std::string RenderExportJson(const std::vector<v1::ExportItem>& items);
// GraphML (Gephi, yEd, networkx, Boost.Graph's read_graphml): node keys
// kind/name/path/date/emails/aliases, edge keys type/strength/status/role/
// detail/path/section/line/text.
std::string RenderExportGraphml(const std::vector<v1::ExportItem>& items);
// Graphviz DOT: shapes by kind, CONNECTED edges undirected with their width
// by strength.
std::string RenderExportDot(const std::vector<v1::ExportItem>& items);
// The CSV files `neo4j-admin database import full` reads, by file name:
// persons.csv, organizations.csv, topics.csv, notes.csv (`id:ID`, `:LABEL`)
// and relationships.csv (`:START_ID`, `:END_ID`, `:TYPE`); arrays use ';'.
std::map<std::string, std::string> RenderExportNeo4jCsv(const std::vector<v1::ExportItem>& items);

}  // namespace kith::cli

#endif  // KITH_TOOLS_KITH_RENDER_EXPORT_H_
