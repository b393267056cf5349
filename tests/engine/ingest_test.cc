// The engine facade: ingest sessions over a real store.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "absl/strings/str_join.h"

#include "engine/kith.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

constexpr char kNoteA[] =
    "---\ndate: 2025-05-01\nparticipants: [Lena Ortiz, Bo Chen]\n---\n"
    "- [ ] Send deck. @Myself\n";
constexpr char kNoteB[] =
    "---\ndate: 2025-05-02\nparticipants: [Lena Ortiz, Cy Dee]\n---\n";

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(engine_, Engine::Open({}, dir_.path())); }

  IngestReport Ingest(const std::vector<std::pair<std::string, std::string>>& notes,
                      const std::string& me = "") {
    auto session = engine_->BeginIngest({.me = me});
    for (const auto& [path, content] : notes) session->Add(path, content);
    auto report = session->Finish();
    EXPECT_OK(report);
    return *report;
  }

  std::vector<std::string> Known(const std::string& name) {
    auto r = engine_->WhoKnows({.name = name});
    EXPECT_OK(r);
    std::vector<std::string> names;
    for (const auto& a : r->people) names.push_back(a.name);
    return names;
  }

  testing::TempDir dir_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(IngestTest, OwnerIsMostFrequentParticipant) {
  IngestReport report = Ingest({{"a.md", kNoteA}, {"b.md", kNoteB}});
  EXPECT_EQ(report.owner, "Lena Ortiz");
  EXPECT_EQ(report.notes_stored, 2);
}

// The write-ahead log of the session's writes is flushed into tables, so
// the next open has nothing to replay.
TEST_F(IngestTest, AnIngestThatStoresNotesLeavesNoLogToReplay) {
  auto log_bytes = [&] {
    uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
      if (entry.path().extension() == ".log") bytes += entry.file_size();
    }
    return bytes;
  };
  Ingest({{"a.md", kNoteA}, {"b.md", kNoteB}});
  EXPECT_EQ(log_bytes(), 0u);
  // The next session writes again; its log holds those writes until it ends.
  auto session = engine_->BeginIngest({});
  session->Add("c.md", "---\ndate: 2025-05-03\nparticipants: [Lena Ortiz, Di Eng]\n---\n");
  ASSERT_OK(session->Finish().status());
  EXPECT_EQ(log_bytes(), 0u);
  EXPECT_EQ(Known("Di Eng"), std::vector<std::string>{"Lena Ortiz"});
}

// Names are learned from every note in path order, whatever order the
// notes arrive in: the first spelling of a name (by path) is the one that
// stands, so a note given first or twice must not change any fact.
TEST_F(IngestTest, FactsDoNotDependOnTheOrderNotesArriveIn) {
  const std::vector<std::pair<std::string, std::string>> notes = {
      {"a.md", "---\ndate: 2025-05-01\nparticipants: [Lena Ortiz, ROB LANE]\n---\n"},
      {"b.md", "---\ndate: 2025-05-02\nparticipants: [Lena Ortiz, Rob Lane]\n---\n"},
      {"c.md", "---\ndate: 2025-05-03\nparticipants: [Lena Ortiz]\n---\n## Key Information\n- Rob joined Northwind.\n"}};
  auto facts_after = [](const std::vector<std::pair<std::string, std::string>>& given) {
    testing::TempDir dir;
    auto engine = Engine::Open({}, dir.path());
    EXPECT_OK(engine);
    auto session = (*engine)->BeginIngest({});
    for (const auto& [path, content] : given) session->Add(path, content);
    EXPECT_OK(session->Finish());
    auto facts = (*engine)->Facts({});
    EXPECT_OK(facts);
    std::vector<std::string> shown;
    for (const query::FactView& f : *facts) shown.push_back(f.path + ": " + absl::StrJoin(f.args, " / "));
    return shown;
  };
  const std::vector<std::string> in_order = facts_after(notes);
  // a.md spells him first: "Rob" in c.md is him, as a.md spells him.
  EXPECT_NE(std::find(in_order.begin(), in_order.end(), "c.md: ROB LANE / Northwind"), in_order.end())
      << absl::StrJoin(in_order, "\n");
  EXPECT_EQ(facts_after({notes[2], notes[1], notes[0]}), in_order);
  EXPECT_EQ(facts_after({notes[0], notes[1], notes[2], notes[0]}), in_order);
}

TEST_F(IngestTest, SecondIngestChangesNothing) {
  Ingest({{"a.md", kNoteA}, {"b.md", kNoteB}});
  auto before = Known("Lena Ortiz");
  IngestReport again = Ingest({{"a.md", kNoteA}, {"b.md", kNoteB}});
  EXPECT_EQ(again.notes_stored, 0);
  EXPECT_EQ(again.notes_unchanged, 2);
  EXPECT_EQ(Known("Lena Ortiz"), before);
}

// Without participants there is no owner, so notes are not taken by their
// stamps: they wait with the others and are found unchanged at the end.
TEST_F(IngestTest, SecondIngestWithoutAnOwnerChangesNothing) {
  const std::vector<std::pair<std::string, std::string>> notes = {
      {"a.md", "# Pricing\n\n## Key Information\n- Ana Bell reports to Bo Chen.\n"},
      {"b.md", "# Hiring\n"}};
  IngestReport first = Ingest(notes);
  EXPECT_EQ(first.owner, "");
  EXPECT_EQ(first.notes_stored, 2);
  IngestReport again = Ingest(notes);
  EXPECT_EQ(again.notes_stored, 0);
  EXPECT_EQ(again.notes_unchanged, 2);
  EXPECT_TRUE(again.failed.empty());
}

TEST_F(IngestTest, ChangedNoteReplacesItsFacts) {
  Ingest({{"a.md", kNoteA}, {"b.md", kNoteB}});
  Ingest({{"b.md", "---\ndate: 2025-05-02\nparticipants: [Lena Ortiz, Di Eng]\n---\n"}});
  EXPECT_EQ(Known("Lena Ortiz"), (std::vector<std::string>{"Di Eng", "Bo Chen"}));
  EXPECT_FALSE(engine_->WhoKnows({.name = "Cy Dee"}).ok());
}

TEST_F(IngestTest, BrokenNoteIsReportedAndOldVersionKept) {
  Ingest({{"a.md", kNoteA}});
  IngestReport report = Ingest({{"a.md", "---\nparticipants: [broken\n---\n"}, {"b.md", kNoteB}});
  ASSERT_EQ(report.failed.size(), 1u);
  EXPECT_EQ(report.failed[0].path, "a.md");
  EXPECT_GT(report.failed[0].line, 0);
  EXPECT_EQ(report.notes_stored, 1);
  EXPECT_EQ(Known("Bo Chen"), (std::vector<std::string>{"Lena Ortiz"}));
}

TEST_F(IngestTest, ChangingTheOwnerReExtracts) {
  EXPECT_EQ(Ingest({{"a.md", kNoteA}}, "Lena Ortiz").notes_stored, 1);
  IngestReport report = Ingest({{"a.md", kNoteA}}, "Bo Chen");
  EXPECT_EQ(report.owner, "Bo Chen");
  EXPECT_EQ(report.notes_stored, 1);
}

TEST_F(IngestTest, CallerProblemsAreReported) {
  auto session = engine_->BeginIngest({});
  session->AddProblem({"x.md", 0, "cannot read"});
  ASSERT_OK_AND_ASSIGN(IngestReport report, session->Finish());
  ASSERT_EQ(report.failed.size(), 1u);
  EXPECT_EQ(report.failed[0].reason, "cannot read");
}

}  // namespace
}  // namespace kith
