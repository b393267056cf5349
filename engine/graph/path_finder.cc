#include "engine/graph/path_finder.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <queue>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "engine/graph/social_graph.h"

namespace kith::graph {
namespace {

// A bound on Yen's candidates, for safety: every candidate is within the
// hop budget, so k accepted paths normally end the search long before.
constexpr int kMaxCandidates = 200;

}  // namespace

// Edges and vertices a spur search may not use.
struct PathFinder::Hidden {
  std::unordered_set<uint32_t> edges;
  std::unordered_set<Vertex> vertices;
};

namespace {

struct Link {
  uint32_t from, to;
  const Tie* tie;
  bool operator<(const Link& other) const { return std::tie(from, to) < std::tie(other.from, other.to); }
};

// Both directions of every tie, sorted by (from, to): the CSR's order.
std::vector<Link> SortedLinks(const SocialGraph& social) {
  std::vector<Link> arcs;
  arcs.reserve(2 * social.ties().size());
  for (const Tie& tie : social.ties()) {
    arcs.push_back({tie.a, tie.b, &tie});
    arcs.push_back({tie.b, tie.a, &tie});
  }
  std::sort(arcs.begin(), arcs.end());
  return arcs;
}

PathFinder::Graph BuildGraph(const std::vector<Link>& arcs, size_t vertices) {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(arcs.size());
  for (const Link& arc : arcs) pairs.emplace_back(arc.from, arc.to);
  return PathFinder::Graph(boost::edges_are_sorted, pairs.begin(), pairs.end(), static_cast<uint32_t>(vertices));
}

}  // namespace

PathFinder::PathFinder(const SocialGraph& social) {
  std::vector<Link> arcs = SortedLinks(social);
  graph_ = BuildGraph(arcs, social.vertex_count());
  weights_.reserve(arcs.size());
  ties_.reserve(arcs.size());
  for (const Link& arc : arcs) {
    weights_.push_back(-std::log(arc.tie->strength));
    ties_.push_back(arc.tie);
  }
  by_cost_.reserve(arcs.size());
  for (uint32_t i = 0; i < arcs.size(); ++i) by_cost_.push_back({arcs[i].to, weights_[i]});
  for (Vertex v = 0; v < boost::num_vertices(graph_); ++v) {
    auto [begin, end] = boost::out_edges(v, graph_);
    if (begin == end) continue;
    auto first = by_cost_.begin() + begin->idx;
    std::sort(first, first + boost::out_degree(v, graph_), [](const PathFinder::Arc& x, const PathFinder::Arc& y) {
      return std::tie(x.cost, x.to) < std::tie(y.cost, y.to);
    });
  }
}

std::span<const PathFinder::Arc> PathFinder::CheapestFirst(Vertex v) const {
  auto [begin, end] = boost::out_edges(v, graph_);
  if (begin == end) return {};
  return {by_cost_.data() + begin->idx, boost::out_degree(v, graph_)};
}

uint32_t PathFinder::EdgeIndex(Vertex a, Vertex b) const {
  auto [begin, end] = boost::adjacent_vertices(a, graph_);
  auto it = std::lower_bound(begin, end, b);
  assert(it != end && *it == b);
  return (*boost::out_edges(a, graph_).first).idx + static_cast<uint32_t>(it - begin);
}

uint64_t PathFinder::TwoHopWork(Vertex v) const {
  uint64_t work = 0;
  for (auto [w, end] = boost::adjacent_vertices(v, graph_); w != end; ++w) work += boost::out_degree(*w, graph_);
  return work;
}

std::vector<PathFinder::Path> PathFinder::KShortest(Vertex source, Vertex target, int k, int max_hops) const {
  if (k < 1 || max_hops < 1 || source == target) return {};
  if (max_hops <= kShortSearchHops) return ShortPaths(source, target, k, max_hops);
  return YenPaths(source, target, k, max_hops);
}

double PathFinder::Cost(const Path& path) const {
  double cost = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) cost += weights_[EdgeIndex(path[i], path[i + 1])];
  return cost;
}

std::vector<int8_t> PathFinder::DistancesTo(Vertex target, int max_hops) const {
  std::vector<int8_t> distance(boost::num_vertices(graph_), -1);
  std::vector<Vertex> frontier = {target};
  distance[target] = 0;
  for (int d = 1; d <= max_hops && !frontier.empty(); ++d) {
    std::vector<Vertex> next;
    for (Vertex v : frontier) {
      for (auto [e, end] = boost::out_edges(v, graph_); e != end; ++e) {
        Vertex w = boost::target(*e, graph_);
        if (distance[w] >= 0) continue;
        distance[w] = static_cast<int8_t>(d);
        next.push_back(w);
      }
    }
    frontier = std::move(next);
  }
  return distance;
}

