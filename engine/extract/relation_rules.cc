// The trigger phrases kith understands, one function per relation family.
// Each scans the clause once; hits are de-duplicated at the end.
#include "engine/extract/relation_rules.h"

#include <algorithm>

#include "engine/extract/clause_reader.h"
#include "engine/extract/employment_rules.h"
#include "engine/util/date.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

using model::EntityKind;
using model::RelationType;

}  // namespace

void Add(std::vector<RelationHit>& hits, RelationType type, std::vector<RelationArg> args,
         std::string status, std::string role, std::string detail) {
  for (const RelationArg& a : args) {
    if (a.name.empty()) return;
  }
  // A relation of a person with themself is a misreading.
  if (args.size() >= 2 && util::FoldName(args[0].name) == util::FoldName(args[1].name)) return;
  hits.push_back({type, std::move(args), std::move(status), std::move(role), std::move(detail), {}});
}

namespace {

// "the contact reports to", "his friend reports to": a finite verb right
// after a common noun has that noun, not any person, as its subject.
bool HasNounSubject(const ClauseReader& r, size_t verb) {
  if (r.Is(verb, "reporting")) return false;  // A participle modifies the clause's subject.
  size_t i = verb;
  while (i > 0 && r.IsAny(i - 1, {"directly", "also", "now", "still", "formally", "currently"})) --i;
  if (i == 0) return false;
  const Token& before = r.tokens()[i - 1];
  if (!before.word || before.capitalized || r.IsAny(i - 1, {"who", "and", "he", "she", "i", "that"})) {
    return false;
  }
  for (size_t k = 0; k < i; ++k) {
    const Mention* m = r.MentionAt(k);
    if (m != nullptr && m->end == i) return false;
  }
  return true;
}

void ReportsTo(const ClauseReader& r, std::vector<RelationHit>& hits) {
  for (size_t i = 0; i < r.size(); ++i) {
    size_t after = kNoMatch;
    for (auto verb : {"reports", "reported", "reporting", "report"}) {
      if (after == kNoMatch) after = r.Match(i, {verb, "to"});
    }
    if (after != kNoMatch && !r.IsHypothetical(i) && !HasNounSubject(r, i)) {
      size_t end = after;
      std::optional<RelationArg> manager = r.PersonAt(after, &end);
      // "reports to John Mao's contact": the manager is the contact.
      if (manager && end > 0 && r.tokens()[end - 1].possessive) manager.reset();
      std::optional<RelationArg> report = r.SubjectOf(i);
      if (manager && report) {
        Add(hits, RelationType::kReportsTo, {*report, *manager}, r.Is(i, "reported") ? "former" : "");
      }
    }
    // "the pre-sales lead for AI under Zia": "under" a person after a role.
    static const WordSet kRolesAndVerbs{"lead", "leader", "head", "director", "manager", "engineer", "vp",
                                        "works", "joined", "is", "was", "cfo", "cto", "ceo"};
    if (r.Is(i, "under") && !r.IsHypothetical(i) && r.AnyBetween(0, i, kRolesAndVerbs)) {
      size_t end = i + 1;
      if (r.IsAny(end, {"cfo", "ceo", "cto", "coo", "vp", "svp", "evp"})) ++end;
      size_t name_end = end;
      std::optional<RelationArg> manager = r.PersonAt(end, &name_end);
      std::optional<RelationArg> report = r.SubjectOf(i);
      if (manager && report && !r.tokens()[name_end - 1].possessive) {
        Add(hits, RelationType::kReportsTo, {*report, *manager});
      }
    }
    // "a principal engineer on Egi's team".
    if (r.IsAny(i, {"on", "in", "joined"}) && i + 1 < r.size()) {
      const Mention* owner = r.MentionAt(i + 1);
      size_t end = i + 1;
      std::optional<RelationArg> lead;
      if (owner != nullptr && owner->kind == EntityKind::kPerson) {
        lead = RelationArg{owner->kind, owner->name};
        end = owner->end;
      } else {
        lead = r.PersonAt(i + 1, &end);
      }
      if (lead && end > 0 && r.tokens()[end - 1].possessive && r.IsAny(end, {"team", "org", "organization", "group"}) &&
          !r.IsHypothetical(i)) {
        if (auto report = r.SubjectOf(i)) Add(hits, RelationType::kReportsTo, {*report, *lead});
      }
    }
    // "Jason was Peter's manager", "Peter's manager is Jason".
    const Mention* m = r.MentionAt(i);
    if (m != nullptr && m->kind == EntityKind::kPerson && r.tokens()[m->end - 1].possessive &&
        r.IsAny(m->end, {"manager", "boss", "supervisor"})) {
      RelationArg report{EntityKind::kPerson, m->name};
      size_t end = m->end + 1;
      if (r.IsAny(end, {"is", "was"})) {
        size_t name_end = end;
        if (auto manager = r.PersonAt(end + 1, &name_end)) {
          Add(hits, RelationType::kReportsTo, {report, *manager}, r.Is(end, "was") ? "former" : "");
        }
      } else if (m->begin >= 1 && r.IsAny(m->begin - 1, {"is", "was"})) {
        if (auto manager = r.SubjectOf(m->begin - 1)) {
          Add(hits, RelationType::kReportsTo, {report, *manager},
              r.Is(m->begin - 1, "was") ? "former" : "");
        }
      }
    }
  }
}

// Relations between two people that a verb phrase states directly.
void PersonToPerson(const ClauseReader& r, std::vector<RelationHit>& hits) {
  struct Trigger {
    std::initializer_list<std::string_view> words;
    RelationType type;
  };
  static const Trigger kTriggers[] = {
      {{"worked", "with"}, RelationType::kWorkedWith},
      {{"works", "with"}, RelationType::kWorkedWith},
      {{"working", "with"}, RelationType::kWorkedWith},
      {{"collaborated", "with"}, RelationType::kWorkedWith},
      {{"worked", "alongside"}, RelationType::kWorkedWith},
      {{"spoke", "with"}, RelationType::kKnows},
      {{"spoke", "to"}, RelationType::kKnows},
      {{"talked", "with"}, RelationType::kKnows},
      {{"met", "with"}, RelationType::kKnows},
      {{"met"}, RelationType::kKnows},
      {{"partnered", "with"}, RelationType::kKnows},
      {{"partners", "with"}, RelationType::kKnows},
      {{"knows"}, RelationType::kKnows},
      {{"connected", "with"}, RelationType::kKnows},
      {{"is", "connected", "to"}, RelationType::kKnows},
  };
  for (size_t i = 0; i < r.size(); ++i) {
    // Every trigger starts with one of these words; most tokens are none.
    static const WordSet kFirstWords{"worked",    "works", "working", "collaborated", "spoke",     "talked", "met",
                                     "partnered", "partners", "knows", "connected",  "is",        "work"};
    if (!r.IsIn(i, kFirstWords)) continue;
    for (const Trigger& trigger : kTriggers) {
      size_t after = r.Match(i, trigger.words);
      if (after == kNoMatch || r.IsHypothetical(i)) continue;
      size_t end = after;
      std::vector<RelationArg> others = r.PeopleAt(after, &end);
      std::optional<RelationArg> subject = r.SubjectOf(i);
      if (!subject) continue;
      std::string context;
      size_t org_end = end;
      if (r.Is(end, "at")) {
        if (auto org = r.OrganizationAt(end + 1, &org_end)) context = "at " + org->name;
      }
      for (const RelationArg& other : others) {
        Add(hits, trigger.type, {*subject, other}, "", "", context);
      }
      break;
    }
    // "A and B worked together".
    if (r.Match(i, {"worked", "together"}) != kNoMatch || r.Match(i, {"work", "together"}) != kNoMatch) {
      const Mention* first = nullptr;
      const Mention* second = nullptr;
      for (size_t k = 0; k < i; ++k) {
        const Mention* m = r.MentionAt(k);
        if (m == nullptr || m->kind != EntityKind::kPerson) continue;
        if (first == nullptr) {
          first = m;
        } else if (second == nullptr) {
          second = m;
        }
      }
      if (first && second) {
        Add(hits, RelationType::kWorkedWith, {{EntityKind::kPerson, first->name}, {EntityKind::kPerson, second->name}});
      }
    }
  }
}

void Introduced(const ClauseReader& r, std::vector<RelationHit>& hits) {
  for (size_t i = 0; i < r.size(); ++i) {
    // "Glenn made the introduction between Jason and Lior".
    size_t between = r.Match(i, {"made", "the", "introduction", "between"});
    if (between == kNoMatch) between = r.Match(i, {"made", "an", "introduction", "between"});
    if (between != kNoMatch && !r.IsHypothetical(i)) {
      size_t end = between;
      std::vector<RelationArg> pair = r.PeopleAt(between, &end);
      std::optional<RelationArg> introducer = r.SubjectOf(i);
      if (introducer && pair.size() == 2) {
        Add(hits, RelationType::kIntroduced, {*introducer, pair[0], pair[1]});
      }
    }
    if (!r.Is(i, "introduced") || r.IsHypothetical(i)) continue;
    size_t end = i + 1;
    if (r.Is(i + 1, "to") && i > 0 && r.IsAny(i - 1, {"was", "were", "been", "got"})) {
      // Passive: "Edwin was introduced to Jason by Adem".
      std::optional<RelationArg> introduced = r.SubjectOf(i);
      std::optional<RelationArg> to = r.PersonAt(i + 2, &end);
      if (introduced && to && r.Is(end, "by")) {
        size_t by_end = end;
        if (auto introducer = r.PersonAt(end + 1, &by_end)) {
          Add(hits, RelationType::kIntroduced, {*introducer, *introduced, *to});
        }
      }
      continue;
    }
    std::optional<RelationArg> introducer = r.SubjectOf(i);
    std::optional<RelationArg> introduced = r.PersonAt(i + 1, &end);
    if (!introducer || !introduced) continue;
    std::vector<RelationArg> args = {*introducer, *introduced};
    size_t to_end = end;
    if (r.Is(end, "to")) {
      if (auto to = r.PersonAt(end + 1, &to_end)) args.push_back(*to);
    }
    Add(hits, RelationType::kIntroduced, std::move(args));
  }
}

void Leads(const ClauseReader& r, std::vector<RelationHit>& hits) {
  static const std::initializer_list<std::string_view> kTeamWords = {
      "team", "teams", "organization", "organisation", "org", "group", "division", "department",
      "unit", "practice"};
  for (size_t i = 0; i < r.size(); ++i) {
    if (!r.IsAny(i, {"leads", "runs", "heads", "led", "ran", "headed", "manages", "oversees"}) ||
        r.IsHypothetical(i)) {
      continue;
    }
    std::optional<RelationArg> person = r.SubjectOf(i);
    if (!person) continue;
    std::string status = r.IsAny(i, {"led", "ran", "headed"}) ? "former" : "current";
    size_t end = i + 1;
    std::optional<RelationArg> org = r.OrganizationAt(i + 1, &end);
    // "leads VAST strategy" is about strategy, not the company: the name
    // must end the phrase.
    bool phrase_ends = end >= r.size() || !r.tokens()[end].word ||
                       r.IsAny(end, {"at", "and", "in", "for", "since", "with", "as"});
    if (org && phrase_ends) {
      Add(hits, RelationType::kLeads, {*person, *org}, status);
      continue;
    }
    size_t begin = i + 1;
    if (r.IsAny(begin, {"the", "a", "an", "his", "her", "their"})) ++begin;
    std::string team;
    bool has_team_word = false;
    for (size_t k = begin; k < r.size() && k - begin < 8; ++k) {
      const Token& t = r.tokens()[k];
      if (!t.word || r.IsAny(k, {"at", "and", "with", "for", "in", "to", "since", "as", "responsible"})) break;
      if (!team.empty()) team += ' ';
      team += t.text;
      if (r.IsAny(k, kTeamWords)) {
        has_team_word = true;
        if (!r.IsAny(k + 1, kTeamWords)) break;
      }
    }
    if (has_team_word) Add(hits, RelationType::kLeads, {*person, {EntityKind::kTopic, team}}, status);
  }
}

bool IsFamilyWord(const ClauseReader& r, size_t i, size_t* end, std::string* relation) {
  static const WordSet kFamilyWords{
      "brother", "sister", "wife", "husband", "son", "daughter", "father", "mother",
      "dad", "mom", "cousin", "uncle", "aunt", "nephew", "niece", "spouse", "grandfather",
      "grandmother", "brother-in-law", "sister-in-law", "father-in-law",
      "mother-in-law", "son-in-law", "daughter-in-law", "stepbrother", "stepsister"};
  if (!r.IsIn(i, kFamilyWords)) return false;
  *relation = r.lower(i);
  *end = i + 1;
  if (r.Match(i + 1, {"in", "law"}) != kNoMatch || r.Match(i + 1, {"in-law"}) != kNoMatch) {
    *end = r.Is(i + 1, "in-law") ? i + 2 : i + 3;
    *relation += "-in-law";
  }
  return true;
}

void Family(const ClauseReader& r, const ClauseContext& context, std::vector<RelationHit>& hits) {
  for (size_t i = 0; i < r.size(); ++i) {
    size_t end = 0;
    std::string relation;
    if (!IsFamilyWord(r, i, &end, &relation)) continue;
    // Whose relative: "Adem's brother-in-law" or "my brother-in-law".
    std::optional<RelationArg> anchor;
    size_t anchor_begin = i;
    if (i >= 1 && r.Is(i - 1, "my") && !context.speaker.empty()) {
      anchor = RelationArg{EntityKind::kPerson, context.speaker};
      anchor_begin = i - 1;
    } else if (i >= 1 && r.tokens()[i - 1].possessive) {
      for (size_t k = 0; k < i; ++k) {
        const Mention* m = r.MentionAt(k);
        if (m != nullptr && m->end == i && m->kind == EntityKind::kPerson) {
          anchor = RelationArg{m->kind, m->name};
          anchor_begin = k;
        }
      }
    }
    if (!anchor) continue;
    // The relative is named after ("my brother-in-law Edwin") or just before
    // ("Edwin, my brother-in-law").
    size_t name_end = end;
    std::optional<RelationArg> relative = r.PersonAt(end, &name_end);
    // "Eli is Dana's cousin": the clause's subject is the relative.
    if (!relative && anchor_begin >= 1 && r.IsAny(anchor_begin - 1, {"is", "was"})) {
      relative = r.SubjectOf(anchor_begin - 1);
    }
    if (!relative && anchor_begin >= 1) {
      size_t last = anchor_begin - 1;
      if (r.Is(last, ",") && last >= 1) --last;
      for (size_t k = 0; k <= last; ++k) {
        const Mention* m = r.MentionAt(k);
        if (m != nullptr && m->end == last + 1 && m->kind == EntityKind::kPerson) {
          relative = RelationArg{m->kind, m->name};
        }
      }
    }
    if (relative) Add(hits, RelationType::kFamily, {*anchor, *relative}, "", relation);
  }
}

}  // namespace

