#include "engine/graph/history_index.h"

#include <algorithm>
#include <iterator>
#include <type_traits>

#include "engine/query/meetings.h"
#include "engine/util/status_macros.h"

namespace kith::graph {
namespace {

using model::RelationType;

absl::Status MissingNote() { return absl::DataLossError("an edge names a missing note"); }

// The items of two sorted lists that are in both. A short list against a
// long one (a hub's) is searched for rather than merged, so that the cost
// follows the shorter list.
std::vector<uint32_t> Intersect(std::pair<const uint32_t*, const uint32_t*> x,
                                std::pair<const uint32_t*, const uint32_t*> y) {
  if (x.second - x.first > y.second - y.first) std::swap(x, y);
  std::vector<uint32_t> out;
  constexpr long kSearchIfShorterBy = 16;  // Merging costs both lengths; a search, log of the longer one.
  if ((x.second - x.first) * kSearchIfShorterBy < y.second - y.first) {
    const uint32_t* from = y.first;
    for (const uint32_t* it = x.first; it != x.second && from != y.second; ++it) {
      from = std::lower_bound(from, y.second, *it);
      if (from != y.second && *from == *it) out.push_back(*it);
    }
    return out;
  }
  std::set_intersection(x.first, x.second, y.first, y.second, std::back_inserter(out));
  return out;
}

// One key for a pair, either way round.
uint64_t PairKey(uint32_t a, uint32_t b) { return (static_cast<uint64_t>(std::min(a, b)) << 32) | std::max(a, b); }

}  // namespace

// Reads what the who-knows builder did not: mentions, topics, employment.
class HistoryIndexBuilder {
 public:
  HistoryIndexBuilder(const store::StoreReader& reader, const HistorySources& sources,
                      const std::atomic<bool>* cancel)
      : reader_(reader), in_(sources), cancel_(cancel) {}

  absl::StatusOr<HistoryIndex> Run() {
    RETURN_IF_ERROR(ReadNotesOfPeople());
    RETURN_IF_ERROR(ReadTopics());
    RETURN_IF_ERROR(ReadFacts());
    RETURN_IF_ERROR(ReadEmployment());
    return std::move(index_);
  }

 private:
  // Packs one list per owner, each sorted (and, for note and topic numbers,
  // without repeats).
  template <typename T>
  static HistoryIndex::Lists<T> Pack(std::vector<std::vector<T>>& per_owner) {
    HistoryIndex::Lists<T> packed;
    packed.begin.reserve(per_owner.size() + 1);
    packed.begin.push_back(0);
    for (std::vector<T>& list : per_owner) {
      std::sort(list.begin(), list.end());
      if constexpr (std::is_same_v<T, uint32_t>) list.erase(std::unique(list.begin(), list.end()), list.end());
      packed.items.insert(packed.items.end(), std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()));
      packed.begin.push_back(static_cast<uint32_t>(packed.items.size()));
      std::vector<T>().swap(list);
    }
    return packed;
  }

