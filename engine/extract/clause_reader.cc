#include "engine/extract/clause_reader.h"

#include <algorithm>

#include "engine/extract/person_name.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

// Words that may stand between the words of a trigger phrase.
bool IsFiller(std::string_view lower) {
  static const WordSet kFillers{"also",  "still",      "now",      "once",      "then",      "later",
                                "previously", "formerly", "currently", "recently", "originally"};
  if (lower.size() > 3 && util::EndsWith(lower, "ly") && lower != "only") return true;
  return kFillers.Contains(lower);
}

// Capitalised words that do not start a name.
bool IsStopWord(std::string_view lower) {
  static const WordSet kStopWords{
      "the", "a", "an", "this", "that", "these", "those", "he", "she", "they", "we", "i", "it",
      "his", "her", "their", "our", "my", "him", "them", "us", "me", "who", "which", "and", "or",
      "but", "so", "if", "when", "while", "after", "before", "in", "on", "at", "for", "with",
      "from", "by", "to", "of", "as", "per", "via", "no", "not", "all", "both", "each", "team",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "q1", "q2", "q3", "q4", "fy", "ceo", "cto", "cfo", "vp", "svp", "evp"};
  return kStopWords.Contains(lower);
}

bool IsAllCaps(std::string_view text) {
  int letters = 0;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

bool IsReportingVerb(std::string_view lower) {
  static const WordSet kReportingVerbs{"stated",    "said",     "says",     "noted",    "mentioned", "explained",
                                       "shared",    "reported", "confirmed", "indicated", "believes", "thinks",
                                       "added",     "described", "recalled", "that"};
  return kReportingVerbs.Contains(lower);
}

bool IsPersonPronoun(std::string_view lower) {
  return lower == "he" || lower == "she" || lower == "him" || lower == "her";
}

}  // namespace

ClauseReader::ClauseReader(const Clause& clause, const ClauseContext& context)
    : clause_(clause), context_(context), mention_at_(clause.tokens.size(), -1) {
  for (size_t m = 0; m < clause.mentions.size(); ++m) {
    mention_at_[clause.mentions[m].begin] = static_cast<int>(m);
  }
}

const Mention* ClauseReader::MentionAt(size_t i) const {
  if (i >= size() || mention_at_[i] < 0) return nullptr;
  return &clause_.mentions[mention_at_[i]];
}

size_t ClauseReader::MatchFrom(size_t at, std::initializer_list<std::string_view> words) const {
  size_t i = at;
  bool first = true;
  for (std::string_view word : words) {
    if (!first) {
      while (i < size() && IsFiller(lower(i)) && lower(i) != word) ++i;
    }
    // Verbs are written in lower case: "UK Met Office" holds no "met".
    if (i >= size() || lower(i) != word || (i > 0 && tokens()[i].capitalized)) return kNoMatch;
    ++i;
    first = false;
  }
  return i;
}

bool ClauseReader::IsHypothetical(size_t at) const {
  // An indirect question or a wish anywhere before the trigger.
  static const WordSet kWishes{"whether",   "if",          "asked",     "ask",       "wants",       "hopes",
                               "plans",     "would",       "could",     "should",    "might",       "unless",
                               "potentially", "possibly", "considering", "exploring", "interview", "interviewing",
                               "offer"};
  static const WordSet kModals{"will", "would",  "could", "should", "may",   "might", "can",
                               "shall", "to",    "not",   "never",  "cannot", "going", "wants",
                               "want", "plans",  "hopes", "asked",  "if"};
  if (AnyBetween(0, at, kWishes)) return true;
  for (size_t back = 1; back <= 3 && back <= at; ++back) {
    if (tokens()[at - back].capitalized) continue;  // "in May" is a month.
    std::string_view w = lower(at - back);
    if (IsFiller(w)) continue;
    if (kModals.Contains(w)) return true;
    if (back >= 2) break;
  }
  return false;
}

bool ClauseReader::AnyBetween(size_t begin, size_t end,
                              std::initializer_list<std::string_view> words) const {
  for (size_t i = begin; i < end && i < size(); ++i) {
    if (IsAny(i, words)) return true;
  }
  return false;
}

bool ClauseReader::AnyBetween(size_t begin, size_t end, const WordSet& words) const {
  for (size_t i = begin; i < end && i < size(); ++i) {
    if (IsIn(i, words)) return true;
  }
  return false;
}

