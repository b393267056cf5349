#include "engine/graph/knows_index.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/kith.h"
#include "engine/query/who_knows_reads.h"
#include "tests/engine/graph/vault_fixture.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"
#include "tools/gen/vault_generator.h"

namespace kith::graph {
namespace {

namespace fs = std::filesystem;

void ExpectSameNote(const query::NoteRef& x, const query::NoteRef& y) {
  EXPECT_EQ(x.path, y.path);
  EXPECT_EQ(x.title, y.title);
  EXPECT_EQ(x.date, y.date);
}

// Every field of every acquaintance, doubles compared exactly: the index
// must give the store's answer, not an approximation of it.
void ExpectSame(const query::WhoKnowsResult& index, const query::WhoKnowsResult& store) {
  ASSERT_EQ(index.subject, store.subject);
  ASSERT_EQ(index.people.size(), store.people.size()) << store.subject;
  for (size_t i = 0; i < store.people.size(); ++i) {
    const query::Acquaintance &x = index.people[i], &y = store.people[i];
    SCOPED_TRACE(store.subject + " / " + y.name);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.strength, y.strength);
    EXPECT_EQ(x.interactions, y.interactions);
    EXPECT_EQ(x.last_interaction, y.last_interaction);
    EXPECT_EQ(x.evidence_total, y.evidence_total);
    ASSERT_EQ(x.evidence.size(), y.evidence.size());
    for (size_t e = 0; e < y.evidence.size(); ++e) ExpectSameNote(x.evidence[e], y.evidence[e]);
    ASSERT_EQ(x.reasons.size(), y.reasons.size());
    for (size_t r = 0; r < y.reasons.size(); ++r) {
      EXPECT_EQ(x.reasons[r].relation, y.reasons[r].relation);
      EXPECT_EQ(x.reasons[r].text, y.reasons[r].text);
      ExpectSameNote(x.reasons[r].note, y.reasons[r].note);
    }
  }
}

// Builds the index over `vault` and asks it and the store about everyone.
void CheckEveryPerson(const std::string& vault, const query::StrengthModel& model) {
  testing::TempDir dir;
  IngestInto(vault, dir.path(), model);
  ASSERT_OK_AND_ASSIGN(auto reopened, store::Store::Open({}, dir.path()));
  auto reader = reopened->NewReader();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<KnowsIndex> index, KnowsIndex::Build(*reader, model));
  EXPECT_EQ(index->sequence(), reader->Sequence());
  std::vector<store::NodeId> people;
  ASSERT_OK(reader->ForEachName([&](std::string_view, model::EntityKind kind, store::NodeId id) {
    if (kind == model::EntityKind::kPerson) people.push_back(id);
    return true;
  }));
  ASSERT_GT(people.size(), 5u);
  size_t with_acquaintances = 0;
  for (store::NodeId id : people) {
    ASSERT_OK_AND_ASSIGN(std::optional<store::EntityInfo> person, reader->Entity(id));
    ASSERT_TRUE(person.has_value());
    query::WhoKnowsQuery q{.name = person->name, .limit = 0, .evidence_limit = 0, .model = model};
    ASSERT_OK_AND_ASSIGN(query::WhoKnowsResult from_store, query::WhoKnows(*reader, q));
    if (from_store.subject != person->name) continue;  // The name resolves to someone else (a shared alias).
    with_acquaintances += !from_store.people.empty();
    ExpectSame(index->WhoKnows(*person, 0, 0), from_store);
    // Limits cut the same list.
    query::WhoKnowsQuery limited{.name = person->name, .limit = 3, .evidence_limit = 2, .model = model};
    ASSERT_OK_AND_ASSIGN(query::WhoKnowsResult cut, query::WhoKnows(*reader, limited));
    ExpectSame(index->WhoKnows(*person, 3, 2), cut);
  }
  EXPECT_GT(with_acquaintances, 5u);
}

TEST(KnowsIndexTest, AnswersLikeTheStoreForEveryoneInTheExampleVault) {
  // The example vault has duplicate summaries of one meeting, stated
  // relations of every kind, introductions by e-mail and undated pages.
  CheckEveryPerson(std::string(KITH_SOURCE_DIR) + "/examples/vault", {});
}

