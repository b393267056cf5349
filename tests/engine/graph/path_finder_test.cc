#include "engine/graph/path_finder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <set>

#include "engine/graph/knows_index.h"
#include "engine/graph/social_graph.h"
#include "engine/kith.h"
#include "engine/vault/vault.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"
#include "tools/gen/vault_generator.h"

namespace kith::graph {
namespace {

// The hop-bounded search against exhaustive enumeration on a generated
// vault: the best path it returns is the best of all loopless paths of at
// most max_hops ties, and every path it returns is loopless, short enough
// and no better than the one before.
TEST(PathFinderTest, BestPathIsTheBestOfAllShortLooplessPaths) {
  testing::TempDir dir;
  ASSERT_OK(gen::GenerateVault({.notes = 300, .seed = 9}, dir.path() + "/vault").status());
  {
    ASSERT_OK_AND_ASSIGN(auto engine, Engine::Open({}, dir.path() + "/db"));
    auto session = engine->BeginIngest({});
    for (const vault::NoteFile& file : vault::WalkVault({dir.path() + "/vault"}).files) {
      session->Add(file.relative, *vault::ReadFile(file.absolute, 1 << 20));
    }
    ASSERT_OK(session->Finish().status());
  }
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path() + "/db"));
  auto reader = store->NewReader();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<KnowsIndex> index, KnowsIndex::Build(*reader, {}));
  const SocialGraph& social = index->social();
  const PathFinder& finder = social.paths();
  std::vector<std::vector<std::pair<uint32_t, double>>> adjacent(social.vertex_count());
  for (const Tie& t : social.ties()) {
    adjacent[t.a].emplace_back(t.b, -std::log(t.strength));
    adjacent[t.b].emplace_back(t.a, -std::log(t.strength));
  }
  const int max_hops = 3;
  auto cost = [&](const PathFinder::Path& path) {
    double c = 0;
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      for (const auto& [w, weight] : adjacent[path[i]]) {
        if (w == path[i + 1]) c += weight;
      }
    }
    return c;
  };
  int compared = 0;
  for (uint32_t s = 0; s < social.vertex_count() && compared < 40; s += 7) {
    uint32_t t = (s * 31 + 11) % social.vertex_count();
    if (s == t || adjacent[s].empty() || adjacent[t].empty()) continue;
    // Exhaustive: every loopless path of at most max_hops ties.
    double best = INFINITY;
    std::vector<bool> on_path(social.vertex_count(), false);
    std::function<void(uint32_t, int, double)> walk = [&](uint32_t v, int hops, double c) {
      if (v == t) {
        best = std::min(best, c);
        return;
      }
      if (hops == max_hops) return;
      on_path[v] = true;
      for (const auto& [w, weight] : adjacent[v]) {
        if (!on_path[w]) walk(w, hops + 1, c + weight);
      }
      on_path[v] = false;
    };
    walk(s, 0, 0);
    std::vector<PathFinder::Path> paths = finder.KShortest(s, t, 3, max_hops);
    if (best == INFINITY) {
      EXPECT_TRUE(paths.empty());
      continue;
    }
    ++compared;
    ASSERT_FALSE(paths.empty());
    EXPECT_NEAR(cost(paths[0]), best, 1e-9);
    for (size_t i = 0; i < paths.size(); ++i) {
      EXPECT_LE(static_cast<int>(paths[i].size()) - 1, max_hops);
      EXPECT_EQ(std::set<PathFinder::Vertex>(paths[i].begin(), paths[i].end()).size(), paths[i].size());
      EXPECT_EQ(paths[i].front(), s);
      EXPECT_EQ(paths[i].back(), t);
      if (i > 0) EXPECT_GE(cost(paths[i]), cost(paths[i - 1]) - 1e-12);
    }
  }
  EXPECT_GE(compared, 10);
}

}  // namespace
}  // namespace kith::graph
