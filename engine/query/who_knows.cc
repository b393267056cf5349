// who-knows: shared meetings (near-duplicate summaries folded into one
// interaction) plus stated relations, combined into one strength. The model
// is documented in docs/STRENGTH.md.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/query/meetings.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

using model::RelationType;

struct Tally {
  std::vector<store::NoteInfo> notes;
  std::map<std::string, std::pair<double, Reason>> relations;  // relation → best (weight, reason)
};

// Adds the stated relations between the subject and other people.
absl::Status AddRelations(const store::StoreReader& reader, store::NodeId subject,
                          std::optional<int32_t> reference, const StrengthModel& model,
                          std::unordered_map<store::NodeId, Tally>& tallies) {
  for (RelationType type : {RelationType::kReportsTo, RelationType::kWorkedWith, RelationType::kKnows,
                            RelationType::kFamily, RelationType::kIntroduced}) {
    for (store::Direction direction : {store::Direction::kOut, store::Direction::kIn}) {
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(subject, direction, type));
      for (const store::EdgeRef& edge : edges) {
        ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
        ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.note));
        if (!fact || !note) return absl::DataLossError("an edge names a missing fact or note");
        bool subject_first = !fact->args.empty() && fact->args[0] == subject;
        // Everyone else in the fact: for an introduction, the introduced
        // parties also know each other.
        std::vector<store::NodeId> others;
        for (store::NodeId id : fact->args) {
          if (id != subject && std::find(others.begin(), others.end(), id) == others.end()) others.push_back(id);
        }
        double weight = RelationWeight(type, model) * Recency(note->date, reference, model);
        for (store::NodeId other : others) {
          ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader.Entity(other));
          if (!entity || entity->kind != model::EntityKind::kPerson) continue;
          std::string label = RelationLabel(type, subject_first, *fact);
          Reason reason{label, fact->evidence.text, {note->path, note->title, note->date}};
          auto& best = tallies[other].relations[label];
          if (weight > best.first) best = {weight, std::move(reason)};
        }
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<WhoKnowsResult> WhoKnows(const store::StoreReader& reader, const WhoKnowsQuery& query) {
  ASSIGN_OR_RETURN(store::EntityInfo subject, ResolvePerson(reader, query.name));
  ASSIGN_OR_RETURN(std::optional<int32_t> reference, ReferenceDate(reader));
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> meetings,
                   reader.Edges(subject.id, store::Direction::kOut, RelationType::kAttended));

  std::unordered_map<store::NodeId, Tally> tallies;
  store::NodeId previous_note = 0;
  for (const store::EdgeRef& edge : meetings) {
    if (edge.neighbour == previous_note) continue;  // One note, one meeting.
    previous_note = edge.neighbour;
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.neighbour));
    if (!note) return absl::DataLossError("an attendance edge names a missing note");
    for (store::NodeId other : note->attendees) {
      if (other != subject.id) tallies[other].notes.push_back(*note);
    }
  }
  RETURN_IF_ERROR(AddRelations(reader, subject.id, reference, query.model, tallies));

  WhoKnowsResult result;
  result.subject = subject.name;
  for (auto& [id, tally] : tallies) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> person, reader.Entity(id));
    if (!person) return absl::DataLossError("a note names a missing person");
    std::sort(tally.notes.begin(), tally.notes.end(), [](const store::NoteInfo& x, const store::NoteInfo& y) {
      if (x.date != y.date) return x.date > y.date;
      return x.path < y.path;
    });
    Acquaintance a;
    a.name = person->name;
    double score = 0;
    const auto meetings_folded = FoldMeetings(tally.notes, query.model.duplicate_overlap);
    for (const auto& meeting : meetings_folded) {
      double best = 0;
      for (const store::NoteInfo* note : meeting) best = std::max(best, MeetingWeight(*note, reference, query.model));
      score += best;
    }
    a.interactions = static_cast<int>(meetings_folded.size());
    a.evidence_total = static_cast<int>(tally.notes.size());
    for (const store::NoteInfo& note : tally.notes) {
      if (query.evidence_limit <= 0 || a.evidence.size() < static_cast<size_t>(query.evidence_limit)) {
        a.evidence.push_back({note.path, note.title, note.date});
      }
      if (note.date && (!a.last_interaction || *note.date > *a.last_interaction)) a.last_interaction = note.date;
    }
    std::vector<std::pair<double, Reason>> reasons;
    std::vector<double> weights;
    for (auto& [label, entry] : tally.relations) {
      weights.push_back(entry.first);
      reasons.push_back(std::move(entry));
    }
    // Summed smallest first: the two sides of a pair read their relations
    // under different labels ("reports to", "manages"), and the strength
    // must come out the same to the last bit from both.
    std::sort(weights.begin(), weights.end());
    for (double w : weights) score += w;
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (auto& [weight, reason] : reasons) a.reasons.push_back(std::move(reason));
    a.strength = 1.0 - std::exp(-score / query.model.saturation);
    result.people.push_back(std::move(a));
  }
  std::sort(result.people.begin(), result.people.end(), [](const Acquaintance& x, const Acquaintance& y) {
    if (x.strength != y.strength) return x.strength > y.strength;
    if (x.interactions != y.interactions) return x.interactions > y.interactions;
    return x.name < y.name;
  });
  if (query.limit > 0 && result.people.size() > static_cast<size_t>(query.limit)) {
    result.people.resize(query.limit);
  }
  return result;
}

}  // namespace kith::query
