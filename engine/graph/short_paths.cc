// The meet-in-the-middle search for paths of at most 4 ties (see
// path_finder.h).
//
// Every loopless path of h <= F + B ties (F = min(2, max_hops) ties of
// head, B = max_hops - F of tail) splits at exactly one vertex m, the one
// min(F, h) ties from the source: a head source → [a →] m and a tail
// m [→ b] → target. The search stores, for the target side, the k + 1
// cheapest tails at every m, then streams every head from the source and
// joins it with the tails stored at its end.
//
// Why k + 1 tails are enough: a head and a tail can only share their
// middle person (a == b); the rest is excluded when they are made. So if a
// path's tail is not among the k + 1 cheapest at m, at least k of those
// cheaper tails join its head into distinct loopless paths that are all
// cheaper: the path is not among the k best.
#include <algorithm>
#include <array>
#include <span>
#include <tuple>

#include "engine/graph/path_finder.h"

namespace kith::graph {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// m [→ via] → target.
struct Tail {
  double cost = 0;
  uint32_t via = kNone;  // kNone: m is the target, or next to it.
  uint32_t hops = 0;
  bool operator<(const Tail& other) const {
    return std::tie(cost, hops, via) < std::tie(other.cost, other.hops, other.via);
  }
};

// A whole path in the search's direction, up to 5 people.
struct Candidate {
  double cost = 0;
  uint32_t size = 0;
  std::array<uint32_t, PathFinder::kShortSearchHops + 1> people{};
  bool operator<(const Candidate& other) const {
    return std::tie(cost, size, people) < std::tie(other.cost, other.size, other.people);
  }
};

// Per-thread memory, kept between queries so that a warm search allocates
// nothing: `slot` maps every vertex to its block of tails, and is all
// kNone between searches (TailTable's destructor restores that).
struct Scratch {
  std::vector<uint32_t> slot;
  std::vector<uint32_t> touched;
  std::vector<Tail> tails;
  std::vector<uint32_t> counts;
};

// The `capacity` cheapest tails at each vertex.
class TailTable {
 public:
  TailTable(Scratch& scratch, size_t vertices, uint32_t capacity) : s_(scratch), capacity_(capacity) {
    if (s_.slot.size() < vertices) s_.slot.resize(vertices, kNone);
  }
  ~TailTable() {
    for (uint32_t v : s_.touched) s_.slot[v] = kNone;
    s_.touched.clear();
    s_.tails.clear();
    s_.counts.clear();
  }
  TailTable(const TailTable&) = delete;
  TailTable& operator=(const TailTable&) = delete;

  void Offer(uint32_t v, const Tail& tail) {
    uint32_t& block = s_.slot[v];
    if (block == kNone) {
      block = static_cast<uint32_t>(s_.counts.size());
      s_.counts.push_back(0);
      s_.tails.resize(s_.tails.size() + capacity_);
      s_.touched.push_back(v);
    }
    Tail* held = &s_.tails[static_cast<size_t>(block) * capacity_];
    uint32_t& count = s_.counts[block];
    if (count == capacity_) {
      if (!(tail < held[count - 1])) return;
      --count;
    }
    uint32_t i = count++;
    for (; i > 0 && tail < held[i - 1]; --i) held[i] = held[i - 1];
    held[i] = tail;
  }

  // Cheapest first; empty when v has none.
  std::span<const Tail> At(uint32_t v) const {
    uint32_t block = s_.slot[v];
    if (block == kNone) return {};
    return {&s_.tails[static_cast<size_t>(block) * capacity_], s_.counts[block]};
  }

 private:
  Scratch& s_;
  uint32_t capacity_;
};

// The k best candidates seen, best first.
class Best {
 public:
  explicit Best(size_t k) : k_(k) {}
  // The cost above which nothing can enter any more.
  double bound() const { return kept_.size() < k_ ? INFINITY : kept_.back().cost; }
  void Offer(const Candidate& c) {
    if (kept_.size() == k_ && !(c < kept_.back())) return;
    kept_.insert(std::upper_bound(kept_.begin(), kept_.end(), c), c);
    if (kept_.size() > k_) kept_.pop_back();
  }
  const std::vector<Candidate>& kept() const { return kept_; }

 private:
  size_t k_;
  std::vector<Candidate> kept_;
};

}  // namespace

std::vector<PathFinder::Path> PathFinder::ShortPaths(Vertex source, Vertex target, int k, int max_hops) const {
  const int head_hops = std::min(2, max_hops);
  const int tail_hops = max_hops - head_hops;
  // The graph is undirected, so either end can be the one whose tails are
  // stored. Storing costs more per step than streaming: store the side
  // with less work when both go 2 ties out, else stream it.
  const bool swap = tail_hops == 2 ? TwoHopWork(source) < TwoHopWork(target)
                                   : TwoHopWork(target) < TwoHopWork(source);
  const Vertex s = swap ? target : source;
  const Vertex t = swap ? source : target;

  thread_local Scratch scratch;
  TailTable tails(scratch, boost::num_vertices(graph_), static_cast<uint32_t>(k) + 1);
  tails.Offer(t, {0, kNone, 0});
  if (tail_hops >= 1) {
    for (const Arc& last : CheapestFirst(t)) {
      const Vertex b = last.to;
      if (b == s) continue;  // A tail through the source is never loopless.
      tails.Offer(b, {last.cost, kNone, 1});
      if (tail_hops < 2) continue;
      for (const Arc& before : CheapestFirst(b)) {
        if (before.to != t && before.to != s) tails.Offer(before.to, {before.cost + last.cost, b, 2});
      }
    }
  }

  // Heads in increasing cost: once a head costs more than the k-th best
  // path so far, so does every later one (costs are never negative).
  Best best(static_cast<size_t>(k));
  for (const Arc& first : CheapestFirst(s)) {
    const Vertex a = first.to;
    const double to_a = first.cost;
    if (to_a > best.bound()) break;
    if (a == t) {  // A one-tie head ends only at the target (its split is m = target).
      best.Offer({to_a, 2, {s, t}});
      continue;
    }
    if (head_hops < 2) continue;
    for (const Arc& second : CheapestFirst(a)) {
      const Vertex m = second.to;
      const double head = to_a + second.cost;
      if (head > best.bound()) break;
      if (m == s) continue;
      for (const Tail& tail : tails.At(m)) {
        const double cost = head + tail.cost;
        if (cost > best.bound()) break;  // Tails are cheapest first.
        if (tail.via == a) continue;     // a → m → a is a loop.
        Candidate c{cost, 3, {s, a, m}};
        if (tail.hops == 1) c.people[c.size++] = t;
        if (tail.hops == 2) {
          c.people[c.size++] = tail.via;
          c.people[c.size++] = t;
        }
        best.Offer(c);
      }
    }
  }

  std::vector<Path> paths;
  for (const Candidate& c : best.kept()) {
    Path path(c.people.begin(), c.people.begin() + c.size);
    if (swap) std::reverse(path.begin(), path.end());
    paths.push_back(std::move(path));
  }
  return paths;
}

}  // namespace kith::graph
