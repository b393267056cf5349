// intro-path: the k best loopless paths of at most max-hops ties between
// two people, by graph::PathFinder on the social graph (cost -log strength).
#include "absl/strings/str_cat.h"
#include "engine/graph/path_finder.h"
#include "engine/graph/social_graph.h"
#include "engine/query/query.h"
#include "engine/util/status_macros.h"

namespace kith::query {

absl::StatusOr<IntroPathResult> FindIntroPaths(const store::StoreReader& reader, const IntroPathQuery& query) {
  ASSIGN_OR_RETURN(std::unique_ptr<graph::SocialGraph> social, graph::SocialGraph::Build(reader, query.model));
  return FindIntroPaths(reader, query, *social);
}

absl::StatusOr<IntroPathResult> FindIntroPaths(const store::StoreReader& reader, const IntroPathQuery& query,
                                               const graph::SocialGraph& social) {
  if (query.max_hops < 1 || query.k < 1) return absl::InvalidArgumentError("max-hops and k must be at least 1");
  // Bounds that keep one query from holding a server: a path of more than
  // 8 introductions is not warm, and 100 alternatives are more than anyone reads.
  if (query.max_hops > kMaxIntroHops || query.k > kMaxIntroPaths) {
    return absl::InvalidArgumentError(absl::StrCat("max-hops must be at most ", kMaxIntroHops, " and k at most ",
                                                   kMaxIntroPaths));
  }
  ASSIGN_OR_RETURN(store::EntityInfo from, ResolvePerson(reader, query.from));
  ASSIGN_OR_RETURN(store::EntityInfo to, ResolvePerson(reader, query.to));
  if (from.id == to.id) return absl::InvalidArgumentError("intro-path needs two different people");
  IntroPathResult result{from.name, to.name, {}};
  std::optional<uint32_t> source = social.vertex(from.id);
  std::optional<uint32_t> target = social.vertex(to.id);
  if (!source || !target) return result;  // One of them knows nobody.

  const graph::PathFinder& finder = social.paths();
  for (const graph::PathFinder::Path& path : finder.KShortest(*source, *target, query.k, query.max_hops)) {
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
