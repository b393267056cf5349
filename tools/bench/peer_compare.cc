#include "tools/bench/peer_compare.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <optional>
#include <unordered_map>

#include <sqlite3.h>

#include "engine/graph/social_graph.h"
#include "engine/util/status_macros.h"
#include "tools/bench/bench_util.h"
#include "tools/bench/kuzu_peer.h"
#include "tools/bench/peer_graph.h"

namespace kith::bench {
namespace {

using Pair = std::pair<std::string, std::string>;

// Evidence notes per acquaintance, as kith lists by default.
constexpr int kEvidenceLimit = query::WhoKnowsQuery{}.evidence_limit;

// The ties as compressed adjacency arrays: the plain in-memory lower bound.
class Csr {
 public:
  explicit Csr(const graph::SocialGraph& social) : offsets_(social.vertex_count() + 1, 0) {
    for (const graph::Tie& t : social.ties()) ++offsets_[t.a + 1], ++offsets_[t.b + 1];
    for (size_t v = 1; v < offsets_.size(); ++v) offsets_[v] += offsets_[v - 1];
    targets_.resize(offsets_.back());
    std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
    for (const graph::Tie& t : social.ties()) targets_[fill[t.a]++] = t.b, targets_[fill[t.b]++] = t.a;
    for (uint32_t v = 0; v < social.vertex_count(); ++v) vertex_[social.name(v)] = v;
  }

  // Fewest ties from a to b, at most max_hops; bidirectional breadth-first.
  std::optional<int> Hops(const std::string& a, const std::string& b, int max_hops) const {
    auto x = vertex_.find(a), y = vertex_.find(b);
    if (x == vertex_.end() || y == vertex_.end()) return std::nullopt;
    if (x->second == y->second) return 0;
    std::vector<int8_t> side(offsets_.size() - 1, 0);  // 1 reached from a, 2 from b.
    std::vector<uint32_t> front_a = {x->second}, front_b = {y->second};
    side[x->second] = 1;
    side[y->second] = 2;
    for (int depth = 1; depth <= max_hops; ++depth) {
      bool from_a = front_a.size() <= front_b.size();
      std::vector<uint32_t>& front = from_a ? front_a : front_b;
      int8_t mine = from_a ? 1 : 2;
      std::vector<uint32_t> next;
      for (uint32_t v : front) {
        for (uint32_t e = offsets_[v]; e < offsets_[v + 1]; ++e) {
          uint32_t w = targets_[e];
          if (side[w] == mine) continue;
          if (side[w] != 0) return depth;
          side[w] = mine;
          next.push_back(w);
        }
      }
      if (next.empty()) return std::nullopt;
      front = std::move(next);
    }
    return std::nullopt;
  }

 private:
  std::vector<uint32_t> offsets_;
  std::vector<uint32_t> targets_;
  std::unordered_map<std::string, uint32_t> vertex_;
};

void Row(const char* query, const char* system, const Series& s, const Series* kith, int differ) {
  double median = Percentile(s.micros, 0.5), p99 = Percentile(s.micros, 0.99);
  std::printf("  %-22s %-16s %11.1f %11.1f", query, system, median, p99);
  if (kith != nullptr) {
    std::printf("   %9.1fx %9.1fx", median / Percentile(kith->micros, 0.5), p99 / Percentile(kith->micros, 0.99));
  } else {
    std::printf("   %10s %10s", "", "");
  }
  std::printf(" %8d\n", differ);
}

}  // namespace

absl::StatusOr<PeerData> LoadPeers(const std::string& db_dir, const std::string& kuzu_dir) {
  auto start = Clock::now();
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::Store::Open({.create_if_missing = false}, db_dir));
  std::unique_ptr<store::StoreReader> reader = store->NewReader();
  PeerData peers;
  ASSIGN_OR_RETURN(peers.index, graph::KnowsIndex::Build(*reader, {}));
  ASSIGN_OR_RETURN(PeerGraph graph, ReadPeerGraph(*reader, *peers.index));
  ASSIGN_OR_RETURN(peers.sqlite, SqlitePeer::Load(graph));
  peers.load_seconds = Seconds(start);
  std::printf("peers: %zu persons, %zu organisations, %zu topics, %zu notes, %zu attended, %zu mentioned,"
              " %zu discussed, %zu knows edges\n",
              graph.persons.size(), graph.organizations.size(), graph.topics.size(), graph.notes.size(),
              graph.attended.size(), graph.mentioned.size(), graph.discussed.size(), graph.knows.size());
  if (!kuzu_dir.empty()) {
    absl::Status ready = InstallKuzu(kuzu_dir);
    if (ready.ok()) ready = WriteKuzuGraph(graph, kuzu_dir);
    if (ready.ok()) {
      peers.kuzu_dir = kuzu_dir;
    } else {
      std::fprintf(stderr, "peers: Kùzu left out: %s\n", std::string(ready.message()).c_str());
    }
  }
  return peers;
}

