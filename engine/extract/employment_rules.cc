// Employment rules: WORKS_AT from "joined X", "is a ROLE at X", "spent N
// years at X", "prior experience in X, Y and Z", "A's background: X, Y",
// with current/former status judged by the verb group before the
// organisation.
#include "engine/extract/employment_rules.h"

#include <algorithm>

#include "engine/util/text.h"

namespace kith::extract {
namespace {

using model::EntityKind;
using model::RelationType;

constexpr size_t kMaxRoleWords = 10;

// The start of the verb group that ends at token `end`: back to the
// previous "and", ",", ";" or the clause start.
size_t VerbGroupStart(const ClauseReader& r, size_t end) {
  size_t begin = end;
  while (begin > 0 && !r.IsAny(begin - 1, {"and", ",", ";", "but", "while"})) --begin;
  return begin;
}

// Employment status from the markers of one verb group [begin, end):
// "previously"/"formerly" and past tenses make it former; the present
// tense and the present perfect ("has been at", "has worked at") current;
// "" when the group has neither.
std::string GroupStatus(const ClauseReader& r, size_t begin, size_t end) {
  static const WordSet kPastTenses{"before", "spent", "years", "was",     "were",  "worked", "led",
                                   "ran",    "headed", "managed", "owned", "served", "held",   "left"};
  static const WordSet kPresentTenses{
      "is",       "are",    "leads",    "runs",     "heads",  "owns",     "manages", "works",   "working",
      "serves",   "sits",   "oversees", "reports",  "reporting", "has",  "had",     "focuses", "covers",
      "handles",  "drives", "supports", "coordinates", "joined", "now",  "currently", "started", "been"};
  if (r.AnyBetween(begin, end, {"previously", "formerly", "earlier", "prior", "ex"})) return "former";
  for (size_t i = begin; i + 1 < end; ++i) {
    if (r.IsAny(i, {"has", "have"}) && r.IsAny(i + 1, {"been", "worked", "served"})) return "current";
  }
  if (r.AnyBetween(begin, end, kPastTenses)) return "former";
  if (r.AnyBetween(begin, end, kPresentTenses)) return "current";
  return "";
}

// The status of an employment stated at token `at`: the nearest verb group
// with a tense marker decides, so "has 8 years of X experience and has
// been at Tackle" is current, and "focuses on tooling and labs at X" looks
// past the noun list to "focuses". At most three groups back.
std::string EmploymentStatus(const ClauseReader& r, size_t at) {
  size_t end = at;
  for (int group = 0; group < 3; ++group) {
    size_t begin = VerbGroupStart(r, end);
    std::string status = GroupStatus(r, begin, end);
    if (!status.empty() || begin == 0) return status;
    end = begin - 1;
  }
  return "";
}

// "in December 2024", "in 2024-12", "on 2025-10-20" right after an
// employment's organisation: "since December 2024"; "" if none.
std::string StartAfter(const ClauseReader& r, size_t at) {
  if (!r.IsAny(at, {"in", "on"}) || at + 1 >= r.size()) return "";
  const Token& next = r.tokens()[at + 1];
  static constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december"};
  bool month = std::find(std::begin(kMonths), std::end(kMonths), next.lower) != std::end(kMonths);
  bool numeric = !next.text.empty() && next.text[0] >= '1' && next.text[0] <= '2' && next.text.size() >= 4;
  if (month && at + 2 < r.size() && r.tokens()[at + 2].text.size() == 4) {
    return std::string("since ").append(next.text).append(" ").append(r.tokens()[at + 2].text);
  }
  if (numeric) return std::string("since ").append(next.text);
  return "";
}

// "is exploring opportunities at X", "is a blocker to staying at X": the
// copula introduces an activity, not a job.
bool IsActivityNotJob(const ClauseReader& r, size_t at_word) {
  for (size_t i = 0; i + 1 < at_word; ++i) {
    if (!r.IsAny(i, {"is", "was", "are", "to"})) continue;
    std::string_view next = r.lower(i + 1);
    if (next.size() > 4 && util::EndsWith(next, "ing") && next != "working") return true;
    // "is fragmented at X": a state, not a title.
    if (i + 2 == at_word && next.size() > 4 && util::EndsWith(next, "ed")) return true;
  }
  return r.AnyBetween(0, at_word, {"attend", "attending", "visiting", "presenting", "speaking"});
}

// "is a protocols architect at VAST Data" → "protocols architect".
std::string RoleBefore(const ClauseReader& r, size_t at_word) {
  size_t copula = kNoMatch;
  for (size_t i = 0; i < at_word; ++i) {
    if (r.IsAny(i, {"is", "was", "as"})) copula = i;
  }
  if (copula == kNoMatch || at_word - copula - 1 > kMaxRoleWords || at_word == copula + 1) return "";
  size_t begin = copula + 1;
  if (r.IsAny(begin, {"a", "an", "the"})) ++begin;
  std::string role;
  for (size_t i = begin; i < at_word; ++i) {
    const Token& t = r.tokens()[i];
    if (!t.word || r.MentionAt(i) || r.IsAny(i, {"and", "who", "that", "which"})) return "";
    if (!role.empty()) role += ' ';
    role += t.text;
  }
  return role;
}

}  // namespace

void WorksAt(const ClauseReader& r, std::vector<RelationHit>& hits) {
  for (size_t i = 0; i < r.size(); ++i) {
    size_t end = kNoMatch;
    std::vector<RelationArg> orgs;
    std::string status;
    if (r.IsAny(i, {"joined", "joining"}) && !r.IsHypothetical(i)) {
      if (auto org = r.OrganizationAt(i + 1, &end)) {
        orgs.push_back(*org);
        status = r.AnyBetween(0, i, {"previously", "formerly", "earlier", "had"}) ? "former" : "current";
      }
    } else if (r.IsAny(i, {"at", "for", "with"}) && i > 0) {
      bool work_verb = r.IsAny(i - 1, {"works", "worked", "working", "work", "years", "months"});
      if (r.Is(i, "for") && !work_verb) continue;
      // "has been with NVIDIA since 2011"; other "with"s are not employment.
      if (r.Is(i, "with") && !r.IsAny(i - 1, {"been", "years", "months"})) continue;
      orgs = r.OrganizationsAt(i + 1, &end);
      if (!orgs.empty()) {
        status = EmploymentStatus(r, i);
        if (IsActivityNotJob(r, i)) status.clear();
      }
    } else if (r.IsAny(i, {"left"}) && !r.IsHypothetical(i)) {
      if (auto org = r.OrganizationAt(i + 1, &end)) {
        orgs.push_back(*org);
        status = "former";
      }
    } else if (r.Match(i, {"came", "from"}) != kNoMatch ||
               (r.Is(i, "from") && r.AnyBetween(0, i, {"joined", "moved", "came"}))) {
      size_t at = r.Is(i, "came") ? i + 2 : i + 1;
      if (auto org = r.OrganizationAt(at, &end)) {
        orgs.push_back(*org);
        status = "former";
      }
    } else if (r.Match(i, {"experience", "in"}) != kNoMatch || r.Match(i, {"experience", "at"}) != kNoMatch ||
               r.Match(i, {"experience", "with"}) != kNoMatch) {
      orgs = r.OrganizationsAt(i + 2, &end);
      status = "former";
    }
    if (orgs.empty() || status.empty()) continue;
    std::optional<RelationArg> person = r.SubjectOf(i);
    if (!person) continue;
    std::string role = r.IsAny(i, {"at"}) ? RoleBefore(r, i) : "";
    std::string duration = r.DurationNear(i, end);
    // "joined VAST Data in December 2024": the start, when stated.
    if (duration.empty() && r.IsAny(i, {"joined", "joining"})) duration = StartAfter(r, end);
    for (const RelationArg& org : orgs) {
      Add(hits, RelationType::kWorksAt, {*person, org}, status, role, duration);
    }
  }
}

// "Karl's background: Sun, NetApp, Cisco": the companies a person came from.
void Background(const ClauseReader& r, std::vector<RelationHit>& hits) {
  for (size_t i = 1; i + 1 < r.size(); ++i) {
    if (!r.Is(i, "background") || !r.Is(i + 1, ":")) continue;
    const Mention* m = nullptr;
    for (size_t k = 0; k < i; ++k) {
      const Mention* at = r.MentionAt(k);
      if (at != nullptr && at->end == i && at->kind == EntityKind::kPerson) m = at;
    }
    if (m == nullptr || !r.tokens()[i - 1].possessive) continue;
    size_t end = i + 2;
    for (const RelationArg& org : r.OrganizationsAt(i + 2, &end)) {
      Add(hits, RelationType::kWorksAt, {{EntityKind::kPerson, m->name}, org}, "former");
    }
  }
}

}  // namespace kith::extract
