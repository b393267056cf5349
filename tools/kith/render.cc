#include "tools/kith/render.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace kith::cli {
namespace {

using Json = nlohmann::ordered_json;

// Strength to three places, so that JSON does not print binary noise.
double Rounded(double strength) { return std::round(strength * 1000.0) / 1000.0; }

Json ProblemJson(const v1::NoteProblem& p) {
  return Json{{"path", p.path()}, {"line", p.line()}, {"reason", p.reason()}};
}

std::string ProblemText(const v1::NoteProblem& p) {
  return p.line() > 0 ? absl::StrCat(p.path(), ":", p.line(), ": ", p.reason())
                      : absl::StrCat(p.path(), ": ", p.reason());
}

}  // namespace

std::string RenderWhoKnows(const v1::WhoKnowsResponse& response, bool json) {
  if (json) {
    Json people = Json::array();
    for (const v1::Acquaintance& a : response.people()) {
      Json evidence = Json::array();
      for (const v1::Evidence& e : a.evidence()) {
        evidence.push_back({{"title", e.title()}, {"date", e.date()}, {"path", e.path()}});
      }
      Json reasons = Json::array();
      for (const v1::Reason& r : a.reasons()) {
        reasons.push_back({{"relation", r.relation()}, {"text", r.text()}, {"path", r.note().path()},
                           {"date", r.note().date()}});
      }
      people.push_back({{"name", a.name()},
                        {"strength", Rounded(a.strength())},
                        {"interactions", a.interactions()},
                        {"last_interaction", a.last_interaction()},
                        {"evidence_total", a.evidence_total()},
                        {"reasons", std::move(reasons)},
                        {"evidence", std::move(evidence)}});
    }
    Json out{{"subject", response.subject()}, {"people", std::move(people)}};
    if (!response.as_of().empty()) out["as_of"] = response.as_of();
    return out.dump(2) + "\n";
  }
  std::string out;
  std::string as_of = response.as_of().empty() ? "" : absl::StrCat(" as of ", response.as_of());
  if (response.people().empty()) {
    return absl::StrCat("Nobody in the notes", as_of, " shares a meeting with ", response.subject(), ".\n");
  }
  absl::StrAppend(&out, "Who knows ", response.subject(), as_of, ":\n");
  int rank = 0;
  for (const v1::Acquaintance& a : response.people()) {
    absl::StrAppend(&out, absl::StrFormat("%2d. %-28s strength %.3f  %d meeting%s", ++rank, a.name(),
                                          Rounded(a.strength()), a.interactions(),
                                          a.interactions() == 1 ? "" : "s"));
    if (!a.last_interaction().empty()) absl::StrAppend(&out, ", last ", a.last_interaction());
    absl::StrAppend(&out, "\n");
    for (const v1::Reason& r : a.reasons()) {
      absl::StrAppend(&out, "      ", r.relation(), ": ", r.text(), "\n        ", r.note().path(), "\n");
    }
    int shown = 0;
    for (const v1::Evidence& e : a.evidence()) {
      if (shown == kTextEvidencePerPerson) break;
      ++shown;
      absl::StrAppend(&out, "      ", e.date().empty() ? "(no date) " : e.date(), "  ", e.title(),
                      "\n        ", e.path(), "\n");
    }
    if (a.evidence_total() > shown) absl::StrAppend(&out, "      ... and ", a.evidence_total() - shown, " more\n");
  }
  return out;
}

std::string RenderFacts(const std::vector<v1::Fact>& facts, bool json) {
  std::string out;
  auto or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  for (const v1::Fact& fact : facts) {
    if (json) {
      Json evidence = Json::array();
      for (const v1::FactEvidence& e : fact.evidence()) {
        evidence.push_back({{"path", e.path()}, {"section", e.section()}, {"text", e.text()}});
      }
      Json line{{"type", fact.type()},
                {"args", Json(std::vector<std::string>(fact.args().begin(), fact.args().end()))},
                {"status", or_null(fact.status())},
                {"role", or_null(fact.role())},
                {"date", or_null(fact.date())},
                {"evidence", std::move(evidence)}};
      absl::StrAppend(&out, line.dump(), "\n");
      continue;
    }
    absl::StrAppend(&out, fact.type(), "(", absl::StrJoin(fact.args(), ", "), ")");
    if (!fact.status().empty()) absl::StrAppend(&out, " status=", fact.status());
    if (!fact.role().empty()) absl::StrAppend(&out, " role=", fact.role());
    if (!fact.date().empty()) absl::StrAppend(&out, " date=", fact.date());
    if (!fact.detail().empty() && fact.type() != "OWNS_ACTION") absl::StrAppend(&out, " detail=", fact.detail());
    for (const v1::FactEvidence& e : fact.evidence()) {
      absl::StrAppend(&out, "\n    ", e.path());
      if (e.line() > 0) absl::StrAppend(&out, ":", e.line());
      if (!e.section().empty()) absl::StrAppend(&out, " [", e.section(), "]");
      if (!e.text().empty()) absl::StrAppend(&out, " ", e.text());
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

std::string RenderIngest(const v1::IngestResponse& response, bool json, bool verbose) {
  double rate = response.seconds() > 0 ? response.notes_read() / response.seconds() : 0;
  if (json) {
    Json failed = Json::array(), warnings = Json::array();
    for (const auto& p : response.failed()) failed.push_back(ProblemJson(p));
    for (const auto& p : response.warnings()) warnings.push_back(ProblemJson(p));
    Json out{{"notes_read", response.notes_read()},
             {"notes_stored", response.notes_stored()},
             {"notes_unchanged", response.notes_unchanged()},
             {"notes_unread", response.notes_unread()},
             {"notes_pruned", response.notes_pruned()},
             {"notes_failed", response.failed_size()},
             {"owner", response.owner()},
             {"seconds", response.seconds()},
             {"notes_per_second", rate},
             {"failed", std::move(failed)},
             {"warnings", std::move(warnings)}};
    return out.dump(2) + "\n";
  }
  std::string out = absl::StrFormat(
      "Read %d notes in %.2f s (%.0f notes/s): %d stored, %d unchanged, %d failed, %d warnings.\n",
      response.notes_read(), response.seconds(), rate, response.notes_stored(),
      response.notes_unchanged(), response.failed_size(), response.warnings_size());
  if (response.notes_unread() > 0) {
    absl::StrAppend(&out, "Of the unchanged, ", response.notes_unread(),
                    " were not read: their size and modification time were as stored.\n");
  }
  if (response.notes_pruned() > 0) {
    absl::StrAppend(&out, "Pruned ", response.notes_pruned(), " notes no longer in the vault.\n");
  }
  if (!response.owner().empty()) absl::StrAppend(&out, "Vault owner: ", response.owner(), "\n");
  for (const auto& p : response.failed()) absl::StrAppend(&out, "failed: ", ProblemText(p), "\n");
  if (verbose) {
    for (const auto& p : response.warnings()) absl::StrAppend(&out, "warning: ", ProblemText(p), "\n");
  } else if (response.warnings_size() > 0) {
    absl::StrAppend(&out, "(run with --verbose to list the warnings)\n");
  }
  return out;
}

}  // namespace kith::cli
