// Weighted paths over the social graph: the k best loopless paths of at
// most max_hops ties, cost -log(strength), so the best path is the one
// whose strengths multiply to the most.
//
// The graph is a Boost.Graph compressed_sparse_row_graph (each tie stored
// in both directions, neighbours sorted), built once per SocialGraph.
// Two searches answer on it:
//  - up to 4 ties (what intro-path asks by default), a meet-in-the-middle
//    enumeration (short_paths.cc): every path is a head of at most 2 ties
//    from the source joined to a tail of at most 2 ties to the target, and
//    only the k + 1 cheapest tails per meeting person can be part of the k
//    best paths. It reads each neighbour list at most twice and allocates
//    nothing once warm.
//  - longer, Yen's algorithm over a Dijkstra on (person, ties used) states
//    that never enters a person farther from the target (in ties) than the
//    ties it has left.
#ifndef KITH_ENGINE_GRAPH_PATH_FINDER_H_
#define KITH_ENGINE_GRAPH_PATH_FINDER_H_

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace kith::graph {

class SocialGraph;
struct Tie;

class PathFinder {
 public:
  using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                   boost::no_property, uint32_t, uint32_t>;
  using Vertex = uint32_t;
  using Path = std::vector<Vertex>;

  // The most ties the meet-in-the-middle search handles.
  static constexpr int kShortSearchHops = 4;

  // One tie seen from one end.
  struct Arc {
    Vertex to;
    double cost;
  };

  explicit PathFinder(const SocialGraph& social);

  // Up to k loopless paths of at most max_hops ties, best (largest product
  // of strengths) first; among equal costs, fewer ties first.
  std::vector<Path> KShortest(Vertex source, Vertex target, int k, int max_hops) const;
  const Tie& TieOf(Vertex a, Vertex b) const { return *ties_[EdgeIndex(a, b)]; }

 private:
  struct Hidden;
  // The meet-in-the-middle search; max_hops <= kShortSearchHops.
  std::vector<Path> ShortPaths(Vertex source, Vertex target, int k, int max_hops) const;
  // Yen's algorithm, for any max_hops.
  std::vector<Path> YenPaths(Vertex source, Vertex target, int k, int max_hops) const;
  // Cheapest path of at most `budget` ties; `to_target` holds each
  // vertex's distance in ties to the target (-1: farther than allowed).
  Path Shortest(Vertex source, Vertex target, int budget, const Hidden& hidden,
                const std::vector<int8_t>& to_target) const;
  std::vector<int8_t> DistancesTo(Vertex target, int max_hops) const;
  double Cost(const Path& path) const;
  // The CSR position of the edge a → b (which must exist).
  uint32_t EdgeIndex(Vertex a, Vertex b) const;
  // Sum of the degrees of v's neighbours: the work of expanding 2 ties
  // from v.
  uint64_t TwoHopWork(Vertex v) const;
  // v's ties, cheapest (strongest) first.
  std::span<const Arc> CheapestFirst(Vertex v) const;

  Graph graph_;
  std::vector<double> weights_;     // By CSR edge index.
  std::vector<const Tie*> ties_;    // By CSR edge index.
  // Each vertex's ties again, in CSR row order but cheapest first within a
  // row: the short search streams heads in increasing cost, so it can stop
  // at the first head that alone costs more than the k-th best path.
  std::vector<Arc> by_cost_;
};

}  // namespace kith::graph

#endif  // KITH_ENGINE_GRAPH_PATH_FINDER_H_