std::string ClauseSubject(const Clause& clause, const ClauseContext& context) {
  ClauseReader reader(clause, context);
  std::optional<RelationArg> subject = reader.SubjectOf(clause.tokens.size());
  return subject ? subject->name : "";
}

std::vector<RelationHit> ReadRelations(const Clause& clause, const ClauseContext& context) {
  ClauseReader reader(clause, context);
  std::vector<RelationHit> hits;
  ReportsTo(reader, hits);
  PersonToPerson(reader, hits);
  Introduced(reader, hits);
  WorksAt(reader, hits);
  Leads(reader, hits);
  Background(reader, hits);
  Family(reader, context, hits);

  std::optional<int32_t> date;
  for (const Token& t : clause.tokens) {
    if (!date) date = util::ParseIsoDate(t.text);
  }
  std::vector<RelationHit> unique;
  for (RelationHit& hit : hits) {
    hit.date = date;
    auto same = [&](const RelationHit& h) {
      if (h.type != hit.type || h.args.size() != hit.args.size()) return false;
      for (size_t k = 0; k < h.args.size(); ++k) {
        if (h.args[k].name != hit.args[k].name) return false;
      }
      return true;
    };
    auto existing = std::find_if(unique.begin(), unique.end(), same);
    if (existing == unique.end()) {
      unique.push_back(std::move(hit));
    } else {
      // "leads the SE org at X and had been at X for nine months": one
      // employment, with the duration the second mention gives.
      if (existing->detail.empty()) existing->detail = hit.detail;
      if (existing->role.empty()) existing->role = hit.role;
    }
  }
  return unique;
}

}  // namespace kith::extract
