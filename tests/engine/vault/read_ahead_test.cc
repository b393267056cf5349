#include "engine/vault/read_ahead.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::vault {
namespace {

// Many more files than the window and the threads, so that reads finish
// out of order and wait for the caller; every file comes back in its
// place with its own bytes.
TEST(ReadAheadTest, ReturnsEveryFileInOrder) {
  testing::TempDir dir;
  WalkResult walk;
  for (int i = 0; i < 500; ++i) {
    const std::string name = "n" + std::to_string(i) + ".md";
    dir.Write(name, std::string(static_cast<size_t>(i % 7 + 1), static_cast<char>('a' + i % 26)));
    walk.files.push_back({dir.path() + "/" + name, name});
  }
  walk.files.push_back({dir.path() + "/gone.md", "gone.md"});  // Never written.
  auto wanted = [](const NoteFile& file, const std::optional<FileStat>&) { return file.relative != "n7.md"; };
  ReadAhead reader(walk.files, wanted, {.max_bytes = 1 << 20, .threads = 4, .window = 8});
  for (int i = 0; i < 500; ++i) {
    SCOPED_TRACE(i);
    FileRead read = reader.Next();
    ASSERT_TRUE(read.stat.has_value());
    EXPECT_EQ(read.stat->size, static_cast<uint64_t>(i % 7 + 1));
    if (i == 7) {
      EXPECT_FALSE(read.read);
      EXPECT_FALSE(read.content.ok());
      continue;
    }
    EXPECT_TRUE(read.read);
    ASSERT_OK_AND_ASSIGN(std::string content, read.content);
    EXPECT_EQ(content, std::string(static_cast<size_t>(i % 7 + 1), static_cast<char>('a' + i % 26)));
  }
  FileRead gone = reader.Next();
  EXPECT_FALSE(gone.stat.has_value());
  EXPECT_TRUE(gone.read);
  EXPECT_EQ(gone.content.status().code(), absl::StatusCode::kNotFound);
}

// A caller that stops early (an ingest stream that failed) destroys the
// reader with most files untaken; that must not wait for them all.
TEST(ReadAheadTest, StopsWhenDestroyedEarly) {
  testing::TempDir dir;
  std::vector<NoteFile> files;
  for (int i = 0; i < 2000; ++i) {
    dir.Write("n" + std::to_string(i) + ".md", "x");
    files.push_back({dir.path() + "/n" + std::to_string(i) + ".md", "n" + std::to_string(i) + ".md"});
  }
  std::atomic<int> asked{0};
  {
    ReadAhead reader(files, [&](const NoteFile&, const std::optional<FileStat>&) { return ++asked, true; },
                     {.max_bytes = 1 << 20, .threads = 4, .window = 16});
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(reader.Next().read);
  }
  // The window bounds how far the threads ran ahead of the three taken.
  EXPECT_LE(asked.load(), 3 + 16 + 4);
}

// A window of many files still stops at its bytes: readers claim no new
// run while the bytes read and not yet taken reach `window_bytes`.
TEST(ReadAheadTest, StopsAtTheWindowsBytes) {
  testing::TempDir dir;
  std::vector<NoteFile> files;
  for (int i = 0; i < 2000; ++i) {
    dir.Write("n" + std::to_string(i) + ".md", std::string(1000, 'x'));
    files.push_back({dir.path() + "/n" + std::to_string(i) + ".md", "n" + std::to_string(i) + ".md"});
  }
  std::atomic<int> asked{0};
  ReadAhead reader(files, [&](const NoteFile&, const std::optional<FileStat>&) { return ++asked, true; },
                   {.max_bytes = 1 << 20, .threads = 4, .window = 1000, .window_bytes = 20'000});
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(reader.Next().read);
  // Give the readers time to run as far as they may.
  for (int wait = 0; wait < 50 && asked.load() < 3 + 20; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  // 20 files' bytes fill the window; runs of 16 already started on four
  // threads may finish past it, never more.
  EXPECT_GE(asked.load(), 3 + 20);
  EXPECT_LE(asked.load(), 3 + 20 + 4 * 16);
  for (int i = 3; i < 2000; ++i) ASSERT_TRUE(reader.Next().read) << i;
}

}  // namespace
}  // namespace kith::vault