TEST(KnowsIndexTest, AnswersLikeTheStoreForEveryoneInASyntheticVaultUnderAnotherModel) {
  testing::TempDir dir;
  ASSERT_OK(gen::GenerateVault({.notes = 400, .seed = 5}, dir.path() + "/vault").status());
  query::StrengthModel model;
  model.half_life_days = 45;
  model.attendee_exponent = 0.5;
  model.knows_weight = 1.0;  // Equal to worked-with: ties between relations.
  CheckEveryPerson(dir.path() + "/vault", model);
}

TEST(KnowsIndexTest, AnswersLikeTheStoreForAHubWhoseReadsRunInParallel) {
  // The vault's owner attends half of its meetings: enough notes for the
  // store's who-knows to read them in two halves beside the relations.
  testing::TempDir dir;
  ASSERT_OK(gen::GenerateVault({.notes = 12000, .seed = 3}, dir.path() + "/vault").status());
  IngestInto(dir.path() + "/vault", dir.path() + "/db");
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path() + "/db"));
  auto reader = store->NewReader();
  ASSERT_OK_AND_ASSIGN(std::optional<std::string> owner_name, reader->Meta("owner"));
  ASSERT_TRUE(owner_name.has_value());
  ASSERT_OK_AND_ASSIGN(std::optional<store::EntityInfo> owner,
                       reader->Entity(store::EntityId(model::EntityKind::kPerson, *owner_name)));
  ASSERT_TRUE(owner.has_value());
  ASSERT_OK_AND_ASSIGN(std::vector<store::EdgeRef> attended,
                       reader->Edges(owner->id, store::Direction::kOut, model::RelationType::kAttended));
  ASSERT_GE(attended.size(), query::kParallelReadNotes);
  ASSERT_OK_AND_ASSIGN(std::vector<store::EdgeRef> stated,
                       reader->Edges(owner->id, store::Direction::kIn, model::RelationType::kReportsTo));
  ASSERT_FALSE(stated.empty());
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<KnowsIndex> index, KnowsIndex::Build(*reader, {}));
  for (int limit : {0, 20}) {
    query::WhoKnowsQuery q{.name = owner->name, .limit = limit, .evidence_limit = limit == 0 ? 0 : 5};
    ASSERT_OK_AND_ASSIGN(query::WhoKnowsResult from_store, query::WhoKnows(*reader, q));
    ASSERT_GT(from_store.people.size(), 10u);
    ExpectSame(index->WhoKnows(*owner, q.limit, q.evidence_limit), from_store);
  }
}

TEST(KnowsIndexTest, ModelsCompareByEveryParameter) {
  query::StrengthModel a, b;
  EXPECT_TRUE(SameModel(a, b));
  b.duplicate_overlap = 0.7;
  EXPECT_FALSE(SameModel(a, b));
  b = a;
  b.introduced_weight = 0.4;
  EXPECT_FALSE(SameModel(a, b));
}

TEST(KnowsIndexTest, CancelledBuildStops) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path()));
  std::atomic<bool> cancel{true};
  auto reader = store->NewReader();
  EXPECT_EQ(KnowsIndex::Build(*reader, {}, &cancel).status().code(), absl::StatusCode::kCancelled);
}

// Through the engine: the index serves only while it shows what the store
// shows; after a write, answers come from the store (then a new index).
TEST(KnowsIndexTest, EngineNeverAnswersFromAStaleIndex) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto engine, Engine::Open({.memory_index = true}, dir.path()));
  IngestNote(*engine, "a.md", "---\ndate: 2025-05-01\nparticipants: [Ana Bell, Bo Chen]\n---\n");
  ASSERT_OK(engine->RefreshMemoryIndex());
  ASSERT_OK_AND_ASSIGN(query::WhoKnowsResult before, engine->WhoKnows({.name = "Ana Bell"}));
  ASSERT_EQ(before.people.size(), 1u);
  IngestNote(*engine, "b.md", "---\ndate: 2025-05-02\nparticipants: [Ana Bell, Cy Dee]\n---\n");
  ASSERT_OK_AND_ASSIGN(query::WhoKnowsResult after, engine->WhoKnows({.name = "Ana Bell"}));
  EXPECT_EQ(after.people.size(), 2u);
  ASSERT_OK(engine->RefreshMemoryIndex());
  ASSERT_OK_AND_ASSIGN(query::WhoKnowsResult indexed, engine->WhoKnows({.name = "Ana Bell"}));
  ExpectSame(indexed, after);
}

}  // namespace
}  // namespace kith::graph
