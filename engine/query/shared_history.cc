// shared-history: everything the notes record that two people share.
#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "engine/query/meetings.h"
#include "engine/query/query.h"
#include "engine/query/shared_history.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

using model::RelationType;

absl::StatusOr<std::set<store::NodeId>> NotesOf(const store::StoreReader& reader, store::NodeId person,
                                                RelationType type) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person, store::Direction::kOut, type));
  std::set<store::NodeId> notes;
  for (const store::EdgeRef& edge : edges) notes.insert(edge.neighbour);
  return notes;
}

// Of `notes`, those `person` has an edge of `type` to. When `person` is
// named in not many more notes than those, one scan of their edges is
// cheaper; otherwise one seek per note, so that a hub's thousands of notes
// are never read for a pair.
absl::StatusOr<std::set<store::NodeId>> AlsoNotesOf(const store::StoreReader& reader, const store::EntityInfo& person,
                                                    RelationType type, const std::set<store::NodeId>& notes) {
  constexpr uint64_t kScanIfWithin = 8;  // A seek costs about as much as reading this many edges.
  std::set<store::NodeId> out;
  if (person.note_refs <= kScanIfWithin * notes.size()) {
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.Edges(person.id, store::Direction::kOut, type));
    for (const store::EdgeRef& edge : edges) {
      if (notes.count(edge.neighbour)) out.insert(edge.neighbour);
    }
    return out;
  }
  for (store::NodeId note : notes) {
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader.EdgesTo(person.id, store::Direction::kOut, type, note));
    if (!edges.empty()) out.insert(note);
  }
  return out;
}

// Organisations both people worked at, with each one's status, in any
// order. Facts are read only for those: a hub's hundreds of employment
// statements about organisations the other never joined cost one seek
// each, not a read.
absl::StatusOr<std::vector<SharedOrganization>> SharedEmployers(const store::StoreReader& reader,
                                                                const store::EntityInfo& a,
                                                                const store::EntityInfo& few,
                                                                const store::EntityInfo& many) {
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> few_edges,
                   reader.Edges(few.id, store::Direction::kOut, RelationType::kWorksAt));
  std::vector<SharedOrganization> out;
  for (size_t begin = 0, end = 0; begin < few_edges.size(); begin = end) {
    const store::NodeId org = few_edges[begin].neighbour;
    for (end = begin; end < few_edges.size() && few_edges[end].neighbour == org;) ++end;
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> many_edges,
                     reader.EdgesTo(many.id, store::Direction::kOut, RelationType::kWorksAt, org));
    if (many_edges.empty()) continue;
    ASSIGN_OR_RETURN(std::string few_status,
                     EmploymentStatus(reader, {few_edges.begin() + static_cast<long>(begin),
                                               few_edges.begin() + static_cast<long>(end)}));
    ASSIGN_OR_RETURN(std::string many_status, EmploymentStatus(reader, many_edges));
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(org));
    if (!e) continue;
    const bool a_is_few = a.id == few.id;
    out.push_back({e->name, a_is_few ? few_status : many_status, a_is_few ? many_status : few_status});
  }
  return out;
}

// The facts of `type` that name both people, as (note, seq), read from the
// edges alone. A fact has edges args[0] → args[i], so one naming both has
// an edge between them (when one of them is args[0]) or, from its
// args[0], an edge to each with the same (note, seq).
absl::StatusOr<std::set<std::pair<store::NodeId, uint32_t>>> FactsNamingBoth(const store::StoreReader& reader,
                                                                             store::NodeId few, store::NodeId many,
                                                                             RelationType type) {
  std::set<std::pair<store::NodeId, uint32_t>> found;
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> out, reader.EdgesTo(few, store::Direction::kOut, type, many));
  for (const store::EdgeRef& edge : out) found.emplace(edge.note, edge.seq);
  ASSIGN_OR_RETURN(std::vector<store::EdgeRef> in, reader.Edges(few, store::Direction::kIn, type));
  for (size_t begin = 0, end = 0; begin < in.size(); begin = end) {
    const store::NodeId source = in[begin].neighbour;
    for (end = begin; end < in.size() && in[end].neighbour == source;) ++end;
    if (source == many) {
      for (size_t i = begin; i < end; ++i) found.emplace(in[i].note, in[i].seq);
      continue;
    }
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> to_many, reader.EdgesTo(source, store::Direction::kOut, type, many));
    for (const store::EdgeRef& edge : to_many) {
      for (size_t i = begin; i < end; ++i) {
        if (in[i].note == edge.note && in[i].seq == edge.seq) found.emplace(edge.note, edge.seq);
      }
    }
  }
  return found;
}

