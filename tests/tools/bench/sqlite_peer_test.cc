#include "tools/bench/sqlite_peer.h"

#include <gtest/gtest.h>

#include <map>

#include "engine/graph/knows_index.h"
#include "engine/kith.h"
#include "engine/util/text.h"
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
  // Note 15 names Ada; note 12 names Cy; Dee is named where Ada is.
  g.mentioned = {{1, 15}, {3, 12}, {4, 15}};
  g.topics = {{20, "pricing"}, {21, "atlas"}, {22, "zebra"}};
  // Of Ada and Ben's notes: atlas in two, pricing in two, zebra in one;
  // pricing also in note 15, which Ada did not attend.
  g.discussed = {{10, 20}, {11, 21}, {12, 20}, {12, 21}, {13, 22}, {15, 20}};
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

TEST(SqlitePeerTest, SharedHistoryPartsMeetingsFromMentionsAndRanksTheMeetingsTopics) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<SqlitePeer> peer, SqlitePeer::Load(SmallGraph()));
  ASSERT_OK_AND_ASSIGN(PeerSharedHistory ada_ben, peer->SharedHistory("Ada", "Ben"));
  EXPECT_EQ(ada_ben.meetings, (std::vector<Note>{{"a.md", "A", 100}, {"b.md", "B", 100}, {"c.md", "C", 90},
                                                 {"e.md", "E", 50}, {"d.md", "D", -1}}));
  // Ben attended note 15, which names Ada: a mention, not a meeting.
  EXPECT_EQ(ada_ben.mentions, (std::vector<Note>{{"f.md", "F", 120}}));
  // Two notes each for atlas and pricing (note 15 is not a meeting), by name.
  EXPECT_EQ(ada_ben.topics, (std::vector<std::string>{"atlas", "pricing", "zebra"}));

  ASSERT_OK_AND_ASSIGN(PeerSharedHistory ada_cy, peer->SharedHistory("Ada", "Cy"));
  EXPECT_EQ(ada_cy.meetings, (std::vector<Note>{{"e.md", "E", 50}}));
  EXPECT_EQ(ada_cy.mentions, (std::vector<Note>{{"f.md", "F", 120}, {"c.md", "C", 90}}));
  EXPECT_TRUE(ada_cy.topics.empty());
  // Both only named in note 15.
  ASSERT_OK_AND_ASSIGN(PeerSharedHistory ada_dee, peer->SharedHistory("Ada", "Dee"));
  EXPECT_TRUE(ada_dee.meetings.empty());
  EXPECT_EQ(ada_dee.mentions, (std::vector<Note>{{"f.md", "F", 120}}));
}

// A generated vault in a store, kith's index over it, and the same graph
// in SQLite: built once for the tests below.
class GeneratedVaultTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    ASSERT_OK(gen::GenerateVault({.notes = 400, .seed = 11}, dir_->path() + "/vault").status());
    {
      ASSERT_OK_AND_ASSIGN(std::unique_ptr<Engine> engine, Engine::Open({}, dir_->path() + "/db"));
      auto session = engine->BeginIngest({});
      for (const vault::NoteFile& file : vault::WalkVault({dir_->path() + "/vault"}).files) {
        ASSERT_OK_AND_ASSIGN(std::string content, vault::ReadFile(file.absolute, 1 << 20));
        session->Add(file.relative, content);
      }
      ASSERT_OK(session->Finish().status());
    }
    ASSERT_OK_AND_ASSIGN(store_, store::Store::Open({.create_if_missing = false}, dir_->path() + "/db"));
    reader_ = store_->NewReader().release();
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<graph::KnowsIndex> index, graph::KnowsIndex::Build(*reader_, {}));
    index_ = index.release();
    ASSERT_OK_AND_ASSIGN(PeerGraph graph, ReadPeerGraph(*reader_, *index_));
    graph_ = new PeerGraph(std::move(graph));
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<SqlitePeer> peer, SqlitePeer::Load(*graph_));
    peer_ = peer.release();
  }
  static void TearDownTestSuite() {
    delete peer_;
    delete graph_;
    delete index_;
    delete reader_;
    store_.reset();
    delete dir_;
  }

  // People SQL can find by name: those who share one are left out.
  static std::vector<const PeerGraph::Named*> UniquelyNamed() {
    std::map<std::string, int> named;
    for (const PeerGraph::Named& person : graph_->persons) ++named[person.name];
    std::vector<const PeerGraph::Named*> out;
    for (const PeerGraph::Named& person : graph_->persons) {
      if (named[person.name] == 1) out.push_back(&person);
    }
    return out;
  }

  static testing::TempDir* dir_;
  static std::unique_ptr<store::Store> store_;
  static store::StoreReader* reader_;
  static graph::KnowsIndex* index_;
  static PeerGraph* graph_;
  static SqlitePeer* peer_;
};

