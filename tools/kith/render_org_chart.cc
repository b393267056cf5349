// Org chart renderings: an indented tree for people, d3-org-chart's flat
// id/parentId JSON, Graphviz DOT and Mermaid.
#include <map>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "tools/kith/render.h"

namespace kith::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string Describe(const v1::OrgPerson& p) {
  std::string out = p.name();
  if (!p.title().empty() || !p.organization().empty()) {
    out += "  (" + p.title() + (p.title().empty() || p.organization().empty() ? "" : ", ") + p.organization() + ")";
  }
  return out;
}

std::string Text(const v1::OrgChartResponse& chart) {
  std::map<std::string, std::vector<const v1::OrgPerson*>> reports;
  for (const v1::OrgPerson& p : chart.people()) reports[p.manager()].push_back(&p);
  std::string out;
  if (!chart.as_of().empty()) absl::StrAppend(&out, "As of ", chart.as_of(), ":\n");
  std::function<void(const std::string&, int)> walk = [&](const std::string& manager, int depth) {
    for (const v1::OrgPerson* p : reports[manager]) {
      absl::StrAppend(&out, std::string(2 * depth, ' '), Describe(*p), "\n");
      walk(p->name(), depth + 1);
    }
  };
  walk("", 0);
  if (chart.people().empty()) out += "No reporting lines are known.\n";
  if (!chart.unattached().empty()) {
    out += "\nNo known manager:\n";
    for (const v1::OrgPerson& p : chart.unattached()) absl::StrAppend(&out, "  ", Describe(p), "\n");
  }
  if (!chart.problems().empty()) {
    out += "\nProblems:\n";
    for (const std::string& p : chart.problems()) absl::StrAppend(&out, "  ", p, "\n");
  }
  return out;
}

Json Node(const v1::OrgPerson& p, const Json& parent) {
  return Json{{"id", p.name()},          {"parentId", parent},
              {"name", p.name()},        {"title", p.title()},
              {"organization", p.organization()}, {"evidence", p.evidence()},
              {"evidencePath", p.evidence_path()}};
}

// d3-org-chart draws one tree: several roots hang under a synthetic one.
std::string JsonChart(const v1::OrgChartResponse& chart) {
  int roots = 0;
  for (const v1::OrgPerson& p : chart.people()) roots += p.manager().empty();
  const std::string top = "__kith_root__";
  Json nodes = Json::array();
  if (roots > 1) {
    nodes.push_back({{"id", top}, {"parentId", nullptr}, {"name", "Organisation"}, {"title", ""},
                     {"organization", ""}, {"evidence", ""}, {"evidencePath", ""}});
  }
  for (const v1::OrgPerson& p : chart.people()) {
    Json parent = p.manager().empty() ? (roots > 1 ? Json(top) : Json(nullptr)) : Json(p.manager());
    nodes.push_back(Node(p, parent));
  }
  Json unattached = Json::array();
  for (const v1::OrgPerson& p : chart.unattached()) unattached.push_back(Node(p, nullptr));
  Json out{{"nodes", std::move(nodes)}, {"unattached", std::move(unattached)},
           {"problems", Json(std::vector<std::string>(chart.problems().begin(), chart.problems().end()))}};
  if (!chart.as_of().empty()) out["as_of"] = chart.as_of();
  return out.dump(2) + "\n";
}

std::string Quoted(const std::string& s) { return "\"" + absl::StrReplaceAll(s, {{"\\", "\\\\"}, {"\"", "\\\""}}) + "\""; }

std::string Dot(const v1::OrgChartResponse& chart) {
  std::string out = "digraph org_chart {\n  rankdir=TB;\n  node [shape=box, style=rounded];\n";
  for (const v1::OrgPerson& p : chart.people()) {
    std::string label = p.name();
    if (!p.title().empty()) label += "\n" + p.title();
    if (!p.organization().empty()) label += "\n" + p.organization();
    absl::StrAppend(&out, "  ", Quoted(p.name()), " [label=", Quoted(label), "];\n");
  }
  for (const v1::OrgPerson& p : chart.people()) {
    if (!p.manager().empty()) absl::StrAppend(&out, "  ", Quoted(p.manager()), " -> ", Quoted(p.name()), ";\n");
  }
  return out + "}\n";
}

std::string Mermaid(const v1::OrgChartResponse& chart) {
  std::map<std::string, std::string> ids;
  for (const v1::OrgPerson& p : chart.people()) ids[p.name()] = absl::StrCat("p", ids.size());
  std::string out = "graph TD\n";
  for (const v1::OrgPerson& p : chart.people()) {
    std::string label = absl::StrReplaceAll(p.name(), {{"\"", "'"}});
    if (!p.title().empty()) label += "<br/>" + absl::StrReplaceAll(p.title(), {{"\"", "'"}});
    absl::StrAppend(&out, "  ", ids[p.name()], "[\"", label, "\"]\n");
  }
  for (const v1::OrgPerson& p : chart.people()) {
    if (!p.manager().empty()) absl::StrAppend(&out, "  ", ids[p.manager()], " --> ", ids[p.name()], "\n");
  }
  return out;
}

}  // namespace

std::string RenderOrgChart(const v1::OrgChartResponse& chart, const std::string& format) {
  if (format == "json") return JsonChart(chart);
  if (format == "dot") return Dot(chart);
  if (format == "mermaid") return Mermaid(chart);
  return Text(chart);
}

}  // namespace kith::cli
