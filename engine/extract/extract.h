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

struct NoteGraph {
  std::string path;
  std::string title;
  std::optional<int32_t> date;
  std::string type;
  std::vector<EntityMention> entities;  // Unique by (kind, folded name).
  std::vector<Fact> facts;
  std::vector<note::Warning> warnings;
  // Sentences kept verbatim for later extraction passes (Key Information,
  // Decisions and similar sections).
  std::vector<note::Line> kept_lines;
};

class Gazetteer;

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

// Adds to `gazetteer` the names a note makes known: participants, action
// owners, the person or organisation its folder is about, a profile's
// company, an organisation page's title.
void LearnNames(const note::ParsedNote& note, Gazetteer& gazetteer);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_EXTRACT_H_
