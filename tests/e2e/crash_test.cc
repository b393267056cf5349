// Crash safety, end to end: a real ingest of vault-dev is killed with
// SIGKILL at random moments, in turn `kith` ingesting in-process and
// `kithd` receiving the notes from `kith --server`. After every kill the store must keep all
// its invariants (`kith check`), and finishing the ingest must leave the
// same facts as a clean run. Bounded: at most kRounds kills or kBudget.
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

using testing::RunProcess;
using testing::RunResult;

const std::string kVaultDev = std::string(KITH_SHARED_DIR) + "/corpus/vault-dev";
constexpr int kRounds = 32;
constexpr auto kBudget = std::chrono::seconds(90);
// Every this many kills the store starts afresh, so that kills land in
// the early, write-heavy part of an ingest as often as in the later one.
constexpr int kRoundsPerStore = 2;

RunResult Kith(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {KITH_BIN, "--db", db});
  return RunProcess(args);
}

double Seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

TEST(CrashTest, KilledIngestLeavesAConsistentStoreAndResumesToTheCleanState) {
  ASSERT_TRUE(std::filesystem::exists(kVaultDev)) << kVaultDev;
  testing::TempDir dir;
  const std::string clean = dir.path() + "/clean";
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Kith(clean, {"ingest", kVaultDev}).exit_code, 3);  // vault-dev holds three empty notes.
  const double ingest_seconds = Seconds(std::chrono::steady_clock::now() - start);

  const unsigned seed = std::random_device()();
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> when(0.0, ingest_seconds * 0.9);
  SCOPED_TRACE("seed " + std::to_string(seed));

  const std::string crashed = dir.path() + "/crashed";
  int kills = 0, finished_first = 0, server_kills = 0;
  auto deadline = std::chrono::steady_clock::now() + kBudget;
  for (int round = 0; round < kRounds && std::chrono::steady_clock::now() < deadline; ++round) {
    if (round % kRoundsPerStore == 0) std::filesystem::remove_all(crashed);
    double delay = when(random);
    bool server_round = round % 2 == 1;
    int code = 0;
    if (server_round) {
      testing::Background kithd({KITHD_BIN, "--db", crashed, "--listen", "127.0.0.1:0"});
      std::string line = kithd.ReadLine();
      ASSERT_EQ(line.rfind("kithd listening on ", 0), 0u) << line;
      std::string address = line.substr(19, line.find(' ', 19) - 19);
      testing::Background client({KITH_BIN, "--server", address, "ingest", kVaultDev});
      std::this_thread::sleep_for(std::chrono::duration<double>(delay));
      kithd.Stop(SIGKILL);
      // The client's status tells whether the stream had completed (3:
      // stored, with vault-dev's empty notes failed) or was cut off.
      int client_code = client.Stop(SIGKILL);
      code = client_code == 3 ? 0 : -1;
      if (code == -1) ++server_kills;
    } else {
      testing::Background ingest({KITH_BIN, "--db", crashed, "ingest", kVaultDev});
      std::this_thread::sleep_for(std::chrono::duration<double>(delay));
      code = ingest.Stop(SIGKILL);
    }
    if (code == -1) {
      ++kills;
    } else {
      ++finished_first;  // It ended before the signal: still a valid state.
    }
    RunResult check = Kith(crashed, {"check"});
    ASSERT_EQ(check.exit_code, 0) << "after a kill at " << delay << " s: " << check.out << check.err;
  }
  std::cout << "crash points: " << kills << " killed (" << server_kills << " of them kithd), " << finished_first
            << " finished first, seed " << seed
            << ", clean ingest " << ingest_seconds << " s\n";
  EXPECT_GE(kills, kRounds / 2);

  ASSERT_EQ(Kith(crashed, {"ingest", kVaultDev}).exit_code, 3);
  ASSERT_EQ(Kith(crashed, {"check"}).exit_code, 0);
  for (const std::vector<std::string>& query :
       {std::vector<std::string>{"facts", "--json"}, {"stats"}, {"who-knows", "Jason Vallery", "--json"}}) {
    RunResult want = Kith(clean, query), got = Kith(crashed, query);
    ASSERT_EQ(want.exit_code, 0) << want.err;
    EXPECT_TRUE(got.out == want.out) << query[0] << " differs after resuming";
  }
}

}  // namespace
}  // namespace kith
