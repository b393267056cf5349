#include "tools/bench/sqlite_peer.h"

#include <gtest/gtest.h>

#include <map>

#include "engine/graph/knows_index.h"
#include "engine/kith.h"
#include "engine/vault/vault.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"
#include "tools/bench/peer_graph.h"
#include "tools/gen/vault_generator.h"

namespace kith::bench {
namespace {

using Note = PeerAcquaintance::Note;

// Ada shares five notes with Ben (two on one day, one undated), one with
// Cy, none with Dee (a stated relation only); Ben and Cy share one.
PeerGraph SmallGraph() {
  PeerGraph g;
  g.persons = {{1, "Ada"}, {2, "Ben"}, {3, "Cy"}, {4, "Dee"}};
  g.notes = {{10, "b.md", "B", 100}, {11, "a.md", "A", 100}, {12, "c.md", "C", 90},
             {13, "d.md", "D", -1},  {14, "e.md", "E", 50},  {15, "f.md", "F", 120}};
  for (store::NodeId note : {10, 11, 12, 13, 14}) g.attended.emplace_back(1, note), g.attended.emplace_back(2, note);
  g.attended.emplace_back(3, 14);
  g.attended.emplace_back(2, 15), g.attended.emplace_back(3, 15);
  g.knows = {{1, 2, 0.9, 5}, {1, 3, 0.5, 1}, {1, 4, 0.5, 0}, {2, 1, 0.9, 5}, {3, 1, 0.5, 1}, {4, 1, 0.5, 0}};
  return g;
}

TEST(SqlitePeerTest, AnswersWhoKnowsWholeNewestNotesFirstAndCountsThemAll) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<SqlitePeer> peer, SqlitePeer::Load(SmallGraph()));
  ASSERT_OK_AND_ASSIGN(std::vector<std::string> names, peer->WhoKnows("Ada", 20));
  EXPECT_EQ(names, (std::vector<std::string>{"Ben", "Cy", "Dee"}));

  ASSERT_OK_AND_ASSIGN(std::vector<PeerAcquaintance> whole, peer->WhoKnowsWithEvidence("Ada", 20, 3));
  std::vector<PeerAcquaintance> expected = {
      {"Ben", 0.9, 5, {{"a.md", "A", 100}, {"b.md", "B", 100}, {"c.md", "C", 90}}, 5},
      {"Cy", 0.5, 1, {{"e.md", "E", 50}}, 1},
      {"Dee", 0.5, 0, {}, 0},
  };
  EXPECT_EQ(whole, expected);
}

TEST(SqlitePeerTest, CutsAtTheLimitsAndKnowsNoOneUnknown) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<SqlitePeer> peer, SqlitePeer::Load(SmallGraph()));
  ASSERT_OK_AND_ASSIGN(std::vector<PeerAcquaintance> two, peer->WhoKnowsWithEvidence("Ada", 1, 10));
  ASSERT_EQ(two.size(), 1u);
  // The undated note comes last.
  EXPECT_EQ(two[0].evidence.back(), (Note{"d.md", "D", -1}));
  EXPECT_EQ(two[0].evidence.size(), 5u);
  ASSERT_OK_AND_ASSIGN(std::vector<PeerAcquaintance> nobody, peer->WhoKnowsWithEvidence("Eve", 20, 5));
  EXPECT_TRUE(nobody.empty());
}

// kith-bench counts an answer that differs between kith and SQLite; here
// every person of a generated vault must get kith's answer from SQL.
TEST(SqlitePeerTest, GivesKithsWhoKnowsAnswerForEveryoneOfAGeneratedVault) {
  testing::TempDir dir;
  ASSERT_OK(gen::GenerateVault({.notes = 400, .seed = 11}, dir.path() + "/vault").status());
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Engine> engine, Engine::Open({}, dir.path() + "/db"));
  {
    auto session = engine->BeginIngest({});
    for (const vault::NoteFile& file : vault::WalkVault({dir.path() + "/vault"}).files) {
      ASSERT_OK_AND_ASSIGN(std::string content, vault::ReadFile(file.absolute, 1 << 20));
      session->Add(file.relative, content);
    }
    ASSERT_OK(session->Finish().status());
  }
  engine.reset();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<store::Store> store, store::Store::Open({.create_if_missing = false}, dir.path() + "/db"));
  std::unique_ptr<store::StoreReader> reader = store->NewReader();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<graph::KnowsIndex> index, graph::KnowsIndex::Build(*reader, {}));
  ASSERT_OK_AND_ASSIGN(PeerGraph graph, ReadPeerGraph(*reader, *index));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<SqlitePeer> peer, SqlitePeer::Load(graph));

  // SQL finds a subject by name: people who share one are left out.
  std::map<std::string, int> named;
  for (const PeerGraph::Named& person : graph.persons) ++named[person.name];
  size_t compared = 0, with_evidence = 0;
  for (const PeerGraph::Named& person : graph.persons) {
    if (named[person.name] > 1) continue;
    ASSERT_OK_AND_ASSIGN(std::optional<store::EntityInfo> subject, reader->Entity(person.id));
    ASSERT_TRUE(subject.has_value());
    query::WhoKnowsResult kith = index->WhoKnows(*subject, 20, 5);
    std::vector<PeerAcquaintance> ours;
    for (const query::Acquaintance& a : kith.people) {
      PeerAcquaintance& mine = ours.emplace_back(PeerAcquaintance{a.name, a.strength, a.interactions, {}, a.evidence_total});
      for (const query::NoteRef& n : a.evidence) mine.evidence.push_back({n.path, n.title, int64_t{n.date.value_or(-1)}});
      with_evidence += !a.evidence.empty();
    }
    ASSERT_OK_AND_ASSIGN(std::vector<PeerAcquaintance> theirs, peer->WhoKnowsWithEvidence(person.name, 20, 5));
    EXPECT_EQ(theirs, ours) << person.name;
    ++compared;
  }
  EXPECT_GT(compared, 50u);
  EXPECT_GT(with_evidence, 100u);
}

}  // namespace
}  // namespace kith::bench
