// End to end: the built kith and kithd binaries on real notes.
#include <signal.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

using testing::RunProcess;
using testing::RunResult;

const std::string kSeed = std::string(KITH_SHARED_DIR) + "/corpus/seed";
const std::string kVaultDev = std::string(KITH_SHARED_DIR) + "/corpus/vault-dev";
const std::string kExampleVault = std::string(KITH_SOURCE_DIR) + "/examples/vault";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(kSeed)) << "the shared corpus must be beside the checkout: " << kSeed;
  }

  RunResult Kith(std::vector<std::string> args) {
    args.insert(args.begin(), {KITH_BIN, "--db", db_.path() + "/db"});
    return RunProcess(args);
  }

  // Starts kithd on this test's store and returns its address.
  std::string StartServer(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv{KITHD_BIN, "--db", db_.path() + "/db", "--listen", "127.0.0.1:0"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    server_ = std::make_unique<testing::Background>(argv);
    std::string line = server_->ReadLine();
    const std::string prefix = "kithd listening on ";
    EXPECT_EQ(line.rfind(prefix, 0), 0u) << line;
    return line.substr(prefix.size(), line.find(' ', prefix.size()) - prefix.size());
  }

  testing::TempDir db_;
  std::unique_ptr<testing::Background> server_;
};

TEST_F(CliTest, SeedWhoKnowsRobBangaNamesJasonWithEvidence) {
  RunResult ingest = Kith({"ingest", kSeed});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  RunResult who = Kith({"who-knows", "Rob Banga"});
  ASSERT_EQ(who.exit_code, 0) << who.err;
  EXPECT_NE(who.out.find("Jason Vallery"), std::string::npos) << who.out;
  EXPECT_NE(who.out.find("2025-10-31"), std::string::npos);
  EXPECT_NE(who.out.find("000_a0a4e897fd7c7022.txt"), std::string::npos);
}

TEST_F(CliTest, SeedActionItemsSurviveMisDecodedEmoji) {
  ASSERT_EQ(Kith({"ingest", kSeed}).exit_code, 0);
  RunResult facts = Kith({"facts", "--type", "OWNS_ACTION", "--json"});
  ASSERT_EQ(facts.exit_code, 0) << facts.err;
  std::istringstream lines(facts.out);
  std::string line;
  std::map<std::string, int> owners;
  int count = 0;
  while (std::getline(lines, line)) {
    auto fact = nlohmann::json::parse(line);
    ++count;
    ++owners[fact["args"][0].get<std::string>()];
    EXPECT_EQ(fact["date"], "2025-11-08") << line;  // The due date behind the broken emoji.
    EXPECT_EQ(fact["status"], "proposed");
    EXPECT_EQ(fact["evidence"][0]["path"], "000_a0a4e897fd7c7022.txt");
  }
  EXPECT_EQ(count, 4);
  EXPECT_EQ(owners["Jason Vallery"], 3);  // @Myself is the vault owner.
  EXPECT_EQ(owners["Rob Banga"], 1);
}

