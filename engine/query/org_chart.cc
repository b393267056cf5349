// The org chart: REPORTS_TO facts folded into one manager per person.
#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/query/query.h"
#include "engine/util/date.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith::query {
namespace {

using model::RelationType;

struct Statement {
  store::NodeId manager = 0;
  std::optional<int32_t> date;
  std::string text;
  std::string path;
};

struct CurrentJob {
  std::string organization;
  store::NodeId organization_id = 0;
  std::string role;
  std::optional<int32_t> date;
};

// The latest current WORKS_AT of a person, with the latest role stated
// for that employer (a profile's role outlives a later sentence that names
// only the company).
absl::StatusOr<std::optional<CurrentJob>> CurrentEmployment(const store::StoreReader& reader, store::NodeId person) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, store::Direction::kOut, RelationType::kWorksAt));
  std::vector<std::pair<store::StoredFact, store::NodeId>> current;
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    if (fact && fact->status == "current") current.emplace_back(*std::move(fact), edge.neighbour);
  }
  if (current.empty()) return std::nullopt;
  auto latest = std::max_element(current.begin(), current.end(),
                                 [](const auto& a, const auto& b) { return a.first.date < b.first.date; });
  ASSIGN_OR_RETURN(std::optional<store::EntityInfo> org, reader.Entity(latest->second));
  if (!org) return std::nullopt;
  CurrentJob job{org->name, org->id, "", latest->first.date};
  std::optional<int32_t> role_date;
  bool have_role = false;
  for (const auto& [fact, org_id] : current) {
    if (org_id != job.organization_id || fact.role.empty()) continue;
    if (!have_role || fact.date > role_date) {
      job.role = fact.role;
      role_date = fact.date;
      have_role = true;
    }
  }
  return job;
}

std::string DateText(const std::optional<int32_t>& d) { return d ? util::FormatIsoDate(*d) : "undated"; }

}  // namespace

