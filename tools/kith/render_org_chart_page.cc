// The page is the template (tools/kith/viz/org_chart.html) with the
// libraries, the data and the page's script put in place of its markers.
// The data is one JSON object: the chart as d3-org-chart's flat id/parentId
// nodes under a synthetic root, and a profile summary per person.
#include "tools/kith/render_org_chart_page.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "tools/kith/viz_assets.h"

namespace kith::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kRootId[] = "__kith_root__";
constexpr char kUnattachedId[] = "__kith_unattached__";

Json Node(const std::string& id, const Json& parent, const std::string& name, const std::string& kind) {
  return Json{{"id", id}, {"parentId", parent}, {"name", name}, {"kind", kind}, {"title", ""},
              {"organization", ""}, {"evidence", ""}, {"evidencePath", ""}};
}

Json PersonNode(const v1::OrgPerson& p, const std::string& parent) {
  Json node = Node(p.name(), parent, p.name(), "person");
  node["title"] = p.title();
  node["organization"] = p.organization();
  node["evidence"] = p.evidence();
  node["evidencePath"] = p.evidence_path();
  return node;
}

Json ProfileSummary(const absl::StatusOr<v1::ProfileResponse>& profile) {
  if (!profile.ok()) return Json{{"error", std::string(profile.status().message())}};
  Json employment = Json::array(), connections = Json::array();
  for (const v1::EmploymentRecord& e : profile->employment()) {
    employment.push_back({{"organization", e.organization()}, {"role", e.role()}, {"status", e.status()},
                          {"detail", e.detail()}});
  }
  for (const v1::Acquaintance& a : profile->connections()) {
    Json reasons = Json::array();
    for (const v1::Reason& r : a.reasons()) reasons.push_back(r.relation());
    connections.push_back({{"name", a.name()}, {"strength", a.strength()}, {"meetings", a.interactions()},
                           {"last", a.last_interaction()}, {"reasons", std::move(reasons)}});
  }
  auto strings = [](const auto& repeated) { return Json(std::vector<std::string>(repeated.begin(), repeated.end())); };
  return Json{{"employment", std::move(employment)},   {"managers", strings(profile->managers())},
              {"reports", strings(profile->reports())}, {"connections", std::move(connections)},
              {"topics", strings(profile->topics())},   {"meetings", profile->meetings()},
              {"first", profile->first_interaction()},  {"last", profile->last_interaction()},
              {"aliases", strings(profile->aliases())}, {"emails", strings(profile->emails())},
              {"open_tasks", profile->open_tasks_size()}};
}

// JSON inside <script> must not contain "</script>"; '<' only occurs
// inside JSON strings, where \u003c means the same character.
std::string ScriptSafe(const std::string& json) { return absl::StrReplaceAll(json, {{"<", "\\u003c"}}); }

std::string Script(std::string_view code) { return "<script>" + std::string(code) + "</script>\n"; }

}  // namespace

std::string RenderOrgChartPage(const v1::OrgChartResponse& chart,
                               const std::map<std::string, absl::StatusOr<v1::ProfileResponse>>& profiles,
                               const std::string& title) {
  Json nodes = Json::array();
  nodes.push_back(Node(kRootId, nullptr, title, "root"));
  for (const v1::OrgPerson& p : chart.people()) {
    nodes.push_back(PersonNode(p, p.manager().empty() ? kRootId : p.manager()));
  }
  if (!chart.unattached().empty()) {
    nodes.push_back(Node(kUnattachedId, kRootId, "No known manager", "group"));
    for (const v1::OrgPerson& p : chart.unattached()) nodes.push_back(PersonNode(p, kUnattachedId));
  }
  Json summaries = Json::object();
  for (const auto& [name, profile] : profiles) summaries[name] = ProfileSummary(profile);
  Json data{{"title", title},
            {"as_of", chart.as_of()},
            {"large_threshold", kLargeChartPeople},
            {"nodes", std::move(nodes)},
            {"profiles", std::move(summaries)},
            {"problems", Json(std::vector<std::string>(chart.problems().begin(), chart.problems().end()))}};
  std::string libraries = Script(viz::D3()) + Script(viz::D3Flextree()) + Script(viz::D3OrgChart());
  return absl::StrReplaceAll(std::string(viz::PageTemplate()), {{"<!--kith:libraries-->", libraries},
                                                   {"<!--kith:data-->", ScriptSafe(data.dump())},
                                                   {"<!--kith:script-->", Script(viz::PageScript())}});
}

}  // namespace kith::cli
