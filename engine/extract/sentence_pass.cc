#include "engine/extract/sentence_pass.h"

#include <algorithm>

#include "engine/extract/relation_rules.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

// Longer paragraphs are raw transcript speech: too loose to read safely.
constexpr size_t kMaxProseBytes = 700;

bool IsSkippedSection(std::string_view section) {
  std::string folded = util::FoldName(section);
  return folded.find("transcript") != std::string::npos || folded == "open tasks" ||
         folded == "tasks" || folded == "account status";
}

// "Jeff Denworth: we need ..." → ("Jeff Denworth", "we need ...").
std::pair<std::string, std::string_view> SplitSpeaker(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return {"", text};
  std::string_view label = util::Trim(text.substr(0, colon));
  int words = 0;
  for (std::string_view w : util::Split(label, ' ')) {
    if (w.empty()) continue;
    ++words;
    unsigned char c = static_cast<unsigned char>(w[0]);
    if (!((c >= 'A' && c <= 'Z') || c >= 0xC3)) return {"", text};
  }
  if (words == 0 || words > 3) return {"", text};
  return {std::string(label), util::Trim(text.substr(colon + 1))};
}

// Titles that, alone in a remark, say what someone does, not where.
bool IsTitleWord(const std::string& folded) {
  for (std::string_view w : {"ceo", "cfo", "cto", "coo", "cio", "ciso", "vp", "svp", "evp", "pm",
                             "gm", "md", "founder", "cofounder", "co-founder", "president",
                             "director", "manager", "engineer", "architect", "lead", "head"}) {
    if (folded == w) return true;
  }
  return false;
}

// Where a remark says someone works: "Microsoft", "AWS", "VAST Data, VP PM
// for Cloud", "VP, Alloy at Oracle Cloud Infrastructure". The organisation
// must be known, or the whole remark one to four capitalised words.
std::optional<std::pair<std::string, std::string>> RemarkEmployment(const std::string& remark,
                                                                    const Gazetteer& gazetteer) {
  std::string_view text = remark;
  size_t at = text.rfind(" at ");
  if (at != std::string_view::npos) {
    std::string org(util::Trim(text.substr(at + 4)));
    std::string role(util::Trim(text.substr(0, at)));
    while (!role.empty() && role.back() == ',') role.pop_back();
    if (!org.empty() && (org[0] >= 'A' && org[0] <= 'Z')) {
      if (auto known = gazetteer.Organization(util::FoldName(org))) org = *known;
      return std::make_pair(org, role);
    }
  }
  std::vector<std::string_view> parts = util::Split(text, ',');
  std::string_view head = util::Trim(parts[0]);
  std::vector<std::string_view> words;
  for (std::string_view w : util::Split(head, ' ')) {
    if (!w.empty()) words.push_back(w);
  }
  // The longest known organisation the remark opens with.
  for (size_t n = words.size(); n >= 1; --n) {
    std::string candidate;
    for (size_t k = 0; k < n; ++k) candidate += (k ? " " : "") + std::string(words[k]);
    if (auto known = gazetteer.Organization(util::FoldName(candidate))) {
      std::string role;
      for (size_t k = n; k < words.size(); ++k) role += (role.empty() ? "" : " ") + std::string(words[k]);
      for (size_t p = 1; p < parts.size(); ++p) {
        role += (role.empty() ? "" : ", ") + std::string(util::Trim(parts[p]));
      }
      return std::make_pair(*known, role);
    }
  }
  // An unknown organisation must at least look like one: an acronym such as
  // "AWS" or "EMC" (a lone capitalised word is as often a nickname).
  if (parts.size() != 1 || words.size() != 1 || words[0].size() < 2 || IsTitleWord(util::FoldName(words[0]))) {
    return std::nullopt;
  }
  for (char c : words[0]) {
    if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return std::nullopt;
  }
  for (std::string_view region : {"UK", "US", "USA", "EU", "EMEA", "APJ", "APAC", "LATAM", "NA", "UAE",
                                  "NYC", "SF", "HQ", "OOO", "TBD", "PTO"}) {
    if (words[0] == region) return std::nullopt;
  }
  return std::make_pair(std::string(head), std::string());
}

bool IsInitialsOf(std::string_view acronym, std::string_view name) {
  std::string initials;
  for (std::string_view w : util::Split(name, ' ')) {
    if (!w.empty()) initials += w[0];
  }
  return initials == acronym;
}

bool StartsRelativeRemark(std::string_view remark) {
  std::string_view first = remark.substr(0, remark.find(' '));
  for (std::string_view w : {"who", "formerly", "previously", "now", "currently", "ex", "former", "later"}) {
    if (first == w) return true;
  }
  return false;
}

bool NamesAmbiguousPerson(const RelationHit& hit, const Gazetteer& gazetteer) {
  for (const RelationArg& arg : hit.args) {
    if (arg.kind == model::EntityKind::kPerson && arg.name.find(' ') == std::string::npos &&
        gazetteer.IsAmbiguousFirstName(util::FoldName(arg.name))) {
      return true;
    }
  }
  return false;
}

