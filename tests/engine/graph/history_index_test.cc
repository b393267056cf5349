#include "engine/graph/history_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "engine/graph/knows_index.h"
#include "engine/kith.h"
#include "tests/engine/graph/vault_fixture.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"
#include "tools/gen/vault_generator.h"

namespace kith::graph {
namespace {

void ExpectSameNotes(const std::vector<query::NoteRef>& x, const std::vector<query::NoteRef>& y) {
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < y.size(); ++i) {
    EXPECT_EQ(x[i].path, y[i].path);
    EXPECT_EQ(x[i].title, y[i].title);
    EXPECT_EQ(x[i].date, y[i].date);
  }
}

// Every field, in order: the memory answer must be the store's answer.
void ExpectSame(const query::SharedHistory& memory, const query::SharedHistory& store) {
  SCOPED_TRACE(store.a + " / " + store.b);
  EXPECT_EQ(memory.a, store.a);
  EXPECT_EQ(memory.b, store.b);
  EXPECT_EQ(memory.timeline_total, store.timeline_total);
  ASSERT_EQ(memory.timeline.size(), store.timeline.size());
  for (size_t i = 0; i < store.timeline.size(); ++i) {
    const query::SharedEvent &x = memory.timeline[i], &y = store.timeline[i];
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.description, y.description);
    EXPECT_EQ(x.text, y.text);
    ExpectSameNotes(x.notes, y.notes);
  }
  ASSERT_EQ(memory.organizations.size(), store.organizations.size());
  for (size_t i = 0; i < store.organizations.size(); ++i) {
    EXPECT_EQ(memory.organizations[i].name, store.organizations[i].name);
    EXPECT_EQ(memory.organizations[i].a_status, store.organizations[i].a_status);
    EXPECT_EQ(memory.organizations[i].b_status, store.organizations[i].b_status);
  }
  EXPECT_EQ(memory.topics, store.topics);
  EXPECT_EQ(memory.topics_total, store.topics_total);
}

// A limited answer is the whole answer's newest entries and first topics:
// the last `limit` dated entries, or the first `limit` when fewer are dated.
void ExpectNewestOf(const query::SharedHistory& whole, const query::SharedHistory& limited, int limit) {
  const size_t total = whole.timeline.size();
  EXPECT_EQ(limited.timeline_total, static_cast<int>(total));
  const size_t n = limit > 0 ? std::min(total, static_cast<size_t>(limit)) : total;
  const auto dated = static_cast<size_t>(std::count_if(whole.timeline.begin(), whole.timeline.end(),
                                                       [](const query::SharedEvent& e) { return e.date.has_value(); }));
  const size_t begin = dated > n ? dated - n : 0;
  query::SharedHistory expected = whole;
  expected.timeline.assign(whole.timeline.begin() + static_cast<long>(begin),
                           whole.timeline.begin() + static_cast<long>(begin + n));
  if (limit > 0 && expected.topics.size() > static_cast<size_t>(limit)) expected.topics.resize(limit);
  ExpectSame(limited, expected);
}

// What the pairs checked had, so that a test sees each part exercised.
struct Coverage {
  size_t meetings = 0, folded = 0, mentioned = 0, relations = 0, organizations = 0, topics = 0;
};

void Count(const query::SharedHistory& history, Coverage& seen) {
  for (const query::SharedEvent& event : history.timeline) {
    seen.meetings += event.kind == "meeting";
    seen.folded += event.kind == "meeting" && event.notes.size() > 1;
    seen.mentioned += event.kind == "mentioned";
    seen.relations += event.kind == "relation";
  }
  seen.organizations += !history.organizations.empty();
  seen.topics += !history.topics.empty();
}

