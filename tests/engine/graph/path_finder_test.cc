#include "engine/graph/path_finder.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// A social graph from a generated vault, and its ties as adjacency lists
// with costs, for exhaustive enumeration.
class PathFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    ASSERT_OK(gen::GenerateVault({.notes = 300, .seed = 9}, dir_->path() + "/vault").status());
    {
      ASSERT_OK_AND_ASSIGN(auto engine, Engine::Open({}, dir_->path() + "/db"));
      auto session = engine->BeginIngest({});
      for (const vault::NoteFile& file : vault::WalkVault({dir_->path() + "/vault"}).files) {
        session->Add(file.relative, *vault::ReadFile(file.absolute, 1 << 20));
      }
      ASSERT_OK(session->Finish().status());
    }
    ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir_->path() + "/db"));
    auto reader = store->NewReader();
    ASSERT_OK_AND_ASSIGN(index_, KnowsIndex::Build(*reader, {}));
  }
  static void TearDownTestSuite() {
    index_.reset();
    delete dir_;
  }

  void SetUp() override {
    const SocialGraph& social = index_->social();
    adjacent_.assign(social.vertex_count(), {});
    for (const Tie& t : social.ties()) {
      adjacent_[t.a].emplace_back(t.b, -std::log(t.strength));
      adjacent_[t.b].emplace_back(t.a, -std::log(t.strength));
    }
  }

  double Cost(const PathFinder::Path& path) const {
    double c = 0;
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      for (const auto& [w, weight] : adjacent_[path[i]]) {
        if (w == path[i + 1]) c += weight;
      }
    }
    return c;
  }

  // The cost of every loopless path of at most max_hops ties, cheapest first.
  std::vector<double> AllCosts(uint32_t s, uint32_t t, int max_hops) const {
    std::vector<double> costs;
    std::vector<bool> on_path(adjacent_.size(), false);
    std::function<void(uint32_t, int, double)> walk = [&](uint32_t v, int hops, double c) {
      if (v == t) {
        costs.push_back(c);
        return;
      }
      if (hops == max_hops) return;
      on_path[v] = true;
      for (const auto& [w, weight] : adjacent_[v]) {
        if (!on_path[w]) walk(w, hops + 1, c + weight);
      }
      on_path[v] = false;
    };
    walk(s, 0, 0);
    std::sort(costs.begin(), costs.end());
    return costs;
  }

  // For up to `pairs` pairs: the k paths returned are the k cheapest of all
  // loopless paths of at most max_hops ties (by cost), each loopless, short
  // enough, from s to t, and in order. Returns how many pairs had a path.
  int CompareWithEnumeration(int max_hops, int k, int pairs) {
    const SocialGraph& social = index_->social();
    const PathFinder& finder = social.paths();
    int compared = 0;
    for (uint32_t s = 0; s < social.vertex_count() && compared < pairs; s += 7) {
      if (adjacent_[s].empty()) continue;
      // Every other pair is a tie itself, so that direct paths are tried too.
      uint32_t t = (s / 7) % 2 ? adjacent_[s][s % adjacent_[s].size()].first
                               : (s * 31 + 11) % static_cast<uint32_t>(social.vertex_count());
      if (s == t || adjacent_[t].empty()) continue;
      std::vector<double> all = AllCosts(s, t, max_hops);
      std::vector<PathFinder::Path> paths = finder.KShortest(s, t, k, max_hops);
      EXPECT_EQ(paths.size(), std::min<size_t>(all.size(), k)) << s << " → " << t << " within " << max_hops;
      if (all.empty()) continue;
      ++compared;
      for (size_t i = 0; i < paths.size() && i < all.size(); ++i) {
        SCOPED_TRACE(::testing::Message() << s << " → " << t << " within " << max_hops << ", path " << i);
        EXPECT_NEAR(Cost(paths[i]), all[i], 1e-9);
        EXPECT_LE(static_cast<int>(paths[i].size()) - 1, max_hops);
        EXPECT_EQ(std::set<PathFinder::Vertex>(paths[i].begin(), paths[i].end()).size(), paths[i].size());
        EXPECT_EQ(paths[i].front(), s);
        EXPECT_EQ(paths[i].back(), t);
        for (size_t j = 0; j + 1 < paths[i].size(); ++j) {
          const auto& next = adjacent_[paths[i][j]];
          EXPECT_TRUE(std::any_of(next.begin(), next.end(), [&](const auto& n) { return n.first == paths[i][j + 1]; }))
              << "hop " << j << " is not a tie";
        }
      }
    }
    return compared;
  }

  static testing::TempDir* dir_;
  static std::unique_ptr<KnowsIndex> index_;
  std::vector<std::vector<std::pair<uint32_t, double>>> adjacent_;
};

testing::TempDir* PathFinderTest::dir_ = nullptr;
std::unique_ptr<KnowsIndex> PathFinderTest::index_;

// Up to 4 ties the meet-in-the-middle search answers; the k it returns
// must be exactly the k cheapest, including when k exceeds what exists.
TEST_F(PathFinderTest, ShortSearchFindsTheKCheapestLooplessPaths) {
  for (int hops = 1; hops <= PathFinder::kShortSearchHops; ++hops) {
    EXPECT_GE(CompareWithEnumeration(hops, 3, 30), 10) << hops;
  }
  EXPECT_GE(CompareWithEnumeration(4, 12, 20), 10);
  EXPECT_GE(CompareWithEnumeration(2, 1, 20), 10);
}

// Longer limits go to Yen's algorithm, held to the same standard.
TEST_F(PathFinderTest, YenFindsTheKCheapestLooplessPathsBeyondFourTies) {
  EXPECT_GE(CompareWithEnumeration(5, 3, 12), 10);
}

// Across the switch from one search to the other, allowing one more tie
// never makes the best path worse.
TEST_F(PathFinderTest, AllowingMoreTiesNeverMakesTheBestPathWorse) {
  const SocialGraph& social = index_->social();
  const PathFinder& finder = social.paths();
  int compared = 0;
  for (uint32_t s = 1; s < social.vertex_count() && compared < 20; s += 11) {
    uint32_t t = (s * 17 + 3) % social.vertex_count();
    if (s == t) continue;
    std::vector<PathFinder::Path> four = finder.KShortest(s, t, 1, 4);
    std::vector<PathFinder::Path> five = finder.KShortest(s, t, 1, 5);
    if (four.empty()) continue;
    ++compared;
    ASSERT_FALSE(five.empty());
    EXPECT_LE(Cost(five[0]), Cost(four[0]) + 1e-12);
  }
  EXPECT_GE(compared, 10);
}

}  // namespace
}  // namespace kith::graph
