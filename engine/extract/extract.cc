// Extraction runs in passes over one parsed note: who took part (frontmatter,
// With lines, e-mail headers), action items, what the note's folder and
// profile fields say, then the prose, sentence by sentence.
#include "engine/extract/extract.h"

#include <algorithm>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/extract/email.h"
#include "engine/extract/gazetteer.h"
#include "engine/extract/graph_builder.h"
#include "engine/extract/identity_pass.h"
#include "engine/extract/person_name.h"
#include "engine/extract/clause.h"
#include "engine/extract/sentence_pass.h"
#include "engine/extract/structured_pass.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

std::string_view TaskStatusName(note::TaskStatus status) {
  switch (status) {
    case note::TaskStatus::kOpen: return "open";
    case note::TaskStatus::kDone: return "done";
    case note::TaskStatus::kProposed: return "proposed";
    case note::TaskStatus::kCancelled: return "cancelled";
    case note::TaskStatus::kInProgress: return "in_progress";
    case note::TaskStatus::kOther: return "other";
  }
  return "other";
}

std::string Field(const note::ParsedNote& note, std::string_view key) {
  for (const auto& [k, v] : note.fields) {
    if (util::FoldName(k) == key) return std::string(util::Trim(v));
  }
  return "";
}

bool IsReadme(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return util::FoldName(file) == "readme.md";
}

// True if `acronym` is all capitals and the initials of `name`'s words.
bool IsAcronymOf(std::string_view acronym, std::string_view name) {
  if (acronym.size() < 2) return false;
  std::string initials;
  for (std::string_view w : util::Split(name, ' ')) {
    if (w.empty()) continue;
    if (!(w[0] >= 'A' && w[0] <= 'Z')) return false;
    initials += w[0];
  }
  return initials == acronym;
}

// "Azure Compute leadership", "the Apollo team": capitalised words right
// before a group word name a group.
void LearnGroupNames(std::string_view text, LearnedNames& gazetteer) {
  // Most lines name no group: three scans cost less than splitting them.
  if (text.find("team") == std::string_view::npos && text.find("leadership") == std::string_view::npos &&
      text.find("org") == std::string_view::npos) {
    return;
  }
  std::vector<std::string_view> words = util::Split(text, ' ');
  for (size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words[i];
    while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';')) w.remove_suffix(1);
    if (w != "team" && w != "leadership" && w != "org" && w != "organization") continue;
    std::string name;
    for (size_t k = i; k-- > 0 && i - k <= 3;) {
      std::string_view prev = words[k];
      if (prev.empty() || !(prev[0] >= 'A' && prev[0] <= 'Z') || prev.find(',') != std::string_view::npos ||
          util::EndsWith(prev, "'s")) {
        break;
      }
      name = name.empty() ? std::string(prev) : std::string(prev) + " " + name;
    }
    if (name.find(' ') != std::string::npos) gazetteer.AddGroupName(name);
  }
}

class NoteReader {
 public:
  NoteReader(const note::ParsedNote& note, const ExtractOptions& options, NoteGraph& graph)
      : note_(note), options_(options), gazetteer_(options.gazetteer ? *options.gazetteer : empty_),
        builder_(graph, &gazetteer_), graph_(graph) {}

  void Run() {
    thread_ = ReadEmailThread(note_);
    for (const EmailMessage& m : thread_) {
      if (!graph_.date && m.date) graph_.date = m.date;  // An export's date is its first message's.
    }
    Attendance();
    Actions();
    FolderAndProfile();
    Prose();
    Email();
    AddIdentityFacts(note_, about_, IsReadme(note_.path), thread_,
                     [this](std::string_view raw, int line) { return Resolve(raw, line); }, builder_);
    for (const std::string& person : ReadPeopleTables(note_, builder_)) {
      mentions_.emplace_back(Mention{model::EntityKind::kPerson, person, 0, 0}, Evidence{"table", 0, person});
    }
    Topics();
    Mentions();
  }

 private:
  // A cleaned person name resolved to its canonical form: the owner for
  // "Myself", a participant or the vault's only person with a lone first
  // name, the gazetteer's spelling of a known name.
  std::string Resolve(std::string_view raw, int line) { return ResolveCleaned(CleanPersonName(raw), line); }