std::optional<RelationArg> ClauseReader::PronounReferent(size_t begin, size_t end) const {
  for (size_t i = begin; i < end && i < size(); ++i) {
    if ((lower(i) == "i" || lower(i) == "my") && !context_.speaker.empty()) {
      return RelationArg{model::EntityKind::kPerson, context_.speaker};
    }
    if (IsPersonPronoun(lower(i)) && !context_.pronoun_subject.empty()) {
      return RelationArg{model::EntityKind::kPerson, context_.pronoun_subject};
    }
  }
  return std::nullopt;
}

std::optional<RelationArg> ClauseReader::SubjectOf(size_t at) const {
  const Mention* nearest = nullptr;
  const Mention* after_report = nullptr;
  size_t report_verb = kNoMatch;
  for (size_t i = 0; i < at && i < size(); ++i) {
    if (IsReportingVerb(lower(i))) {
      report_verb = i;
      after_report = nullptr;
    }
    const Mention* m = MentionAt(i);
    if (m == nullptr || m->kind != model::EntityKind::kPerson || m->end > at) continue;
    if (tokens()[m->end - 1].possessive) continue;  // "Rob's team" is not Rob.
    nearest = m;
    if (report_verb != kNoMatch && after_report == nullptr) after_report = m;
  }
  if (after_report != nullptr) return RelationArg{after_report->kind, after_report->name};
  if (report_verb != kNoMatch && report_verb + 1 < size() && IsPersonPronoun(lower(report_verb + 1))) {
    // "Yanzhao stated he is ...": he is whoever stated it.
    for (size_t i = report_verb; i-- > 0;) {
      const Mention* m = MentionAt(i);
      if (m != nullptr && m->kind == model::EntityKind::kPerson) return RelationArg{m->kind, m->name};
    }
  }
  if (report_verb != kNoMatch) {
    // "Kurt said Uday now runs ...": an unknown name right after the verb
    // is the subject. "Marianne stated VAST is working with Asaf": what
    // follows is the subject, and it is not a person.
    size_t run_end = report_verb + 1;
    std::string run = CapitalizedRun(report_verb + 1, 3, &run_end);
    if (!run.empty() && run_end < at) return RelationArg{model::EntityKind::kPerson, run};
    return PronounReferent(report_verb + 1, at);
  }
  // A person named in the first words is the subject of the whole clause
  // ("Carl worked with Rob at NetApp and later worked at Microsoft"), unless
  // a relative pronoun ties the trigger to a nearer person ("Julia who
  // reports to Jay").
  const Mention* opening = nullptr;
  if (!clause_.mentions.empty()) {
    const Mention& m = clause_.mentions.front();
    bool named = m.begin >= 1 && IsAny(m.begin - 1, {"named", "called"});
    if ((m.begin <= 2 || named) && m.kind == model::EntityKind::kPerson && !tokens()[m.end - 1].possessive) {
      opening = &m;
    }
  }
  // "Amara, Levi works at ...": the first name is the person addressed, the
  // second the subject.
  if (opening != nullptr && opening->begin == 0 && opening->end + 1 < size() &&
      tokens()[opening->end].text == ",") {
    const Mention* addressed_to = MentionAt(opening->end + 1);
    if (addressed_to != nullptr && addressed_to->kind == model::EntityKind::kPerson) opening = addressed_to;
  }
  // "meet Fabian Keleby, who is CEO at ...": the comma before "who" binds
  // no less.
  bool relative = nearest != nullptr && (Is(nearest->end, "who") || (nearest->end < size() &&
                                                                     tokens()[nearest->end].text == "," &&
                                                                     Is(nearest->end + 1, "who")));
  if (nearest != nullptr && nearest != opening && relative) {
    return RelationArg{nearest->kind, nearest->name};
  }
  if (opening != nullptr && opening->end <= at) return RelationArg{opening->kind, opening->name};
  if (auto pronoun = PronounReferent(0, at)) return pronoun;
  if (nearest != nullptr) return RelationArg{nearest->kind, nearest->name};
  // An unknown name opening the clause ("Carl Rounds worked with ..."): two
  // or three capitalised words right before the verb phrase.
  if (!context_.implicit_subject.empty()) {
    return RelationArg{model::EntityKind::kPerson, context_.implicit_subject};
  }
  size_t start = 0;
  while (start < at && start < 3 && (!tokens()[start].word || !tokens()[start].capitalized)) ++start;
  size_t end = start;
  std::string run = CapitalizedRun(start, 3, &end);
  // The name must be followed by the clause's verb ("Gordon Brown is the
  // CSM at ..."), not by more capitalised words or punctuation.
  bool verb_follows = end < size() && tokens()[end].word && !tokens()[end].capitalized;
  if (!run.empty() && run.find(' ') != std::string::npos && end <= at && verb_follows) {
    return RelationArg{model::EntityKind::kPerson, run};
  }
  return std::nullopt;
}

