// kith export: the whole graph as JSON, GraphML, DOT or Neo4j import CSVs,
// to stdout or -o (a directory for neo4j-csv, which is several files).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "tools/kith/commands.h"
#include "tools/kith/render_export.h"

namespace kith::cli {
namespace {

absl::Status WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) return absl::UnavailableError(absl::StrCat("cannot write ", path.string()));
  return absl::OkStatus();
}

}  // namespace

int RunExport(Client& client, const GlobalFlags& global, const ExportFlags& flags) {
  std::string format = global.json ? "json" : flags.format;
  if (format == "neo4j-csv" && flags.output.empty()) {
    return Fail(absl::InvalidArgumentError("neo4j-csv writes several files: give a directory with -o"));
  }
  v1::ExportRequest request;
  if (global.strength) *request.mutable_strength() = *global.strength;
  absl::StatusOr<std::vector<v1::ExportItem>> items = client.Export(request);
  if (!items.ok()) return Fail(items.status());

  if (format == "neo4j-csv") {
    std::error_code ec;
    std::filesystem::create_directories(flags.output, ec);
    if (ec) return Fail(absl::UnavailableError(absl::StrCat("cannot create ", flags.output, ": ", ec.message())));
    for (const auto& [name, text] : RenderExportNeo4jCsv(*items)) {
      if (absl::Status s = WriteFile(std::filesystem::path(flags.output) / name, text); !s.ok()) return Fail(s);
    }
    std::cout << "Wrote persons.csv, organizations.csv, topics.csv, notes.csv and relationships.csv to "
              << flags.output << ".\n";
    return kExitOk;
  }
  std::string text = format == "graphml" ? RenderExportGraphml(*items)
                     : format == "dot"   ? RenderExportDot(*items)
                                         : RenderExportJson(*items);
  if (flags.output.empty()) {
    std::cout << text;
    return kExitOk;
  }
  if (absl::Status s = WriteFile(flags.output, text); !s.ok()) return Fail(s);
  return kExitOk;
}

}  // namespace kith::cli
