// Who-knows answers held in memory (and, in history_index.h, shared-history's): built once from one store snapshot and
// one strength model, then each person's acquaintances are a slice of a
// packed array, strongest first. It computes exactly what query::WhoKnows
// computes from the store (same folding of duplicate summaries, same
// weights, same order), only for every person at once: notes are read in
// one pass, and co-attendance comes from sorting (person, person, note)
// triples instead of per-query lookups.
//
// The engine answers from it only while the store's sequence number is the
// one it was built at (RocksDB stays the source of truth), with the
// model it was built for and without --as-of; otherwise the query reads
// the store as before.
#ifndef KITH_ENGINE_GRAPH_KNOWS_INDEX_H_
#define KITH_ENGINE_GRAPH_KNOWS_INDEX_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "engine/graph/history_index.h"
#include "engine/graph/social_graph.h"
#include "engine/query/query.h"
#include "engine/store/store.h"

namespace kith::graph {

class KnowsIndex {
 public:
  // Reads the whole snapshot. `cancel`, when set, stops the build early
  // (Cancelled), so that an engine can close without waiting.
  static absl::StatusOr<std::unique_ptr<KnowsIndex>> Build(const store::StoreReader& reader,
                                                          const query::StrengthModel& model,
                                                          const std::atomic<bool>* cancel = nullptr);

  uint64_t sequence() const { return sequence_; }
  const query::StrengthModel& model() const { return model_; }

  // A person of this index, by position: what the lookups below return and
  // the queries take, so that a name is looked up once per answer.
  using Person = uint32_t;

  // The person whose folded name is exactly `folded` (what ResolvePerson
  // finds first), without touching the store.
  std::optional<Person> PersonNamed(std::string_view folded) const;
  // The person with entity id `id`, if this index has them.
  std::optional<Person> PersonWithId(store::NodeId id) const;

  // What query::WhoKnows returns for `subject` with this index's model,
  // `limit` people (0: all) and `evidence_limit` notes each (0: all).
  query::WhoKnowsResult WhoKnows(Person subject, int limit, int evidence_limit) const;
  // The same for a person the store resolved; one this index does not have
  // knows nobody.
  query::WhoKnowsResult WhoKnows(const store::EntityInfo& subject, int limit, int evidence_limit) const;

  // What query::BuildSharedHistory returns for two different people with
  // this index's duplicate overlap.
  query::SharedHistory SharedHistory(Person a, Person b, int limit) const;
  // The same for people the store resolved; nullopt unless both are
  // different people of this index.
  std::optional<query::SharedHistory> SharedHistory(const store::EntityInfo& a, const store::EntityInfo& b,
                                                    int limit) const;

  // Every (person, acquaintance) row as who-knows ranks it: a strength is
  // the person's view of the pair (it can differ slightly from the other
  // side's, which may count relations under fewer labels).
  void ForEachTie(const std::function<void(store::NodeId person, store::NodeId other, double strength,
                                           int interactions)>& visit) const;

  // The social graph of these ties, built on first use and kept.
  const SocialGraph& social() const;

 private:
  struct ReasonRow {
    std::string relation;
    std::string text;
    uint32_t note = 0;
  };
  // One acquaintance of one person.
  struct TieRow {
    uint32_t other = 0;  // Index into names_.
    double strength = 0;
    int32_t interactions = 0;
    std::optional<int32_t> last;
    uint32_t evidence_begin = 0, evidence_end = 0;  // Into evidence_ (note indexes).
    uint32_t reasons_begin = 0, reasons_end = 0;    // Into reasons_.
    uint32_t meetings_begin = kFoldsNotKept;        // Into meeting_of_, or kFoldsNotKept.
  };
  static constexpr uint32_t kFoldsNotKept = UINT32_MAX;

  // Pairs with this many notes attended together keep their folding.
  static constexpr size_t kFoldsKeptFrom = 32;

  // A note as answers cite it: its path, title and date, packed in
  // ref_bytes_ one note after another.
  struct PackedRef {
    uint64_t offset = 0;  // Into ref_bytes_: the path, then the title.
    uint32_t path_size = 0, title_size = 0;
    std::optional<int32_t> date;
  };
  void PackRefs();
  query::NoteRef RefOf(uint32_t note) const;

  // The tie of dense people `a` and `b`, from the side with fewer ties.
  const TieRow* FindTie(uint32_t a, uint32_t b) const;

  uint64_t sequence_ = 0;
  std::vector<store::NodeId> ids_;                   // Dense person index → entity id.
  std::vector<std::pair<uint32_t, uint32_t>> ranges_;  // Dense person index → [begin, end) of ties_.
  query::StrengthModel model_;
  std::vector<store::NoteInfo> notes_;
  // notes_ again, packed for who-knows' evidence and reasons: an answer's
  // notes lie anywhere in the index, and a NoteInfo and its two strings
  // are three or four cache misses where a packed reference is one or two.
  std::vector<PackedRef> refs_;
  std::string ref_bytes_;
  std::vector<std::string> names_;  // People, by dense index.
  absl::flat_hash_map<std::string, uint32_t> by_folded_name_;
  std::vector<TieRow> ties_;        // Grouped by person, strongest first.
  // The same ranges of ties_ ordered by the other person: a pair's tie is
  // a search in the shorter of its two people's. Each carries its other
  // person, so that the search reads one array, not a TieRow per step.
  struct TieByOther {
    uint32_t other = 0;
    uint32_t tie = 0;  // Into ties_.
  };
  std::vector<TieByOther> ties_by_other_;
  std::vector<uint32_t> evidence_;
  // For a tie of at least kFoldsKeptFrom shared notes, each evidence note's
  // meeting (query::AttendedNewestFirst::meeting_of): a hub pair's
  // shared-history then takes its newest meetings without folding them
  // again, which compared hundreds of attendee lists per answer.
  std::vector<uint32_t> meeting_of_;
  std::vector<ReasonRow> reasons_;
  absl::flat_hash_map<store::NodeId, uint32_t> dense_;  // Entity id → dense person index.
  HistoryIndex history_;

  mutable std::once_flag social_once_;
  mutable std::unique_ptr<SocialGraph> social_;

  friend class KnowsIndexBuilder;
  friend class SocialGraph;
};

// "reporting line", "worked together", ... for a who-knows relation label.
std::string RelationWord(const std::string& label);

// True when answers for `model` may come from an index built for `built`.
bool SameModel(const query::StrengthModel& model, const query::StrengthModel& built);

}  // namespace kith::graph

#endif  // KITH_ENGINE_GRAPH_KNOWS_INDEX_H_