  absl::Status Cancelled() const {
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) return absl::CancelledError("index build cancelled");
    return absl::OkStatus();
  }

  absl::Status ReadNotesOfPeople() {
    std::vector<std::vector<uint32_t>> attended(in_.people.size()), mentioned(in_.people.size());
    for (uint32_t n = 0; n < in_.notes.size(); ++n) {
      for (store::NodeId id : in_.notes[n].attendees) {
        auto person = in_.dense.find(id);
        if (person == in_.dense.end()) return absl::DataLossError("a note names a missing person");
        attended[person->second].push_back(n);
      }
    }
    index_.attended_ = Pack(attended);
    for (uint32_t p = 0; p < in_.people.size(); ++p) {
      if (p % 4096 == 0) RETURN_IF_ERROR(Cancelled());
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                       reader_.Edges(in_.people[p], store::Direction::kOut, RelationType::kMentionedIn));
      auto [attended_begin, attended_end] = index_.attended_.Of(p);
      for (const store::EdgeRef& edge : edges) {
        auto note = in_.note_index.find(edge.neighbour);
        if (note == in_.note_index.end()) return MissingNote();
        // A note that names someone who attended it is theirs as attended only.
        if (!std::binary_search(attended_begin, attended_end, note->second)) mentioned[p].push_back(note->second);
      }
    }
    index_.mentioned_ = Pack(mentioned);
    return Cancelled();
  }

  // Each topic's notes, turned into each note's topics: a few thousand
  // topics cost fewer reads than a few hundred thousand notes.
  absl::Status ReadTopics() {
    std::vector<store::NodeId> topics;
    RETURN_IF_ERROR(reader_.ForEachName([&](std::string_view, model::EntityKind kind, store::NodeId id) {
      if (kind == model::EntityKind::kTopic) topics.push_back(id);
      return true;
    }));
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    std::vector<std::vector<uint32_t>> per_note(in_.notes.size());
    for (store::NodeId id : topics) {
      ASSIGN_OR_RETURN(std::optional<store::EntityInfo> topic, reader_.Entity(id));
      if (!topic) continue;
      const auto name = static_cast<uint32_t>(index_.topic_names_.size());
      index_.topic_names_.push_back(topic->name);
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                       reader_.Edges(id, store::Direction::kOut, RelationType::kDiscussed));
      for (const store::EdgeRef& edge : edges) {
        auto note = in_.note_index.find(edge.neighbour);
        if (note == in_.note_index.end()) return MissingNote();
        per_note[note->second].push_back(name);
      }
    }
    index_.topics_ = Pack(per_note);
    return Cancelled();
  }

  // Each fact once, filed under every person it names, with each other
  // person it names.
  absl::Status ReadFacts() {
    std::vector<std::vector<HistoryIndex::PartnerFact>> per_person(in_.people.size());
    for (const auto& [key, fact] : in_.relation_facts) {
      std::vector<uint32_t> people;
      for (store::NodeId id : fact.args) {
        auto person = in_.dense.find(id);
        if (person == in_.dense.end()) continue;
        if (std::find(people.begin(), people.end(), person->second) == people.end()) people.push_back(person->second);
      }
      if (people.size() < 2) continue;
      auto note = in_.note_index.find(key.first);
      if (note == in_.note_index.end()) return MissingNote();
      std::vector<std::string> names;
      for (store::NodeId id : fact.args) {
        ASSIGN_OR_RETURN(std::string name, NameOf(id));
        names.push_back(std::move(name));
      }
      const auto row = static_cast<uint32_t>(index_.facts_.size());
      index_.facts_.push_back({fact.type, note->second, key.second,
                               fact.date ? fact.date : in_.notes[note->second].date,
                               query::DescribeRelation(fact.type, names, fact.role), fact.evidence.text});
      for (uint32_t p : people) {
        for (uint32_t q : people) {
          if (p != q) per_person[p].push_back({q, 0, row});
        }
      }
    }
    // Of a pair's statements of one relation, only the one the timeline
    // shows is kept: a hub pair's relation may be restated in hundreds of
    // notes.
    for (std::vector<HistoryIndex::PartnerFact>& list : per_person) {
      std::sort(list.begin(), list.end());
      std::vector<HistoryIndex::PartnerFact> kept;
      for (size_t begin = 0, end = 0; begin < list.size(); begin = end) {
        std::vector<query::StatedBetween> stated;
        for (end = begin; end < list.size() && list[end].other == list[begin].other; ++end) {
          stated.push_back(index_.Stated(index_.facts_[list[end].fact], in_.notes));
        }
        uint32_t place = 0;
        for (size_t i : query::FirstStatedEach(stated)) kept.push_back({list[begin + i].other, place++, list[begin + i].fact});
      }
      list = std::move(kept);
    }
    index_.partners_ = Pack(per_person);
    return Cancelled();
  }

  absl::Status ReadEmployment() {
    std::vector<std::vector<HistoryIndex::Employment>> per_person(in_.people.size());
    std::unordered_map<store::NodeId, uint32_t> org_names;
    for (uint32_t p = 0; p < in_.people.size(); ++p) {
      if (p % 4096 == 0) RETURN_IF_ERROR(Cancelled());
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                       reader_.Edges(in_.people[p], store::Direction::kOut, RelationType::kWorksAt));
      for (size_t begin = 0, end = 0; begin < edges.size(); begin = end) {
        const store::NodeId org = edges[begin].neighbour;
        for (end = begin; end < edges.size() && edges[end].neighbour == org;) ++end;
        auto name = org_names.find(org);
        if (name == org_names.end()) {
          ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader_.Entity(org));
          if (!entity) continue;
          name = org_names.emplace(org, static_cast<uint32_t>(index_.org_names_.size())).first;
          index_.org_names_.push_back(entity->name);
        }
        ASSIGN_OR_RETURN(std::string status,
                         query::EmploymentStatus(reader_, {edges.begin() + static_cast<long>(begin),
                                                           edges.begin() + static_cast<long>(end)}));
        per_person[p].push_back({org, name->second, std::move(status)});
      }
    }
    index_.employment_ = Pack(per_person);
    return Cancelled();
  }

  // A fact argument's name as DescribeRelation wants it.
  absl::StatusOr<std::string> NameOf(store::NodeId id) {
    if (auto person = in_.dense.find(id); person != in_.dense.end()) return in_.names[person->second];
    auto cached = other_names_.find(id);
    if (cached == other_names_.end()) {
      ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader_.Entity(id));
      cached = other_names_.emplace(id, entity ? entity->name : "?").first;
    }
    return cached->second;
  }

  const store::StoreReader& reader_;
  const HistorySources& in_;
  const std::atomic<bool>* cancel_;
  HistoryIndex index_;
  std::unordered_map<store::NodeId, std::string> other_names_;
};

