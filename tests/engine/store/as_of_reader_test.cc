#include <gtest/gtest.h>

#include "engine/store/store.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::store {
namespace {

using model::RelationType;

class AsOfReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(store_, Store::Open({}, dir_.path()));
    ASSERT_OK(store_->PutNote(testing::Meeting("early.md", "2025-01-10", {"Ana Bell", "Bo Chen"}), 1));
    ASSERT_OK(store_->PutNote(testing::Meeting("late.md", "2025-03-10", {"Ana Bell", "Cy Dee"}), 2));
    ASSERT_OK(store_->PutNote(testing::Meeting("undated.md", "", {"Ana Bell", "Di Eng"}), 3));
    ASSERT_OK(store_->PutMeta(kLatestNoteDateMeta, std::to_string(Day("2025-03-10"))));
  }

  static int32_t Day(const char* iso) { return *util::ParseIsoDate(iso); }

  std::unique_ptr<StoreReader> AsOf(const char* iso) { return NewAsOfReader(store_->NewReader(), Day(iso)); }

  // Paths of the notes Ana Bell attended, as the reader sees them.
  std::vector<std::string> AnaNotes(const StoreReader& reader) {
    std::vector<std::string> paths;
    auto edges = reader.Edges(EntityId(model::EntityKind::kPerson, "ana bell"), Direction::kOut,
                              RelationType::kAttended);
    EXPECT_OK(edges.status());
    for (const EdgeRef& e : *edges) {
      auto note = reader.Note(e.note);
      EXPECT_OK(note.status());
      if (*note) paths.push_back((*note)->path);
    }
    std::sort(paths.begin(), paths.end());
    return paths;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(AsOfReaderTest, HidesEdgesOfNotesDatedAfterTheDay) {
  EXPECT_EQ(AnaNotes(*store_->NewReader()), (std::vector<std::string>{"early.md", "late.md", "undated.md"}));
  EXPECT_EQ(AnaNotes(*AsOf("2025-02-01")), (std::vector<std::string>{"early.md", "undated.md"}));
  EXPECT_EQ(AnaNotes(*AsOf("2025-03-10")), (std::vector<std::string>{"early.md", "late.md", "undated.md"}));
}

TEST_F(AsOfReaderTest, HidesLaterNotesAndTheirFacts) {
  auto reader = AsOf("2025-02-01");
  NodeId late = NoteId("late.md");
  ASSERT_OK_AND_ASSIGN(std::optional<NoteInfo> note, reader->Note(late));
  EXPECT_FALSE(note.has_value());
  ASSERT_OK_AND_ASSIGN(std::vector<StoredFact> facts, reader->NoteFacts(late));
  EXPECT_TRUE(facts.empty());
  ASSERT_OK_AND_ASSIGN(std::optional<StoredFact> fact, reader->Fact(late, 0));
  EXPECT_FALSE(fact.has_value());
  std::vector<std::string> seen;
  ASSERT_OK(reader->ForEachNote([&](const NoteInfo& n) {
    seen.push_back(n.path);
    return true;
  }));
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"early.md", "undated.md"}));
}

TEST_F(AsOfReaderTest, LatestNoteDateIsCappedAtTheDay) {
  ASSERT_OK_AND_ASSIGN(std::optional<std::string> capped, AsOf("2025-02-01")->Meta(kLatestNoteDateMeta));
  EXPECT_EQ(capped, std::to_string(Day("2025-02-01")));
  ASSERT_OK_AND_ASSIGN(std::optional<std::string> later, AsOf("2026-01-01")->Meta(kLatestNoteDateMeta));
  EXPECT_EQ(later, std::to_string(Day("2025-03-10")));
}

TEST_F(AsOfReaderTest, HidesLaterNotesFromSetReadsAndRelationEdges) {
  extract::NoteGraph stated = testing::Meeting("stated.md", "2025-03-01", {});
  stated.entities = {{model::EntityKind::kPerson, "Bo Chen"}, {model::EntityKind::kPerson, "Ana Bell"}};
  extract::Fact knows;
  knows.type = RelationType::kKnows;
  knows.args = {0, 1};
  stated.facts = {knows};
  ASSERT_OK(store_->PutNote(stated, 4));
  const NodeId ana = EntityId(model::EntityKind::kPerson, "ana bell");
  std::vector<NodeId> ids = {NoteId("early.md"), NoteId("late.md"), NoteId("undated.md")};
  std::sort(ids.begin(), ids.end());
  for (const char* day : {"2025-02-01", "2025-03-10"}) {
    auto reader = AsOf(day);
    std::vector<std::string> paths;
    ASSERT_OK(reader->ForEachNoteIn(ids, [&](size_t, NoteInfo& note) { paths.push_back(note.path); }));
    std::sort(paths.begin(), paths.end());
    ASSERT_OK_AND_ASSIGN(std::vector<RelationEdge> edges, reader->RelationEdges(ana, Direction::kIn, RelationType::kKnows));
    if (std::string(day) == "2025-02-01") {
      EXPECT_EQ(paths, (std::vector<std::string>{"early.md", "undated.md"}));
      EXPECT_TRUE(edges.empty());
    } else {
      EXPECT_EQ(paths, (std::vector<std::string>{"early.md", "late.md", "undated.md"}));
      ASSERT_EQ(edges.size(), 1u);
      EXPECT_EQ(edges[0].args, (std::vector<NodeId>{EntityId(model::EntityKind::kPerson, "bo chen"), ana}));
    }
  }
}

}  // namespace
}  // namespace kith::store