namespace {

// who-knows top 20: against SQLite's and Kùzu's names, and SQLite's whole
// answer.
void CompareWhoKnows(const Engine& engine, const PeerData& peers, const std::vector<std::string>& people,
                     const std::optional<KuzuAnswers>& kuzu, int rounds) {
  // Every answer checked first, kith asked once per input: the same names
  // in the same order from SQLite and Kùzu, and SQLite's whole answer
  // (each acquaintance's strength, meetings, newest shared notes and their
  // count; all but the reasons).
  int sql_differ = 0, kuzu_differ = 0, whole_differ = 0;
  for (size_t i = 0; i < people.size(); ++i) {
    const std::string& p = people[i];
    auto kith = engine.WhoKnows({.name = p, .limit = 20});
    const std::vector<PeerAcquaintance> ours = kith.ok() ? AsPeerAnswer(*kith) : std::vector<PeerAcquaintance>{};
    std::vector<std::string> names;
    for (const PeerAcquaintance& a : ours) names.push_back(a.name);
    auto sql = peers.sqlite->WhoKnows(p, 20);
    if (!sql.ok() || *sql != names) {
      ++sql_differ;
      std::fprintf(stderr, "who-knows differs for %s: kith %zu names, sqlite %zu\n", p.c_str(), names.size(),
                   sql.ok() ? sql->size() : 0);
    }
    if (kuzu && kuzu->who_knows[i] != names) {
      ++kuzu_differ;
      std::fprintf(stderr, "who-knows differs for %s: kith %zu names, kuzu %zu\n", p.c_str(), names.size(),
                   kuzu->who_knows[i].size());
    }
    auto whole = peers.sqlite->WhoKnowsWithEvidence(p, 20, kEvidenceLimit);
    if (!kith.ok() || !whole.ok() || *whole != ours) {
      ++whole_differ;
      std::fprintf(stderr, "who-knows (whole) differs for %s: kith %zu people, sqlite %zu\n", p.c_str(), ours.size(),
                   whole.ok() ? whole->size() : 0);
    }
  }
  Series kith_who = Measure<std::string>("", people, rounds, [&](const std::string& p) {
    return engine.WhoKnows({.name = p, .limit = 20}).status();
  });
  Series sql_who = Measure<std::string>("", people, rounds, [&](const std::string& p) {
    return peers.sqlite->WhoKnows(p, 20).status();
  });
  Series sql_whole = Measure<std::string>("", people, rounds, [&](const std::string& p) {
    return peers.sqlite->WhoKnowsWithEvidence(p, 20, kEvidenceLimit).status();
  });
  Row("who-knows top 20", "kith", kith_who, nullptr, 0);
  Row("", "sqlite (names)", sql_who, &kith_who, sql_differ);
  Row("", "sqlite (whole)", sql_whole, &kith_who, whole_differ);
  if (kuzu) Row("", "kuzu (names)", kuzu->who_knows_time, &kith_who, kuzu_differ);
}

// shared-history, whole: against the peers' co-attended notes, and
// SQLite's whole answer.
void CompareSharedHistory(const Engine& engine, const PeerData& peers, const std::vector<Pair>& known_pairs,
                          const std::optional<KuzuAnswers>& kuzu, int rounds) {
  // Every answer checked first, kith asked once per pair: the notes both
  // attended, as the peers' paths (kith's shared-history also folds them
  // into meetings and adds mentions, relations, organisations), and
  // SQLite's whole answer (meetings' and mentions' notes with titles and
  // dates, the meetings' topics in order; all but the relations and
  // employers, which the peers' graph does not hold).
  int sql_differ = 0, kuzu_differ = 0, whole_differ = 0;
  for (size_t i = 0; i < known_pairs.size(); ++i) {
    const auto& [a, b] = known_pairs[i];
    auto kith = engine.SharedHistory(a, b, /*limit=*/0);
    const PeerSharedHistory ours = kith.ok() ? AsPeerAnswer(*kith) : PeerSharedHistory{};
    std::vector<std::string> paths;  // In path order, as ours.meetings are.
    for (const PeerNote& n : ours.meetings) paths.push_back(n.path);
    auto sql = peers.sqlite->SharedNotes(a, b);
    std::vector<std::string> theirs = sql.ok() ? *sql : std::vector<std::string>{};
    std::sort(theirs.begin(), theirs.end());
    if (!kith.ok() || !sql.ok() || paths != theirs) {
      ++sql_differ;
      std::fprintf(stderr, "shared notes differ for %s / %s: kith %zu, sqlite %zu\n", a.c_str(), b.c_str(),
                   paths.size(), theirs.size());
    }
    if (kuzu) {
      std::vector<std::string> kuzus = kuzu->shared[i];
      std::sort(kuzus.begin(), kuzus.end());
      if (kuzus != paths) {
        ++kuzu_differ;
        std::fprintf(stderr, "shared notes differ for %s / %s: kith %zu, kuzu %zu\n", a.c_str(), b.c_str(),
                     paths.size(), kuzus.size());
      }
    }
    auto whole = peers.sqlite->SharedHistory(a, b);
    if (whole.ok()) SortNotes(*whole);
    if (!kith.ok() || !whole.ok() || *whole != ours) {
      ++whole_differ;
      std::fprintf(stderr, "shared history (whole) differs for %s / %s: kith %zu meeting notes, %zu mentions, %zu topics;"
                   " sqlite %zu, %zu, %zu\n", a.c_str(), b.c_str(), ours.meetings.size(), ours.mentions.size(),
                   ours.topics.size(), whole.ok() ? whole->meetings.size() : 0, whole.ok() ? whole->mentions.size() : 0,
                   whole.ok() ? whole->topics.size() : 0);
    }
  }
  Series kith_shared = Measure<Pair>("", known_pairs, rounds, [&](const Pair& p) {
    return engine.SharedHistory(p.first, p.second, /*limit=*/0).status();
  });
  Series sql_shared = Measure<Pair>("", known_pairs, rounds, [&](const Pair& p) {
    return peers.sqlite->SharedNotes(p.first, p.second).status();
  });
  Series sql_shared_whole = Measure<Pair>("", known_pairs, rounds, [&](const Pair& p) {
    return peers.sqlite->SharedHistory(p.first, p.second).status();
  });
  Row("shared history", "kith", kith_shared, nullptr, 0);
  Row("", "sqlite (notes)", sql_shared, &kith_shared, sql_differ);
  Row("", "sqlite (whole)", sql_shared_whole, &kith_shared, whole_differ);
  if (kuzu) Row("", "kuzu (notes)", kuzu->shared_time, &kith_shared, kuzu_differ);
}

void ComparePaths(const Engine& engine, const PeerData& peers, const std::vector<Pair>& pairs,
                  const std::optional<KuzuAnswers>& kuzu, int rounds) {
  int sql_differ = 0, kuzu_differ = 0;
  // Paths: fewest ties within 4, by breadth-first search over the ties, by
  // SQLite's recursive CTE and by Kùzu's SHORTEST; kith's own intro-path
  // (weighted, k = 3) is timed on the same pairs.
  Csr csr(peers.index->social());
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& [a, b] = pairs[i];
    auto sql = peers.sqlite->Hops(a, b, 4);
    std::optional<int> hops = csr.Hops(a, b, 4);
    if (!sql.ok() || *sql != hops) {
      ++sql_differ;
      std::fprintf(stderr, "hops differ for %s / %s: bfs %d, sqlite %d\n", a.c_str(), b.c_str(), hops.value_or(-1),
                   sql.ok() ? sql->value_or(-1) : -2);
    }
    if (kuzu && kuzu->hops[i] != hops) {
      ++kuzu_differ;
      std::fprintf(stderr, "hops differ for %s / %s: bfs %d, kuzu %d\n", a.c_str(), b.c_str(), hops.value_or(-1),
                   kuzu->hops[i].value_or(-1));
    }
  }
  Series kith_path = Measure<Pair>("", pairs, 1, [&](const Pair& p) {
    return engine.IntroPaths({.from = p.first, .to = p.second, .max_hops = 4, .k = 3}).status();
  });
  Series bfs = Measure<Pair>("", pairs, rounds, [&](const Pair& p) {
    csr.Hops(p.first, p.second, 4);
    return absl::OkStatus();
  });
  Series sql_path = Measure<Pair>("", pairs, 1, [&](const Pair& p) { return peers.sqlite->Hops(p.first, p.second, 4).status(); });
  Row("path <= 4 hops", "kith intro-path", kith_path, nullptr, 0);
  Row("", "csr bfs (hops)", bfs, &kith_path, 0);
  Row("", "sqlite cte (hops)", sql_path, &kith_path, sql_differ);
  if (kuzu) Row("", "kuzu (hops)", kuzu->hops_time, &kith_path, kuzu_differ);
}

}  // namespace

