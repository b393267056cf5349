// Turns a parsed note into the entities and facts it contributes to the
// graph. Extraction is pure: the same note and options always give the same
// NoteGraph, which is what makes re-ingesting idempotent.
#ifndef KITH_ENGINE_EXTRACT_EXTRACT_H_
#define KITH_ENGINE_EXTRACT_EXTRACT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/model.h"
#include "engine/note/note.h"

namespace kith::extract {

class Gazetteer;

struct EntityMention {
  model::EntityKind kind = model::EntityKind::kPerson;
  std::string name;  // Cleaned display name, e.g. "Rob Banga".
};

// Where a fact was read: the note is implied by the NoteGraph.
struct Evidence {
  std::string section;
  int line = 0;
  std::string text;
};

struct Fact {
  model::RelationType type = model::RelationType::kAttended;
  std::vector<int> args;  // Indexes into NoteGraph::entities.
  std::string status;     // Relation-specific, e.g. "open" for an action.
  std::string role;
  std::optional<int32_t> date;  // Due date for actions; event date otherwise.
  int priority = 0;             // note::TaskPriority for actions.
  std::string detail;           // Action text and similar free text.
  Evidence evidence;
};

// The names one note makes known, in the order found, so that they can be
// stored with the note and replayed into a gazetteer later: a gazetteer
// built from every note's LearnedNames is the same whether the notes were
// read in this run or an earlier one.
struct LearnedNames {
  enum class Kind : uint8_t { kPerson = 1, kOrganization = 2, kPersonAlias = 3, kGroup = 4, kAcronym = 5 };
  struct Entry {
    Kind kind;
    std::string name;
    std::string other;  // The alias or the acronym; "" otherwise.
  };
  std::vector<Entry> entries;

  void AddPerson(std::string_view name) { entries.push_back({Kind::kPerson, std::string(name), ""}); }
  void AddOrganization(std::string_view name) { entries.push_back({Kind::kOrganization, std::string(name), ""}); }
  void AddPersonAlias(std::string_view name, std::string_view alias) {
    entries.push_back({Kind::kPersonAlias, std::string(name), std::string(alias)});
  }
  void AddGroupName(std::string_view name) { entries.push_back({Kind::kGroup, std::string(name), ""}); }
  void AddAcronym(std::string_view name, std::string_view acronym) {
    entries.push_back({Kind::kAcronym, std::string(name), std::string(acronym)});
  }
  // Replays the entries into `gazetteer`, in order.
  void ApplyTo(Gazetteer& gazetteer) const;
};

struct NoteGraph {
  std::string path;
  std::string title;
  std::optional<int32_t> date;
  std::string type;
  std::vector<EntityMention> entities;  // Unique by (kind, folded name).
  std::vector<Fact> facts;
  std::vector<note::Warning> warnings;
  // What the note contributes to the vault's gazetteer (LearnNames).
  LearnedNames learned;
};

struct ExtractOptions {
  // Canonical name of the vault owner; "@Myself" and "Me" resolve to it.
  // Empty: such references are dropped with a warning.
  std::string owner;
  // Names known across the vault, for reading sentences and resolving
  // first names; null reads with the note's own names only. Not owned.
  const Gazetteer* gazetteer = nullptr;
};

NoteGraph Extract(const note::ParsedNote& note, const ExtractOptions& options);

// The participant names a note names, cleaned, with "Myself" left as is.
// Used to find the vault owner before extraction.
std::vector<std::string> ParticipantNames(const note::ParsedNote& note);

// The names a note makes known: participants, action owners, the person or
// organisation its folder is about, a profile's company and aliases,
// groups ("X team"), acronyms written out in the text.
LearnedNames LearnNames(const note::ParsedNote& note);
// The same, given the note's ParticipantNames.
LearnedNames LearnNames(const note::ParsedNote& note, const std::vector<std::string>& participants);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_EXTRACT_H_
