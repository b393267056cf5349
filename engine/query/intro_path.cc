// intro-path: Yen's algorithm for the k shortest loopless paths, each
// shortest-path search done by Boost.Graph's Dijkstra. Removing an edge or
// a vertex for a spur search is done by giving edges infinite weight in a
// copy of the weight vector, so the graph itself is built once.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "engine/graph/social_graph.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_index_t, size_t>>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Path = std::vector<Vertex>;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Yen generates candidates in cost order; paths over max_hops are skipped,
// so bound the work when long paths crowd out short ones.
constexpr int kMaxCandidates = 200;

class PathFinder {
 public:
  explicit PathFinder(const graph::SocialGraph& social) : graph_(social.vertex_count()) {
    for (const graph::Tie& tie : social.ties()) {
      boost::add_edge(tie.a, tie.b, weights_.size(), graph_);
      weights_.push_back(-std::log(tie.strength));
      ties_.push_back(&tie);
    }
  }

  // Shortest path from `source` to `target` under `weights`; empty if none.
  Path Shortest(Vertex source, Vertex target, const std::vector<double>& weights) const {
    std::vector<double> distance(boost::num_vertices(graph_), kInfinity);
    std::vector<Vertex> predecessor(boost::num_vertices(graph_));
    auto weight_map = boost::make_iterator_property_map(weights.begin(), boost::get(boost::edge_index, graph_));
    boost::dijkstra_shortest_paths(
        graph_, source,
        boost::weight_map(weight_map)
            .distance_map(boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, graph_)))
            .predecessor_map(boost::make_iterator_property_map(predecessor.begin(),
                                                               boost::get(boost::vertex_index, graph_))));
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

  double Cost(const Path& path) const {
    double cost = 0;
    for (size_t i = 0; i + 1 < path.size(); ++i) cost += weights_[EdgeIndex(path[i], path[i + 1])];
    return cost;
  }

  // Yen's algorithm.
  std::vector<Path> KShortest(Vertex source, Vertex target, int k, int max_hops) const {
    std::vector<Path> accepted;  // In cost order, all lengths.
    std::vector<Path> result;
    Path first = Shortest(source, target, weights_);
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
        std::vector<double> weights = weights_;
        for (const Path& p : accepted) {
          if (p.size() > i + 1 && std::equal(root.begin(), root.end(), p.begin())) {
            weights[EdgeIndex(p[i], p[i + 1])] = kInfinity;
          }
        }
        for (size_t r = 0; r < i; ++r) {  // The root's vertices may not be revisited.
          for (auto [e, end] = boost::out_edges(root[r], graph_); e != end; ++e) {
            weights[boost::get(boost::edge_index, graph_, *e)] = kInfinity;
          }
        }
        Path spur_path = Shortest(spur, target, weights);
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

  const graph::Tie& TieOf(Vertex a, Vertex b) const { return *ties_[EdgeIndex(a, b)]; }

 private:
  size_t EdgeIndex(Vertex a, Vertex b) const {
    auto [e, found] = boost::edge(a, b, graph_);
    return found ? boost::get(boost::edge_index, graph_, e) : 0;
  }

  Graph graph_;
  std::vector<double> weights_;
  std::vector<const graph::Tie*> ties_;
};

}  // namespace

absl::StatusOr<IntroPathResult> FindIntroPaths(const store::StoreReader& reader, const IntroPathQuery& query) {
  if (query.max_hops < 1 || query.k < 1) return absl::InvalidArgumentError("max-hops and k must be at least 1");
  ASSIGN_OR_RETURN(store::EntityInfo from, ResolvePerson(reader, query.from));
  ASSIGN_OR_RETURN(store::EntityInfo to, ResolvePerson(reader, query.to));
  if (from.id == to.id) return absl::InvalidArgumentError("intro-path needs two different people");
  IntroPathResult result{from.name, to.name, {}};
  ASSIGN_OR_RETURN(graph::SocialGraph social, graph::SocialGraph::Build(reader, query.model));
  std::optional<uint32_t> source = social.vertex(from.id);
  std::optional<uint32_t> target = social.vertex(to.id);
  if (!source || !target) return result;  // One of them knows nobody.

  PathFinder finder(social);
  for (const Path& path : finder.KShortest(*source, *target, query.k, query.max_hops)) {
    IntroPath out;
    out.strength = 1.0;
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      const graph::Tie& tie = finder.TieOf(path[i], path[i + 1]);
      out.hops.push_back({social.name(static_cast<uint32_t>(path[i])), social.name(static_cast<uint32_t>(path[i + 1])),
                          tie.strength, tie.meetings, tie.last_meeting, tie.relation, tie.evidence, tie.evidence_path});
      out.strength *= tie.strength;
      if (tie.strength < out.hops[out.weakest].strength) out.weakest = out.hops.size() - 1;
    }
    result.paths.push_back(std::move(out));
  }
  return result;
}

}  // namespace kith::query
