// introductions and how-met, for people and for scripts.
#include <nlohmann/json.hpp>

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/kith/render.h"

namespace kith::cli {
namespace {

using Json = nlohmann::ordered_json;

Json IntroJson(const v1::Introduction& i) {
  return Json{{"introducer", i.introducer()}, {"introduced", i.introduced()},
              {"to", i.to().empty() ? Json(nullptr) : Json(i.to())},
              {"date", i.date()}, {"text", i.text()}, {"path", i.note().path()}};
}

std::string IntroText(const v1::Introduction& i) {
  std::string out = absl::StrCat(i.date().empty() ? "(no date)" : i.date(), "  ", i.introducer(), " introduced ",
                                 i.introduced());
  if (!i.to().empty()) absl::StrAppend(&out, " to ", i.to());
  absl::StrAppend(&out, "\n    ", i.text(), "\n    ", i.note().path(), "\n");
  return out;
}

}  // namespace

std::string RenderIntroductions(const v1::IntroductionsResponse& response, bool json) {
  if (json) {
    Json list = Json::array();
    for (const v1::Introduction& i : response.introductions()) list.push_back(IntroJson(i));
    return Json{{"introductions", std::move(list)}}.dump(2) + "\n";
  }
  if (response.introductions().empty()) return "No introductions are recorded.\n";
  std::string out;
  for (const v1::Introduction& i : response.introductions()) out += IntroText(i);
  return out;
}

std::string RenderHowMet(const v1::HowMetResponse& r, bool json) {
  if (json) {
    Json out{{"a", r.a()}, {"b", r.b()}, {"how", r.how()}};
    if (r.has_introduction()) out["introduction"] = IntroJson(r.introduction());
    if (r.has_first_meeting()) {
      out["first_meeting"] = {{"title", r.first_meeting().title()}, {"date", r.first_meeting().date()},
                              {"path", r.first_meeting().path()}};
    }
    return out.dump(2) + "\n";
  }
  if (r.how() == "introduced") {
    const v1::Introduction& i = r.introduction();
    std::string who = i.to().empty() ? i.introduced() : absl::StrCat(i.introduced(), " and ", i.to());
    return absl::StrCat(who, " were introduced by ", i.introducer(),
                        i.date().empty() ? "" : absl::StrCat(" on ", i.date()), ".\n    ", i.text(), "\n    ",
                        i.note().path(), "\n");
  }
  if (r.how() == "first_meeting") {
    const v1::Evidence& m = r.first_meeting();
    return absl::StrCat("No introduction of ", r.a(), " and ", r.b(), " is recorded; their first shared meeting was \"",
                        m.title(), "\"", m.date().empty() ? "" : absl::StrCat(" on ", m.date()), ".\n    ", m.path(),
                        "\n");
  }
  return absl::StrCat("The notes record no introduction of ", r.a(), " and ", r.b(),
                      " and no meeting they both attended.\n");
}

std::string RenderTasks(const v1::TasksResponse& response, bool json) {
  if (json) {
    Json list = Json::array();
    for (const v1::Task& t : response.tasks()) {
      list.push_back({{"owner", t.owner()}, {"text", t.text()}, {"status", t.status()}, {"due", t.due()},
                      {"priority", t.priority()}, {"path", t.note().path()}, {"line", t.line()}});
    }
    return Json{{"tasks", std::move(list)}}.dump(2) + "\n";
  }
  if (response.tasks().empty()) return "No matching action items.\n";
  std::string out;
  for (const v1::Task& t : response.tasks()) {
    absl::StrAppend(&out, t.due().empty() ? "(no due)  " : t.due(), "  [", t.status(), "]",
                    t.priority().empty() ? "" : absl::StrCat(" ", t.priority()), "  ",
                    t.owner().empty() ? "(no owner)" : t.owner(), ": ", t.text(), "\n    ", t.note().path(), ":",
                    t.line(), "\n");
  }
  return out;
}

namespace {

Json EventsJson(const google::protobuf::RepeatedPtrField<v1::SharedEvent>& events) {
  Json timeline = Json::array();
  for (const v1::SharedEvent& e : events) {
    Json notes = Json::array();
    for (const v1::Evidence& n : e.notes()) notes.push_back({{"title", n.title()}, {"date", n.date()}, {"path", n.path()}});
    timeline.push_back({{"date", e.date()}, {"kind", e.kind()}, {"description", e.description()},
                        {"text", e.text()}, {"notes", std::move(notes)}});
  }
  return timeline;
}

std::string EventsText(const google::protobuf::RepeatedPtrField<v1::SharedEvent>& events) {
  std::string out;
  for (const v1::SharedEvent& e : events) {
    absl::StrAppend(&out, "  ", e.date().empty() ? "(no date)" : e.date(), "  ", e.kind(), ": ", e.description(), "\n");
    if (!e.text().empty()) absl::StrAppend(&out, "      ", e.text(), "\n");
    for (const v1::Evidence& n : e.notes()) absl::StrAppend(&out, "      ", n.path(), "\n");
  }
  return out;
}

}  // namespace

std::string RenderTimeline(const v1::TimelineResponse& r, bool json) {
  if (json) return Json{{"name", r.name()}, {"events", EventsJson(r.events())}}.dump(2) + "\n";
  if (r.events().empty()) return absl::StrCat("The notes record nothing about ", r.name(), ".\n");
  return absl::StrCat("Timeline of ", r.name(), ":\n", EventsText(r.events()));
}

std::string RenderSharedHistory(const v1::SharedHistoryResponse& r, bool json) {
  if (json) {
    Json timeline = EventsJson(r.timeline());
    Json orgs = Json::array();
    for (const v1::SharedOrganization& o : r.organizations()) {
      orgs.push_back({{"name", o.name()}, {"a_status", o.a_status()}, {"b_status", o.b_status()}});
    }
    return Json{{"a", r.a()},
                {"b", r.b()},
                {"timeline", std::move(timeline)},
                {"timeline_total", r.timeline_total()},
                {"organizations", std::move(orgs)},
                {"topics", Json(std::vector<std::string>(r.topics().begin(), r.topics().end()))},
                {"topics_total", r.topics_total()}}
               .dump(2) + "\n";
  }
  std::string out = absl::StrCat("Shared history of ", r.a(), " and ", r.b());
  if (r.timeline_total() > r.timeline_size()) {
    absl::StrAppend(&out, " (the newest ", r.timeline_size(), " of ", r.timeline_total(),
                    " entries; --limit 0 lists all)");
  }
  out += ":\n";
  if (r.timeline().empty()) out += "  No shared meetings, notes or stated relations.\n";
  out += EventsText(r.timeline());
  if (!r.organizations().empty()) {
    out += "Organisations both belonged to:\n";
    for (const v1::SharedOrganization& o : r.organizations()) {
      absl::StrAppend(&out, "  ", o.name(), " (", r.a(), ": ", o.a_status().empty() ? "?" : o.a_status(), "; ",
                      r.b(), ": ", o.b_status().empty() ? "?" : o.b_status(), ")\n");
    }
  }
  if (!r.topics().empty()) {
    out += "Topics of their meetings, the most discussed first";
    if (r.topics_total() > r.topics_size()) absl::StrAppend(&out, " (", r.topics_size(), " of ", r.topics_total(), ")");
    out += ":\n";
    for (const std::string& t : r.topics()) absl::StrAppend(&out, "  ", t, "\n");
  }
  return out;
}

std::string RenderIntroPath(const v1::IntroPathResponse& r, int max_hops, bool json) {
  auto rounded = [](double x) { return std::round(x * 1000.0) / 1000.0; };
  if (json) {
    Json paths = Json::array();
    for (const v1::IntroPathOption& p : r.paths()) {
      Json hops = Json::array();
      for (const v1::PathHop& h : p.hops()) {
        hops.push_back({{"from", h.from()}, {"to", h.to()}, {"strength", rounded(h.strength())},
                        {"meetings", h.meetings()}, {"last_meeting", h.last_meeting()}, {"relation", h.relation()},
                        {"evidence", h.evidence()}, {"path", h.evidence_path()}});
      }
      paths.push_back({{"strength", rounded(p.strength())}, {"weakest", p.weakest()}, {"hops", std::move(hops)}});
    }
    return Json{{"from", r.from()}, {"to", r.to()}, {"paths", std::move(paths)}}.dump(2) + "\n";
  }
  if (r.paths().empty()) {
    return absl::StrCat("No path of at most ", max_hops, " hops connects ", r.from(), " and ", r.to(),
                        " in the notes.\n");
  }
  std::string out;
  int n = 0;
  for (const v1::IntroPathOption& p : r.paths()) {
    absl::StrAppend(&out, ++n, ". ", r.from());
    for (const v1::PathHop& h : p.hops()) absl::StrAppend(&out, " -> ", h.to());
    absl::StrAppend(&out, absl::StrFormat("  (strength %.3f)\n", rounded(p.strength())));
    for (int i = 0; i < p.hops_size(); ++i) {
      const v1::PathHop& h = p.hops(i);
      absl::StrAppend(&out, absl::StrFormat("     %s -> %s: %.3f", h.from(), h.to(), rounded(h.strength())));
      if (h.meetings() > 0) {
        absl::StrAppend(&out, ", ", h.meetings(), " meeting", h.meetings() == 1 ? "" : "s");
        if (!h.last_meeting().empty()) absl::StrAppend(&out, " (last ", h.last_meeting(), ")");
      }
      if (!h.relation().empty()) absl::StrAppend(&out, ", ", h.relation());
      if (i == p.weakest()) absl::StrAppend(&out, "  <- weakest link");
      absl::StrAppend(&out, "\n       ", h.evidence(), " (", h.evidence_path(), ")\n");
    }
  }
  return out;
}

}  // namespace kith::cli
