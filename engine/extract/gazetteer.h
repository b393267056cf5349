// The people and organisations a vault knows by name, learned from the
// vault itself: participants, action owners, People/<Name>/ folders,
// profile `company` fields, organisation pages and what is already stored.
// Sentences are read against it, so that "Microsoft's" or "Jeff" can be
// recognised without a list of the world's names.
#ifndef KITH_ENGINE_EXTRACT_GAZETTEER_H_
#define KITH_ENGINE_EXTRACT_GAZETTEER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace kith::extract {

// "Intel Corporation" → "Intel", "Google LLC" → "Google": legal-form
// suffixes are not part of how people name a company.
std::string CanonicalOrganizationName(std::string_view name);

class Gazetteer {
 public:
  void AddPerson(std::string_view name);
  void AddOrganization(std::string_view name);
  // Makes `alias` ("OCI") another name of `name` ("Oracle Cloud
  // Infrastructure"); lookups of either give `name`.
  void AddOrganizationAlias(std::string_view name, std::string_view alias);

  // Display names by folded name (util::FoldName), exact.
  std::optional<std::string> Person(std::string_view folded) const;
  // Exact, or a single word that starts exactly one known multi-word
  // organisation ("VAST" for "VAST Data").
  std::optional<std::string> Organization(std::string_view folded) const;
  // The known person with this folded first name: the only one (named in
  // at least kMinUniqueNotes notes), or one named in at least kDominance
  // times as many notes as any other (and in kMinNotes notes). Otherwise
  // nullopt: real ambiguity is not guessed away.
  std::optional<std::string> PersonByFirstName(std::string_view folded) const;
  // The organisation whose folded name without spaces is the domain's
  // registrable label: "vastdata.com" → "VAST Data". Mail providers map to
  // nothing.
  std::optional<std::string> OrganizationByDomain(std::string_view domain) const;

  // Notes that `acronym` abbreviates `name` ("OCI", "Oracle Cloud
  // Infrastructure"); applied by Finish if either is an organisation.
  void AddAcronym(std::string_view name, std::string_view acronym);
  // Makes `variant` another name of the person `canonical`: a mention of
  // either resolves to `canonical` (frontmatter aliases, kith alias/merge).
  void AddPersonAlias(std::string_view canonical, std::string_view variant);
  // Undoes an alias between the two and keeps them apart (kith unmerge).
  void SeparatePeople(std::string_view canonical, std::string_view variant);
  // The canonical name for a person's name: itself unless aliased.
  std::string CanonicalPerson(const std::string& name) const;
  // True if `folded` is the first name of several known people and none
  // dominates: a relation naming only "Rob" cannot say which Rob.
  bool IsAmbiguousFirstName(std::string_view folded) const;
  // True if `folded` is exactly a known organisation's name.
  bool IsOrganization(std::string_view folded) const;
  // Records that the vault writes "`name` team" or "`name` leadership":
  // `name` is a group, not a person ("@Azure Compute" as a task owner).
  void AddGroupName(std::string_view name);
  // Drops people whose names are also organisations' ("VAST Data" listed
  // as a participant) or groups'; call once everything is added.
  void Finish();

  size_t person_count() const { return people_.size(); }
  size_t organization_count() const { return organizations_.size(); }

 private:
  // PersonByFirstName's decision, from first_names_ and mentions_.
  std::optional<std::string> ChooseByFirstName(std::string_view folded) const;

  static constexpr int kDominance = 5;
  static constexpr int kMinNotes = 5;
  static constexpr int kMinUniqueNotes = 2;

  absl::flat_hash_map<std::string, std::string> people_;         // folded → display
  absl::flat_hash_map<std::string, int> mentions_;               // folded → times added
  absl::flat_hash_map<std::string, std::string> organizations_;  // folded → display
  // folded first word → display names of multi-word entries.
  absl::flat_hash_map<std::string, std::vector<std::string>> first_names_;
  absl::flat_hash_map<std::string, std::vector<std::string>> org_first_words_;
  absl::flat_hash_map<std::string, std::string> org_labels_;  // "vastdata" → display
  std::vector<std::pair<std::string, std::string>> acronyms_;  // (name, acronym)
  std::vector<std::string> groups_;  // folded
  absl::flat_hash_map<std::string, std::string> person_aliases_;  // folded variant → canonical display
  // What PersonByFirstName answers, decided by Finish; stale (and not used)
  // once a person is added or separated after it.
  absl::flat_hash_map<std::string, std::string> by_first_name_;
  bool finished_ = false;
  bool ever_finished_ = false;  // See AddPerson.
};

// What a note's folder says it is about: a note under People/<Name>/ is
// about <Name>; one under Customers and Partners/<Org>/ about <Org>.
struct FolderContext {
  std::string person;
  std::string organization;
  std::string topic;  // Projects/<Name>/
};
FolderContext ContextOfPath(std::string_view path);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_GAZETTEER_H_