  // Resolve, given what CleanPersonName made of the raw name.
  std::string ResolveCleaned(absl::StatusOr<std::string> name, int line) {
    if (!name.ok()) {
      graph_.warnings.push_back({line, std::string(name.status().message())});
      return "";
    }
    if (IsSelfReference(*name)) {
      if (options_.owner.empty()) {
        graph_.warnings.push_back(
            {line, absl::StrCat("'", *name, "' refers to the vault owner, who is not known; pass --me")});
        return "";
      }
      return options_.owner;
    }
    std::string folded = util::FoldName(*name);
    if (folded.find(' ') == std::string::npos) {
      for (const std::vector<std::string>* list : {&names_.participants, &names_.marked_people}) {
        for (const std::string& known : *list) {
          if (util::StartsWith(util::FoldName(known), folded + " ")) return known;
        }
      }
      if (!options_.owner.empty() && util::StartsWith(util::FoldName(options_.owner), folded + " ")) {
        if (!gazetteer_.PersonByFirstName(folded) ||
            *gazetteer_.PersonByFirstName(folded) == options_.owner) {
          return options_.owner;
        }
      }
      if (auto full = gazetteer_.PersonByFirstName(folded)) return *full;
      if (auto written = FullNameWrittenInNote(*name)) return *written;
    }
    if (auto known = gazetteer_.Person(folded)) return *known;
    return *std::move(name);
  }

  // A lone first name ("Hi Sune,") that nothing else resolves names the one
  // person whose full name the same note writes out ("meet Sune Ingerby"),
  // if there is exactly one such name.
  std::optional<std::string> FullNameWrittenInNote(const std::string& first) const {
    std::optional<std::string> found;
    const std::string prefix = first + " ";
    for (const note::Line& line : note_.lines) {
      for (size_t at = line.text.find(prefix); at != std::string::npos; at = line.text.find(prefix, at + 1)) {
        bool word_start = at == 0 || !std::isalpha(static_cast<unsigned char>(line.text[at - 1]));
        size_t end = at + prefix.size();
        if (!word_start || end >= line.text.size() || !std::isupper(static_cast<unsigned char>(line.text[end]))) {
          continue;
        }
        while (end < line.text.size() && (std::isalpha(static_cast<unsigned char>(line.text[end])) ||
                                          line.text[end] == '-' || line.text[end] == '\'')) {
          ++end;
        }
        absl::StatusOr<std::string> candidate = CleanPersonName(std::string_view(line.text).substr(at, end - at));
        if (!candidate.ok() || candidate->find(' ') == std::string::npos) continue;
        if (gazetteer_.IsOrganization(util::FoldName(*candidate))) continue;
        if (found && *found != *candidate) return std::nullopt;
        found = *candidate;
      }
    }
    return found;
  }