TEST_F(CliTest, EmbeddedAndServerOutputsAreByteIdentical) {
  ASSERT_EQ(Kith({"ingest", kSeed, kExampleVault}).exit_code, 0);
  const std::string strength_file = db_.path() + "/strength.yaml";
  std::ofstream(strength_file) << "half_life_days: 30\nknows_weight: 0.2\n";
  const std::vector<std::vector<std::string>> queries = {
      {"who-knows", "Rob Banga"},
      {"who-knows", "rob banga", "--json"},
      {"who-knows", "Samuel Greer", "--limit", "2"},
      {"who-knows", "Maya Lindqvist", "--json"},
      {"who-knows", "Rob Bangaa"},
      {"who-knows", "Nobody Known"},
      {"facts", "--json"},
      {"facts", "--type", "OWNS_ACTION"},
      {"facts", "--type", "NOT_A_TYPE"},
      {"org-chart"},
      {"org-chart", "--format", "json"},
      {"org-chart", "--org", "Northwind Labs", "--format", "mermaid"},
      {"org-chart", "--root", "Tomas Okafor", "--format", "dot"},
      {"org-chart", "--org", "Northwind Labs", "--format", "html"},
      {"introductions"},
      {"introductions", "--by", "Elena Sato", "--json"},
      {"how-met", "Samuel Greer", "Maya Lindqvist"},
      {"how-met", "Tomas Okafor", "Kenji Watanabe", "--json"},
      {"how-met", "Nobody Known", "Maya Lindqvist"},
      {"tasks", "--open"},
      {"tasks", "--owner", "Samuel Greer", "--json"},
      {"tasks", "--due-before", "not-a-date"},
      {"shared-history", "Jason Vallery", "Rob Banga"},
      {"shared-history", "Samuel Greer", "Maya Lindqvist", "--json"},
      {"shared-history", "Samuel Greer", "Maya Lindqvist", "--limit", "1"},
      {"intro-path", "Kenji Watanabe", "Samuel Greer"},
      {"intro-path", "Hannah Brook", "Dmitri Volkov", "--k", "2", "--json"},
      {"profile", "Tomas Okafor"},
      {"profile", "Priya Raman", "--json"},
      {"stats"},
      {"search", "bright", "--json"},
      {"search", "Samule Gree"},
      {"connectors", "Brightwater Analytics"},
      {"connectors", "Northwind", "--json"},
      {"timeline", "Samuel Greer"},
      {"timeline", "Hannah Brook", "--json"},
      {"who-knows", "Samuel Greer", "--as-of", "2025-10-15"},
      {"who-knows", "Samuel Greer", "--as-of", "2025-02-30"},
      {"org-chart", "--as-of", "2025-10-01", "--format", "json"},
      {"profile", "Samuel Greer", "--as-of", "2025-10-02", "--json"},
      {"--strength", strength_file, "who-knows", "Samuel Greer", "--json"},
      {"--strength", strength_file, "intro-path", "Kenji Watanabe", "Samuel Greer"},
      {"profile", "Tom Okafor"},
      {"check"},
      {"check", "--json"},
      {"search", "tom oka", "--json"},
  };
  std::vector<RunResult> embedded;
  for (const auto& q : queries) embedded.push_back(Kith(q));
  std::string address = StartServer();
  for (size_t i = 0; i < queries.size(); ++i) {
    std::vector<std::string> args = {"--server", address};
    args.insert(args.end(), queries[i].begin(), queries[i].end());
    RunResult remote = Kith(args);
    EXPECT_EQ(remote.exit_code, embedded[i].exit_code) << testing::JoinArgs(queries[i]);
    EXPECT_EQ(remote.out, embedded[i].out) << testing::JoinArgs(queries[i]);
    EXPECT_EQ(remote.err, embedded[i].err) << testing::JoinArgs(queries[i]);
  }
  EXPECT_NE(embedded[4].err.find("closest known: Rob Banga"), std::string::npos) << embedded[4].err;
  EXPECT_EQ(server_->Stop(SIGTERM), 0);
}