// What the store's parts point to.
struct ReadStorage {
  std::vector<store::NoteInfo> notes;       // Naming both.
  std::deque<store::NoteInfo> fact_notes;   // Stating a relation.
  std::deque<std::string> strings;          // Descriptions and sentences.
};

// The store's share of the parts.
absl::StatusOr<SharedHistoryParts> ReadParts(const store::StoreReader& reader, const store::EntityInfo& a,
                                             const store::EntityInfo& b, ReadStorage& storage) {
  std::vector<store::NoteInfo>& notes = storage.notes;
  SharedHistoryParts parts;
  // Everything below is symmetric in the two people, so it reads from the
  // one fewer notes name and checks the other by key.
  const store::EntityInfo& few = a.note_refs <= b.note_refs ? a : b;
  const store::EntityInfo& many = a.note_refs <= b.note_refs ? b : a;

  ASSIGN_OR_RETURN(std::set<store::NodeId> few_attended, NotesOf(reader, few.id, RelationType::kAttended));
  ASSIGN_OR_RETURN(std::set<store::NodeId> few_mentioned, NotesOf(reader, few.id, RelationType::kMentionedIn));
  few_mentioned.insert(few_attended.begin(), few_attended.end());
  ASSIGN_OR_RETURN(std::set<store::NodeId> many_attended,
                   AlsoNotesOf(reader, many, RelationType::kAttended, few_mentioned));
  ASSIGN_OR_RETURN(std::set<store::NodeId> many_mentioned,
                   AlsoNotesOf(reader, many, RelationType::kMentionedIn, few_mentioned));
  many_mentioned.insert(many_attended.begin(), many_attended.end());
  std::vector<bool> attended_flags;
  for (store::NodeId id : few_mentioned) {
    if (!many_mentioned.count(id)) continue;
    ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(id));
    if (!note) continue;
    notes.push_back(*std::move(note));
    attended_flags.push_back(few_attended.count(id) && many_attended.count(id));
  }
  std::map<store::NodeId, int> topic_notes;  // Each topic read once, however many notes discussed it.
  for (size_t i = 0; i < notes.size(); ++i) {
    if (!attended_flags[i]) {
      parts.named_by_both.push_back(&notes[i]);
      continue;
    }
    parts.attended_by_both.push_back(&notes[i]);
    ASSIGN_OR_RETURN(std::vector<store::EdgeRef> discussed,
                     reader.Edges(notes[i].id, store::Direction::kIn, RelationType::kDiscussed));
    std::set<store::NodeId> of_note;
    for (const store::EdgeRef& edge : discussed) of_note.insert(edge.neighbour);
    for (store::NodeId id : of_note) ++topic_notes[id];
  }
  for (const auto& [id, count] : topic_notes) {
    ASSIGN_OR_RETURN(std::optional<store::EntityInfo> topic, reader.Entity(id));
    if (topic) parts.topics.push_back({topic->name, count});
  }

  for (RelationType type : kSharedRelationTypes) {
    ASSIGN_OR_RETURN(auto facts, FactsNamingBoth(reader, few.id, many.id, type));
    for (const auto& [note_id, seq] : facts) {
      ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(note_id, seq));
      if (!fact) continue;
      ASSIGN_OR_RETURN(std::optional<store::NoteInfo> note, reader.Note(note_id));
      if (!note) continue;
      std::vector<std::string> names;
      for (store::NodeId id : fact->args) {
        ASSIGN_OR_RETURN(std::optional<store::EntityInfo> e, reader.Entity(id));
        names.push_back(e ? e->name : "?");
      }
      const store::NoteInfo& stored = storage.fact_notes.emplace_back(*std::move(note));
      const std::string& description = storage.strings.emplace_back(DescribeRelation(type, names, fact->role));
      const std::string& text = storage.strings.emplace_back(std::move(fact->evidence.text));
      parts.relations.push_back({type, seq, fact->date ? fact->date : stored.date, description, text, &stored});
    }
  }
  ASSIGN_OR_RETURN(parts.organizations, SharedEmployers(reader, a, few, many));
  return parts;
}

