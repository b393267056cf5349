#include "engine/extract/gazetteer.h"

#include <algorithm>

#include "engine/util/text.h"

namespace kith::extract {
namespace {

// Abseil here has its own string_view; lookups take one without a copy.
absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

void AddUnique(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

std::string WithoutSpaces(std::string_view folded) {
  std::string out;
  for (char c : folded) {
    if (c != ' ' && c != '-' && c != '.' && c != '&') out += c;
  }
  return out;
}

bool IsPersonFolder(std::string_view folded) {
  return folded == "people" || folded == "persons" || folded == "contacts";
}

bool IsOrganizationFolder(std::string_view folded) {
  for (std::string_view name : {"customers and partners", "customers", "partners", "companies",
                                "organizations", "organisations", "accounts", "orgs"}) {
    if (folded == name) return true;
  }
  return false;
}

}  // namespace

void Gazetteer::AddPerson(std::string_view name) {
  std::string folded = util::FoldName(name);
  if (folded.empty()) return;
  finished_ = false;
  ++mentions_[folded];
  auto [it, inserted] = people_.try_emplace(folded, std::string(util::Trim(name)));
  if (!inserted) return;
  size_t space = folded.find(' ');
  if (space == std::string::npos) return;
  // A name new to people_ is new to its first name's list too, until a
  // Finish has dropped an alias whose list entry was spelled otherwise:
  // only then can the list already hold it. Searching the list every time
  // cost a 200k-note ingest 0.4 s on one core (a first name is shared by
  // hundreds of people).
  std::vector<std::string>& same_first_name = first_names_[folded.substr(0, space)];
  if (ever_finished_) {
    AddUnique(same_first_name, it->second);
  } else {
    same_first_name.push_back(it->second);
  }
}

namespace {

constexpr std::string_view kLegalSuffixes[] = {" corporation", " corp.", " corp", " inc.", " inc", " llc",
                                               " ltd.", " ltd", " limited", " gmbh", " plc", " s.a.", " ag"};

// True if `s` is its own folded canonical name, with no legal suffix:
// printable ASCII without capitals, single spaces inside only, which
// FoldName returns unchanged.
bool IsFoldedPlainName(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // A space is never last, so s[i + 1] exists.
    if (c >= 0x80 || c < 0x20 || (c >= 'A' && c <= 'Z') || (c == ' ' && s[i + 1] == ' ')) return false;
  }
  for (std::string_view suffix : kLegalSuffixes) {
    if (util::EndsWith(s, suffix)) return false;
  }
  return true;
}

}  // namespace

std::string CanonicalOrganizationName(std::string_view name) {
  std::string out(util::Trim(name));
  std::string lower = out;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (std::string_view suffix : kLegalSuffixes) {
    if (out.size() > suffix.size() + 1 && util::EndsWith(lower, suffix)) {
      out.resize(out.size() - suffix.size());
      while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
      break;
    }
  }
  return out;
}

void Gazetteer::AddOrganizationAlias(std::string_view name, std::string_view alias) {
  AddOrganization(name);
  std::string display = *Organization(util::FoldName(CanonicalOrganizationName(name)));
  organizations_[util::FoldName(alias)] = display;
}

void Gazetteer::AddOrganization(std::string_view raw) {
  std::string canonical = CanonicalOrganizationName(raw);
  std::string_view name = canonical;
  std::string folded = util::FoldName(name);
  if (folded.empty()) return;
  auto [it, inserted] = organizations_.try_emplace(folded, std::string(util::Trim(name)));
  if (!inserted) return;
  size_t space = folded.find(' ');
  if (space != std::string::npos) AddUnique(org_first_words_[folded.substr(0, space)], it->second);
  org_labels_.try_emplace(WithoutSpaces(folded), it->second);
}

std::optional<std::string> Gazetteer::Person(std::string_view folded) const {
  auto it = people_.find(Key(folded));
  if (it == people_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Gazetteer::Organization(std::string_view folded_raw) const {
  // Sentences ask for every capitalised run; most are plain folded words.
  std::string folded = IsFoldedPlainName(folded_raw) ? std::string(folded_raw)
                                                     : util::FoldName(CanonicalOrganizationName(folded_raw));
  auto it = organizations_.find(Key(folded));
  if (it != organizations_.end()) return it->second;
  if (folded.find(' ') != std::string::npos) return std::nullopt;
  auto first = org_first_words_.find(Key(folded));
  if (first != org_first_words_.end() && first->second.size() == 1) return first->second[0];
  return std::nullopt;
}

std::optional<std::string> Gazetteer::PersonByFirstName(std::string_view folded) const {
  if (!finished_) return ChooseByFirstName(folded);
  auto it = by_first_name_.find(Key(folded));
  if (it == by_first_name_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Gazetteer::ChooseByFirstName(std::string_view folded) const {
  auto it = first_names_.find(Key(folded));
  if (it == first_names_.end() || it->second.empty()) return std::nullopt;
  if (it->second.size() == 1) {
    // A name seen once may be a one-off misreading ("Azure Compute" in a
    // participant list); only a recurring one stands for its first name.
    auto count = mentions_.find(util::FoldName(it->second[0]));
    if (count != mentions_.end() && count->second < kMinUniqueNotes) return std::nullopt;
    return it->second[0];
  }
  int best = 0, second = 0;
  const std::string* best_name = nullptr;
  for (const std::string& name : it->second) {
    auto count = mentions_.find(util::FoldName(name));
    int n = count == mentions_.end() ? 0 : count->second;
    if (n > best) {
      second = best;
      best = n;
      best_name = &name;
    } else if (n > second) {
      second = n;
    }
  }
  if (best_name != nullptr && best >= kMinNotes && best >= kDominance * second) return *best_name;
  return std::nullopt;
}

bool Gazetteer::IsAmbiguousFirstName(std::string_view folded) const {
  auto it = first_names_.find(Key(folded));
  return it != first_names_.end() && it->second.size() > 1 && !PersonByFirstName(folded);
}

bool Gazetteer::IsOrganization(std::string_view folded) const {
  return organizations_.count(Key(folded)) > 0;
}

void Gazetteer::AddPersonAlias(std::string_view canonical, std::string_view variant) {
  std::string display(util::Trim(canonical));
  AddPerson(display);
  std::string folded = util::FoldName(variant);
  if (folded.empty() || folded == util::FoldName(display)) return;
  person_aliases_[folded] = display;
  people_[folded] = display;
  // "Priya R." also appears without its dot at a sentence end.
  if (folded.size() > 1 && folded.back() == '.') {
    folded.pop_back();
    person_aliases_[folded] = display;
    people_[folded] = display;
  }
}

void Gazetteer::SeparatePeople(std::string_view canonical, std::string_view variant) {
  finished_ = false;
  std::string folded = util::FoldName(variant);
  auto alias = person_aliases_.find(Key(folded));
  if (alias != person_aliases_.end() && util::FoldName(alias->second) == util::FoldName(canonical)) {
    person_aliases_.erase(alias);
    people_[folded] = std::string(util::Trim(variant));
  }
  // A lone first name must not fold back into the canonical person either.
  if (folded.find(' ') == std::string::npos) {
    auto names = first_names_.find(Key(folded));
    if (names != first_names_.end()) {
      std::string display(util::Trim(canonical));
      names->second.erase(std::remove(names->second.begin(), names->second.end(), display), names->second.end());
      if (names->second.size() == 1) names->second.push_back(std::string(util::Trim(variant)));
    }
  }
}

std::string Gazetteer::CanonicalPerson(const std::string& name) const {
  if (person_aliases_.empty()) return name;
  auto it = person_aliases_.find(util::FoldName(name));
  return it == person_aliases_.end() ? name : it->second;
}

void Gazetteer::AddAcronym(std::string_view name, std::string_view acronym) {
  acronyms_.emplace_back(std::string(name), std::string(acronym));
}

void Gazetteer::AddGroupName(std::string_view name) {
  std::string folded = util::FoldName(name);
  if (!folded.empty()) groups_.push_back(folded);
}

void Gazetteer::Finish() {
  for (const auto& [name, acronym] : acronyms_) {
    if (IsOrganization(util::FoldName(name)) || IsOrganization(util::FoldName(acronym))) {
      AddOrganizationAlias(name, acronym);
    }
  }
  std::vector<std::string> not_people = groups_;
  for (const auto& [folded, display] : organizations_) not_people.push_back(folded);
  for (const std::string& folded : not_people) {
    auto person = people_.find(Key(folded));
    if (person == people_.end()) continue;
    size_t space = folded.find(' ');
    if (space != std::string::npos) {
      auto& names = first_names_[folded.substr(0, space)];
      names.erase(std::remove(names.begin(), names.end(), person->second), names.end());
    }
    people_.erase(person);
  }
  // Every first name's answer, decided once: extraction asks for each
  // capitalised word, and in a large vault one first name can be shared by
  // hundreds of people, each of whose mentions the choice would fold again.
  by_first_name_.clear();
  for (const auto& [first, names] : first_names_) {
    if (std::optional<std::string> person = ChooseByFirstName(first)) by_first_name_.emplace(first, *std::move(person));
  }
  finished_ = true;
  ever_finished_ = true;
}

std::optional<std::string> Gazetteer::OrganizationByDomain(std::string_view domain) const {
  std::string folded = util::FoldName(domain);
  size_t last_dot = folded.rfind('.');
  if (last_dot == std::string::npos || last_dot == 0) return std::nullopt;
  size_t label_start = folded.rfind('.', last_dot - 1);
  label_start = label_start == std::string::npos ? 0 : label_start + 1;
  std::string label = folded.substr(label_start, last_dot - label_start);
  for (std::string_view provider : {"gmail", "googlemail", "outlook", "hotmail", "live", "yahoo",
                                    "icloud", "me", "aol", "proton", "protonmail", "example"}) {
    if (label == provider) return std::nullopt;
  }
  auto it = org_labels_.find(label);
  if (it == org_labels_.end()) return std::nullopt;
  return it->second;
}

FolderContext ContextOfPath(std::string_view path) {
  FolderContext context;
  std::vector<std::string_view> parts = util::Split(path, '/');
  // The last part is the file itself; a context folder needs a child folder.
  for (size_t i = 0; i + 2 < parts.size(); ++i) {
    std::string folded = util::FoldName(parts[i]);
    std::string_view child = parts[i + 1];
    if (child.empty() || child[0] == '_' || child[0] == '.') continue;
    if (IsPersonFolder(folded)) context.person = std::string(child);
    if (IsOrganizationFolder(folded)) context.organization = std::string(child);
    if (folded == "projects" || folded == "topics" || folded == "areas") context.topic = std::string(child);
  }
  return context;
}

}  // namespace kith::extract
