// The SQLite peer of kith-bench: the graph kith serves (PeerGraph) loaded
// into indexed tables of an in-memory SQLite database, and the same
// questions asked in SQL, so that answers can be compared and times set
// side by side.
#ifndef KITH_TOOLS_BENCH_SQLITE_PEER_H_
#define KITH_TOOLS_BENCH_SQLITE_PEER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/query/query.h"
#include "tools/bench/peer_graph.h"

namespace kith::bench {

struct PeerNote {
  std::string path, title;
  int64_t date;  // -1 when the note has none.
  auto operator<=>(const PeerNote&) const = default;
};

// A who-knows answer as SQLite gives it whole: what kith's Acquaintance
// holds except the stated relations (the peers' graph has none).
struct PeerAcquaintance {
  using Note = PeerNote;
  std::string name;
  double strength;
  int meetings;
  std::vector<Note> evidence;  // The newest shared notes, then by path.
  int evidence_total;          // Every note both attended.
  bool operator==(const PeerAcquaintance&) const = default;
};

// A shared history as SQLite gives it whole, less what the peers' graph
// lacks (stated relations, employers): the notes both attended, the other
// notes that name both, and the topics of the notes both attended.
struct PeerSharedHistory {
  std::vector<PeerNote> meetings;  // Newest first, then by path.
  std::vector<PeerNote> mentions;  // Likewise.
  std::vector<std::string> topics;  // The most discussed first, then by name.
  bool operator==(const PeerSharedHistory&) const = default;
};

// kith's answers in the peers' terms, to compare with SQLite's: the
// shared history's notes sorted (kith orders them by meeting, SQLite
// newest first), so compare SQLite's after SortNotes.
std::vector<PeerAcquaintance> AsPeerAnswer(const query::WhoKnowsResult& answer);
PeerSharedHistory AsPeerAnswer(const query::SharedHistory& answer);
void SortNotes(PeerSharedHistory& answer);

class SqlitePeer {
 public:
  static absl::StatusOr<std::unique_ptr<SqlitePeer>> Load(const PeerGraph& graph);
  ~SqlitePeer();

  // Top `limit` names by weight (then meetings, then name).
  absl::StatusOr<std::vector<std::string>> WhoKnows(const std::string& name, int limit) const;
  // The same top `limit`, each with strength, meetings, the newest
  // `evidence_limit` notes both attended (path, title, date) and how many
  // there are: the answer kith gives, less its reasons.
  absl::StatusOr<std::vector<PeerAcquaintance>> WhoKnowsWithEvidence(const std::string& name, int limit,
                                                                     int evidence_limit) const;
  // Paths of the notes both attended, newest first.
  absl::StatusOr<std::vector<std::string>> SharedNotes(const std::string& a, const std::string& b) const;
  // What a and b share, as PeerSharedHistory says.
  absl::StatusOr<PeerSharedHistory> SharedHistory(const std::string& a, const std::string& b) const;
  // Fewest knows edges from a to b, if at most max_hops (recursive CTE).
  absl::StatusOr<std::optional<int>> Hops(const std::string& a, const std::string& b, int max_hops) const;

 private:
  struct Db;
  explicit SqlitePeer(std::unique_ptr<Db> db);
  std::unique_ptr<Db> db_;
};

}  // namespace kith::bench

#endif  // KITH_TOOLS_BENCH_SQLITE_PEER_H_