// Of `items`, the dated ones among the `n` newest by date and then by
// `tiebreak` of their index: the last `n` dated entries of a timeline
// sorted stably by date. They stay in their order.
template <typename T, typename DateOf, typename Tiebreak>
std::vector<T> NewestDated(const std::vector<T>& items, size_t n, DateOf date_of, Tiebreak tiebreak) {
  std::vector<size_t> dated;
  for (size_t i = 0; i < items.size(); ++i) {
    if (date_of(items[i])) dated.push_back(i);
  }
  if (dated.size() > n) {
    auto older = [&](size_t x, size_t y) {
      return std::make_pair(*date_of(items[x]), tiebreak(x)) < std::make_pair(*date_of(items[y]), tiebreak(y));
    };
    std::nth_element(dated.begin(), dated.end() - n, dated.end(), older);
    dated.erase(dated.begin(), dated.end() - n);
    std::sort(dated.begin(), dated.end());
  }
  std::vector<T> out;
  out.reserve(dated.size());
  for (size_t i : dated) out.push_back(items[i]);
  return out;
}

// The meetings both attended, duplicate summaries folded, and how many
// there are in all. Each date's meetings are in the order of their first
// note; the order of dates does not matter, as the timeline sorts by date.
// Given the notes newest first and their count of meetings, only whole
// dates are folded, the newest, until `limit` meetings are in: the newest
// `limit` entries of the timeline are all on those dates or later.
std::pair<std::vector<Meeting>, int> SharedMeetings(SharedHistoryParts& parts, double duplicate_overlap, int limit) {
  if (!parts.attended_newest_first) {
    std::sort(parts.attended_by_both.begin(), parts.attended_by_both.end(),
              [](const store::NoteInfo* x, const store::NoteInfo* y) {
                return x->date != y->date ? x->date < y->date : x->path < y->path;
              });
    std::vector<Meeting> meetings = FoldMeetings(parts.attended_by_both, duplicate_overlap);
    const auto total = static_cast<int>(meetings.size());
    return {std::move(meetings), total};
  }
  const AttendedNewestFirst& in = *parts.attended_newest_first;
  std::vector<Meeting> meetings;
  // As many meetings as notes: none folded, each note its own meeting (most
  // pairs), so there is nothing to compare.
  const bool none_folded = in.meetings == static_cast<int>(in.order.size());
  if (none_folded) meetings.reserve(limit > 0 ? std::min(in.order.size(), static_cast<size_t>(limit)) : in.order.size());
  auto note_at = [&](size_t k) { return &in.notes[in.order[k]]; };
  std::vector<const store::NoteInfo*> day;
  for (size_t i = 0; i < in.order.size() && (limit <= 0 || meetings.size() < static_cast<size_t>(limit));) {
    const size_t day_begin = i;
    const std::optional<int32_t>& date = note_at(i)->date;
    while (i < in.order.size() && note_at(i)->date == date) ++i;
    if (none_folded) {
      for (size_t k = day_begin; k < i; ++k) meetings.push_back({note_at(k)});
      continue;
    }
    if (in.meeting_of.empty()) {
      day.clear();
      for (size_t k = day_begin; k < i; ++k) day.push_back(note_at(k));
      for (Meeting& meeting : FoldMeetings(day, duplicate_overlap)) meetings.push_back(std::move(meeting));
      continue;
    }
    // Folded already: a date's first note starts its first meeting, and
    // each later meeting begins at a number one past the last begun.
    const size_t base = meetings.size();
    const uint32_t first = in.meeting_of[day_begin];
    for (size_t k = day_begin; k < i; ++k) {
      const size_t m = base + (in.meeting_of[k] - first);
      if (m == meetings.size()) meetings.emplace_back();
      meetings[m].push_back(note_at(k));
    }
  }
  return {std::move(meetings), in.meetings};
}

int TypeRank(model::RelationType type) {
  int rank = 0;
  for (model::RelationType t : kSharedRelationTypes) {
    if (t == type) return rank;
    ++rank;
  }
  return rank;
}

}  // namespace