// Asks the index and the store about every pair of acquaintances (both
// orders) and about the pairs among the first `strangers` people, who
// mostly share nothing or only an employer.
Coverage CheckPairs(const std::string& vault, const query::StrengthModel& model, size_t strangers,
                    const std::vector<int>& limits = {2}) {
  testing::TempDir dir;
  IngestInto(vault, dir.path(), model);
  Coverage seen;
  absl::StatusOr<std::unique_ptr<store::Store>> store = store::Store::Open({}, dir.path());
  EXPECT_OK(store.status());
  if (!store.ok()) return seen;
  auto reader = (*store)->NewReader();
  absl::StatusOr<std::unique_ptr<KnowsIndex>> index = KnowsIndex::Build(*reader, model);
  EXPECT_OK(index.status());
  if (!index.ok()) return seen;

  std::set<std::pair<store::NodeId, store::NodeId>> pairs;
  std::vector<store::NodeId> people;
  (*index)->ForEachTie([&](store::NodeId a, store::NodeId b, double, int) {
    pairs.emplace(a, b);
    people.push_back(a);
  });
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  people.resize(std::min(people.size(), strangers));
  for (store::NodeId a : people) {
    for (store::NodeId b : people) {
      if (a != b) pairs.emplace(a, b);
    }
  }
  for (const auto& [a_id, b_id] : pairs) {
    absl::StatusOr<std::optional<store::EntityInfo>> a = reader->Entity(a_id), b = reader->Entity(b_id);
    EXPECT_TRUE(a.ok() && b.ok() && *a && *b);
    if (!a.ok() || !b.ok() || !*a || !*b) continue;
    absl::StatusOr<query::SharedHistory> from_store =
        query::BuildSharedHistory(*reader, (*a)->name, (*b)->name, model.duplicate_overlap);
    EXPECT_OK(from_store.status());
    // A name that resolves to someone else (a shared alias) is not this pair.
    if (!from_store.ok() || from_store->a != (*a)->name || from_store->b != (*b)->name) continue;
    std::optional<query::SharedHistory> from_memory = (*index)->SharedHistory(**a, **b, 0);
    EXPECT_TRUE(from_memory.has_value());
    if (!from_memory) continue;
    ExpectSame(*from_memory, *from_store);
    Count(*from_store, seen);
    // Limited, both keep the same newest entries and first topics.
    for (int limit : limits) {
      SCOPED_TRACE(limit);
      absl::StatusOr<query::SharedHistory> newest_from_store =
          query::BuildSharedHistory(*reader, (*a)->name, (*b)->name, model.duplicate_overlap, limit);
      std::optional<query::SharedHistory> newest_from_memory = (*index)->SharedHistory(**a, **b, limit);
      EXPECT_OK(newest_from_store.status());
      if (newest_from_store.ok() && newest_from_memory) ExpectSame(*newest_from_memory, *newest_from_store);
      if (newest_from_store.ok()) ExpectNewestOf(*from_store, *newest_from_store, limit);
    }
  }
  return seen;
}

TEST(HistoryIndexTest, AnswersLikeTheStoreForEveryPairInTheExampleVault) {
  // Duplicate summaries of one meeting, stated relations of every kind,
  // introductions and shared employers.
  Coverage seen = CheckPairs(std::string(KITH_SOURCE_DIR) + "/examples/vault", {}, 1000);
  EXPECT_GT(seen.meetings, 0u);
  EXPECT_GT(seen.folded, 0u);
  EXPECT_GT(seen.relations, 0u);
  EXPECT_GT(seen.organizations, 0u);
}

TEST(HistoryIndexTest, AnswersLikeTheStoreInASyntheticVaultUnderAnotherOverlap) {
  testing::TempDir dir;
  ASSERT_OK(gen::GenerateVault({.notes = 400, .seed = 7}, dir.path() + "/vault").status());
  query::StrengthModel model;
  model.duplicate_overlap = 0.4;  // Folds more meetings than the default.
  Coverage seen = CheckPairs(dir.path() + "/vault", model, 60);
  EXPECT_GT(seen.meetings, 100u);
  EXPECT_GT(seen.mentioned, 0u);
  EXPECT_GT(seen.relations, 10u);
  EXPECT_GT(seen.organizations, 10u);
  EXPECT_GT(seen.topics, 10u);
}

// A pair with more notes in common than HistoryIndex::kBusyPairNotes: the
// index ranks its topics and orders the notes naming both and their
// relations by date when it is built, and hands over and folds only what a
// limit keeps; every limit must still give the store's answer. Some days
// have two summaries of one meeting, or two meetings, or two statements;
// some notes are undated.
TEST(HistoryIndexTest, ABusyPairAnswersLikeTheStoreUnderEveryLimit) {
  testing::TempDir dir;
  const std::string vault = dir.path() + "/vault";
  std::filesystem::create_directories(vault);
  const std::vector<std::string> topics = {"Atlas", "Beta", "Cobalt", "Delta", "Ember"};
  const std::vector<std::string> relations = {"Ana Bell knows Bo Chen.", "Ana Bell reports to Bo Chen.",
                                              "Cy Dee introduced Ana Bell to Bo Chen.",
                                              "Ana Bell worked with Bo Chen at Acme.", "Ed Fox introduced Ana Bell to Bo Chen."};
  size_t written = 0;
  auto write = [&](const std::string& frontmatter, const std::string& body = "") {
    std::ofstream(vault + "/n" + std::to_string(written++) + ".md") << "---\n" << frontmatter << "---\n" << body;
  };
  for (int day = 1; written < HistoryIndex::kBusyPairNotes + 12; ++day) {
    const std::string date = "date: 2025-04-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "\n";
    const std::string projects = "entities:\n  projects: ['[[" + topics[day % topics.size()] + "]]', '[[" +
                                 topics[(day * day) % topics.size()] + "]]']\n";
    write(date + "participants: [Ana Bell, Bo Chen, Cy Dee, Di Eng]\n" + projects);
    if (day % 3 == 0) write(date + "participants: [Ana Bell, Bo Chen, Cy Dee, Di Eng, Ed Fox]\n");  // Same meeting.
    if (day % 4 == 0) write(date + "participants: [Ana Bell, Bo Chen]\n" + projects);         // Another one.
    if (day % 5 == 0) write("participants: [Ana Bell, Bo Chen]\n" + projects);                // Undated.
    if (day % 3 == 1) {  // Mentions both; some relations are restated.
      write(date + "participants: [Cy Dee]\n", "## Key Information\n- " + relations[day % relations.size()] + "\n");
    }
    if (day % 6 == 1) {  // Another mention and relation on the same date.
      write(date + "participants: [Ed Fox]\n", "## Key Information\n- " + relations[(day + 2) % relations.size()] + "\n");
    }
    if (day % 7 == 0) {  // Undated mentions and relations.
      write("participants: [Di Eng]\n", "## Key Information\n- " + relations[(day / 7) % relations.size()] + "\n");
    }
  }
  // The newest date has two new relations, in two notes: a limit of one
  // falls between them.
  for (const std::string introducer : {"Gil Hart", "Ivy Jo"}) {
    write("date: 2025-05-01\nparticipants: [Ed Fox]\n",
          "## Key Information\n- " + introducer + " introduced Ana Bell to Bo Chen.\n");
  }
  std::vector<int> limits;
  for (int limit = 0; limit <= static_cast<int>(written) + 2; ++limit) limits.push_back(limit);
  Coverage seen = CheckPairs(vault, {}, 0, limits);
  EXPECT_GT(seen.folded, 0u);
  EXPECT_GT(seen.mentioned, 0u);
  EXPECT_GT(seen.relations, 3u);
}