  void Attendance() {
    names_.owner = options_.owner;
    std::vector<std::pair<std::string, int>> raw;
    // A With/Attendees line says who was there; frontmatter lists then only
    // help resolve names (they often include people merely mentioned).
    const std::vector<std::string>& listed = note_.attendee_lines.empty() ? note_.participants
                                                                          : note_.attendee_lines;
    for (const std::string& p : listed) raw.emplace_back(p, 0);
    if (!note_.attendee_lines.empty()) {
      for (const std::string& p : note_.participants) {
        absl::StatusOr<std::string> cleaned = CleanPersonName(p);
        if (cleaned.ok() && !IsSelfReference(*cleaned)) names_.marked_people.push_back(*cleaned);
      }
    }
    // A transcript is the owner's own recording of a meeting, and a 1:1
    // template's counterpart met the owner.
    bool owner_present = util::FoldName(note_.type) == "transcript" || !note_.counterparts.empty();
    if (owner_present && !options_.owner.empty() && !raw.empty()) {
      raw.emplace_back(options_.owner, 0);
    }
    for (const EmailMessage& m : thread_) {
      if (!m.sender.name.empty() && !IsGroupMailbox(m.sender)) raw.emplace_back(m.sender.name, m.header_line);
      for (const Correspondent& c : m.recipients) {
        if (!c.name.empty() && !IsGroupMailbox(c)) raw.emplace_back(c.name, m.header_line);
      }
    }
    // Full names are known first, so that a lone first name anywhere in the
    // list resolves to them; the list keeps the order it was written in.
    std::vector<absl::StatusOr<std::string>> cleaned;
    cleaned.reserve(raw.size());
    for (const auto& [name, line] : raw) {
      cleaned.push_back(CleanPersonName(name));
      if (cleaned.back().ok() && cleaned.back()->find(' ') != std::string::npos) {
        names_.participants.push_back(*cleaned.back());
      }
    }
    std::vector<std::string> ordered;
    for (size_t i = 0; i < raw.size(); ++i) {
      const int line = raw[i].second;
      std::string resolved = ResolveCleaned(std::move(cleaned[i]), line);
      if (resolved.empty()) continue;
      if (gazetteer_.IsOrganization(util::FoldName(resolved))) {
        graph_.warnings.push_back({line, absl::StrCat("participant '", resolved, "' is an organisation")});
        continue;
      }
      if (std::find(ordered.begin(), ordered.end(), resolved) == ordered.end()) {
        ordered.push_back(resolved);
      }
    }
    names_.participants = std::move(ordered);
    // An e-mail's greeting names a recipient too ("Hi Jason,").
    for (const EmailMessage& m : thread_) {
      if (m.greeted.empty()) continue;
      std::string resolved = Resolve(m.greeted, m.header_line);
      if (!resolved.empty() && resolved.find(' ') != std::string::npos &&
          std::find(names_.participants.begin(), names_.participants.end(), resolved) ==
              names_.participants.end()) {
        names_.participants.push_back(resolved);
      }
    }
    std::vector<int> attendees;
    for (const std::string& name : names_.participants) {
      attendees.push_back(builder_.Entity(model::EntityKind::kPerson, name));
    }
    std::string listed_names = absl::StrJoin(names_.participants, ", ");
    for (int id : attendees) {
      Fact fact;
      fact.type = model::RelationType::kAttended;
      fact.args = {id};
      fact.date = graph_.date;
      fact.evidence = {"participants", 0, listed_names};
      graph_.facts.push_back(std::move(fact));
      attendees_.insert(id);
    }
  }

  void Actions() {
    for (const note::ActionItem& action : note_.actions) {
      Fact fact;
      fact.type = model::RelationType::kOwnsAction;
      fact.status = std::string(TaskStatusName(action.status));
      fact.date = action.due;
      fact.priority = static_cast<int>(action.priority);
      fact.detail = action.text;
      fact.evidence = {action.section, action.line, action.text};
      if (!action.owner.empty()) {
        std::string owner = Resolve(action.owner, action.line);
        if (!owner.empty()) fact.args = {builder_.Entity(model::EntityKind::kPerson, owner)};
      }
      graph_.facts.push_back(std::move(fact));
    }
  }

  void FolderAndProfile() {
    FolderContext context = ContextOfPath(note_.path);
    about_ = !note_.about.empty() ? Resolve(note_.about, 1) : "";
    if (about_.empty() && !context.person.empty()) about_ = Resolve(context.person, 0);
    if (gazetteer_.IsOrganization(util::FoldName(about_))) about_.clear();
    std::string company = Field(note_, "company");
    if (!about_.empty() && !company.empty() && names_.participants.empty()) {
      // A profile page: its company is where the person works now.
      std::string role = Field(note_, "role");
      std::string title = Field(note_, "title");
      if (role.empty() && util::FoldName(title) != util::FoldName(about_)) role = title;
      RelationHit hit{model::RelationType::kWorksAt,
                      {{model::EntityKind::kPerson, about_},
                       {model::EntityKind::kOrganization, company}},
                      "current", role, "", std::nullopt};
      builder_.AddRelation(hit, {"frontmatter", 1, absl::StrCat("company: ", company)});
    }
    for (const auto& [previous, title] : note_.previous_roles) {
      if (about_.empty()) break;
      RelationHit hit{model::RelationType::kWorksAt,
                      {{model::EntityKind::kPerson, about_}, {model::EntityKind::kOrganization, previous}},
                      "former", title, "", std::nullopt};
      builder_.AddRelation(hit, {"frontmatter", 1, absl::StrCat("previous_roles: ", previous)});
    }
    if (!context.organization.empty() && IsReadme(note_.path)) {
      organization_page_ = builder_.Entity(model::EntityKind::kOrganization, context.organization);
    }
  }

