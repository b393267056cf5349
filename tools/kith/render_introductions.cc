// introductions and how-met, for people and for scripts.
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
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

}  // namespace kith::cli
