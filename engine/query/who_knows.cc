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
  std::vector<uint32_t> notes;  // Into the subject's notes.
  std::map<std::string, std::pair<double, Reason>> relations;  // relation → best (weight, reason)
};

// One acquaintance scored, before names are read.
struct Scored {
  store::NodeId id = 0;
  double strength = 0;
  int interactions = 0;
  Tally* tally = nullptr;
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

  // Each of the subject's notes is read once and shared by index: a hub's
  // tens of thousands of notes are not copied per co-attendee.
  std::vector<store::NoteInfo> notes;
  std::unordered_map<store::NodeId, Tally> tallies;
  store::NodeId previous_note = 0;
  for (const store::EdgeRef& edge : meetings) {
    if (edge.neighbour == previous_note) continue;  // One note, one meeting.
    previous_note = edge.neighbour;
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.neighbour));
    if (!note) return absl::DataLossError("an attendance edge names a missing note");
    const auto index = static_cast<uint32_t>(notes.size());
    notes.push_back(*std::move(note));
    for (store::NodeId other : notes.back().attendees) {
      if (other != subject.id) tallies[other].notes.push_back(index);
    }
  }
  RETURN_IF_ERROR(AddRelations(reader, subject.id, reference, query.model, tallies));

  std::vector<Scored> scored;
  scored.reserve(tallies.size());
  for (auto& [id, tally] : tallies) {
    std::sort(tally.notes.begin(), tally.notes.end(), [&](uint32_t x, uint32_t y) {
      if (notes[x].date != notes[y].date) return notes[x].date > notes[y].date;
      return notes[x].path < notes[y].path;
    });
    std::vector<const store::NoteInfo*> shared;
    shared.reserve(tally.notes.size());
    for (uint32_t n : tally.notes) shared.push_back(&notes[n]);
    double score = 0;
    const auto meetings_folded = FoldMeetings(shared, query.model.duplicate_overlap);
    for (const auto& meeting : meetings_folded) {
      double best = 0;
      for (const store::NoteInfo* note : meeting) best = std::max(best, MeetingWeight(*note, reference, query.model));
      score += best;
    }
    // Summed smallest first: the two sides of a pair read their relations
    // under different labels ("reports to", "manages"), and the strength
    // must come out the same to the last bit from both.
    std::vector<double> weights;
    for (const auto& [label, entry] : tally.relations) weights.push_back(entry.first);
    std::sort(weights.begin(), weights.end());
    for (double w : weights) score += w;
    scored.push_back({id, 1.0 - std::exp(-score / query.model.saturation),
                      static_cast<int>(meetings_folded.size()), &tally});
  }

  // Ranked by strength and meetings; names, which only break ties, are
  // read for those that can make the cut.
  auto stronger = [](const Scored& x, const Scored& y) {
    return x.strength != y.strength ? x.strength > y.strength : x.interactions > y.interactions;
  };
  std::sort(scored.begin(), scored.end(), stronger);
  size_t named = scored.size();
  if (query.limit > 0 && scored.size() > static_cast<size_t>(query.limit)) {
    named = static_cast<size_t>(query.limit);
    while (named < scored.size() && !stronger(scored[query.limit - 1], scored[named])) ++named;
  }
  std::vector<std::pair<std::string, const Scored*>> ranked;
  for (size_t i = 0; i < named; ++i) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> person, reader.Entity(scored[i].id));
    if (!person) return absl::DataLossError("a note names a missing person");
    ranked.emplace_back(std::move(person->name), &scored[i]);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& x, const auto& y) {
    if (stronger(*x.second, *y.second)) return true;
    if (stronger(*y.second, *x.second)) return false;
    return x.first < y.first;
  });
  if (query.limit > 0 && ranked.size() > static_cast<size_t>(query.limit)) ranked.resize(query.limit);

  WhoKnowsResult result;
  result.subject = subject.name;
  for (auto& [name, s] : ranked) {
    Acquaintance& a = result.people.emplace_back();
    a.name = std::move(name);
    a.strength = s->strength;
    a.interactions = s->interactions;
    a.evidence_total = static_cast<int>(s->tally->notes.size());
    for (uint32_t n : s->tally->notes) {
      const store::NoteInfo& note = notes[n];
      if (query.evidence_limit <= 0 || a.evidence.size() < static_cast<size_t>(query.evidence_limit)) {
        a.evidence.push_back({note.path, note.title, note.date});
      }
      if (note.date && (!a.last_interaction || *note.date > *a.last_interaction)) a.last_interaction = note.date;
    }
    std::vector<std::pair<double, Reason>> reasons;
    for (auto& [label, entry] : s->tally->relations) reasons.push_back(std::move(entry));
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (auto& [weight, reason] : reasons) a.reasons.push_back(std::move(reason));
  }
  return result;
}

}  // namespace kith::query