TEST_F(CliTest, AsOfAndStrengthFileChangeTheAnswer) {
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  auto maya = [](const RunResult& run) {
    EXPECT_EQ(run.exit_code, 0) << run.err;
    nlohmann::json answer = nlohmann::json::parse(run.out);
    for (const auto& p : answer["people"]) {
      if (p["name"] == "Maya Lindqvist") return p;
    }
    ADD_FAILURE() << "Maya Lindqvist is not in " << run.out;
    return nlohmann::json();
  };
  nlohmann::json now = maya(Kith({"who-knows", "Samuel Greer", "--json"}));
  nlohmann::json then = maya(Kith({"who-knows", "Samuel Greer", "--as-of", "2025-10-15", "--json"}));
  EXPECT_EQ(now["last_interaction"], "2025-11-18");
  EXPECT_EQ(then["last_interaction"], "2025-10-14");
  EXPECT_LT(then["interactions"].get<int>(), now["interactions"].get<int>());

  const std::string fast = db_.path() + "/fast.yaml";
  std::ofstream(fast) << "half_life_days: 30\n";
  nlohmann::json decayed = maya(Kith({"--strength", fast, "who-knows", "Samuel Greer", "--json"}));
  EXPECT_LT(decayed["strength"].get<double>(), now["strength"].get<double>());

  const std::string bad = db_.path() + "/bad.yaml";
  std::ofstream(bad) << "half_life_days: 30\nhalflife: 2\n";
  RunResult refused = Kith({"--strength", bad, "who-knows", "Samuel Greer"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("bad.yaml: line 2: unknown parameter 'halflife'"), std::string::npos) << refused.err;

  RunResult before = Kith({"org-chart", "--as-of", "2025-09-01"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_NE(before.out.find("No reporting lines are known."), std::string::npos) << before.out;
}

TEST_F(CliTest, PruneRetractsExactlyWhatVanishedFilesContributed) {
  const std::string vault = db_.path() + "/vault";
  std::filesystem::copy(kExampleVault, vault, std::filesystem::copy_options::recursive);
  ASSERT_EQ(Kith({"ingest", vault}).exit_code, 0);
  const std::string gone = "Meetings/2025-11-12 - Coffee with Dmitri.md";
  std::string before = Kith({"facts", "--json"}).out;
  std::filesystem::remove(vault + "/" + gone);

  RunResult kept = Kith({"ingest", vault, "--json"});  // Without --prune nothing is retracted.
  EXPECT_EQ(nlohmann::json::parse(kept.out)["notes_pruned"], 0);
  EXPECT_EQ(Kith({"facts", "--json"}).out, before);

  RunResult pruned = Kith({"ingest", vault, "--prune", "--json"});
  ASSERT_EQ(pruned.exit_code, 0) << pruned.err;
  EXPECT_EQ(nlohmann::json::parse(pruned.out)["notes_pruned"], 1);
  EXPECT_EQ(Kith({"facts", "--note", gone}).exit_code, 1);
  // Every other note's facts are exactly as before.
  std::string expected;
  std::istringstream lines(before);
  for (std::string line; std::getline(lines, line);) {
    if (nlohmann::json::parse(line)["evidence"][0]["path"] != gone) expected += line + "\n";
  }
  EXPECT_EQ(Kith({"facts", "--json"}).out, expected);
  EXPECT_EQ(Kith({"check"}).exit_code, 0);
  RunResult again = Kith({"ingest", vault, "--prune", "--json"});
  EXPECT_EQ(nlohmann::json::parse(again.out)["notes_pruned"], 0);
  EXPECT_EQ(nlohmann::json::parse(again.out)["notes_stored"], 0);
}

TEST_F(CliTest, BackupThroughKithdRestoresToTheSameAnswers) {
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  std::string before = Kith({"who-knows", "Samuel Greer", "--json"}).out;
  std::string address = StartServer();
  const std::string backup = db_.path() + "/backup";
  RunResult made = Kith({"--server", address, "backup", backup});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_EQ(Kith({"--server", address, "backup", backup}).exit_code, 1);  // Never overwrites.
  RunResult remote_restore = Kith({"--server", address, "restore", backup});
  EXPECT_EQ(remote_restore.exit_code, 1);
  EXPECT_NE(remote_restore.err.find("stop kithd"), std::string::npos) << remote_restore.err;
  EXPECT_EQ(server_->Stop(SIGTERM), 0);

  testing::TempDir other;
  RunResult restored = RunProcess({KITH_BIN, "--db", other.path() + "/db", "restore", backup});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_NE(restored.out.find("no breaches"), std::string::npos) << restored.out;
  EXPECT_EQ(RunProcess({KITH_BIN, "--db", other.path() + "/db", "who-knows", "Samuel Greer", "--json"}).out, before);
}

TEST_F(CliTest, KithdWithTokensServesOnlyClientsThatBringOne) {
  const std::string tokens = db_.path() + "/tokens", reader = db_.path() + "/reader", writer = db_.path() + "/writer";
  std::ofstream(tokens) << "read reader-token-0123456789\nwrite writer-token-0123456789\n";
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::ofstream(reader) << "reader-token-0123456789\n";
  std::ofstream(writer) << "writer-token-0123456789\n";
  std::string address = StartServer({"--auth-token-file", tokens});
  RunResult anonymous = Kith({"--server", address, "stats"});
  EXPECT_EQ(anonymous.exit_code, 1);
  EXPECT_NE(anonymous.err.find("bearer token"), std::string::npos) << anonymous.err;
  RunResult refused = Kith({"--server", address, "--token-file", reader, "ingest", kExampleVault});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("may read but not change"), std::string::npos) << refused.err;
  ASSERT_EQ(Kith({"--server", address, "--token-file", writer, "ingest", kExampleVault}).exit_code, 0);
  RunResult who = Kith({"--server", address, "--token-file", reader, "who-knows", "Samuel Greer"});
  EXPECT_EQ(who.exit_code, 0) << who.err;
  EXPECT_EQ(server_->Stop(SIGTERM), 0);
}

TEST_F(CliTest, IngestOverServerMatchesEmbeddedIngest) {
  testing::TempDir other;
  ASSERT_EQ(RunProcess({KITH_BIN, "--db", other.path(), "ingest", kExampleVault}).exit_code, 0);
  std::string embedded = RunProcess({KITH_BIN, "--db", other.path(), "who-knows", "Maya Lindqvist", "--json"}).out;
  std::string address = StartServer();
  RunResult ingest = Kith({"--server", address, "ingest", kExampleVault, "--json"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_EQ(nlohmann::json::parse(ingest.out)["notes_stored"], 15);
  EXPECT_EQ(Kith({"--server", address, "who-knows", "Maya Lindqvist", "--json"}).out, embedded);
}

TEST_F(CliTest, IngestingTwiceChangesNothing) {
  ASSERT_EQ(Kith({"ingest", kSeed, kExampleVault}).exit_code, 0);
  std::string first = Kith({"who-knows", "Maya Lindqvist", "--json"}).out;
  RunResult again = Kith({"ingest", kSeed, kExampleVault, "--json"});
  ASSERT_EQ(again.exit_code, 0);
  auto report = nlohmann::json::parse(again.out);
  EXPECT_EQ(report["notes_stored"], 0);
  EXPECT_EQ(report["notes_unchanged"], 16);
  EXPECT_EQ(Kith({"who-knows", "Maya Lindqvist", "--json"}).out, first);
}

TEST_F(CliTest, VaultDevIngestAccountsForEveryFile) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kVaultDev)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") ++files;
  }
  RunResult ingest = Kith({"ingest", kVaultDev, "--json"});
  auto report = nlohmann::json::parse(ingest.out);
  EXPECT_EQ(report["notes_read"], files);
  int64_t failed = report["notes_failed"];
  EXPECT_EQ(report["notes_stored"].get<int64_t>() + report["notes_unchanged"].get<int64_t>() + failed,
            static_cast<int64_t>(files));
  for (const auto& problem : report["failed"]) {
    EXPECT_FALSE(problem["reason"].get<std::string>().empty()) << problem;
  }
  EXPECT_EQ(ingest.exit_code, failed > 0 ? 3 : 0);
  EXPECT_EQ(report["owner"], "Jason Vallery");
  RunResult who = Kith({"who-knows", "Rob Banga", "--json"});
  ASSERT_EQ(who.exit_code, 0) << who.err;
  EXPECT_EQ(nlohmann::json::parse(who.out)["people"][0]["name"], "Jason Vallery");
}

TEST_F(CliTest, ExampleVaultAnswersFromQuickstart) {
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  auto who = nlohmann::json::parse(Kith({"who-knows", "samuel greer", "--json"}).out);
  EXPECT_EQ(who["subject"], "Samuel Greer");
  EXPECT_EQ(who["people"][0]["name"], "Maya Lindqvist");
  // Four notes, but two summarise the same intro call: three meetings.
  EXPECT_EQ(who["people"][0]["interactions"], 3);
  EXPECT_EQ(who["people"][0]["evidence"].size(), 4u);
}

TEST_F(CliTest, BadNotesFailWithLocationAndExitStatus) {
  testing::TempDir vault;
  vault.Write("good.md", "---\nparticipants: [Ana Bell, Bo Chen]\n---\n");
  vault.Write("broken.md", "---\ntitle: x\nparticipants: [a\n---\n");
  vault.Write("binary.md", std::string("\x00\x01", 2));
  RunResult ingest = Kith({"ingest", vault.path()});
  EXPECT_EQ(ingest.exit_code, 3);
  EXPECT_NE(ingest.out.find("failed: broken.md:"), std::string::npos) << ingest.out;
  EXPECT_NE(ingest.out.find("failed: binary.md:1: binary file"), std::string::npos) << ingest.out;
  EXPECT_EQ(Kith({"who-knows", "Bo Chen"}).exit_code, 0);
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) out.push_back(nlohmann::json::parse(line));
  return out;
}