absl::StatusOr<OrgChart> BuildOrgChart(const store::StoreReader& reader, const OrgChartQuery& query) {
  // Every person's stated managers.
  std::vector<store::NodeId> people;
  RETURN_IF_ERROR(reader.ForEachName([&](std::string_view, model::EntityKind kind, store::NodeId id) {
    if (kind == model::EntityKind::kPerson) people.push_back(id);
    return true;
  }));
  std::map<store::NodeId, std::vector<Statement>> statements;
  std::set<store::NodeId> in_chart;
  for (store::NodeId person : people) {
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, store::Direction::kOut, RelationType::kReportsTo));
    for (const store::EdgeRef& edge : edges) {
      ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
      ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
      if (!fact || !note) return absl::DataLossError("a reports-to edge names a missing fact or note");
      if (fact->status == "former") continue;
      statements[person].push_back({edge.neighbour, note->date, fact->evidence.text, note->path});
      in_chart.insert(person);
      in_chart.insert(edge.neighbour);
    }
  }

  auto name_of = [&](store::NodeId id) -> absl::StatusOr<std::string> {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(id));
    return e ? e->name : std::string("?");
  };

  OrgChart chart;
  // One manager each: the latest statement wins; disagreement is reported.
  std::map<store::NodeId, Statement> manager_of;
  for (auto& [person, list] : statements) {
    std::stable_sort(list.begin(), list.end(), [](const Statement& a, const Statement& b) { return a.date > b.date; });
    manager_of[person] = list.front();
    std::set<store::NodeId> distinct;
    for (const Statement& s : list) distinct.insert(s.manager);
    if (distinct.size() > 1) {
      std::vector<std::string> named;
      for (const Statement& s : list) {
        ASSIGN_OR_RETURN(std::string m, name_of(s.manager));
        named.push_back(absl::StrCat(m, " (", DateText(s.date), ")"));
      }
      ASSIGN_OR_RETURN(std::string p, name_of(person));
      chart.problems.push_back(absl::StrCat("conflicting managers for ", p, ": ", absl::StrJoin(named, ", "),
                                            "; using the most recent"));
    }
  }
  // Cycles: follow managers; a walk that returns to itself is cut at the
  // link whose statement is oldest.
  for (auto& [start, unused] : std::map<store::NodeId, Statement>(manager_of)) {
    std::vector<store::NodeId> path;
    std::set<store::NodeId> seen;
    store::NodeId at = start;
    while (manager_of.count(at) && !seen.count(at)) {
      seen.insert(at);
      path.push_back(at);
      at = manager_of[at].manager;
    }
    if (!manager_of.count(at) || at != start) continue;
    store::NodeId weakest = path.front();
    for (store::NodeId p : path) {
      if (manager_of[p].date < manager_of[weakest].date) weakest = p;
    }
    std::vector<std::string> names;
    for (store::NodeId p : path) {
      ASSIGN_OR_RETURN(std::string n, name_of(p));
      names.push_back(n);
    }
    ASSIGN_OR_RETURN(std::string cut, name_of(weakest));
    chart.problems.push_back(absl::StrCat("reporting cycle ", absl::StrJoin(names, " -> "), " -> ", names.front(),
                                          "; dropped the oldest link, from ", cut));
    manager_of.erase(weakest);
  }

  // Restrict to a subtree or an organisation.
  std::set<store::NodeId> keep = in_chart;
  std::map<store::NodeId, std::optional<CurrentJob>> jobs;
  for (store::NodeId id : in_chart) {
    ASSIGN_OR_RETURN(jobs[id], CurrentEmployment(reader, id));
  }
  if (!query.root.empty()) {
    ASSIGN_OR_RETURN(store::EntityInfo root, ResolvePerson(reader, query.root));
    keep.clear();
    keep.insert(root.id);
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& [person, s] : manager_of) {
        if (keep.count(s.manager) && keep.insert(person).second) grew = true;
      }
    }
    manager_of.erase(root.id);  // The root is the top of its subtree.
  }
  std::set<store::NodeId> org_people;
  if (!query.organization.empty()) {
    ASSIGN_OR_RETURN(store::EntityInfo org, ResolveOrganization(reader, query.organization));
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(org.id, store::Direction::kIn, RelationType::kWorksAt));
    for (const store::EdgeRef& edge : edges) {
      ASSIGN_OR_RETURN(std::optional<CurrentJob> job, CurrentEmployment(reader, edge.neighbour));
      if (job && job->organization_id == org.id) {
        org_people.insert(edge.neighbour);
        jobs[edge.neighbour] = job;
      }
    }
    std::set<store::NodeId> filtered;
    for (store::NodeId id : keep) {
      if (org_people.count(id)) filtered.insert(id);
    }
    keep = filtered;
  }

  // Managers before reports: breadth-first from the roots.
  auto node = [&](store::NodeId id) -> absl::StatusOr<OrgNode> {
    OrgNode n;
    ASSIGN_OR_RETURN(n.name, name_of(id));
    auto m = manager_of.find(id);
    if (m != manager_of.end() && keep.count(m->second.manager)) {
      ASSIGN_OR_RETURN(n.manager, name_of(m->second.manager));
      n.evidence = m->second.text;
      n.evidence_path = m->second.path;
    }
    if (jobs.count(id) && jobs[id]) {
      n.title = jobs[id]->role;
      n.organization = jobs[id]->organization;
    }
    return n;
  };
  std::vector<OrgNode> nodes;
  for (store::NodeId id : keep) {
    ASSIGN_OR_RETURN(OrgNode n, node(id));
    nodes.push_back(std::move(n));
  }
  std::sort(nodes.begin(), nodes.end(), [](const OrgNode& a, const OrgNode& b) { return a.name < b.name; });
  std::set<std::string> placed;
  for (size_t round = 0; round <= nodes.size() && placed.size() < nodes.size(); ++round) {
    for (const OrgNode& n : nodes) {
      if (placed.count(n.name) || (!n.manager.empty() && !placed.count(n.manager))) continue;
      chart.people.push_back(n);
      placed.insert(n.name);
    }
  }
  for (store::NodeId id : org_people) {
    if (in_chart.count(id)) continue;
    ASSIGN_OR_RETURN(OrgNode n, node(id));
    chart.unattached.push_back(std::move(n));
  }
  std::sort(chart.unattached.begin(), chart.unattached.end(),
            [](const OrgNode& a, const OrgNode& b) { return a.name < b.name; });
  return chart;
}

}  // namespace kith::query