std::vector<size_t> FirstStatedEach(const std::vector<StatedBetween>& stated) {
  std::vector<size_t> order(stated.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return std::make_tuple(TypeRank(stated[x].type), stated[x].note->id, stated[x].seq) <
           std::make_tuple(TypeRank(stated[y].type), stated[y].note->id, stated[y].seq);
  });
  // Replaces the kept one when dated earlier, or as early and from a note
  // whose path sorts first; an undated statement never replaces.
  auto stated_first = [](const StatedBetween& event, const StatedBetween& kept) {
    if (!event.date) return false;
    if (!kept.date || *event.date != *kept.date) return !kept.date || *event.date < *kept.date;
    return event.note->path < kept.note->path;
  };
  std::map<std::string_view, size_t> kept;
  for (size_t i : order) {
    auto [it, inserted] = kept.emplace(stated[i].description, i);
    if (!inserted && stated_first(stated[i], stated[it->second])) it->second = i;
  }
  std::vector<size_t> out;
  out.reserve(kept.size());
  for (const auto& [description, i] : kept) out.push_back(i);
  return out;
}

absl::StatusOr<std::string> EmploymentStatus(const store::StoreReader& reader,
                                             const std::vector<store::EdgeRef>& edges) {
  std::string status;
  for (const store::EdgeRef& edge : edges) {
    ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader.Fact(edge.note, edge.seq));
    if (!fact) continue;
    status = fact->status;
    if (status == "current") break;
  }
  return status;
}