bool HasFact(const std::vector<nlohmann::json>& facts, const std::string& type,
             const std::vector<std::string>& args, const std::string& status = "") {
  for (const auto& f : facts) {
    if (f["type"] == type && f["args"] == args && (status.empty() || f["status"] == status)) return true;
  }
  return false;
}

TEST_F(CliTest, SeedRelationsAreRead) {
  ASSERT_EQ(Kith({"ingest", kSeed}).exit_code, 0);
  auto facts = JsonLines(Kith({"facts", "--json"}).out);
  EXPECT_TRUE(HasFact(facts, "REPORTS_TO", {"Jason Vallery", "Jeff Denworth"}));
  EXPECT_TRUE(HasFact(facts, "WORKS_AT", {"Rob Banga", "VAST Data"}, "current"));
  EXPECT_TRUE(HasFact(facts, "WORKS_AT", {"Rob Banga", "NetApp"}, "former"));
  EXPECT_TRUE(HasFact(facts, "WORKED_WITH", {"Carl Rounds", "Rob Banga"}));
  EXPECT_TRUE(HasFact(facts, "WORKED_WITH", {"Jason Vallery", "Carl Rounds"}));
  for (const auto& f : facts) {
    if (f["type"] != "WORKS_AT") continue;
    EXPECT_NE(f["args"][1], "Cisco") << f;  // "Cisco and Unix engineering roles" is no employer.
    EXPECT_NE(f["args"][1], "Yancey") << f;
    EXPECT_NE(f["args"][1], "Renan") << f;
  }
  // The 18 years survive as the relation's detail.
  EXPECT_NE(Kith({"facts", "--type", "WORKS_AT"}).out.find("NetApp) status=former date=2025-10-31 detail=18 years"),
            std::string::npos);
  // Yancey and Renan are people: who-knows resolves them.
  EXPECT_EQ(Kith({"who-knows", "Yancey"}).exit_code, 0);
  EXPECT_EQ(Kith({"who-knows", "Renan"}).exit_code, 0);
}

