// Weighted paths over the social graph: Yen's k shortest loopless paths of
// at most max_hops ties, cost -log(strength). Each search is a Dijkstra
// over (person, ties used) states that never enters a person farther from
// the target (in ties, by one breadth-first search per query) than the
// ties it has left, so it only explores people on short paths, and every
// candidate Yen generates is short enough. The graph (a Boost.Graph
// adjacency list) is built once per SocialGraph; a spur search hides edges
// and vertices by set lookups, copying nothing.
#ifndef KITH_ENGINE_GRAPH_PATH_FINDER_H_
#define KITH_ENGINE_GRAPH_PATH_FINDER_H_

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <vector>

namespace kith::graph {

class SocialGraph;
struct Tie;

class PathFinder {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                      boost::property<boost::edge_index_t, size_t>>;
  using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
  using Path = std::vector<Vertex>;

  explicit PathFinder(const SocialGraph& social);

  // Up to k loopless paths of at most max_hops, best (largest product of
  // strengths) first.
  std::vector<Path> KShortest(Vertex source, Vertex target, int k, int max_hops) const;
  const Tie& TieOf(Vertex a, Vertex b) const { return *ties_[EdgeIndex(a, b)]; }

 private:
  struct Hidden;
  // Cheapest path of at most `budget` ties; `to_target` holds each
  // vertex's distance in ties to the target (-1: farther than allowed).
  Path Shortest(Vertex source, Vertex target, int budget, const Hidden& hidden,
                const std::vector<int8_t>& to_target) const;
  std::vector<int8_t> DistancesTo(Vertex target, int max_hops) const;
  double Cost(const Path& path) const;
  size_t EdgeIndex(Vertex a, Vertex b) const;

  Graph graph_;
  std::vector<double> weights_;
  std::vector<const Tie*> ties_;
};

}  // namespace kith::graph

#endif  // KITH_ENGINE_GRAPH_PATH_FINDER_H_
