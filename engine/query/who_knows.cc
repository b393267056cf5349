#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "absl/strings/numbers.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

struct Tally {
  double score = 0;
  std::vector<NoteRef> notes;
  std::optional<int32_t> last;
};

// The date recency is measured from: the newest note in the store.
absl::StatusOr<std::optional<int32_t>> ReferenceDate(const store::StoreReader& reader) {
  ASSIGN_OR_RETURN(std::optional<std::string> value, reader.Meta("latest_note_date"));
  int32_t days = 0;
  if (value && absl::SimpleAtoi(*value, &days)) return days;
  return std::nullopt;
}

double MeetingWeight(const store::NoteInfo& note, std::optional<int32_t> reference,
                     const StrengthModel& model) {
  // A 1:1 says more than a 20-person call: split one unit of weight over
  // the other attendees.
  double size = note.attendees.size() > 1 ? 1.0 / (note.attendees.size() - 1) : 1.0;
  double recency = model.undated_weight;
  if (note.date && reference) {
    double age = std::max(0, *reference - *note.date);
    recency = std::exp2(-age / model.half_life_days);
  }
  return size * recency;
}

}  // namespace

absl::StatusOr<WhoKnowsResult> WhoKnows(const store::StoreReader& reader,
                                        const WhoKnowsQuery& query) {
  ASSIGN_OR_RETURN(store::EntityInfo subject, ResolvePerson(reader, query.name));
  ASSIGN_OR_RETURN(std::optional<int32_t> reference, ReferenceDate(reader));
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> meetings,
                   reader.Edges(subject.id, store::Direction::kOut, model::RelationType::kAttended));

  std::unordered_map<store::NodeId, Tally> tallies;
  store::NodeId previous_note = 0;
  for (const store::EdgeRef& edge : meetings) {
    if (edge.neighbour == previous_note) continue;  // One note, one meeting.
    previous_note = edge.neighbour;
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.neighbour));
    if (!note) return absl::DataLossError("an attendance edge names a missing note");
    double weight = MeetingWeight(*note, reference, query.model);
    for (store::NodeId other : note->attendees) {
      if (other == subject.id) continue;
      Tally& tally = tallies[other];
      tally.score += weight;
      tally.notes.push_back({note->path, note->title, note->date});
      if (note->date && (!tally.last || *note->date > *tally.last)) tally.last = note->date;
    }
  }

  WhoKnowsResult result;
  result.subject = subject.name;
  for (auto& [id, tally] : tallies) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> person, reader.Entity(id));
    if (!person) return absl::DataLossError("a note names a missing attendee");
    Acquaintance a;
    a.name = person->name;
    a.strength = 1.0 - std::exp(-tally.score / query.model.saturation);
    a.interactions = static_cast<int>(tally.notes.size());
    a.last_interaction = tally.last;
    std::sort(tally.notes.begin(), tally.notes.end(), [](const NoteRef& x, const NoteRef& y) {
      if (x.date != y.date) return x.date > y.date;
      return x.path < y.path;
    });
    a.evidence = std::move(tally.notes);
    result.people.push_back(std::move(a));
  }
  std::sort(result.people.begin(), result.people.end(),
            [](const Acquaintance& x, const Acquaintance& y) {
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
