#include "engine/extract/identity_pass.h"

#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

class IdentityFacts {
 public:
  explicit IdentityFacts(GraphBuilder& builder) : builder_(builder) {}

  void Add(model::RelationType type, const std::string& person, std::string detail, Evidence evidence) {
    if (person.empty() || detail.empty() || !seen_.emplace(type, person, detail).second) return;
    Fact fact;
    fact.type = type;
    fact.args = {builder_.Entity(model::EntityKind::kPerson, person)};
    fact.detail = std::move(detail);
    fact.evidence = std::move(evidence);
    builder_.graph().facts.push_back(std::move(fact));
  }

 private:
  GraphBuilder& builder_;
  std::set<std::tuple<model::RelationType, std::string, std::string>> seen_;
};

// The address a profile page gives, from frontmatter or a "**Email**:"
// line, with where it was found; empty when it gives none or a placeholder.
std::pair<std::string, Evidence> ProfileAddress(const note::ParsedNote& note) {
  for (const auto& [key, value] : note.fields) {
    std::string folded = absl::AsciiStrToLower(key);
    if ((folded == "email" || folded == "e-mail") && LooksLikeEmailAddress(util::Trim(value))) {
      return {absl::AsciiStrToLower(std::string(util::Trim(value))), {"frontmatter", 1, absl::StrCat(key, ": ", value)}};
    }
  }
  for (const note::Line& line : note.lines) {
    std::string_view text = line.text;
    for (std::string_view label : {"**Email**:", "**Email:**", "**E-mail**:", "Email:"}) {
      if (!util::StartsWith(text, label)) continue;
      std::string_view value = util::Trim(text.substr(label.size()));
      if (LooksLikeEmailAddress(value)) {
        return {absl::AsciiStrToLower(std::string(value)), {line.section, line.line, std::string(text)}};
      }
    }
  }
  return {};
}

}  // namespace

bool IsGroupMailbox(const Correspondent& c) {
  std::string name = util::FoldName(c.name);
  std::string local = c.address.substr(0, c.address.find('@'));
  if (local.find("noreply") != std::string::npos || local.find("no-reply") != std::string::npos) return true;
  for (std::string_view word : {"team", "noreply", "no-reply", "info", "support", "alliances", "sales", "admin",
                                "notifications", "hello", "contact", "invitations"}) {
    if (name.find(word) != std::string::npos || local == word) return true;
  }
  return false;
}

bool LooksLikeEmailAddress(std::string_view text) {
  size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) return false;
  size_t dot = text.find('.', at);
  if (dot == std::string_view::npos || dot == at + 1 || dot + 1 >= text.size()) return false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '<' || c == '>' || c == ',' || c == '"') return false;
  }
  return true;
}

void AddIdentityFacts(const note::ParsedNote& note, const std::string& about, bool is_profile_page,
                      const std::vector<EmailMessage>& thread, const PersonResolver& resolve,
                      GraphBuilder& builder) {
  IdentityFacts facts(builder);
  for (const EmailMessage& m : thread) {
    std::vector<Correspondent> people = m.recipients;
    people.insert(people.begin(), m.sender);
    for (const Correspondent& c : people) {
      if (c.name.empty() || !LooksLikeEmailAddress(c.address) || IsGroupMailbox(c)) continue;
      facts.Add(model::RelationType::kHasEmail, resolve(c.name, m.header_line), c.address,
                {"e-mail header", m.header_line, absl::StrCat(c.name, " <", c.address, ">")});
    }
  }
  if (about.empty() || !is_profile_page) return;
  auto [address, evidence] = ProfileAddress(note);
  if (!address.empty() && !IsGroupMailbox({about, address})) {
    facts.Add(model::RelationType::kHasEmail, about, address, std::move(evidence));
  }
  for (const std::string& alias : note.aliases) {
    std::string name(util::Trim(alias));
    if (name.empty() || util::FoldName(name) == util::FoldName(about)) continue;
    facts.Add(model::RelationType::kAlsoKnownAs, about, name, {"frontmatter", 1, absl::StrCat("aliases: ", name)});
  }
}

}  // namespace kith::extract