  void Prose() {
    // Only a "(...)" remark marks a person; most lines have none.
    for (const note::Line& line : note_.lines) {
      if (line.text.find('(') != std::string::npos) CleanSentence(line.text, &names_.marked_people);
    }
    names_.Index();
    std::vector<SentenceInput> inputs = ProseOf(note_);
    // A profile's "**Role**: NVIDIA rep at NVIDIA" is a sentence about the
    // page's person: "<person> is NVIDIA rep at NVIDIA".
    if (!about_.empty()) {
      for (SentenceInput& input : inputs) {
        std::string_view text = input.text;
        for (std::string_view label : {"**Role**:", "**Role:**", "Role:"}) {
          if (!util::StartsWith(text, label)) continue;
          std::string value(util::Trim(text.substr(label.size())));
          if (!value.empty() && value[0] != '_') input.text = absl::StrCat(about_, " is ", value);
          break;
        }
      }
    }
    ReadSentences(inputs, gazetteer_, names_, about_, builder_, mentions_);
  }

  void Email() {
    for (const EmailMessage& m : thread_) {
      ReadSentences(m.body, gazetteer_, names_, "", builder_, mentions_);
      std::vector<Correspondent> people = m.recipients;
      people.insert(people.begin(), m.sender);
      for (const Correspondent& c : people) {
        if (c.name.empty() || IsGroupMailbox(c)) continue;
        // An address at a company's domain says where its owner works.
        std::string domain = c.address.substr(c.address.find('@') + 1);
        std::optional<std::string> org = gazetteer_.OrganizationByDomain(domain);
        std::string person = org ? Resolve(c.name, m.header_line) : "";
        if (person.empty()) continue;
        RelationHit hit{model::RelationType::kWorksAt,
                        {{model::EntityKind::kPerson, person}, {model::EntityKind::kOrganization, *org}},
                        "current", "", "", m.date};
        builder_.AddRelation(hit, {"e-mail header", m.header_line,
                                   absl::StrCat(c.name, " <", c.address, ">")});
      }
    }
    for (const IntroductionAck& ack : FindIntroductions(thread_)) {
      std::string introducer = ack.introducer.name.empty() ? "" : Resolve(ack.introducer.name, 0);
      std::string introduced = Resolve(ack.introduced.name, ack.evidence.line);
      if (introducer.empty() || introduced.empty()) continue;
      std::vector<RelationArg> args = {{model::EntityKind::kPerson, introducer},
                                       {model::EntityKind::kPerson, introduced}};
      std::string to = ack.greeted.empty() ? "" : Resolve(ack.greeted, ack.evidence.line);
      if (!to.empty()) args.push_back({model::EntityKind::kPerson, to});
      RelationHit hit{model::RelationType::kIntroduced, std::move(args), "", "", "", ack.date};
      builder_.AddRelation(hit, {ack.evidence.section, ack.evidence.line, ack.evidence.text});
    }
  }

  void Topics() {
    for (const std::string& topic : TopicsOf(note_, gazetteer_)) {
      Fact fact;
      fact.type = model::RelationType::kDiscussed;
      fact.args = {builder_.Entity(model::EntityKind::kTopic, topic)};
      fact.date = graph_.date;
      fact.evidence = {"topics", 0, topic};
      graph_.facts.push_back(std::move(fact));
    }
  }

  // Everyone a note names without attending it, and every organisation.
  void Mentions() {
    std::set<int> seen = attendees_;
    // Everyone a stated relation names is mentioned by its sentence, known
    // to the gazetteer or not.
    std::vector<std::pair<int, Evidence>> named;
    for (const Fact& fact : graph_.facts) {
      if (model::IsNoteRelation(fact.type)) continue;
      for (int arg : fact.args) named.emplace_back(arg, fact.evidence);
    }
    auto mention = [&](int id, const Evidence& evidence) {
      if (!seen.insert(id).second) return;
      Fact fact;
      fact.type = model::RelationType::kMentionedIn;
      fact.args = {id};
      fact.date = graph_.date;
      fact.evidence = evidence;
      graph_.facts.push_back(std::move(fact));
    };
    for (const auto& [m, evidence] : mentions_) mention(builder_.Entity(m.kind, m.name), evidence);
    for (const auto& [id, evidence] : named) {
      if (graph_.entities[id].kind != model::EntityKind::kTopic) mention(id, evidence);
    }
    if (organization_page_ >= 0 && seen.insert(organization_page_).second) {
      Fact fact;
      fact.type = model::RelationType::kMentionedIn;
      fact.args = {organization_page_};
      fact.evidence = {"folder", 0, note_.path};
      graph_.facts.push_back(std::move(fact));
    }
  }

