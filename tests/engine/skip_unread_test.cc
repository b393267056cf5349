// Skipping unread files: Engine::SkippableFiles lists the stored notes whose
// files may go unread, and IngestSession::AddUnread takes them.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/kith.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

constexpr char kNoteA[] = "---\ndate: 2025-05-01\nparticipants: [Lena Ortiz, Bo Chen]\n---\n";
constexpr char kNoteB[] = "---\ndate: 2025-05-02\nparticipants: [Lena Ortiz, Cy Dee]\n---\n";
constexpr vault::FileStat kOldA{sizeof kNoteA - 1, 1'700'000'000'000'000'000};
constexpr vault::FileStat kOldB{sizeof kNoteB - 1, 1'700'000'100'000'000'000};

class SkipUnreadTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(engine_, Engine::Open({}, dir_.path())); }

  void Store(const std::string& me = "") {
    auto session = engine_->BeginIngest({.me = me});
    session->Add("a.md", kNoteA, kOldA);
    session->Add("b.md", kNoteB, kOldB);
    ASSERT_OK(session->Finish());
  }

  std::vector<std::string> Skippable(const IngestOptions& options = {}) {
    auto files = engine_->SkippableFiles(options);
    EXPECT_OK(files);
    std::vector<std::string> paths;
    for (const SkippableFile& f : *files) paths.push_back(f.path);
    std::sort(paths.begin(), paths.end());
    return paths;
  }

  testing::TempDir dir_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(SkipUnreadTest, StoredNotesWithTrustedTimesAreSkippable) {
  Store();
  EXPECT_EQ(Skippable(), (std::vector<std::string>{"a.md", "b.md"}));
  auto files = engine_->SkippableFiles({});
  ASSERT_OK(files);
  for (const SkippableFile& f : *files) {
    const vault::FileStat& want = f.path == "a.md" ? kOldA : kOldB;
    EXPECT_EQ(f.stat.size, want.size);
    EXPECT_EQ(f.stat.mtime_ns, want.mtime_ns);
  }
}

TEST_F(SkipUnreadTest, UnreadNotesCountAsUnchangedAndKeepTheirFacts) {
  Store();
  auto session = engine_->BeginIngest({.prune = true});
  session->AddUnread("a.md", kOldA);
  session->AddUnread("b.md", kOldB);
  ASSERT_OK_AND_ASSIGN(IngestReport report, session->Finish());
  EXPECT_EQ(report.notes_read, 2);
  EXPECT_EQ(report.notes_unchanged, 2);
  EXPECT_EQ(report.notes_unread, 2);
  EXPECT_EQ(report.notes_pruned, 0);  // Unread is seen, not vanished.
  EXPECT_TRUE(report.failed.empty());
  ASSERT_OK_AND_ASSIGN(auto who, engine_->WhoKnows({.name = "Lena Ortiz"}));
  EXPECT_EQ(who.people.size(), 2u);
}

TEST_F(SkipUnreadTest, AStampThatNoLongerMatchesIsALocatedFailureNotASkip) {
  Store();
  auto session = engine_->BeginIngest({});
  session->AddUnread("a.md", {kOldA.size, kOldA.mtime_ns + 1});
  session->AddUnread("never-stored.md", kOldA);
  ASSERT_OK_AND_ASSIGN(IngestReport report, session->Finish());
  EXPECT_EQ(report.notes_unread, 0);
  ASSERT_EQ(report.failed.size(), 2u);
  EXPECT_EQ(report.failed[0].path, "a.md");
  EXPECT_NE(report.failed[0].reason.find("ingest again"), std::string::npos);
  EXPECT_EQ(report.failed[1].path, "never-stored.md");
}

TEST_F(SkipUnreadTest, UntrustedTimesAreNeverSkippable) {
  auto session = engine_->BeginIngest({});
  session->Add("a.md", kNoteA, {kOldA.size, 0});  // Written moments before it was read.
  session->Add("b.md", kNoteB);                    // No stat at all.
  ASSERT_OK(session->Finish());
  EXPECT_TRUE(Skippable().empty());
}

TEST_F(SkipUnreadTest, ATouchedButUnchangedFileIsRestampedForTheNextRun) {
  Store();
  const vault::FileStat touched{kOldA.size, kOldA.mtime_ns + 5'000'000'000};
  auto session = engine_->BeginIngest({});
  session->Add("a.md", kNoteA, touched);
  ASSERT_OK_AND_ASSIGN(IngestReport report, session->Finish());
  EXPECT_EQ(report.notes_unchanged, 1);
  EXPECT_EQ(report.notes_stored, 0);
  auto files = engine_->SkippableFiles({});
  ASSERT_OK(files);
  auto a = std::find_if(files->begin(), files->end(), [](const SkippableFile& f) { return f.path == "a.md"; });
  ASSERT_NE(a, files->end());
  EXPECT_EQ(a->stat.mtime_ns, touched.mtime_ns);
}

TEST_F(SkipUnreadTest, ANewOwnerOrCurationMakesEveryFileWorthReading) {
  Store("Lena Ortiz");
  EXPECT_EQ(Skippable({.me = "Lena Ortiz"}).size(), 2u);
  // "@Myself" would mean someone else: every note must be read again.
  EXPECT_TRUE(Skippable({.me = "Bo Chen"}).empty());
  ASSERT_OK(engine_->Curate({.kind = Curation::Kind::kAlias, .canonical = "Lena Ortiz", .variant = "Lena O."}));
  EXPECT_TRUE(Skippable({.me = "Lena Ortiz"}).empty());
}

TEST_F(SkipUnreadTest, NothingIsSkippableBeforeTheOwnerIsKnown) {
  EXPECT_TRUE(Skippable().empty());
}

}  // namespace
}  // namespace kith
