// RelationEdges gives each edge between entities with everyone its fact
// names, from the in-edge's value or, for an in-edge an older kith stored
// without one, from the fact; ForEachNoteIn reads a set of notes in one pass.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <memory>

#include "engine/store/keys.h"
#include "engine/store/store.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/raw_store.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::store {
namespace {

using model::RelationType;

NodeId Person(const char* name) { return EntityId(model::EntityKind::kPerson, name); }

// "Cy Dee introduced Ana Bell to Bo Chen", and "Ana Bell knows Bo Chen".
extract::NoteGraph Introduction() {
  extract::NoteGraph g = testing::Meeting("intro.md", "2025-03-01", {});
  g.entities = {{model::EntityKind::kPerson, "Cy Dee"},
                {model::EntityKind::kPerson, "Ana Bell"},
                {model::EntityKind::kPerson, "Bo Chen"}};
  extract::Fact introduced;
  introduced.type = RelationType::kIntroduced;
  introduced.args = {0, 1, 2};
  extract::Fact knows;
  knows.type = RelationType::kKnows;
  knows.args = {1, 2};
  g.facts = {introduced, knows};
  return g;
}

// Each edge's args, with all but the first sorted (their order is not set).
std::vector<std::vector<NodeId>> ArgsOf(const std::vector<RelationEdge>& edges) {
  std::vector<std::vector<NodeId>> all;
  for (const RelationEdge& edge : edges) {
    std::vector<NodeId> args = edge.args;
    if (!args.empty()) std::sort(args.begin() + 1, args.end());
    all.push_back(args);
  }
  return all;
}

class RelationEdgesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir_.path()));
    ASSERT_OK(store->PutNote(Introduction(), 1));
  }

  std::vector<std::vector<NodeId>> Read(NodeId node, Direction direction, RelationType type) {
    auto store = Store::Open({}, dir_.path());
    EXPECT_OK(store.status());
    auto edges = (*store)->NewReader()->RelationEdges(node, direction, type);
    EXPECT_OK(edges.status());
    return ArgsOf(*edges);
  }

  testing::TempDir dir_;
};

TEST_F(RelationEdgesTest, EveryEdgeNamesEveryoneInItsFact) {
  std::vector<NodeId> introduction = {Person("cy dee"), Person("ana bell"), Person("bo chen")};
  std::sort(introduction.begin() + 1, introduction.end());
  // Out of the first argument: one edge to each other one.
  EXPECT_EQ(Read(Person("cy dee"), Direction::kOut, RelationType::kIntroduced),
            std::vector<std::vector<NodeId>>(2, introduction));
  // Into a later argument: the whole fact, from the in-edge's value.
  EXPECT_EQ(Read(Person("bo chen"), Direction::kIn, RelationType::kIntroduced),
            std::vector<std::vector<NodeId>>{introduction});
  EXPECT_EQ(Read(Person("bo chen"), Direction::kIn, RelationType::kKnows),
            (std::vector<std::vector<NodeId>>{{Person("ana bell"), Person("bo chen")}}));
  EXPECT_TRUE(Read(Person("bo chen"), Direction::kOut, RelationType::kKnows).empty());
}

TEST_F(RelationEdgesTest, AnInEdgeStoredWithoutItsArgumentsReadsItsFact) {
  const auto introduced = Read(Person("ana bell"), Direction::kIn, RelationType::kIntroduced);
  const auto knows = Read(Person("bo chen"), Direction::kIn, RelationType::kKnows);
  // Empty every in-edge's value, as kith wrote them before stop 17.
  int emptied = 0;
  testing::EditRawStore(dir_.path(), [&](rocksdb::DB* db, auto& h) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, h[testing::kRawEdges]));
    for (it->Seek(std::string(1, kInEdgeTag)); it->Valid() && it->key()[0] == kInEdgeTag; it->Next()) {
      if (it->value().empty()) continue;
      ASSERT_TRUE(db->Put({}, h[testing::kRawEdges], it->key(), "").ok());
      ++emptied;
    }
  });
  EXPECT_EQ(emptied, 3);  // Two of the introduction, one of knows.
  EXPECT_EQ(Read(Person("ana bell"), Direction::kIn, RelationType::kIntroduced), introduced);
  EXPECT_EQ(Read(Person("bo chen"), Direction::kIn, RelationType::kKnows), knows);
  ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir_.path()));
  ASSERT_OK_AND_ASSIGN(CheckReport report, store->Check());
  EXPECT_EQ(report.breach_count, 0u) << (report.breaches.empty() ? "" : report.breaches[0]);
}

TEST_F(RelationEdgesTest, CheckFindsAnInEdgeThatNamesOtherPeople) {
  testing::EditRawStore(dir_.path(), [](rocksdb::DB* db, auto& h) {
    EdgeKeyParts in{kInEdgeTag, Person("bo chen"), RelationType::kKnows, Person("ana bell"), NoteId("intro.md"), 1};
    ASSERT_TRUE(db->Put({}, h[testing::kRawEdges], EdgeKey(in), InEdgeValue(RelationType::kKnows, {Person("ana bell"), Person("cy dee")})).ok());
  });
  ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir_.path()));
  ASSERT_OK_AND_ASSIGN(CheckReport report, store->Check());
  ASSERT_EQ(report.breach_count, 1u);
  EXPECT_NE(report.breaches[0].find("carries arguments its fact does not state"), std::string::npos) << report.breaches[0];
}

TEST(ForEachNoteInTest, ReadsTheNotesAskedForInOrderAndSkipsMissingOnes) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, dir.path()));
  std::vector<NodeId> stored;
  for (int i = 0; i < 200; ++i) {
    const std::string path = "n" + std::to_string(i) + ".md";
    ASSERT_OK(store->PutNote(testing::Meeting(path, "2025-01-01", {"Ana Bell"}), 1));
    stored.push_back(NoteId(path));
  }
  std::sort(stored.begin(), stored.end());
  // Dense runs (every other note), gaps longer than the steps taken before
  // a seek, a repeated id, ids that name no note, and the last note.
  std::vector<NodeId> wanted;
  for (size_t i = 0; i < 60; i += 2) wanted.push_back(stored[i]);
  wanted.push_back(stored[59] + 1);
  for (size_t i = 100; i < stored.size(); i += 37) wanted.push_back(stored[i]);
  wanted.push_back(wanted.back());
  wanted.push_back(stored.back());
  wanted.push_back(stored.back() + 1);
  std::sort(wanted.begin(), wanted.end());
  std::vector<size_t> visited;
  auto reader = store->NewReader();
  ASSERT_OK(reader->ForEachNoteIn(wanted, [&](size_t i, NoteInfo& note) {
    EXPECT_EQ(note.id, wanted[i]);
    EXPECT_EQ(note.attendees, std::vector<NodeId>{Person("ana bell")});
    visited.push_back(i);
  }));
  std::vector<size_t> expected;
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (std::binary_search(stored.begin(), stored.end(), wanted[i])) expected.push_back(i);
  }
  EXPECT_EQ(visited, expected);
  EXPECT_EQ(expected.size(), wanted.size() - 2);
}

}  // namespace
}  // namespace kith::store