TEST_F(CliTest, SeedWhoKnowsCarlRoundsFromSentences) {
  ASSERT_EQ(Kith({"ingest", kSeed}).exit_code, 0);
  RunResult who = Kith({"who-knows", "Carl Rounds", "--json"});
  ASSERT_EQ(who.exit_code, 0) << who.err;
  auto people = nlohmann::json::parse(who.out)["people"];
  std::set<std::string> names;
  for (const auto& p : people) {
    names.insert(p["name"]);
    ASSERT_FALSE(p["reasons"].empty()) << p;
    EXPECT_NE(p["reasons"][0]["text"].get<std::string>().find("worked with"), std::string::npos);
    EXPECT_EQ(p["reasons"][0]["path"], "000_a0a4e897fd7c7022.txt");
  }
  EXPECT_EQ(names, (std::set<std::string>{"Jason Vallery", "Rob Banga"}));
}

TEST_F(CliTest, CurationAppliesAtEveryIngestAndOverServer) {
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  // The person page's `aliases:` already makes "Priya R." Priya Raman.
  auto facts = JsonLines(Kith({"facts", "--type", "REPORTS_TO", "--json"}).out);
  EXPECT_TRUE(HasFact(facts, "REPORTS_TO", {"Lucia Moretti", "Priya Raman"}));

  std::string address = StartServer();
  RunResult merge = Kith({"--server", address, "merge", "Maya Lindqvist", "Dmitri Volkov", "--why", "test", "--who", "qa"});
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  ASSERT_EQ(Kith({"--server", address, "ingest", kExampleVault}).exit_code, 0);
  RunResult listed = Kith({"--server", address, "curations", "--json"});
  auto curations = nlohmann::json::parse(listed.out);
  ASSERT_EQ(curations.size(), 1u);
  EXPECT_EQ(curations[0]["kind"], "merge");
  EXPECT_EQ(curations[0]["who"], "qa");
  EXPECT_EQ(curations[0]["why"], "test");
  EXPECT_EQ(Kith({"--server", address, "who-knows", "Dmitri Volkov"}).exit_code, 1);  // merged away
  auto merged = nlohmann::json::parse(Kith({"--server", address, "profile", "Maya Lindqvist", "--json"}).out);
  EXPECT_EQ(merged["aliases"], nlohmann::json::array({"Dmitri Volkov"})) << merged;
  EXPECT_EQ(server_->Stop(SIGTERM), 0);

  // Re-ingesting keeps the merge; unmerge undoes it at the next ingest.
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  EXPECT_EQ(Kith({"who-knows", "Dmitri Volkov"}).exit_code, 1);
  ASSERT_EQ(Kith({"unmerge", "Maya Lindqvist", "Dmitri Volkov"}).exit_code, 0);
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  EXPECT_EQ(Kith({"who-knows", "Dmitri Volkov"}).exit_code, 0);
  auto unmerged = nlohmann::json::parse(Kith({"profile", "Maya Lindqvist", "--json"}).out);
  EXPECT_TRUE(unmerged["aliases"].empty()) << unmerged;
}

