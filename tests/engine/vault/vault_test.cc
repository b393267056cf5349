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

// Following links, a link back to an ancestor must not walk forever: the
// folder is walked once and the second way in is reported.
TEST(WalkVaultTest, AFolderReachedTwiceThroughLinksIsWalkedOnce) {
  testing::TempDir dir;
  dir.Write("a/note.md", "x");
  std::filesystem::create_directory_symlink(dir.path() + "/a", dir.path() + "/a/again");
  WalkOptions follow;
  follow.follow_symlinks = true;
  WalkResult r = WalkVault({dir.path()}, follow);
  EXPECT_EQ(Relatives(r), (std::vector<std::string>{"a/note.md"}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, "a/again");
  // Not following, the same link is reported as not followed.
  WalkResult unfollowed = WalkVault({dir.path()});
  EXPECT_EQ(Relatives(unfollowed), (std::vector<std::string>{"a/note.md"}));
  ASSERT_EQ(unfollowed.problems.size(), 1u);
  EXPECT_EQ(unfollowed.problems[0].reason, "symbolic link not followed (pass --follow-symlinks to follow)");
}

// A root named with a trailing slash names its files as without one.
TEST(WalkVaultTest, RootWithTrailingSlash) {
  testing::TempDir dir;
  dir.Write("sub/n.MD", "x");
  WalkResult r = WalkVault({dir.path() + "/"});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].relative, "sub/n.MD");
  EXPECT_EQ(r.files[0].absolute, dir.path() + "/sub/n.MD");
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
