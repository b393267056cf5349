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

}  // namespace

// Reads what the who-knows builder did not: mentions, topics, employment.
class HistoryIndexBuilder {
 public:
  HistoryIndexBuilder(const store::StoreReader& reader, const HistorySources& sources,
                      const std::atomic<bool>* cancel)
      : reader_(reader), in_(sources), cancel_(cancel) {}

  absl::StatusOr<HistoryIndex> Run() {
    RankNotes();
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

  // The order shared-history lists meetings in: by date (undated first,
  // as std::optional compares), then path.
  void RankNotes() {
    std::vector<uint32_t> order(in_.notes.size());
    for (uint32_t n = 0; n < order.size(); ++n) order[n] = n;
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      const store::NoteInfo &a = in_.notes[x], &b = in_.notes[y];
      return a.date != b.date ? a.date < b.date : a.path < b.path;
    });
    index_.date_rank_.resize(order.size());
    for (uint32_t r = 0; r < order.size(); ++r) index_.date_rank_[order[r]] = r;
  }

  absl::Status ReadNotesOfPeople() {
    std::vector<std::vector<uint32_t>> attended(in_.people.size()), named(in_.people.size());
    for (uint32_t n = 0; n < in_.notes.size(); ++n) {
      for (store::NodeId id : in_.notes[n].attendees) {
        auto person = in_.dense.find(id);
        if (person == in_.dense.end()) return absl::DataLossError("a note names a missing person");
        attended[person->second].push_back(n);
      }
    }
    for (uint32_t p = 0; p < in_.people.size(); ++p) {
      if (p % 4096 == 0) RETURN_IF_ERROR(Cancelled());
      ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges,
                       reader_.Edges(in_.people[p], store::Direction::kOut, RelationType::kMentionedIn));
      named[p] = attended[p];
      for (const store::EdgeRef& edge : edges) {
        auto note = in_.note_index.find(edge.neighbour);
        if (note == in_.note_index.end()) return MissingNote();
        named[p].push_back(note->second);
      }
    }
    index_.attended_ = Pack(attended);
    index_.named_ = Pack(named);
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
          if (p != q) per_person[p].push_back({q, row});
        }
      }
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

query::SharedHistoryParts HistoryIndex::Parts(uint32_t a, uint32_t b, const std::vector<store::NoteInfo>& notes) const {
  query::SharedHistoryParts parts;
  const std::vector<uint32_t> attended = Intersect(attended_.Of(a), attended_.Of(b));
  std::vector<uint32_t> by_date = attended;
  std::sort(by_date.begin(), by_date.end(), [&](uint32_t x, uint32_t y) { return date_rank_[x] < date_rank_[y]; });
  parts.attended_in_date_order = true;
  std::vector<uint32_t> topics;
  for (uint32_t n : by_date) {
    parts.attended_by_both.push_back(&notes[n]);
    auto [begin, end] = topics_.Of(n);
    topics.insert(topics.end(), begin, end);
  }
  for (uint32_t n : Intersect(named_.Of(a), named_.Of(b))) {
    if (!std::binary_search(attended.begin(), attended.end(), n)) parts.named_by_both.push_back(&notes[n]);
  }
  std::sort(topics.begin(), topics.end());
  topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
  for (uint32_t t : topics) parts.topics.push_back(topic_names_[t]);

  auto [partners, partners_end] = partners_.Of(a);
  for (auto it = std::lower_bound(partners, partners_end, PartnerFact{b, 0}); it != partners_end && it->other == b;
       ++it) {
    const FactRow& fact = facts_[it->fact];
    const store::NoteInfo& note = notes[fact.note];
    parts.relations.push_back({fact.type, note.id, fact.seq,
                               {fact.date, "relation", fact.description, fact.text,
                                {{note.path, note.title, note.date}}}});
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
