#include "engine/graph/path_finder.h"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_set>

#include "engine/graph/social_graph.h"

namespace kith::graph {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Yen generates candidates in cost order; paths over max_hops are skipped,
// so bound the work when long paths crowd out short ones.
constexpr int kMaxCandidates = 200;

struct TargetSettled {};

// Stops Dijkstra once the target's distance is final: nothing after it can
// change the answer.
class StopAtTarget : public boost::default_dijkstra_visitor {
 public:
  explicit StopAtTarget(PathFinder::Vertex target) : target_(target) {}
  void examine_vertex(PathFinder::Vertex v, const PathFinder::Graph&) const {
    if (v == target_) throw TargetSettled{};
  }

 private:
  PathFinder::Vertex target_;
};

}  // namespace

// Edges and vertices a spur search may not use.
struct PathFinder::Hidden {
  std::unordered_set<size_t> edges;
  std::unordered_set<Vertex> vertices;
};

PathFinder::PathFinder(const SocialGraph& social) : graph_(social.vertex_count()) {
  for (const Tie& tie : social.ties()) {
    boost::add_edge(tie.a, tie.b, weights_.size(), graph_);
    weights_.push_back(-std::log(tie.strength));
    ties_.push_back(&tie);
  }
}

size_t PathFinder::EdgeIndex(Vertex a, Vertex b) const {
  auto [e, found] = boost::edge(a, b, graph_);
  return found ? boost::get(boost::edge_index, graph_, e) : 0;
}

double PathFinder::Cost(const Path& path) const {
  double cost = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) cost += weights_[EdgeIndex(path[i], path[i + 1])];
  return cost;
}

PathFinder::Path PathFinder::Shortest(Vertex source, Vertex target, const Hidden& hidden) const {
  const size_t n = boost::num_vertices(graph_);
  std::vector<double> distance(n, kInfinity);
  std::vector<Vertex> predecessor(n);
  for (Vertex v = 0; v < n; ++v) predecessor[v] = v;
  auto weight = [&](const Graph::edge_descriptor& e) {
    size_t index = boost::get(boost::edge_index, graph_, e);
    if (!hidden.edges.empty() && hidden.edges.count(index)) return kInfinity;
    if (!hidden.vertices.empty() &&
        (hidden.vertices.count(boost::source(e, graph_)) || hidden.vertices.count(boost::target(e, graph_)))) {
      return kInfinity;
    }
    return weights_[index];
  };
  try {
    boost::dijkstra_shortest_paths(
        graph_, source,
        boost::weight_map(boost::make_function_property_map<Graph::edge_descriptor, double>(weight))
            .distance_map(boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, graph_)))
            .predecessor_map(boost::make_iterator_property_map(predecessor.begin(),
                                                               boost::get(boost::vertex_index, graph_)))
            .visitor(StopAtTarget(target)));
  } catch (const TargetSettled&) {
  }
  if (distance[target] == kInfinity) return {};
  Path path;
  for (Vertex v = target; v != source; v = predecessor[v]) {
    if (predecessor[v] == v) return {};
    path.push_back(v);
  }
  path.push_back(source);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<PathFinder::Path> PathFinder::KShortest(Vertex source, Vertex target, int k, int max_hops) const {
  std::vector<Path> accepted;  // In cost order, all lengths.
  std::vector<Path> result;
  Path first = Shortest(source, target, Hidden{});
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
      Path spur_path = Shortest(spur, target, hidden);
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