void ComparePeers(const Engine& engine, const PeerData& peers, const std::vector<std::string>& people,
                  const std::vector<Pair>& known_pairs, const std::vector<Pair>& random_pairs, int rounds,
                  int path_pairs) {
  std::vector<Pair> pairs(random_pairs.begin(), random_pairs.begin() + std::min<size_t>(path_pairs, random_pairs.size()));
  // Kùzu first, in its own process, while kith and SQLite sit idle.
  std::optional<KuzuAnswers> kuzu;
  if (!peers.kuzu_dir.empty()) {
    absl::StatusOr<KuzuAnswers> asked = AskKuzu(
        {.people = people, .known_pairs = known_pairs, .path_pairs = pairs, .rounds = rounds, .path_rounds = 1},
        peers.kuzu_dir);
    if (asked.ok()) {
      kuzu = *std::move(asked);
    } else {
      std::fprintf(stderr, "peers: Kùzu left out: %s\n", std::string(asked.status().message()).c_str());
    }
  }
  std::printf("peers: same graph and inputs (SQLite %s in-memory, indexed, loaded in %.1f s with the index",
              sqlite3_libversion(), peers.load_seconds);
  if (kuzu) std::printf("; Kùzu %s in-memory through Node.js, loaded in %.1f s", kuzu->version.c_str(), kuzu->load_seconds);
  std::printf(")\n  %-22s %-16s %11s %11s   %10s %10s %8s\n", "query", "system", "median_us", "p99_us",
              "median/kith", "p99/kith", "differ");

  CompareWhoKnows(engine, peers, people, kuzu, rounds);
  CompareSharedHistory(engine, peers, known_pairs, kuzu, rounds);
  ComparePaths(engine, peers, pairs, kuzu, rounds);
}

}  // namespace kith::bench
