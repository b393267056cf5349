// Hostile input, end to end: a vault of broken, huge, binary and devious
// files beside good notes. Each bad file is a located failure or warning,
// the good notes are stored, the exit status says some files failed, and
// nothing stored before is lost. Files are generated here, not committed.
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

using testing::RunProcess;
using testing::RunResult;
namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string AliasBomb() {
  std::string yaml = "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  std::string previous = "a";
  for (char c = 'b'; c <= 'p'; ++c) {
    std::string name(1, c), refs;
    for (int i = 0; i < 9; ++i) refs += (i ? ", *" : "*") + previous;
    yaml += name + ": &" + name + " [" + refs + "]\n";
    previous = name;
  }
  return yaml + "participants: *p\n---\n# Bomb\n";
}

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    vault_ = fs::path(dir_.path()) / "vault";
    Write(vault_ / "Meetings/2025-01-02 - Good.md",
          "---\ndate: 2025-01-02\nparticipants: [Ana Bell, Bo Chen]\n---\n# Good\n## Key Information\n"
          "- Bo Chen reports to Ana Bell.\n");
    Write(vault_ / "Meetings/2025-01-03 - Also good.md",
          "---\ndate: 2025-01-03\nparticipants: [Ana Bell, Cy Dee]\n---\n# Also good\n");
  }

  void AddHostileFiles() {
    Write(vault_ / "bad-utf8.md", "---\ndate: 2025-01-04\n---\n# Bad \xc3\x28 text\n");
    std::string binary;
    for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(i % 256));
    Write(vault_ / "binary.md", binary);
    Write(vault_ / "empty.md", "");
    Write(vault_ / "huge.md", "# Huge\n" + std::string(50 << 20, 'x'));
    std::string line;
    while (line.size() < (1 << 20)) line += "Ana Bell worked with Ed Fox on the plan and ";
    Write(vault_ / "long-line.md", "---\ndate: 2025-01-06\nparticipants: [Ana Bell, Ed Fox]\n---\n# Long\n" + line + "\n");
    Write(vault_ / "unterminated.md", "---\ndate: 2025-01-07\nparticipants: [Ana Bell\n# never closed\n");
    Write(vault_ / "bad-yaml.md", "---\ndate: 2025-01-07\nparticipants: [Ana Bell, {oops: \n---\n# Bad\n");
    std::string big_frontmatter = "---\n";
    while (big_frontmatter.size() < (200 << 10)) big_frontmatter += "key: " + std::string(100, 'v') + "\n";
    Write(vault_ / "huge-frontmatter.md", big_frontmatter + "---\n# Big\n");
    Write(vault_ / "alias-bomb.md", AliasBomb());
    Write(vault_ / "unknown-date.md", "---\ndate: someday soon\nparticipants: [Ana Bell, Bo Chen]\n---\n# When\n");
    Write(outside_ / "secret.md", "---\nparticipants: [Eve Spy, Ana Bell]\n---\n# Secret\n");
    fs::create_symlink(outside_ / "secret.md", vault_ / "link.md");
    fs::create_directory_symlink(outside_, vault_ / "link-dir");
  }

  RunResult Kith(std::vector<std::string> args) {
    args.insert(args.begin(), {KITH_BIN, "--db", dir_.path() + "/db"});
    return RunProcess(args);
  }

  testing::TempDir dir_;
  fs::path vault_;
  fs::path outside_ = fs::path(dir_.path()) / "outside";
};

TEST_F(HostileInputTest, EachBadFileIsALocatedFailureAndTheRestIsStored) {
  AddHostileFiles();
  RunResult ingest = Kith({"ingest", vault_.string(), "--json"});
  EXPECT_EQ(ingest.exit_code, 3) << ingest.err;
  nlohmann::json report = nlohmann::json::parse(ingest.out);
  std::map<std::string, nlohmann::json> failed;
  for (const auto& f : report["failed"]) failed[f["path"].get<std::string>()] = f;
  const std::map<std::string, std::pair<int, std::string>> expected = {
      {"bad-utf8.md", {4, "not valid UTF-8"}},
      {"binary.md", {1, "binary"}},
      {"empty.md", {0, "empty"}},
      {"huge.md", {0, "over the limit"}},
      {"unterminated.md", {1, "never closed"}},
      {"bad-yaml.md", {4, "not valid YAML"}},  // Where YAML notices the open map.
      {"huge-frontmatter.md", {1, "over the limit"}},
      {"link.md", {0, "symbolic link not followed"}},
      {"link-dir", {0, "symbolic link not followed"}},
  };
  for (const auto& [path, want] : expected) {
    ASSERT_TRUE(failed.count(path)) << path << " is not reported: " << report["failed"];
    EXPECT_EQ(failed[path]["line"], want.first) << path;
    EXPECT_NE(failed[path]["reason"].get<std::string>().find(want.second), std::string::npos) << failed[path];
  }
  EXPECT_EQ(failed.size(), expected.size()) << report["failed"];
  std::set<std::string> warned;
  for (const auto& w : report["warnings"]) warned.insert(w["path"].get<std::string>());
  EXPECT_TRUE(warned.count("alias-bomb.md"));
  EXPECT_TRUE(warned.count("unknown-date.md"));
  // The good notes, the long line, the bomb and the undated note are stored.
  EXPECT_EQ(report["notes_stored"], 5);
  RunResult who = Kith({"who-knows", "Ana Bell", "--json"});
  ASSERT_EQ(who.exit_code, 0) << who.err;
  std::string people = nlohmann::json::parse(who.out)["people"].dump();
  EXPECT_NE(people.find("Ed Fox"), std::string::npos);  // From the 1 MB line.
  EXPECT_EQ(people.find("Eve Spy"), std::string::npos);  // Behind a link out of the vault.
  EXPECT_EQ(Kith({"check"}).exit_code, 0);
}

TEST_F(HostileInputTest, ANoteThatTurnsBadKeepsWhatItStored) {
  ASSERT_EQ(Kith({"ingest", vault_.string()}).exit_code, 0);
  const std::string good = "Meetings/2025-01-02 - Good.md";
  std::string before = Kith({"facts", "--note", good, "--json"}).out;
  ASSERT_FALSE(before.empty());
  Write(vault_ / good, std::string("\0\1\2binary now", 15));
  RunResult ingest = Kith({"ingest", vault_.string()});
  EXPECT_EQ(ingest.exit_code, 3);
  EXPECT_NE(ingest.out.find(good + ":1: binary"), std::string::npos) << ingest.out;
  EXPECT_EQ(Kith({"facts", "--note", good, "--json"}).out, before);
  // With --prune too: a file that is there but unreadable has not vanished.
  EXPECT_EQ(Kith({"ingest", vault_.string(), "--prune"}).exit_code, 3);
  EXPECT_EQ(Kith({"facts", "--note", good, "--json"}).out, before);

  // Over gRPC the same.
  testing::Background server({KITHD_BIN, "--db", dir_.path() + "/db", "--listen", "127.0.0.1:0"});
  std::string line = server.ReadLine();
  std::string address = line.substr(19, line.find(' ', 19) - 19);
  RunResult remote = RunProcess({KITH_BIN, "--server", address, "ingest", vault_.string()});
  EXPECT_EQ(remote.exit_code, 3) << remote.err;
  EXPECT_EQ(RunProcess({KITH_BIN, "--server", address, "facts", "--note", good, "--json"}).out, before);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

}  // namespace
}  // namespace kith