TEST_F(CliTest, ExampleVaultProfileShowsAliasesAndAddresses) {
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  auto tomas = nlohmann::json::parse(Kith({"profile", "Tom Okafor", "--json"}).out);
  EXPECT_EQ(tomas["name"], "Tomas Okafor");
  EXPECT_EQ(tomas["aliases"], nlohmann::json::array({"Tom Okafor"}));
  EXPECT_EQ(tomas["emails"], nlohmann::json::array({"tomas.okafor@northwind.example"}));
  auto oren = nlohmann::json::parse(Kith({"profile", "Oren Ashby", "--json"}).out);
  EXPECT_EQ(oren["emails"], nlohmann::json::array({"oren.ashby@northwind.example"}));
  RunResult facts = Kith({"facts", "--type", "HAS_EMAIL"});
  EXPECT_NE(facts.out.find("[e-mail header] Elena Sato <elena.sato@brightwater.example>"), std::string::npos)
      << facts.out;
}

TEST_F(CliTest, SeedSharedHistoryIsTheOctoberMeeting) {
  ASSERT_EQ(Kith({"ingest", kSeed}).exit_code, 0);
  auto h = nlohmann::json::parse(Kith({"shared-history", "Jason Vallery", "Rob Banga", "--json"}).out);
  ASSERT_EQ(h["timeline"].size(), 1u) << h;
  EXPECT_EQ(h["timeline"][0]["kind"], "meeting");
  EXPECT_EQ(h["timeline"][0]["date"], "2025-10-31");
  EXPECT_EQ(h["timeline"][0]["notes"][0]["path"], "000_a0a4e897fd7c7022.txt");
}

// --limit keeps the newest entries and says how many there are; 0 lists all.
TEST_F(CliTest, SharedHistoryLimitKeepsTheNewest) {
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  auto whole = nlohmann::json::parse(Kith({"shared-history", "Samuel Greer", "Maya Lindqvist", "--limit", "0", "--json"}).out);
  const size_t total = whole["timeline"].size();
  ASSERT_GE(total, 3u) << whole;
  EXPECT_EQ(whole["timeline_total"], total);
  auto newest = nlohmann::json::parse(Kith({"shared-history", "Samuel Greer", "Maya Lindqvist", "--limit", "2", "--json"}).out);
  ASSERT_EQ(newest["timeline"].size(), 2u);
  EXPECT_EQ(newest["timeline_total"], total);
  EXPECT_EQ(newest["timeline"][1], whole["timeline"][total - 1]);
  EXPECT_EQ(newest["topics"], whole["topics"]);
  RunResult text = Kith({"shared-history", "Samuel Greer", "Maya Lindqvist", "--limit", "2"});
  EXPECT_NE(text.out.find("(the newest 2 of " + std::to_string(total) + " entries; --limit 0 lists all)"), std::string::npos)
      << text.out;
}