// A quiet pair whose meetings fold into nothing (as many meetings as notes)
// skips the folding; a limit that falls between two meetings of one date
// must still show the ones the store's answer shows.
TEST(HistoryIndexTest, AQuietPairWithTwoMeetingsOnADateAnswersLikeTheStoreUnderEveryLimit) {
  testing::TempDir dir;
  const std::string vault = dir.path() + "/vault";
  std::filesystem::create_directories(vault);
  auto write = [&](const std::string& name, const std::string& frontmatter) {
    std::ofstream(vault + "/" + name + ".md") << "---\n" << frontmatter << "---\n";
  };
  write("a", "date: 2025-04-01\nparticipants: [Ana Bell, Bo Chen]\n");
  write("b", "date: 2025-04-02\nparticipants: [Ana Bell, Bo Chen, Cy Dee]\n");
  write("c", "date: 2025-04-02\nparticipants: [Ana Bell, Bo Chen, Ed Fox]\n");
  write("d", "date: 2025-04-03\nparticipants: [Ana Bell, Bo Chen, Ed Fox]\n");
  write("e", "participants: [Ana Bell, Bo Chen, Di Eng]\n");
  Coverage seen = CheckPairs(vault, {}, 0, {1, 2, 3, 4, 5, 6});
  EXPECT_GT(seen.meetings, 0u);
  EXPECT_EQ(seen.folded, 0u);
}

TEST(HistoryIndexTest, NotAPersonOfTheIndexIsLeftToTheStore) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path()));
  auto reader = store->NewReader();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<KnowsIndex> index, KnowsIndex::Build(*reader, {}));
  store::EntityInfo a{.id = 1, .kind = model::EntityKind::kPerson, .name = "Ana Bell", .note_refs = 1};
  store::EntityInfo b{.id = 2, .kind = model::EntityKind::kPerson, .name = "Bo Chen", .note_refs = 1};
  EXPECT_FALSE(index->SharedHistory(a, b, 0).has_value());
}

// Through the engine: the answer follows a write at once (from the store,
// then from a new index) and is the same either way.
TEST(HistoryIndexTest, EngineAnswersFollowWrites) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto engine, Engine::Open({.memory_index = true}, dir.path()));
  IngestNote(*engine, "a.md", "---\ndate: 2025-05-01\nparticipants: [Ana Bell, Bo Chen]\n---\n");
  ASSERT_OK(engine->RefreshMemoryIndex());
  ASSERT_OK_AND_ASSIGN(query::SharedHistory before, engine->SharedHistory("Ana Bell", "bo chen", 0));
  EXPECT_EQ(before.timeline.size(), 1u);
  EXPECT_EQ(engine->SharedHistory("Ana Bell", "ana bell", 0).status().code(), absl::StatusCode::kInvalidArgument);
  IngestNote(*engine, "b.md", "---\ndate: 2025-05-02\nparticipants: [Ana Bell, Bo Chen]\n---\n");
  ASSERT_OK_AND_ASSIGN(query::SharedHistory after, engine->SharedHistory("Ana Bell", "Bo Chen", 0));
  EXPECT_EQ(after.timeline.size(), 2u);
  ASSERT_OK(engine->RefreshMemoryIndex());
  ASSERT_OK_AND_ASSIGN(query::SharedHistory indexed, engine->SharedHistory("Ana Bell", "Bo Chen", 0));
  ExpectSame(indexed, after);
}

}  // namespace
}  // namespace kith::graph