  const note::ParsedNote& note_;
  const ExtractOptions& options_;
  static inline const Gazetteer empty_{};
  const Gazetteer& gazetteer_;
  GraphBuilder builder_;
  NoteGraph& graph_;
  NoteNames names_;
  std::vector<EmailMessage> thread_;
  std::string about_;
  int organization_page_ = -1;
  std::set<int> attendees_;
  std::vector<std::pair<Mention, Evidence>> mentions_;
};

}  // namespace

std::vector<std::string> ParticipantNames(const note::ParsedNote& note) {
  std::vector<std::string> names;
  for (const std::string& raw : note.participants) {
    if (absl::StatusOr<std::string> name = CleanPersonName(raw); name.ok()) {
      names.push_back(*std::move(name));
    }
  }
  return names;
}

void LearnedNames::ApplyTo(Gazetteer& gazetteer) const {
  for (const Entry& e : entries) {
    switch (e.kind) {
      case Kind::kPerson: gazetteer.AddPerson(e.name); break;
      case Kind::kOrganization: gazetteer.AddOrganization(e.name); break;
      case Kind::kPersonAlias: gazetteer.AddPersonAlias(e.name, e.other); break;
      case Kind::kGroup: gazetteer.AddGroupName(e.name); break;
      case Kind::kAcronym: gazetteer.AddAcronym(e.name, e.other); break;
    }
  }
}

LearnedNames LearnNames(const note::ParsedNote& note) { return LearnNames(note, ParticipantNames(note)); }

LearnedNames LearnNames(const note::ParsedNote& note, const std::vector<std::string>& participants) {
  LearnedNames gazetteer;
  for (const std::string& name : participants) {
    if (!IsSelfReference(name)) gazetteer.AddPerson(name);
  }
  for (const note::ActionItem& action : note.actions) {
    absl::StatusOr<std::string> owner = CleanPersonName(action.owner);
    if (owner.ok() && !IsSelfReference(*owner)) gazetteer.AddPerson(*owner);
  }
  FolderContext context = ContextOfPath(note.path);
  if (!context.person.empty()) {
    if (auto name = CleanPersonName(context.person); name.ok()) {
      gazetteer.AddPerson(*name);
      // Obsidian's `aliases:` on a person's page name the same person.
      if (IsReadme(note.path)) {
        for (const std::string& alias : note.aliases) gazetteer.AddPersonAlias(*name, alias);
      }
    }
  }
  if (!context.organization.empty()) gazetteer.AddOrganization(context.organization);
  std::string company = Field(note, "company");
  if (!company.empty()) gazetteer.AddOrganization(company);
  for (const note::ActionItem& action : note.actions) {
    size_t space = action.owner.rfind(' ');
    if (space != std::string::npos && !CleanPersonName(action.owner).ok()) {
      gazetteer.AddGroupName(action.owner.substr(0, space));  // "@Azure Compute team"
    }
  }
  for (const note::Line& line : note.lines) LearnGroupNames(line.text, gazetteer);
  // "Oracle Cloud Infrastructure (OCI)" and "OCI (Oracle Cloud
  // Infrastructure)" make the two names one organisation.
  for (const note::Line& line : note.lines) {
    if (line.text.find('(') == std::string::npos) continue;
    std::vector<Remark> remarks;
    CleanSentence(line.text, nullptr, &remarks);
    for (const Remark& r : remarks) {
      if (IsAcronymOf(r.text, r.name)) gazetteer.AddAcronym(r.name, r.text);
      if (IsAcronymOf(r.name, r.text)) gazetteer.AddAcronym(r.text, r.name);
    }
  }
  return gazetteer;
}

NoteGraph Extract(const note::ParsedNote& note, const ExtractOptions& options) {
  NoteGraph graph;
  graph.path = note.path;
  graph.title = note.title;
  graph.date = note.date;
  graph.type = note.type;
  graph.warnings = note.warnings;
  NoteReader(note, options, graph).Run();
  return graph;
}

}  // namespace kith::extract
