// introductions and how-met, from INTRODUCED facts and shared meetings.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

using model::RelationType;

// The INTRODUCED facts touching `person` in `direction` (out: as introducer).
absl::Status Collect(const store::StoreReader& reader, store::NodeId person, store::Direction direction,
                     std::map<std::pair<store::NodeId, uint32_t>, store::StoredFact>& facts) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, direction, RelationType::kIntroduced));
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    if (fact) facts.emplace(std::make_pair(edge.note, edge.seq), *std::move(fact));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<store::NodeId>> Optional(const store::StoreReader& reader, const std::string& name) {
  if (name.empty()) return std::nullopt;
  ASSIGN_OR_RETURN(store::EntityInfo person, ResolvePerson(reader, name));
  return person.id;
}

}  // namespace

absl::StatusOr<std::vector<Introduction>> Introductions(const store::StoreReader& reader,
                                                        const IntroductionsQuery& query) {
  ASSIGN_OR_RETURN(std::optional<store::NodeId> by, Optional(reader, query.by));
  ASSIGN_OR_RETURN(std::optional<store::NodeId> of, Optional(reader, query.of));
  ASSIGN_OR_RETURN(std::optional<store::NodeId> to, Optional(reader, query.to));

  std::map<std::pair<store::NodeId, uint32_t>, store::StoredFact> facts;
  if (by) {
    RETURN_IF_ERROR(Collect(reader, *by, store::Direction::kOut, facts));
  } else if (of || to) {
    RETURN_IF_ERROR(Collect(reader, of ? *of : *to, store::Direction::kIn, facts));
  } else {
    std::vector<store::NodeId> people;
    RETURN_IF_ERROR(reader.ForEachName([&](std::string_view, model::EntityKind kind, store::NodeId id) {
      if (kind == model::EntityKind::kPerson) people.push_back(id);
      return true;
    }));
    for (store::NodeId person : people) RETURN_IF_ERROR(Collect(reader, person, store::Direction::kOut, facts));
  }

  std::map<std::tuple<store::NodeId, store::NodeId, store::NodeId>, Introduction> unique;
  for (const auto& [key, fact] : facts) {
    if (fact.args.size() < 2) continue;
    store::NodeId target = fact.args.size() > 2 ? fact.args[2] : 0;
    if ((by && fact.args[0] != *by) || (of && fact.args[1] != *of) || (to && target != *to)) continue;
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(fact.note));
    if (!note) return absl::DataLossError("an introduction names a missing note");
    Introduction intro;
    std::vector<std::string*> names = {&intro.introducer, &intro.introduced, &intro.to};
    for (size_t i = 0; i < fact.args.size() && i < 3; ++i) {
      ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(fact.args[i]));
      if (e) *names[i] = e->name;
    }
    intro.date = fact.date ? fact.date : note->date;
    intro.text = fact.evidence.text;
    intro.note = RefTo(*note);
    auto k = std::make_tuple(fact.args[0], fact.args[1], target);
    auto [it, inserted] = unique.emplace(k, intro);
    if (!inserted && intro.date && (!it->second.date || *intro.date < *it->second.date)) it->second = intro;
  }
  std::vector<Introduction> out;
  for (auto& [k, intro] : unique) out.push_back(std::move(intro));
  // Oldest first; undated statements last.
  std::stable_sort(out.begin(), out.end(), [](const Introduction& x, const Introduction& y) {
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
    if (x.date != y.date) return x.date < y.date;
    return x.note.path < y.note.path;
  });
  return out;
}

absl::StatusOr<HowMetResult> HowMet(const store::StoreReader& reader, std::string_view a, std::string_view b) {
  ASSIGN_OR_RETURN(store::EntityInfo first, ResolvePerson(reader, a));
  ASSIGN_OR_RETURN(store::EntityInfo second, ResolvePerson(reader, b));
  if (first.id == second.id) return absl::InvalidArgumentError("how-met needs two different people");
  HowMetResult result{first.name, second.name, "unknown", std::nullopt, std::nullopt};

  // An introduction of one to the other, either way round.
  for (const auto& [of, to] : {std::pair{first.name, second.name}, std::pair{second.name, first.name}}) {
    ASSIGN_OR_RETURN(std::vector<Introduction> intros, Introductions(reader, {"", of, to}));
    for (Introduction& intro : intros) {
      if (!result.introduction || intro.date < result.introduction->date) result.introduction = std::move(intro);
    }
  }
  if (result.introduction) {
    result.how = "introduced";
    return result;
  }
  // Otherwise the earliest meeting both attended.
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> meetings,
                   reader.Edges(first.id, store::Direction::kOut, RelationType::kAttended));
  for (const store::EdgeRef& edge : meetings) {
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(edge.neighbour));
    if (!note || std::find(note->attendees.begin(), note->attendees.end(), second.id) == note->attendees.end()) continue;
    bool earlier = !result.first_meeting || (note->date && (!result.first_meeting->date || *note->date < *result.first_meeting->date));
    if (earlier) result.first_meeting = RefTo(*note);
  }
  if (result.first_meeting) result.how = "first_meeting";
  return result;
}

}  // namespace kith::query
