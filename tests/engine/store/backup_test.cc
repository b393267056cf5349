#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "engine/store/keys.h"
#include "engine/store/store.h"
#include "tests/testing/note_graphs.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::store {
namespace {

namespace fs = std::filesystem;

uint64_t NoteCount(const std::string& dir) {
  auto store = Store::Open({}, dir);
  EXPECT_OK(store.status());
  auto counts = (*store)->NewReader()->Counts();
  EXPECT_OK(counts.status());
  return counts->notes;
}

TEST(BackupTest, BackupTakenDuringWritesIsAConsistentStore) {
  testing::TempDir dir;
  const std::string db = dir.path() + "/db", backup = dir.path() + "/backup";
  ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, db));
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      std::string n = std::to_string(i);
      ASSERT_OK(store->PutNote(testing::Meeting("m" + n + ".md", "2025-01-01", {"Ana Bell", "P" + n + " Q"}), 1));
      ++written;
    }
  });
  while (written < 50) std::this_thread::yield();
  ASSERT_OK(store->Backup(backup));
  stop = true;
  writer.join();
  EXPECT_EQ(store->Backup(backup).code(), absl::StatusCode::kAlreadyExists);
  store.reset();

  const std::string restored = dir.path() + "/restored";
  ASSERT_OK(RestoreStore(backup, restored, false, nullptr));
  ASSERT_OK_AND_ASSIGN(auto copy, Store::Open({}, restored));
  ASSERT_OK_AND_ASSIGN(CheckReport report, copy->Check());
  EXPECT_EQ(report.breach_count, 0u) << (report.breaches.empty() ? "" : report.breaches[0]);
  EXPECT_GE(report.notes, 50u);
  EXPECT_LE(report.notes, static_cast<uint64_t>(written.load()));
}

TEST(BackupTest, RestoreMovesAnExistingStoreAsideOnlyWhenAsked) {
  testing::TempDir dir;
  const std::string db = dir.path() + "/db", backup = dir.path() + "/backup";
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, db));
    ASSERT_OK(store->PutNote(testing::Meeting("a.md", "2025-01-01", {"Ana Bell", "Bo Chen"}), 1));
    ASSERT_OK(store->Backup(backup));
    ASSERT_OK(store->PutNote(testing::Meeting("b.md", "2025-01-02", {"Ana Bell", "Cy Dee"}), 1));
  }
  EXPECT_EQ(RestoreStore(backup, db, false, nullptr).code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(NoteCount(db), 2u);
  std::string moved_to;
  ASSERT_OK(RestoreStore(backup, db, true, &moved_to));
  EXPECT_EQ(NoteCount(db), 1u);
  ASSERT_FALSE(moved_to.empty());
  EXPECT_EQ(NoteCount(moved_to), 2u);  // Nothing was deleted.
}

TEST(BackupTest, RestoreRefusesWhatIsNoStoreAndWhatIsNewer) {
  testing::TempDir dir;
  fs::create_directories(dir.path() + "/junk");
  EXPECT_EQ(RestoreStore(dir.path() + "/junk", dir.path() + "/db", false, nullptr).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(fs::is_empty(dir.path() + "/junk"));  // Refused without leaving RocksDB's LOCK behind.
  EXPECT_EQ(RestoreStore(dir.path() + "/absent", dir.path() + "/db", false, nullptr).code(),
            absl::StatusCode::kNotFound);
  const std::string newer = dir.path() + "/newer";
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open({}, newer));
    std::string version;
    AppendU32(version, kSchemaVersion + 1);
    ASSERT_OK(store->PutMeta("schema_version", version));
  }
  EXPECT_EQ(RestoreStore(newer, dir.path() + "/db", false, nullptr).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_FALSE(fs::exists(dir.path() + "/db"));
}

}  // namespace
}  // namespace kith::store