// Topics come most discussed first; a limit keeps the first and the answer
// counts them all, in JSON and in text.
TEST_F(CliTest, SharedHistoryRanksAndLimitsTopics) {
  testing::TempDir vault;
  const std::string people = "participants: [Ana Bell, Bo Chen]\n";
  vault.Write("a.md", "---\ndate: 2025-03-01\n" + people + "entities:\n  projects: ['[[Zeta]]', '[[Beta]]']\n---\n");
  vault.Write("b.md", "---\ndate: 2025-03-02\n" + people + "entities:\n  projects: ['[[Zeta]]', '[[Atlas]]']\n---\n");
  vault.Write("c.md", "---\ndate: 2025-03-03\n" + people + "entities:\n  projects: ['[[Zeta]]', '[[Atlas]]']\n---\n");
  ASSERT_EQ(Kith({"ingest", vault.path()}).exit_code, 0);
  auto whole = nlohmann::json::parse(Kith({"shared-history", "Ana Bell", "Bo Chen", "--limit", "0", "--json"}).out);
  EXPECT_EQ(whole["topics"], nlohmann::json({"Zeta", "Atlas", "Beta"})) << whole;
  EXPECT_EQ(whole["topics_total"], 3);
  auto first = nlohmann::json::parse(Kith({"shared-history", "Ana Bell", "Bo Chen", "--limit", "1", "--json"}).out);
  EXPECT_EQ(first["topics"], nlohmann::json({"Zeta"})) << first;
  EXPECT_EQ(first["topics_total"], 3);
  RunResult text = Kith({"shared-history", "Ana Bell", "Bo Chen", "--limit", "1"});
  EXPECT_NE(text.out.find("Topics of their meetings, the most discussed first (1 of 3):\n  Zeta\n"), std::string::npos)
      << text.out;
}

TEST_F(CliTest, ExampleVaultIntroPathGoesThroughTheOwner) {
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  auto r = nlohmann::json::parse(Kith({"intro-path", "Kenji Watanabe", "Samuel Greer", "--json"}).out);
  ASSERT_FALSE(r["paths"].empty()) << r;
  const auto& best = r["paths"][0];
  ASSERT_EQ(best["hops"].size(), 2u);
  EXPECT_EQ(best["hops"][0]["to"], "Maya Lindqvist");
  EXPECT_EQ(best["hops"][1]["to"], "Samuel Greer");
  EXPECT_EQ(best["weakest"], 0);
  RunResult none = Kith({"intro-path", "Kenji Watanabe", "Samuel Greer", "--max-hops", "1"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_NE(none.out.find("No path of at most 1 hops connects Kenji Watanabe and Samuel Greer"), std::string::npos);
}

TEST_F(CliTest, SeedProfileOfRobBanga) {
  ASSERT_EQ(Kith({"ingest", kSeed}).exit_code, 0);
  auto p = nlohmann::json::parse(Kith({"profile", "rob banga", "--json"}).out);
  EXPECT_EQ(p["name"], "Rob Banga");
  ASSERT_EQ(p["employment"].size(), 2u) << p;
  EXPECT_EQ(p["employment"][0]["organization"], "VAST Data");
  EXPECT_EQ(p["employment"][0]["status"], "current");
  EXPECT_EQ(p["employment"][0]["detail"], "about nine months");
  EXPECT_EQ(p["employment"][1]["organization"], "NetApp");
  EXPECT_EQ(p["employment"][1]["detail"], "18 years");
  EXPECT_EQ(p["connections"][0]["name"], "Jason Vallery");
  EXPECT_EQ(p["open_tasks"].size(), 1u);
  EXPECT_EQ(p["first_interaction"], "2025-10-31");
}

TEST_F(CliTest, SeedTimelineOfRobBanga) {
  ASSERT_EQ(Kith({"ingest", kSeed}).exit_code, 0);
  auto t = nlohmann::json::parse(Kith({"timeline", "rob banga", "--json"}).out);
  EXPECT_EQ(t["name"], "Rob Banga");
  std::set<std::string> kinds;
  std::set<std::string> descriptions;
  for (const auto& e : t["events"]) {
    kinds.insert(e["kind"]);
    descriptions.insert(e["description"]);
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"meeting", "relation", "employment", "task"}));
  EXPECT_TRUE(descriptions.count("Rob Banga works at NetApp (former)")) << t;
  EXPECT_TRUE(descriptions.count("Carl Rounds worked with Rob Banga")) << t;
}