SharedHistory AssembleSharedHistory(std::string a, std::string b, SharedHistoryParts parts,
                                    double duplicate_overlap, int limit) {
  SharedHistory history{std::move(a), std::move(b), {}, 0, {}, {}, 0};
  auto [meetings, meetings_total] = SharedMeetings(parts, duplicate_overlap, limit);
  // Facts between the two, each stated relation once (its earliest note).
  std::vector<StatedBetween> relations;
  if (parts.relations_first_stated) {
    relations = std::move(parts.relations);
  } else {
    for (size_t i : FirstStatedEach(parts.relations)) relations.push_back(parts.relations[i]);
  }
  const int mentions_total = parts.named_total.value_or(static_cast<int>(parts.named_by_both.size()));
  const int relations_total = parts.relations_total.value_or(static_cast<int>(relations.size()));
  // When at least `limit` dated meetings are in, the timeline keeps only
  // dated entries, and of the mentions and relations, at most the newest
  // `limit` of each can be among them: a hub pair's hundreds of others are
  // neither sorted nor built.
  if (limit > 0 && std::count_if(meetings.begin(), meetings.end(), [](const Meeting& m) {
                     return m.front()->date.has_value();
                   }) >= limit) {
    const std::vector<const store::NoteInfo*>& named = parts.named_by_both;
    parts.named_by_both = NewestDated(named, limit, [](const store::NoteInfo* n) { return n->date; },
                                      [&](size_t i) { return named[i]->id; });
    relations = NewestDated(relations, limit, [](const StatedBetween& r) { return r.date; }, [](size_t i) { return i; });
  }
  // Other notes that name both, in id order before the sort by date.
  std::sort(parts.named_by_both.begin(), parts.named_by_both.end(),
            [](const store::NoteInfo* x, const store::NoteInfo* y) { return x->id < y->id; });

  // The timeline in order before any entry is built: meetings, mentions and
  // relations, each in the order above, then stably by date. Each entry is
  // one 64-bit key, its date (undated last) above its place in that
  // order, so that a plain sort of integers is the stable sort: a hub
  // pair's 150 entries sorted as structs with optional dates were a fifth
  // of its answer. The place says which entry it is: meetings first, then
  // mentions, then relations.
  const size_t mentions_begin = meetings.size(), relations_begin = mentions_begin + parts.named_by_both.size();
  absl::InlinedVector<uint64_t, 16> order;  // Most pairs have a few: on the stack.
  order.reserve(relations_begin + relations.size());
  // Bit 63: undated; bits 31-62: the date, offset to sort as unsigned;
  // bits 0-30: the place (an answer has far fewer than 2^31 entries).
  constexpr uint64_t kUndated = uint64_t{1} << 63, kPlaceMask = (uint64_t{1} << 31) - 1;
  auto add_key = [&](const std::optional<int32_t>& date) {
    order.push_back((date ? uint64_t{static_cast<uint32_t>(*date) ^ 0x80000000u} << 31 : kUndated) | order.size());
  };
  for (const Meeting& meeting : meetings) add_key(meeting.front()->date);
  for (const store::NoteInfo* note : parts.named_by_both) add_key(note->date);
  for (const StatedBetween& stated : relations) add_key(stated.date);
  std::sort(order.begin(), order.end());

  // The newest `limit`: the last dated entries, and undated ones (which
  // sort last) only to make up a shortfall.
  history.timeline_total = meetings_total + mentions_total + relations_total;
  size_t begin = 0;
  size_t end = order.size();
  if (limit > 0 && order.size() > static_cast<size_t>(limit)) {
    const auto dated = static_cast<size_t>(std::partition_point(order.begin(), order.end(),
                                                                [](uint64_t key) { return (key & kUndated) == 0; }) -
                                           order.begin());
    begin = dated > static_cast<size_t>(limit) ? dated - limit : 0;
    end = begin + limit;
  }
  // Each entry is built in place, each string copied once: an initializer
  // list of notes would copy them twice.
  history.timeline.reserve(end - begin);
  auto add_event = [&](std::optional<int32_t> date, std::string_view kind, std::string_view description,
                       size_t notes) -> SharedEvent& {
    // Appended to the new, empty strings: assigning a string_view takes
    // the general replace path, several times the instructions.
    SharedEvent& event = history.timeline.emplace_back();
    event.date = date;
    event.kind.append(kind);
    event.description.append(description);
    event.notes.reserve(notes);
    return event;
  };
  for (size_t i = begin; i < end; ++i) {
    const size_t place = order[i] & kPlaceMask;
    if (place < mentions_begin) {
      const Meeting& meeting = meetings[place];
      SharedEvent& event = add_event(meeting.front()->date, "meeting", meeting.front()->title, meeting.size());
      for (const store::NoteInfo* note : meeting) event.notes.push_back(RefTo(*note));
    } else if (place < relations_begin) {
      const store::NoteInfo* note = parts.named_by_both[place - mentions_begin];
      add_event(note->date, "mentioned", note->title, 1).notes.push_back(RefTo(*note));
    } else {
      const StatedBetween& stated = relations[place - relations_begin];
      SharedEvent& event = add_event(stated.date, "relation", stated.description, 1);
      event.text.append(stated.text);
      event.notes.push_back(RefTo(*stated.note));
    }
  }

  history.organizations = std::move(parts.organizations);
  std::sort(history.organizations.begin(), history.organizations.end(),
            [](const SharedOrganization& x, const SharedOrganization& y) {
              return std::tie(x.name, x.a_status, x.b_status) < std::tie(y.name, y.a_status, y.b_status);
            });
  if (!parts.topics_ranked) {
    std::sort(parts.topics.begin(), parts.topics.end(), [](const TopicCount& x, const TopicCount& y) {
      return RankedBefore(x.notes, x.name, y.notes, y.name);
    });
  }
  history.topics_total = std::max(parts.topics_total, static_cast<int>(parts.topics.size()));
  if (limit > 0 && parts.topics.size() > static_cast<size_t>(limit)) parts.topics.resize(limit);
  history.topics.reserve(parts.topics.size());
  for (TopicCount& topic : parts.topics) history.topics.push_back(std::move(topic.name));
  return history;
}

absl::StatusOr<SharedHistory> BuildSharedHistory(const store::StoreReader& reader, std::string_view a_name,
                                                 std::string_view b_name, double duplicate_overlap, int limit) {
  ASSIGN_OR_RETURN(store::EntityInfo a, ResolvePerson(reader, a_name));
  ASSIGN_OR_RETURN(store::EntityInfo b, ResolvePerson(reader, b_name));
  if (a.id == b.id) return absl::InvalidArgumentError("shared-history needs two different people");
  ReadStorage storage;
  ASSIGN_OR_RETURN(SharedHistoryParts parts, ReadParts(reader, a, b, storage));
  return AssembleSharedHistory(a.name, b.name, std::move(parts), duplicate_overlap, limit);
}

}  // namespace kith::query
