// who-knows: shared meetings (near-duplicate summaries folded into one
// interaction) plus stated relations, combined into one strength. The model
// is documented in docs/STRENGTH.md.
#include <algorithm>
#include <cmath>
#include <future>
#include <map>
#include <unordered_map>

#include "absl/container/flat_hash_map.h"
#include "engine/query/meetings.h"
#include "engine/query/query.h"
#include "engine/query/who_knows_reads.h"
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
// notes that state a relation with the subject.
class NoteCache {
 public:
  NoteCache(const std::vector<store::NoteInfo>& attended,
            const std::unordered_map<store::NodeId, store::NoteInfo>& stating)
      : attended_(attended), stating_(stating) {}

  absl::StatusOr<const store::NoteInfo*> Get(store::NodeId id) const {
    auto it = std::lower_bound(attended_.begin(), attended_.end(), id,
                               [](const store::NoteInfo& note, store::NodeId wanted) { return note.id < wanted; });
    if (it != attended_.end() && it->id == id) return &*it;
    auto other = stating_.find(id);
    if (other == stating_.end()) return absl::DataLossError("an edge names a missing note");
    return &other->second;
  }

 private:
  const std::vector<store::NoteInfo>& attended_;
  const std::unordered_map<store::NodeId, store::NoteInfo>& stating_;
};

// Adds the stated relations between the subject and other entities (those
// that are not people are passed over when the answer is ranked).
absl::Status AddRelations(const std::vector<StatedRelation>& relations, std::optional<int32_t> reference,
                          const StrengthModel& model, const NoteCache& notes,
                          absl::flat_hash_map<store::NodeId, Tally>& tallies) {
  for (const StatedRelation& relation : relations) {
    ASSIGN_OR_RETURN(const store::NoteInfo* note, notes.Get(relation.note));
    const double weight = RelationWeight(relation.type, model) * Recency(note->date, reference, model);
    for (store::NodeId other : relation.others) {
      // The first statement stands until a stronger one, as in the memory index.
      auto [best, first] =
          tallies[other].relations.try_emplace(relation.label, Statement{weight, relation.note, relation.seq});
      if (!first && weight > best->second.weight) best->second = {weight, relation.note, relation.seq};
    }
  }
  return absl::OkStatus();
}

// The reason a statement gives, with its sentence and note.
absl::StatusOr<Reason> ReadReason(const store::StoreReader& reader, const NoteCache& notes, const std::string& label,
                                  const Statement& statement) {
  ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(statement.note, statement.seq));
  if (!fact) return absl::DataLossError("an edge names a missing fact");
  ASSIGN_OR_RETURN(const store::NoteInfo* note, notes.Get(statement.note));
  return Reason{label, fact->evidence.text, RefTo(*note)};
}

}  // namespace

absl::StatusOr<WhoKnowsResult> WhoKnows(const store::StoreReader& reader, const WhoKnowsQuery& query) {
  ASSIGN_OR_RETURN(store::EntityInfo subject, ResolvePerson(reader, query.name));
  ASSIGN_OR_RETURN(std::optional<int32_t> reference, ReferenceDate(reader));
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> meetings,
                   reader.Edges(subject.id, store::Direction::kOut, RelationType::kAttended));

  // Each of the subject's notes is read once and shared by index: a hub's
  // tens of thousands of notes are not copied per co-attendee.
  std::vector<store::NodeId> note_ids;
  note_ids.reserve(meetings.size());
  for (const store::EdgeRef& edge : meetings) {
    if (note_ids.empty() || edge.neighbour != note_ids.back()) note_ids.push_back(edge.neighbour);  // One note, one meeting.
  }
  // A hub's notes and the relations stated about him are read at once.
  const bool parallel = note_ids.size() >= kParallelReadNotes;
  std::future<absl::StatusOr<RelationReads>> reading_relations = std::async(
      parallel ? std::launch::async : std::launch::deferred, [&] { return ReadRelations(reader, subject.id, note_ids); });
  absl::StatusOr<std::vector<store::NoteInfo>> read_notes = ReadNotes(reader, note_ids, parallel);
  absl::StatusOr<RelationReads> relations = reading_relations.get();
  RETURN_IF_ERROR(read_notes.status());
  RETURN_IF_ERROR(relations.status());
  const std::vector<store::NoteInfo>& notes = *read_notes;

  absl::flat_hash_map<store::NodeId, Tally> tallies;
  tallies.reserve(notes.size());
  for (uint32_t index = 0; index < notes.size(); ++index) {
    for (store::NodeId other : notes[index].attendees) {
      if (other != subject.id) tallies[other].notes.push_back(index);
    }
  }
  const NoteCache note_cache(notes, relations->notes);
  RETURN_IF_ERROR(AddRelations(relations->relations, reference, query.model, note_cache, tallies));

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
  // Someone named only by relations may not be a person at all (a relation
  // can name an organisation); their entity is read here, for the few who
  // can make the cut, rather than for every relation.
  std::vector<std::pair<std::string, const Scored*>> ranked;
  const auto limit = static_cast<size_t>(std::max(query.limit, 0));
  for (const Scored& candidate : scored) {
    if (limit > 0 && ranked.size() >= limit && stronger(*ranked[limit - 1].second, candidate)) break;
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader.Entity(candidate.id));
    const bool attendee = !candidate.tally->notes.empty();
    if (attendee && !entity) return absl::DataLossError("a note names a missing person");
    if (!attendee && (!entity || entity->kind != model::EntityKind::kPerson)) continue;
    ranked.emplace_back(std::move(entity->name), &candidate);
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
        a.evidence.push_back(RefTo(note));
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