TEST_F(CliTest, SeedOrgChartPutsJasonUnderJeff) {
  ASSERT_EQ(Kith({"ingest", kSeed}).exit_code, 0);
  auto chart = nlohmann::json::parse(Kith({"org-chart", "--json"}).out);
  bool found = false;
  for (const auto& node : chart["nodes"]) {
    if (node["id"] == "Jason Vallery") {
      found = true;
      EXPECT_EQ(node["parentId"], "Jeff Denworth");
      EXPECT_EQ(node["evidencePath"], "000_a0a4e897fd7c7022.txt");
    }
  }
  EXPECT_TRUE(found) << chart;
  EXPECT_NE(Kith({"org-chart"}).out.find("Jeff Denworth\n  Jason Vallery\n"), std::string::npos);
}

TEST_F(CliTest, VaultDevOrgChartHasNoCyclesLeft) {
  Kith({"ingest", kVaultDev});
  RunResult dot = Kith({"org-chart", "--format", "dot"});
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_NE(dot.out.find("\"Jeff Denworth\" -> \"Jason Vallery\";"), std::string::npos) << dot.out;
  auto chart = nlohmann::json::parse(Kith({"org-chart", "--json"}).out);
  std::map<std::string, std::string> parent;
  for (const auto& node : chart["nodes"]) parent[node["id"]] = node["parentId"].is_null() ? "" : node["parentId"].get<std::string>();
  for (const auto& [id, unused] : parent) {  // Every chain ends at a root.
    std::string at = id;
    for (size_t steps = 0; !at.empty(); ++steps) {
      ASSERT_LT(steps, parent.size()) << "cycle through " << id;
      at = parent[at];
    }
  }
}

TEST_F(CliTest, ExampleVaultIntroductionsAndHowMet) {
  ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0);
  auto intros = nlohmann::json::parse(Kith({"introductions", "--by", "Elena Sato", "--json"}).out)["introductions"];
  ASSERT_EQ(intros.size(), 2u) << intros;
  EXPECT_EQ(intros[0]["introduced"], "Samuel Greer");
  EXPECT_EQ(intros[0]["to"], "Maya Lindqvist");
  EXPECT_EQ(intros[1]["introduced"], "Oren Ashby");  // From the e-mail thread's thanks.
  EXPECT_EQ(intros[1]["to"], "Hannah Brook");
  auto met = nlohmann::json::parse(Kith({"how-met", "Kenji Watanabe", "Tomas Okafor", "--json"}).out);
  EXPECT_EQ(met["how"], "first_meeting");
  EXPECT_EQ(met["first_meeting"]["date"], "2025-09-16");
}

// The dev gold (tests/gold/vault-dev.json) is scored on every run; the
// targets are the issue's: P >= 0.90 and R >= 0.80 for the four relations,
// 0.98 for attendance.
TEST_F(CliTest, DevGoldMeetsExtractionTargets) {
  Kith({"ingest", kVaultDev});
  RunResult eval = Kith({"eval", std::string(KITH_SOURCE_DIR) + "/tests/gold/vault-dev.json", "--json"});
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  auto report = nlohmann::json::parse(eval.out);
  EXPECT_TRUE(report["missing_notes"].empty()) << report["missing_notes"];
  for (std::string type : {"REPORTS_TO", "WORKS_AT", "INTRODUCED", "WORKED_WITH"}) {
    EXPECT_GE(report["types"][type]["precision"].get<double>(), 0.90) << type;
    EXPECT_GE(report["types"][type]["recall"].get<double>(), 0.80) << type;
  }
  EXPECT_GE(report["types"]["ATTENDED"]["precision"].get<double>(), 0.98);
  EXPECT_GE(report["types"]["ATTENDED"]["recall"].get<double>(), 0.98);
}

}  // namespace
}  // namespace kith