std::string ClauseReader::CapitalizedRun(size_t at, size_t max, size_t* end) const {
  std::string run;
  size_t i = at;
  while (i < size() && i - at < max) {
    const Token& t = tokens()[i];
    if (!t.word || !t.capitalized || IsStopWord(t.lower) || IsAllCaps(t.text) ||
        IsPluralAcronym(t.text) || MentionAt(i)) {
      break;
    }
    if (!run.empty()) run += ' ';
    run += t.text;
    ++i;
    if (t.possessive) break;
  }
  *end = i;
  return run;
}

std::optional<RelationArg> ClauseReader::PersonAt(size_t at, size_t* end) const {
  if (const Mention* m = MentionAt(at)) {
    if (m->kind != model::EntityKind::kPerson) return std::nullopt;
    *end = m->end;
    return RelationArg{m->kind, m->name};
  }
  if (at < size() && IsPersonPronoun(lower(at))) return std::nullopt;
  std::string run = CapitalizedRun(at, 3, end);
  if (run.empty()) return std::nullopt;
  // A capitalised word followed by an organisation-like word is not a name.
  return RelationArg{model::EntityKind::kPerson, run};
}

std::vector<RelationArg> ClauseReader::ListAt(
    size_t at, size_t* end,
    std::optional<RelationArg> (ClauseReader::*item)(size_t, size_t*) const) const {
  std::vector<RelationArg> items;
  size_t i = at;
  while (true) {
    size_t next = i;
    std::optional<RelationArg> one = (this->*item)(i, &next);
    if (!one) break;
    items.push_back(*std::move(one));
    *end = next;
    i = next;
    if (Is(i, ",")) ++i;
    if (Is(i, "and")) ++i;
    if (i == next) break;
  }
  return items;
}

std::vector<RelationArg> ClauseReader::PeopleAt(size_t at, size_t* end) const {
  return ListAt(at, end, &ClauseReader::PersonAt);
}

std::optional<RelationArg> ClauseReader::OrganizationAt(size_t at, size_t* end) const {
  if (Is(at, "the")) ++at;
  if (const Mention* m = MentionAt(at)) {
    if (m->kind != model::EntityKind::kOrganization) return std::nullopt;
    *end = m->end;
    return RelationArg{m->kind, m->name};
  }
  // Unknown organisations: capitalised words, also all-capitals ones ("EMC",
  // "OCI"), joined by "of" or "&" ("Bank of America").
  std::string name;
  size_t i = at;
  while (i < size() && i - at < 5) {
    const Token& t = tokens()[i];
    bool joiner = (t.lower == "of" || t.lower == "&") && !name.empty() && i + 1 < size() &&
                  tokens()[i + 1].capitalized;
    // "xAI", "eBay": a lower-case initial followed by capitals is a brand.
    bool brand = t.word && t.text.size() >= 2 && t.text[0] >= 'a' && t.text[0] <= 'z' &&
                 t.text[1] >= 'A' && t.text[1] <= 'Z';
    if (!joiner && !brand && (!t.word || !t.capitalized || IsStopWord(t.lower) || MentionAt(i))) break;
    if (!name.empty()) name += ' ';
    name += t.text;
    ++i;
    if (t.possessive) break;
  }
  if (name.empty()) return std::nullopt;
  *end = i;
  return RelationArg{model::EntityKind::kOrganization, name};
}

std::vector<RelationArg> ClauseReader::OrganizationsAt(size_t at, size_t* end) const {
  return ListAt(at, end, &ClauseReader::OrganizationAt);
}

std::string ClauseReader::DurationNear(size_t begin, size_t end) const {
  size_t from = begin > 4 ? begin - 4 : 0;
  size_t to = std::min(size(), end + 6);
  for (size_t i = from; i < to; ++i) {
    if (!IsAny(i, {"years", "year", "months", "month", "weeks"}) || i == 0) continue;
    std::string_view amount = tokens()[i - 1].text;
    bool numeric = !amount.empty() && amount[0] >= '0' && amount[0] <= '9';
    bool spelled = IsAny(i - 1, {"one", "two", "three", "four", "five", "six", "seven", "eight",
                                 "nine", "ten", "eleven", "twelve", "several", "many", "few"});
    if (!numeric && !spelled) continue;
    std::string out;
    if (i >= 2 && IsAny(i - 2, {"about", "over", "nearly", "almost", "around", "roughly", "approximately"})) {
      out.append(lower(i - 2)).append(" ");
    }
    out.append(amount).append(" ").append(lower(i));
    return out;
  }
  return "";
}

}  // namespace kith::extract