absl::StatusOr<HistoryIndex> HistoryIndex::Build(const store::StoreReader& reader, const HistorySources& sources,
                                                 const std::atomic<bool>* cancel) {
  return HistoryIndexBuilder(reader, sources, cancel).Run();
}

HistoryIndex::RankedTopics HistoryIndex::RankTopics(absl::Span<const uint32_t> attended) const {
  absl::InlinedVector<uint32_t, 16> mentions;
  for (uint32_t n : attended) {
    auto [begin, end] = topics_.Of(n);
    mentions.insert(mentions.end(), begin, end);
  }
  std::sort(mentions.begin(), mentions.end());
  RankedTopics ranked;
  for (size_t i = 0, j = 0; i < mentions.size(); i = j) {
    for (j = i; j < mentions.size() && mentions[j] == mentions[i];) ++j;
    ranked.push_back({mentions[i], static_cast<uint32_t>(j - i)});
  }
  std::sort(ranked.begin(), ranked.end(), [&](const RankedTopic& x, const RankedTopic& y) {
    return query::RankedBefore(static_cast<int>(x.notes), topic_names_[x.topic], static_cast<int>(y.notes),
                               topic_names_[y.topic]);
  });
  return ranked;
}

std::vector<uint32_t> HistoryIndex::NamedByBoth(uint32_t a, uint32_t b) const {
  // One attended and the other is named, or both are named.
  std::vector<uint32_t> named = Intersect(attended_.Of(a), mentioned_.Of(b));
  for (const auto& [x, y] : {std::pair{mentioned_.Of(a), attended_.Of(b)}, std::pair{mentioned_.Of(a), mentioned_.Of(b)}}) {
    std::vector<uint32_t> more = Intersect(x, y);
    named.insert(named.end(), more.begin(), more.end());
  }
  return named;
}

std::pair<const HistoryIndex::PartnerFact*, const HistoryIndex::PartnerFact*> HistoryIndex::PartnersOf(
    uint32_t a, uint32_t b) const {
  auto [partners, partners_end] = partners_.Of(a);
  const PartnerFact* first = std::lower_bound(partners, partners_end, PartnerFact{b, 0, 0});
  const PartnerFact* last = first;
  while (last != partners_end && last->other == b) ++last;
  return {first, last};
}

HistoryIndex::ByDate HistoryIndex::AppendByDate(std::vector<uint32_t> keys,
                                                const std::function<DateAndTiebreak(uint32_t)>& order_of,
                                                std::vector<uint32_t>& out) {
  std::vector<std::pair<DateAndTiebreak, uint32_t>> ordered;
  ordered.reserve(keys.size());
  for (uint32_t key : keys) ordered.emplace_back(order_of(key), key);
  // std::optional orders an empty one first: undated, then oldest to newest.
  std::sort(ordered.begin(), ordered.end());
  ByDate run;
  run.begin = static_cast<uint32_t>(out.size());
  for (const auto& [order, key] : ordered) {
    run.undated += !order.first.has_value();
    out.push_back(key);
  }
  run.end = static_cast<uint32_t>(out.size());
  return run;
}

