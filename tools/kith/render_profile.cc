// profile, for people and for scripts.
#include <cmath>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tools/kith/render.h"

namespace kith::cli {

std::string RenderProfile(const v1::ProfileResponse& p, bool json) {
  using Json = nlohmann::ordered_json;
  if (json) {
    Json employment = Json::array();
    for (const v1::EmploymentRecord& e : p.employment()) {
      employment.push_back({{"organization", e.organization()}, {"status", e.status()}, {"role", e.role()},
                            {"detail", e.detail()}, {"date", e.date()}, {"text", e.text()}, {"path", e.path()}});
    }
    Json connections = Json::array();
    for (const v1::Acquaintance& a : p.connections()) {
      connections.push_back({{"name", a.name()}, {"strength", std::round(a.strength() * 1000.0) / 1000.0},
                             {"interactions", a.interactions()}});
    }
    Json tasks = Json::array();
    for (const v1::Task& t : p.open_tasks()) {
      tasks.push_back({{"text", t.text()}, {"status", t.status()}, {"due", t.due()}, {"path", t.note().path()}});
    }
    Json out{{"name", p.name()},
             {"aliases", Json(std::vector<std::string>(p.aliases().begin(), p.aliases().end()))},
             {"emails", Json(std::vector<std::string>(p.emails().begin(), p.emails().end()))},
             {"employment", std::move(employment)},
             {"managers", Json(std::vector<std::string>(p.managers().begin(), p.managers().end()))},
             {"reports", Json(std::vector<std::string>(p.reports().begin(), p.reports().end()))},
             {"connections", std::move(connections)},
             {"topics", Json(std::vector<std::string>(p.topics().begin(), p.topics().end()))},
             {"open_tasks", std::move(tasks)},
             {"meetings", p.meetings()},
             {"first_interaction", p.first_interaction()},
             {"last_interaction", p.last_interaction()}};
    if (!p.as_of().empty()) out["as_of"] = p.as_of();
    return out.dump(2) + "\n";
  }
  std::string out = p.name() + (p.as_of().empty() ? "" : " (as of " + p.as_of() + ")") + "\n";
  if (!p.aliases().empty()) absl::StrAppend(&out, "  also known as ", absl::StrJoin(p.aliases(), ", "), "\n");
  if (!p.emails().empty()) absl::StrAppend(&out, "  e-mail ", absl::StrJoin(p.emails(), ", "), "\n");
  if (p.meetings() > 0) {
    absl::StrAppend(&out, "  ", p.meetings(), p.meetings() == 1 ? " meeting" : " meetings", ", first ",
                    p.first_interaction(), ", last ",
                    p.last_interaction(), "\n");
  }
  if (!p.employment().empty()) {
    out += "Organisations:\n";
    for (const v1::EmploymentRecord& e : p.employment()) {
      absl::StrAppend(&out, "  ", e.organization(), e.status().empty() ? "" : absl::StrCat(" (", e.status(), ")"),
                      e.role().empty() ? "" : absl::StrCat(", ", e.role()),
                      e.detail().empty() ? "" : absl::StrCat(", ", e.detail()), "\n      ", e.text(), "\n");
    }
  }
  if (!p.managers().empty()) absl::StrAppend(&out, "Reports to: ", absl::StrJoin(p.managers(), ", "), "\n");
  if (!p.reports().empty()) absl::StrAppend(&out, "Reports: ", absl::StrJoin(p.reports(), ", "), "\n");
  if (!p.connections().empty()) {
    out += "Top connections:\n";
    for (const v1::Acquaintance& a : p.connections()) {
      absl::StrAppend(&out, absl::StrFormat("  %-28s %.3f\n", a.name(), std::round(a.strength() * 1000.0) / 1000.0));
    }
  }
  if (!p.topics().empty()) absl::StrAppend(&out, "Topics: ", absl::StrJoin(p.topics(), ", "), "\n");
  if (!p.open_tasks().empty()) {
    out += "Open action items:\n";
    for (const v1::Task& t : p.open_tasks()) {
      absl::StrAppend(&out, "  ", t.due().empty() ? "(no due)  " : t.due(), "  ", t.text(), "\n");
    }
  }
  return out;
}

std::string RenderStats(const v1::StatsResponse& s, bool json) {
  using Json = nlohmann::ordered_json;
  Json by_type = Json::object();
  for (const v1::TypeCount& c : s.facts_by_type()) by_type[c.type()] = c.count();
  if (json) {
    return Json{{"notes", s.notes()}, {"people", s.people()}, {"organizations", s.organizations()},
                {"topics", s.topics()}, {"facts", s.facts()}, {"facts_by_type", by_type},
                {"owner", s.owner()}, {"latest_note", s.latest_note()}}
               .dump(2) + "\n";
  }
  std::string out = absl::StrCat(s.notes(), " notes, ", s.people(), " people, ", s.organizations(), " organisations, ",
                                 s.topics(), " topics, ", s.facts(), " facts\n");
  if (!s.owner().empty()) absl::StrAppend(&out, "Vault owner: ", s.owner(), "\n");
  if (!s.latest_note().empty()) absl::StrAppend(&out, "Newest note: ", s.latest_note(), "\n");
  for (const v1::TypeCount& c : s.facts_by_type()) absl::StrAppend(&out, absl::StrFormat("  %-13s %d\n", c.type(), c.count()));
  return out;
}

std::string RenderSearch(const v1::SearchResponse& r, bool json) {
  using Json = nlohmann::ordered_json;
  if (json) {
    Json hits = Json::array();
    for (const v1::SearchHit& h : r.hits()) {
      hits.push_back({{"name", h.name()}, {"kind", h.kind()}, {"rank", h.rank()}, {"alias", h.alias()}});
    }
    return Json{{"hits", std::move(hits)}}.dump(2) + "\n";
  }
  if (r.hits().empty()) return "No matching names.\n";
  std::string out;
  for (const v1::SearchHit& h : r.hits()) {
    absl::StrAppend(&out, absl::StrFormat("%-36s %s", h.name(), h.kind()),
                    h.alias().empty() ? "" : absl::StrCat("  (as ", h.alias(), ")"), "\n");
  }
  return out;
}

std::string RenderConnectors(const v1::ConnectorsResponse& r, bool json) {
  using Json = nlohmann::ordered_json;
  auto rounded = [](double x) { return std::round(x * 1000.0) / 1000.0; };
  if (json) {
    Json list = Json::array();
    for (const v1::Connector& c : r.connectors()) {
      Json contacts = Json::array();
      for (const v1::Contact& k : c.contacts()) contacts.push_back({{"name", k.name()}, {"strength", rounded(k.strength())}});
      list.push_back({{"name", c.name()}, {"score", rounded(c.score())}, {"contacts", std::move(contacts)}});
    }
    return Json{{"organization", r.organization()}, {"members", r.members()}, {"connectors", std::move(list)}}.dump(2) +
           "\n";
  }
  if (r.connectors().empty()) {
    return absl::StrCat("Nobody in the notes is known to know any of the ", r.members(), " people at ",
                        r.organization(), ".\n");
  }
  std::string out = absl::StrCat("Who knows people at ", r.organization(), " (", r.members(), " known there):\n");
  int rank = 0;
  for (const v1::Connector& c : r.connectors()) {
    std::vector<std::string> names;
    for (const v1::Contact& k : c.contacts()) names.push_back(absl::StrFormat("%s %.3f", k.name(), rounded(k.strength())));
    absl::StrAppend(&out, absl::StrFormat("%2d. %-28s %.3f  knows %s\n", ++rank, c.name(), rounded(c.score()),
                                          absl::StrJoin(names, ", ")));
  }
  return out;
}

std::string RenderCheck(const v1::CheckResponse& r, bool json) {
  if (json) {
    nlohmann::ordered_json out{{"notes", r.notes()},       {"facts", r.facts()},
                               {"edges", r.edges()},       {"entities", r.entities()},
                               {"names", r.names()},       {"aliases", r.aliases()},
                               {"breach_count", r.breach_count()},
                               {"breaches", std::vector<std::string>(r.breaches().begin(), r.breaches().end())}};
    return out.dump(2) + "\n";
  }
  std::string out = absl::StrFormat(
      "Checked %d notes, %d facts, %d edge keys, %d entities, %d names, %d aliases: ", r.notes(), r.facts(),
      r.edges(), r.entities(), r.names(), r.aliases());
  if (r.breach_count() == 0) return out + "no breaches.\n";
  absl::StrAppend(&out, r.breach_count(), r.breach_count() == 1 ? " breach" : " breaches", ".\n");
  for (const std::string& b : r.breaches()) absl::StrAppend(&out, "  ", b, "\n");
  if (r.breach_count() > r.breaches_size()) absl::StrAppend(&out, "  ... and ", r.breach_count() - r.breaches_size(), " more\n");
  return out;
}

}  // namespace kith::cli
