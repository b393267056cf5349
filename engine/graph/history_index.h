// Shared-history answers held in memory, beside the who-knows index and
// built from the same snapshot: each person's attended and naming notes as
// sorted lists, each note's topics, each pair's facts, each person's
// employers with their status. The notes a pair attended together come
// from the who-knows index, which keeps them per pair; a query intersects
// the mention lists, gathers the rest and hands the parts to
// query::AssembleSharedHistory, the same function the store's answer goes
// through, so the two answers are equal.
#ifndef KITH_ENGINE_GRAPH_HISTORY_INDEX_H_
#define KITH_ENGINE_GRAPH_HISTORY_INDEX_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/query/shared_history.h"
#include "engine/store/store.h"

namespace kith::graph {

// What the who-knows builder has already read and the history index reuses.
struct HistorySources {
  const std::vector<store::NodeId>& people;  // Dense person index → entity id.
  const std::vector<std::string>& names;     // Dense person index → name.
  const absl::flat_hash_map<store::NodeId, uint32_t>& dense;
  const std::vector<store::NoteInfo>& notes;  // Dense note index → note.
  const std::unordered_map<store::NodeId, uint32_t>& note_index;
  // Every fact of a shared-history relation type that names a person.
  const std::map<std::pair<store::NodeId, uint32_t>, store::StoredFact>& relation_facts;
};

class HistoryIndex {
 public:
  static absl::StatusOr<HistoryIndex> Build(const store::StoreReader& reader, const HistorySources& sources,
                                            const std::atomic<bool>* cancel);

  // The parts of the history of dense people `a` and `b`, given the notes
  // both attended (which the who-knows index keeps for each pair); they
  // point into `notes`, the notes the index was built with. Topics are
  // ranked here and only the first `limit` (0: all) handed over.
  query::SharedHistoryParts Parts(uint32_t a, uint32_t b, const std::vector<store::NoteInfo>& notes,
                                  const query::AttendedNewestFirst& attended, int limit) const;

  // Ranks once, at build time, the topics of a pair with many notes in
  // common, finds the other notes that name both and orders them and the
  // pair's relations by date: for two hubs these would cost a query
  // thousands of steps. `notes` are the notes the index is built with.
  void KeepBusyPair(uint32_t a, uint32_t b, absl::Span<const uint32_t> attended,
                    const std::vector<store::NoteInfo>& notes);

  // From this many notes in common on, a pair is kept at build time.
  static constexpr size_t kBusyPairNotes = 32;

 private:
  // A sorted list per owner (person or note), packed: owner p's is
  // [begin[p], begin[p+1]) of items.
  template <typename T>
  struct Lists {
    std::vector<uint32_t> begin;
    std::vector<T> items;
    std::pair<const T*, const T*> Of(uint32_t p) const {
      return {items.data() + begin[p], items.data() + begin[p + 1]};
    }
  };
  struct FactRow {
    model::RelationType type;
    uint32_t note = 0;  // Dense note index.
    uint32_t seq = 0;
    std::optional<int32_t> date;
    std::string description;
    std::string text;
  };
  // A fact naming a person and `other`, filed under the person. Of a
  // relation stated several times only the statement the timeline shows is
  // kept, and a pair's are in query::FirstStatedEach's order.
  struct PartnerFact {
    uint32_t other = 0;  // Dense person.
    uint32_t place = 0;  // In that order.
    uint32_t fact = 0;   // Into facts_.
    bool operator<(const PartnerFact& o) const { return std::tie(other, place) < std::tie(o.other, o.place); }
  };
  struct Employment {
    store::NodeId org = 0;
    uint32_t name = 0;  // Into org_names_.
    std::string status;
    bool operator<(const Employment& o) const { return org < o.org; }
  };

  struct RankedTopic {
    uint32_t topic = 0;  // Into topic_names_.
    uint32_t notes = 0;
  };

  // A run of a busy pair's entries in date order: the first `undated` have
  // no date, the rest go from oldest to newest, so that the newest n are
  // the last n.
  struct ByDate {
    uint32_t begin = 0, end = 0, undated = 0;
  };

  static query::StatedBetween Stated(const FactRow& fact, const std::vector<store::NoteInfo>& notes);

  // Topics of the notes both attended in rank order, counted over `attended`.
  // Most pairs have a few: they stay on the stack.
  using RankedTopics = absl::InlinedVector<RankedTopic, 8>;
  RankedTopics RankTopics(absl::Span<const uint32_t> attended) const;

  // Notes that name both of `a` and `b` and that not both attended.
  std::vector<uint32_t> NamedByBoth(uint32_t a, uint32_t b) const;

  // The partner facts of `a` with `b`, in place order.
  std::pair<const PartnerFact*, const PartnerFact*> PartnersOf(uint32_t a, uint32_t b) const;

  // Appends `keys` to `out` ordered as ByDate says, given each key's date
  // and what breaks ties between keys of one date.
  using DateAndTiebreak = std::pair<std::optional<int32_t>, uint64_t>;
  static ByDate AppendByDate(std::vector<uint32_t> keys, const std::function<DateAndTiebreak(uint32_t)>& order_of,
                             std::vector<uint32_t>& out);

  // Of a ByDate run of `out`, what an answer of `limit` entries (0: all)
  // can show: every undated entry and the newest `limit` dated.
  static std::vector<uint32_t> Showable(const ByDate& run, const std::vector<uint32_t>& out, int limit);

  Lists<uint32_t> attended_;   // Notes each person attended, by dense note index.
  Lists<uint32_t> mentioned_;  // Notes that name a person who did not attend them.
  Lists<uint32_t> topics_;     // Topics (into topic_names_) each note discussed; one list per note.
  std::vector<std::string> topic_names_;
  std::vector<FactRow> facts_;
  // Each person's facts with others: a pair's facts are a search in one
  // short run.
  Lists<PartnerFact> partners_;
  Lists<Employment> employment_;  // By organisation id.
  std::vector<std::string> org_names_;
  // A busy pair's ranked topics, as a range of busy_topics_; the notes
  // naming both (in busy_named_, ties by note id); and the pair's relations
  // as places in their run of partners_ (in busy_relations_, ties by place).
  struct BusyPair {
    uint32_t topics_begin = 0, topics_end = 0;
    ByDate named, relations;
  };
  absl::flat_hash_map<uint64_t, BusyPair> busy_pairs_;  // Key: (smaller, larger dense person).
  std::vector<RankedTopic> busy_topics_;
  std::vector<uint32_t> busy_named_;
  std::vector<uint32_t> busy_relations_;

  friend class HistoryIndexBuilder;
};

}  // namespace kith::graph

#endif  // KITH_ENGINE_GRAPH_HISTORY_INDEX_H_