std::vector<uint32_t> HistoryIndex::Showable(const ByDate& run, const std::vector<uint32_t>& out, int limit) {
  const uint32_t dated_begin = run.begin + run.undated;
  uint32_t newest_begin = dated_begin;
  if (limit > 0 && run.end - dated_begin > static_cast<uint32_t>(limit)) newest_begin = run.end - limit;
  std::vector<uint32_t> keys(out.begin() + run.begin, out.begin() + dated_begin);
  keys.insert(keys.end(), out.begin() + newest_begin, out.begin() + run.end);
  return keys;
}

void HistoryIndex::KeepBusyPair(uint32_t a, uint32_t b, absl::Span<const uint32_t> attended,
                                const std::vector<store::NoteInfo>& notes) {
  BusyPair& busy = busy_pairs_[PairKey(a, b)];
  busy.topics_begin = static_cast<uint32_t>(busy_topics_.size());
  for (const RankedTopic& topic : RankTopics(attended)) busy_topics_.push_back(topic);
  busy.topics_end = static_cast<uint32_t>(busy_topics_.size());
  // Ties as the timeline breaks them: mentions by note id, relations by
  // their place in FirstStatedEach's order.
  busy.named = AppendByDate(
      NamedByBoth(a, b), [&](uint32_t n) { return DateAndTiebreak{notes[n].date, notes[n].id}; }, busy_named_);
  const std::pair<const PartnerFact*, const PartnerFact*> run = PartnersOf(a, b);
  std::vector<uint32_t> places;
  for (const PartnerFact* it = run.first; it != run.second; ++it) places.push_back(it->place);
  busy.relations = AppendByDate(
      std::move(places), [&](uint32_t place) { return DateAndTiebreak{facts_[run.first[place].fact].date, place}; },
      busy_relations_);
}

query::StatedBetween HistoryIndex::Stated(const FactRow& fact, const std::vector<store::NoteInfo>& notes) {
  return {fact.type, fact.seq, fact.date, fact.description, fact.text, &notes[fact.note]};
}

query::SharedHistoryParts HistoryIndex::Parts(uint32_t a, uint32_t b, const std::vector<store::NoteInfo>& notes,
                                              const query::AttendedNewestFirst& attended, int limit) const {
  query::SharedHistoryParts parts;
  parts.attended_newest_first = attended;

  RankedTopics counted;
  const RankedTopic *topics = nullptr, *topics_end = nullptr;
  auto [partners, partners_end] = PartnersOf(a, b);
  if (auto busy = busy_pairs_.find(PairKey(a, b)); busy != busy_pairs_.end()) {
    const BusyPair& pair = busy->second;
    topics = busy_topics_.data() + pair.topics_begin;
    topics_end = busy_topics_.data() + pair.topics_end;
    // Only what `limit` entries can show: a hub pair names each other in
    // hundreds of notes and relations.
    for (uint32_t n : Showable(pair.named, busy_named_, limit)) parts.named_by_both.push_back(&notes[n]);
    parts.named_total = static_cast<int>(pair.named.end - pair.named.begin);
    std::vector<uint32_t> places = Showable(pair.relations, busy_relations_, limit);
    std::sort(places.begin(), places.end());
    for (uint32_t place : places) parts.relations.push_back(Stated(facts_[partners[place].fact], notes));
    parts.relations_total = static_cast<int>(partners_end - partners);
  } else {
    for (uint32_t n : NamedByBoth(a, b)) parts.named_by_both.push_back(&notes[n]);
    counted = RankTopics(attended.order);
    topics = counted.data();
    topics_end = counted.data() + counted.size();
    for (const PartnerFact* it = partners; it != partners_end; ++it) {
      parts.relations.push_back(Stated(facts_[it->fact], notes));
    }
  }
  parts.relations_first_stated = true;
  parts.topics_ranked = true;
  parts.topics_total = static_cast<int>(topics_end - topics);
  if (limit > 0 && topics_end - topics > limit) topics_end = topics + limit;
  parts.topics.reserve(topics_end - topics);
  for (const RankedTopic* t = topics; t != topics_end; ++t) {
    parts.topics.push_back({topic_names_[t->topic], static_cast<int>(t->notes)});
  }

  auto [x, x_end] = employment_.Of(a);
  auto [y, y_end] = employment_.Of(b);
  while (x != x_end && y != y_end) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      parts.organizations.push_back({org_names_[x->name], x->status, y->status});
      ++x, ++y;
    }
  }
  return parts;
}

}  // namespace kith::graph
