// Weighted paths over the social graph: Yen's k shortest loopless paths,
// each search a Boost.Graph Dijkstra on -log(strength) that stops as soon
// as the target is settled. The graph is built once per SocialGraph; a spur
// search hides edges and vertices through the weight map, copying nothing.
#ifndef KITH_ENGINE_GRAPH_PATH_FINDER_H_
#define KITH_ENGINE_GRAPH_PATH_FINDER_H_

#include <boost/graph/adjacency_list.hpp>

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
  Path Shortest(Vertex source, Vertex target, const Hidden& hidden) const;
  double Cost(const Path& path) const;
  size_t EdgeIndex(Vertex a, Vertex b) const;

  Graph graph_;
  std::vector<double> weights_;
  std::vector<const Tie*> ties_;
};

}  // namespace kith::graph

#endif  // KITH_ENGINE_GRAPH_PATH_FINDER_H_