PathFinder::Path PathFinder::Shortest(Vertex source, Vertex target, int budget, const Hidden& hidden,
                                      const std::vector<int8_t>& to_target) const {
  // States are (vertex, ties used so far); a state is only entered if the
  // target can still be reached within the budget from it.
  auto feasible = [&](Vertex v, int used) { return to_target[v] >= 0 && used + to_target[v] <= budget; };
  if (!feasible(source, 0) || hidden.vertices.count(source)) return {};
  struct Label {
    double cost;
    uint64_t previous;  // The state it was reached from; itself for the source.
  };
  auto key = [](Vertex v, int used) { return (static_cast<uint64_t>(v) << 8) | static_cast<uint64_t>(used); };
  std::unordered_map<uint64_t, Label> best;
  using Entry = std::pair<double, uint64_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
  best[key(source, 0)] = {0.0, key(source, 0)};
  queue.emplace(0.0, key(source, 0));
  while (!queue.empty()) {
    auto [cost, state] = queue.top();
    queue.pop();
    if (cost > best[state].cost) continue;  // A stale entry.
    Vertex v = static_cast<Vertex>(state >> 8);
    int used = static_cast<int>(state & 0xff);
    if (v == target) {
      Path path;
      for (uint64_t s = state;; s = best[s].previous) {
        path.push_back(static_cast<Vertex>(s >> 8));
        if (best[s].previous == s) break;
      }
      std::reverse(path.begin(), path.end());
      return path;
    }
    for (auto [e, end] = boost::out_edges(v, graph_); e != end; ++e) {
      Vertex w = boost::target(*e, graph_);
      if (!feasible(w, used + 1) || hidden.vertices.count(w)) continue;
      uint32_t index = boost::get(boost::edge_index, graph_, *e);
      if (!hidden.edges.empty() && hidden.edges.count(index)) continue;
      double next = cost + weights_[index];
      uint64_t next_state = key(w, used + 1);
      auto [it, inserted] = best.try_emplace(next_state, Label{next, state});
      if (!inserted) {
        if (next >= it->second.cost) continue;
        it->second = {next, state};
      }
      queue.emplace(next, next_state);
    }
  }
  return {};
}

std::vector<PathFinder::Path> PathFinder::YenPaths(Vertex source, Vertex target, int k, int max_hops) const {
  std::vector<Path> accepted;  // In cost order; all within max_hops.
  std::vector<Path> result;
  max_hops = std::min(max_hops, 100);  // States keep the hop count in 8 bits.
  const std::vector<int8_t> to_target = DistancesTo(target, max_hops);
  Path first = Shortest(source, target, max_hops, Hidden{}, to_target);
  if (first.empty()) return result;
  accepted.push_back(first);
  std::set<std::pair<double, Path>> candidates;
  int generated = 0;
  while (true) {
    const Path& last = accepted.back();
    if (static_cast<int>(last.size()) - 1 <= max_hops) result.push_back(last);
    if (static_cast<int>(result.size()) >= k || generated > kMaxCandidates) break;
    for (size_t i = 0; i + 1 < last.size(); ++i) {
      Vertex spur = last[i];
      Path root(last.begin(), last.begin() + static_cast<long>(i) + 1);
      Hidden hidden;
      for (const Path& p : accepted) {
        if (p.size() > i + 1 && std::equal(root.begin(), root.end(), p.begin())) {
          hidden.edges.insert(EdgeIndex(p[i], p[i + 1]));
        }
      }
      for (size_t r = 0; r < i; ++r) hidden.vertices.insert(root[r]);  // The root may not be revisited.
      Path spur_path = Shortest(spur, target, max_hops - static_cast<int>(i), hidden, to_target);
      if (spur_path.empty()) continue;
      Path total = root;
      total.insert(total.end(), spur_path.begin() + 1, spur_path.end());
      candidates.emplace(Cost(total), std::move(total));
      ++generated;
    }
    if (candidates.empty()) break;
    accepted.push_back(candidates.begin()->second);
    candidates.erase(candidates.begin());
  }
  return result;
}

}  // namespace kith::graph
