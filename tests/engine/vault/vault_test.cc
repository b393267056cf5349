#include "engine/vault/vault.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::vault {
namespace {

std::vector<std::string> Relatives(const WalkResult& r) {
  std::vector<std::string> out;
  for (const NoteFile& f : r.files) out.push_back(f.relative);
  return out;
}

TEST(WalkVaultTest, FindsNotesRecursivelyAndSkipsTheRest) {
  testing::TempDir dir;
  dir.Write("b.md", "x");
  dir.Write("People/Ana/README.md", "x");
  dir.Write("raw/notes.TXT", "x");
  dir.Write("image.png", "x");
  dir.Write(".obsidian/workspace.md", "x");
  WalkResult r = WalkVault({dir.path()});
  EXPECT_EQ(Relatives(r), (std::vector<std::string>{"People/Ana/README.md", "b.md", "raw/notes.TXT"}));
  EXPECT_EQ(r.ignored, 2u);  // image.png and the .obsidian folder.
  EXPECT_TRUE(r.problems.empty());
}

TEST(WalkVaultTest, FileRootIsRelativeToItsFolder) {
  testing::TempDir dir;
  std::string path = dir.Write("deep/note.md", "x");
  WalkResult r = WalkVault({path});
  EXPECT_EQ(Relatives(r), (std::vector<std::string>{"note.md"}));
}

TEST(WalkVaultTest, ReportsMissingRootAndUnfollowedLinks) {
  testing::TempDir dir, outside;
  std::string target = outside.Write("secret.md", "x");
  std::filesystem::create_symlink(target, dir.path() + "/link.md");
  WalkResult r = WalkVault({dir.path(), dir.path() + "/missing"});
  EXPECT_TRUE(r.files.empty());
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].path, "link.md");
  WalkOptions follow;
  follow.follow_symlinks = true;
  EXPECT_EQ(Relatives(WalkVault({dir.path()}, follow)), (std::vector<std::string>{"link.md"}));
}

TEST(ReadFileTest, RefusesFilesOverTheLimit) {
  testing::TempDir dir;
  std::string path = dir.Write("big.md", std::string(100, 'x'));
  EXPECT_FALSE(ReadFile(path, 99).ok());
  ASSERT_OK_AND_ASSIGN(std::string content, ReadFile(path, 100));
  EXPECT_EQ(content.size(), 100u);
}

}  // namespace
}  // namespace kith::vault
