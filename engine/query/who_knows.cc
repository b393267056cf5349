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

// A stated relation's strongest statement so far. Its sentence and note
// are read only for the people who make the answer: a hub states relations
// with tens of thousands of people.
struct Statement {
  double weight = 0;
  store::NodeId note = 0;
  uint32_t seq = 0;
};

struct Tally {
  std::vector<uint32_t> notes;                  // Into the subject's notes.
  std::map<std::string, Statement> relations;  // relation label → its strongest statement
};

// One acquaintance scored, before names are read.
struct Scored {
  store::NodeId id = 0;
  double strength = 0;
  int interactions = 0;
  Tally* tally = nullptr;
};

// The subject's notes, in id order (as their attendance edges are), and the
// other notes a relation is stated in, read once each.
class NoteCache {
 public:
  NoteCache(const store::StoreReader& reader, const std::vector<store::NoteInfo>& attended)
      : reader_(reader), attended_(attended) {}

  absl::StatusOr<const store::NoteInfo*> Get(store::NodeId id) {
    auto it = std::lower_bound(attended_.begin(), attended_.end(), id,
                               [](const store::NoteInfo& note, store::NodeId wanted) { return note.id < wanted; });
    if (it != attended_.end() && it->id == id) return &*it;
    auto [other, inserted] = others_.try_emplace(id);
    if (inserted) {
      ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader_.Note(id));
      if (!note) return absl::DataLossError("an edge names a missing note");
      other->second = *std::move(note);
    }
    return &other->second;
  }

 private:
  const store::StoreReader& reader_;
  const std::vector<store::NoteInfo>& attended_;
  std::unordered_map<store::NodeId, store::NoteInfo> others_;
};

// Adds the stated relations between the subject and other people.
absl::Status AddRelations(const store::StoreReader& reader, store::NodeId subject,
                          std::optional<int32_t> reference, const StrengthModel& model, NoteCache& notes,
                          std::unordered_map<store::NodeId, Tally>& tallies) {
  std::unordered_map<store::NodeId, bool> is_person;
  for (RelationType type : {RelationType::kReportsTo, RelationType::kWorkedWith, RelationType::kKnows,
                            RelationType::kFamily, RelationType::kIntroduced}) {
    for (store::Direction direction : {store::Direction::kOut, store::Direction::kIn}) {
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(subject, direction, type));
      // A fact's edges run from its first argument to each other one, so
      // when the subject is first, its out-edges of one (note, seq) name
      // everyone else in the fact, and the fact itself is read only for
      // what its label needs (a family role). A hub states thousands.
      const bool edges_suffice = direction == store::Direction::kOut && type != RelationType::kFamily;
      std::map<std::pair<store::NodeId, uint32_t>, std::vector<store::NodeId>> named_by_fact;
      if (edges_suffice) {
        for (const store::EdgeRef& edge : edges) named_by_fact[{edge.note, edge.seq}].push_back(edge.neighbour);
      }
      for (const store::EdgeRef& edge : edges) {
        std::optional<store::StoredFact> fact;
        if (edges_suffice) {
          fact.emplace();
          fact->args.push_back(subject);
          const std::vector<store::NodeId>& named = named_by_fact[{edge.note, edge.seq}];
          fact->args.insert(fact->args.end(), named.begin(), named.end());
        } else {
          ASSIGN_OR_RETURN(fact, reader.Fact(edge.note, edge.seq));
          if (!fact) return absl::DataLossError("an edge names a missing fact");
        }
        ASSIGN_OR_RETURN(const store::NoteInfo* note, notes.Get(edge.note));
        bool subject_first = !fact->args.empty() && fact->args[0] == subject;
        // Everyone else in the fact: for an introduction, the introduced
        // parties also know each other.
        std::vector<store::NodeId> others;
        for (store::NodeId id : fact->args) {
          if (id != subject && std::find(others.begin(), others.end(), id) == others.end()) others.push_back(id);
        }
        const double weight = RelationWeight(type, model) * Recency(note->date, reference, model);
        const std::string label = RelationLabel(type, subject_first, *fact);
        for (store::NodeId other : others) {
          auto [known, unseen] = is_person.try_emplace(other, false);
          if (unseen) {
            ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader.Entity(other));
            known->second = entity && entity->kind == model::EntityKind::kPerson;
          }
          if (!known->second) continue;
          // The first statement stands until a stronger one, as in the memory index.
          auto [best, first] = tallies[other].relations.try_emplace(label, Statement{weight, edge.note, edge.seq});
          if (!first && weight > best->second.weight) best->second = {weight, edge.note, edge.seq};
        }
      }
    }
  }
  return absl::OkStatus();
}

// The reason a statement gives, with its sentence and note.
absl::StatusOr<Reason> ReadReason(const store::StoreReader& reader, NoteCache& notes, const std::string& label,
                                  const Statement& statement) {
  ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(statement.note, statement.seq));
  if (!fact) return absl::DataLossError("an edge names a missing fact");
  ASSIGN_OR_RETURN(const store::NoteInfo* note, notes.Get(statement.note));
  return Reason{label, fact->evidence.text, {note->path, note->title, note->date}};
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
  NoteCache note_cache(reader, notes);
  RETURN_IF_ERROR(AddRelations(reader, subject.id, reference, query.model, note_cache, tallies));

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
    for (const auto& [label, statement] : tally.relations) weights.push_back(statement.weight);
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
    for (const auto& [label, statement] : s->tally->relations) {
      ASSIGN_OR_RETURN(Reason reason, ReadReason(reader, note_cache, label, statement));
      reasons.emplace_back(statement.weight, std::move(reason));
    }
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (auto& [weight, reason] : reasons) a.reasons.push_back(std::move(reason));
  }
  return result;
}

}  // namespace kith::query