// One sentence of a line: its remarks, then its clauses. `context` and
// `previous_subject` carry over from the line's earlier sentences, as
// pronouns and telegraphic clauses do.
void ReadSentence(std::string_view sentence, const Evidence& evidence, const Gazetteer& gazetteer,
                  const NoteNames& names, GraphBuilder& builder, std::vector<std::pair<Mention, Evidence>>& mentions,
                  ClauseContext& context, std::string& previous_subject) {
  // A question states nothing ("Will Karl report to Jason?").
  if (util::EndsWith(sentence, "?")) return;
  std::vector<Remark> remarks;
  std::string cleaned = CleanSentence(sentence, nullptr, &remarks);
  for (const Remark& remark : remarks) {
    // "(who reports to Harish)", "(formerly at xAI)": a relative remark
    // is a clause about the name before it.
    if (remark.text.find("named ") != std::string::npos) {
      // "(led by a predecessor named David, now a VP at Dell)".
      Clause clause = ReadClause(remark.text, gazetteer, names);
      for (const RelationHit& hit : ReadRelations(clause, context)) {
        if (!NamesAmbiguousPerson(hit, gazetteer)) builder.AddRelation(hit, evidence);
      }
      continue;
    }
    if (gazetteer.IsOrganization(util::FoldName(remark.name))) continue;
    if (StartsRelativeRemark(remark.text)) {
      Clause clause = ReadClause(remark.name + " " + remark.text, gazetteer, names);
      ClauseContext remark_context = context;
      if (clause.mentions.empty() || clause.mentions[0].begin != 0) remark_context.implicit_subject = remark.name;
      for (const RelationHit& hit : ReadRelations(clause, remark_context)) {
        if (!NamesAmbiguousPerson(hit, gazetteer)) builder.AddRelation(hit, evidence);
      }
      continue;
    }
    Clause named = ReadClause(remark.name, gazetteer, names);
    std::string person;
    if (named.mentions.size() == 1 && named.mentions[0].kind == model::EntityKind::kPerson &&
        named.mentions[0].end == named.tokens.size()) {
      person = named.mentions[0].name;
    } else if (named.mentions.empty() && remark.name.find(' ') != std::string::npos) {
      person = remark.name;  // An unknown full name: trusted only with a known organisation.
    }
    if (person.empty()) continue;
    if (auto job = RemarkEmployment(remark.text, gazetteer)) {
      if (IsInitialsOf(job->first, person)) continue;  // "Peter Kapsashi (PK)"
      if (person == remark.name && named.mentions.empty() &&
          !gazetteer.IsOrganization(util::FoldName(job->first))) {
        continue;
      }
      RelationHit hit{model::RelationType::kWorksAt,
                      {{model::EntityKind::kPerson, person},
                       {model::EntityKind::kOrganization, job->first}},
                      "current", job->second, "", std::nullopt};
      builder.AddRelation(hit, evidence);
    }
  }
  for (const std::string& text : SplitClauses(cleaned)) {
    Clause clause = ReadClause(text, gazetteer, names);
    // Telegraphic notes continue a subject: "Rob leads the SE org; 18
    // years at NetApp". A clause opening with no capitalised word and
    // naming no person is about the previous clause's subject.
    context.implicit_subject.clear();
    bool opens_lower = !clause.tokens.empty() && !clause.tokens[0].capitalized;
    bool names_person = std::any_of(clause.mentions.begin(), clause.mentions.end(), [](const Mention& m) {
      return m.kind == model::EntityKind::kPerson;
    });
    if (opens_lower && !names_person) context.implicit_subject = previous_subject;
    for (const Mention& m : clause.mentions) mentions.emplace_back(m, evidence);
    for (const RelationHit& hit : ReadRelations(clause, context)) {
      if (!NamesAmbiguousPerson(hit, gazetteer)) builder.AddRelation(hit, evidence);
    }
    std::string subject = ClauseSubject(clause, context);
    if (!subject.empty()) {
      context.pronoun_subject = subject;
      previous_subject = subject;
    }
  }
}

}  // namespace

std::vector<SentenceInput> ProseOf(const note::ParsedNote& note) {
  std::vector<SentenceInput> inputs;
  bool transcript = util::FoldName(note.type) == "transcript";
  // A section's lines come together: its name is folded once, not per line.
  const std::string* section = nullptr;
  bool skipped = false;
  for (const note::Line& line : note.lines) {
    if (line.kind == note::Line::Kind::kTableRow || line.kind == note::Line::Kind::kQuote) continue;
    if (section == nullptr || line.section != *section) {
      section = &line.section;
      skipped = IsSkippedSection(line.section);
    }
    if (line.text.size() > kMaxProseBytes || skipped) continue;
    SentenceInput input{line.section, line.line, line.text, ""};
    if (transcript && line.kind == note::Line::Kind::kParagraph) {
      auto [speaker, rest] = SplitSpeaker(line.text);
      input.speaker = speaker;
      input.text = std::string(rest);
    }
    inputs.push_back(std::move(input));
  }
  return inputs;
}

void ReadSentences(const std::vector<SentenceInput>& inputs, const Gazetteer& gazetteer,
                   const NoteNames& names, const std::string& about_person, GraphBuilder& builder,
                   std::vector<std::pair<Mention, Evidence>>& mentions) {
  for (const SentenceInput& input : inputs) {
    ClauseContext context{input.speaker, about_person};
    std::string previous_subject;
    for (std::string_view sentence : SplitSentences(input.text)) {
      ReadSentence(sentence, {input.section, input.line, std::string(sentence)}, gazetteer, names, builder,
                   mentions, context, previous_subject);
    }
  }
}

}  // namespace kith::extract
