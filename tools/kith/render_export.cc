#include "tools/kith/render_export.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kith::cli {
namespace {

using Json = nlohmann::ordered_json;

// XML 1.0 allows no control characters but tab, newline and return.
std::string Xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

// A CSV field, always quoted; newlines become spaces so that the import
// needs no multi-line mode.
std::string Csv(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out + "\"";
}

template <typename Items>
std::string Joined(const Items& items) {
  return absl::StrJoin(items.begin(), items.end(), ";");
}

}  // namespace

std::string DotQuoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

std::string RenderExportJson(const std::vector<v1::ExportItem>& items) {
  Json nodes = Json::array(), edges = Json::array();
  for (const v1::ExportItem& item : items) {
    if (item.has_node()) {
      const v1::ExportNode& n = item.node();
      nodes.push_back({{"id", n.id()}, {"kind", n.kind()}, {"name", n.name()}, {"path", n.path()},
                       {"date", n.date()},
                       {"emails", std::vector<std::string>(n.emails().begin(), n.emails().end())},
                       {"aliases", std::vector<std::string>(n.aliases().begin(), n.aliases().end())}});
    } else {
      const v1::ExportEdge& e = item.edge();
      edges.push_back({{"type", e.type()}, {"from", e.from()}, {"to", e.to()},
                       {"strength", std::round(e.strength() * 1000.0) / 1000.0}, {"status", e.status()},
                       {"role", e.role()}, {"detail", e.detail()}, {"path", e.path()}, {"section", e.section()},
                       {"line", e.line()}, {"text", e.text()}});
    }
  }
  return Json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}}.dump(2) + "\n";
}

std::string RenderExportGraphml(const std::vector<v1::ExportItem>& items) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
  for (const char* key : {"kind", "name", "path", "date", "emails", "aliases"}) {
    absl::StrAppend(&out, "  <key id=\"", key, "\" for=\"node\" attr.name=\"", key, "\" attr.type=\"string\"/>\n");
  }
  for (const char* key : {"type", "status", "role", "detail", "path", "section", "text"}) {
    absl::StrAppend(&out, "  <key id=\"e_", key, "\" for=\"edge\" attr.name=\"", key, "\" attr.type=\"string\"/>\n");
  }
  out += "  <key id=\"e_strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"double\"/>\n";
  out += "  <key id=\"e_line\" for=\"edge\" attr.name=\"line\" attr.type=\"int\"/>\n";
  out += "  <graph id=\"kith\" edgedefault=\"directed\">\n";
  auto data = [&](const char* key, const std::string& value) {
    if (!value.empty()) absl::StrAppend(&out, "      <data key=\"", key, "\">", Xml(value), "</data>\n");
  };
  int edge_number = 0;
  for (const v1::ExportItem& item : items) {
    if (item.has_node()) {
      const v1::ExportNode& n = item.node();
      absl::StrAppend(&out, "    <node id=\"", Xml(n.id()), "\">\n");
      data("kind", n.kind());
      data("name", n.name());
      data("path", n.path());
      data("date", n.date());
      data("emails", Joined(n.emails()));
      data("aliases", Joined(n.aliases()));
      out += "    </node>\n";
    } else {
      const v1::ExportEdge& e = item.edge();
      absl::StrAppend(&out, "    <edge id=\"e", edge_number++, "\" source=\"", Xml(e.from()), "\" target=\"",
                      Xml(e.to()), "\">\n");
      data("e_type", e.type());
      if (e.type() == "CONNECTED") data("e_strength", absl::StrCat(e.strength()));
      data("e_status", e.status());
      data("e_role", e.role());
      data("e_detail", e.detail());
      data("e_path", e.path());
      data("e_section", e.section());
      if (e.line() > 0) data("e_line", absl::StrCat(e.line()));
      data("e_text", e.text());
      out += "    </edge>\n";
    }
  }
  return out + "  </graph>\n</graphml>\n";
}

std::string RenderExportDot(const std::vector<v1::ExportItem>& items) {
  std::string out = "digraph kith {\n  graph [overlap=false];\n  node [fontname=\"Helvetica\"];\n";
  for (const v1::ExportItem& item : items) {
    if (item.has_node()) {
      const v1::ExportNode& n = item.node();
      const char* shape = n.kind() == "person"         ? "ellipse"
                               : n.kind() == "organization" ? "box"
                               : n.kind() == "topic"        ? "diamond"
                                                            : "note";
      absl::StrAppend(&out, "  ", DotQuoted(n.id()), " [label=", DotQuoted(n.name()), ", shape=", shape, "];\n");
    } else {
      const v1::ExportEdge& e = item.edge();
      absl::StrAppend(&out, "  ", DotQuoted(e.from()), " -> ", DotQuoted(e.to()));
      if (e.type() == "CONNECTED") {
        absl::StrAppend(&out, " [dir=none, color=gray40, penwidth=", 1 + static_cast<int>(e.strength() * 4),
                        ", tooltip=", DotQuoted(absl::StrCat("strength ", e.strength())), "];\n");
      } else {
        absl::StrAppend(&out, " [label=", DotQuoted(e.type()), "];\n");
      }
    }
  }
  return out + "}\n";
}

std::map<std::string, std::string> RenderExportNeo4jCsv(const std::vector<v1::ExportItem>& items) {
  std::map<std::string, std::string> files = {
      {"persons.csv", "id:ID,name,emails:string[],aliases:string[],:LABEL\n"},
      {"organizations.csv", "id:ID,name,:LABEL\n"},
      {"topics.csv", "id:ID,name,:LABEL\n"},
      {"notes.csv", "id:ID,title,path,date,:LABEL\n"},
      {"relationships.csv", ":START_ID,:END_ID,:TYPE,strength:double,status,role,detail,path,section,line:int,text\n"},
  };
  for (const v1::ExportItem& item : items) {
    if (item.has_node()) {
      const v1::ExportNode& n = item.node();
      if (n.kind() == "person") {
        absl::StrAppend(&files["persons.csv"], Csv(n.id()), ",", Csv(n.name()), ",", Csv(Joined(n.emails())), ",",
                        Csv(Joined(n.aliases())), ",Person\n");
      } else if (n.kind() == "organization") {
        absl::StrAppend(&files["organizations.csv"], Csv(n.id()), ",", Csv(n.name()), ",Organization\n");
      } else if (n.kind() == "topic") {
        absl::StrAppend(&files["topics.csv"], Csv(n.id()), ",", Csv(n.name()), ",Topic\n");
      } else {
        absl::StrAppend(&files["notes.csv"], Csv(n.id()), ",", Csv(n.name()), ",", Csv(n.path()), ",", Csv(n.date()),
                        ",Note\n");
      }
    } else {
      const v1::ExportEdge& e = item.edge();
      absl::StrAppend(&files["relationships.csv"], Csv(e.from()), ",", Csv(e.to()), ",", e.type(), ",",
                      e.strength(), ",", Csv(e.status()), ",", Csv(e.role()), ",", Csv(e.detail()), ",",
                      Csv(e.path()), ",", Csv(e.section()), ",", e.line(), ",", Csv(e.text()), "\n");
    }
  }
  return files;
}

}  // namespace kith::cli
