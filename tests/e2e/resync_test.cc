// End to end: a re-sync skips files whose size and modification time are as
// stored, re-reads the ones that changed, and --reread reads everything;
// embedded and through kithd.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

namespace fs = std::filesystem;
using testing::RunProcess;
using testing::RunResult;

const std::string kExampleVault = std::string(KITH_SOURCE_DIR) + "/examples/vault";
const std::string kCoffee = "Meetings/2025-11-12 - Coffee with Dmitri.md";

class ResyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(kExampleVault, vault(), fs::copy_options::recursive);
    // Files written moments ago are never trusted unread; age them all.
    for (const auto& entry : fs::recursive_directory_iterator(vault())) {
      if (entry.is_regular_file()) fs::last_write_time(entry.path(), Ago(std::chrono::hours(1)));
    }
  }

  std::string vault() const { return dir_.path() + "/vault"; }
  static fs::file_time_type Ago(std::chrono::seconds age) { return fs::file_time_type::clock::now() - age; }

  nlohmann::json Ingest(std::vector<std::string> extra = {}, const std::string& server = "") {
    std::vector<std::string> args{KITH_BIN, "--db", dir_.path() + "/db"};
    if (!server.empty()) args.insert(args.end(), {"--server", server});
    args.insert(args.end(), {"ingest", vault(), "--json"});
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult run = RunProcess(args);
    EXPECT_EQ(run.exit_code, 0) << run.err << run.out;
    return nlohmann::json::parse(run.out);
  }

  // Replaces `from` with `to` (same length) in the coffee note, then sets its
  // modification time.
  void Rewrite(const std::string& from, const std::string& to, fs::file_time_type when) {
    ASSERT_EQ(from.size(), to.size());
    const std::string path = vault() + "/" + kCoffee;
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    std::string content = text.str();
    for (size_t at; (at = content.find(from)) != std::string::npos;) content.replace(at, from.size(), to);
    std::ofstream(path, std::ios::trunc) << content;
    fs::last_write_time(path, when);
  }

  bool Knows(const std::string& name) {
    return RunProcess({KITH_BIN, "--db", dir_.path() + "/db", "who-knows", name}).exit_code == 0;
  }

  testing::TempDir dir_;
};

TEST_F(ResyncTest, UntouchedFilesAreNotReadAgain) {
  nlohmann::json first = Ingest();
  EXPECT_EQ(first["notes_stored"], 15);
  EXPECT_EQ(first["notes_unread"], 0);
  nlohmann::json again = Ingest();
  EXPECT_EQ(again["notes_read"], 15);
  EXPECT_EQ(again["notes_unchanged"], 15);
  EXPECT_EQ(again["notes_unread"], 15);
  EXPECT_EQ(again["notes_stored"], 0);
}

TEST_F(ResyncTest, AChangedFileOfTheSameSizeIsReadByItsNewTime) {
  Ingest();
  Rewrite("Dmitri Volkov", "Dmitri Vollov", Ago(std::chrono::minutes(30)));
  nlohmann::json changed = Ingest();
  EXPECT_EQ(changed["notes_stored"], 1);
  EXPECT_EQ(changed["notes_unread"], 14);
  EXPECT_TRUE(Knows("Dmitri Vollov"));
}

TEST_F(ResyncTest, RereadFindsAChangeThatKeptSizeAndTime) {
  Ingest();
  // A tool that restores the old time after a same-size edit fools the
  // size-and-time check, as it fools make and rsync; --reread is the way out.
  fs::file_time_type old_time = fs::last_write_time(vault() + "/" + kCoffee);
  Rewrite("Dmitri Volkov", "Dmitri Vollov", old_time);
  EXPECT_EQ(Ingest()["notes_stored"], 0);
  nlohmann::json reread = Ingest({"--reread"});
  EXPECT_EQ(reread["notes_unread"], 0);
  EXPECT_EQ(reread["notes_stored"], 1);
  EXPECT_TRUE(Knows("Dmitri Vollov"));
}

TEST_F(ResyncTest, ATouchedFileIsReadOnceThenSkipped) {
  Ingest();
  fs::last_write_time(vault() + "/" + kCoffee, Ago(std::chrono::minutes(10)));
  nlohmann::json touched = Ingest();
  EXPECT_EQ(touched["notes_stored"], 0);
  EXPECT_EQ(touched["notes_unread"], 14);
  EXPECT_EQ(Ingest()["notes_unread"], 15);
}

TEST_F(ResyncTest, AFileWrittenJustNowIsAlwaysRead) {
  Ingest();
  fs::last_write_time(vault() + "/" + kCoffee, fs::file_time_type::clock::now());
  EXPECT_EQ(Ingest()["notes_unread"], 14);
  EXPECT_EQ(Ingest()["notes_unread"], 14);  // Still too fresh to trust.
}

TEST_F(ResyncTest, ThroughKithdTheSameFilesGoUnread) {
  Ingest();
  testing::Background server({KITHD_BIN, "--db", dir_.path() + "/db", "--listen", "127.0.0.1:0"});
  std::string line = server.ReadLine();
  const std::string prefix = "kithd listening on ";
  ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
  std::string address = line.substr(prefix.size(), line.find(' ', prefix.size()) - prefix.size());
  Rewrite("Dmitri Volkov", "Dmitri Vollov", Ago(std::chrono::minutes(30)));
  nlohmann::json remote = Ingest({}, address);
  EXPECT_EQ(remote["notes_stored"], 1);
  EXPECT_EQ(remote["notes_unread"], 14);
  EXPECT_EQ(Ingest({}, address)["notes_unread"], 15);
}

}  // namespace
}  // namespace kith