testing::TempDir* GeneratedVaultTest::dir_ = nullptr;
std::unique_ptr<store::Store> GeneratedVaultTest::store_;
store::StoreReader* GeneratedVaultTest::reader_ = nullptr;
graph::KnowsIndex* GeneratedVaultTest::index_ = nullptr;
PeerGraph* GeneratedVaultTest::graph_ = nullptr;
SqlitePeer* GeneratedVaultTest::peer_ = nullptr;

// kith-bench counts an answer that differs between kith and SQLite; here
// every person of a generated vault must get kith's answer from SQL.
TEST_F(GeneratedVaultTest, SqliteGivesKithsWhoKnowsAnswerForEveryone) {
  size_t compared = 0, with_evidence = 0;
  for (const PeerGraph::Named* person : UniquelyNamed()) {
    std::optional<graph::KnowsIndex::Person> subject = index_->PersonWithId(person->id);
    ASSERT_TRUE(subject.has_value()) << person->name;
    std::vector<PeerAcquaintance> ours = AsPeerAnswer(index_->WhoKnows(*subject, 20, 5));
    for (const PeerAcquaintance& a : ours) with_evidence += !a.evidence.empty();
    ASSERT_OK_AND_ASSIGN(std::vector<PeerAcquaintance> theirs, peer_->WhoKnowsWithEvidence(person->name, 20, 5));
    EXPECT_EQ(theirs, ours) << person->name;
    ++compared;
  }
  EXPECT_GT(compared, 50u);
  EXPECT_GT(with_evidence, 100u);
}

// Each person with their three strongest acquaintances: SQL's notes and
// topics are kith's.
TEST_F(GeneratedVaultTest, SqliteGivesKithsSharedHistoryLessRelationsForKnownPairs) {
  size_t compared = 0, with_mentions = 0, with_topics = 0;
  for (const PeerGraph::Named* person : UniquelyNamed()) {
    std::optional<graph::KnowsIndex::Person> a = index_->PersonWithId(person->id);
    ASSERT_TRUE(a.has_value());
    for (const query::Acquaintance& other : index_->WhoKnows(*a, 3, 1).people) {
      std::optional<graph::KnowsIndex::Person> b = index_->PersonNamed(util::FoldName(other.name));
      if (!b || index_->WhoKnows(*b, 1, 1).subject != other.name) continue;
      PeerSharedHistory ours = AsPeerAnswer(index_->SharedHistory(*a, *b, 0));
      ASSERT_OK_AND_ASSIGN(PeerSharedHistory theirs, peer_->SharedHistory(person->name, other.name));
      // SQL lists notes newest first; kith's timeline runs oldest first.
      SortNotes(theirs);
      EXPECT_EQ(theirs, ours) << person->name << " / " << other.name;
      ++compared;
      with_mentions += !ours.mentions.empty();
      with_topics += !ours.topics.empty();
    }
  }
  EXPECT_GT(compared, 100u);
  EXPECT_GT(with_mentions, 10u);
  EXPECT_GT(with_topics, 10u);
}

}  // namespace
}  // namespace kith::bench
