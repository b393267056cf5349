// The Node.js example client (examples/clients/node) against a live kithd:
// it loads proto/kith/v1/kith.proto and must name the same people, with the
// same strengths, as `kith who-knows`. Its npm packages are installed from
// the lock file into the build tree on first run.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

namespace fs = std::filesystem;
using testing::RunProcess;
using testing::RunResult;

const std::string kClientDir = std::string(KITH_SOURCE_DIR) + "/examples/clients/node";
const std::string kModulesDir = std::string(KITH_BINARY_DIR) + "/node-client";
const std::string kToken = "node-client-token-0123456789";

// Installs the client's locked npm packages into the build tree, once.
std::string InstallClientPackages() {
  // ctest runs this file's tests in parallel processes: one installs while
  // the others wait on the lock, then find the packages in place.
  fs::create_directories(kModulesDir);
  int lock_fd = ::open((kModulesDir + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
  if (lock_fd < 0 || ::flock(lock_fd, LOCK_EX) != 0) return "cannot lock " + kModulesDir + ".lock";
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{lock_fd};
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  // Installed already, from the same lock file.
  if (fs::exists(kModulesDir + "/node_modules/.package-lock.json") &&
      read(kModulesDir + "/package-lock.json") == read(kClientDir + "/package-lock.json")) {
    return "";
  }
  if (!fs::exists("/usr/bin/node") || !fs::exists("/usr/bin/npm")) return "node and npm are needed (Debian nodejs, npm)";
  fs::create_directories(kModulesDir);
  for (const char* file : {"package.json", "package-lock.json"}) {
    fs::copy_file(kClientDir + "/" + file, kModulesDir + "/" + file, fs::copy_options::overwrite_existing);
  }
  RunResult npm = RunProcess({"/usr/bin/npm", "ci", "--no-audit", "--no-fund", "--prefix", kModulesDir});
  if (npm.exit_code != 0) return "npm ci failed (the npm registry must be reachable): " + npm.err;
  return "";
}

TEST(NodeClientTest, AsksKithdWhoKnowsSomeoneWithTheProtoFile) {
  std::string problem = InstallClientPackages();
  ASSERT_TRUE(problem.empty()) << problem;
  testing::TempDir dir;
  const std::string db = dir.path() + "/db";
  ASSERT_EQ(RunProcess({KITH_BIN, "--db", db, "ingest", std::string(KITH_SOURCE_DIR) + "/examples/vault"}).exit_code, 0);
  nlohmann::json want = nlohmann::json::parse(RunProcess({KITH_BIN, "--db", db, "who-knows", "Samuel Greer", "--json"}).out);

  const std::string tokens = dir.path() + "/tokens";
  std::ofstream(tokens) << "read " << kToken << "\n";
  fs::permissions(tokens, fs::perms::owner_read | fs::perms::owner_write);
  testing::Background server({KITHD_BIN, "--db", db, "--listen", "127.0.0.1:0", "--auth-token-file", tokens});
  std::string line = server.ReadLine();
  ASSERT_EQ(line.rfind("kithd listening on ", 0), 0u) << line;
  std::string address = line.substr(19, line.find(' ', 19) - 19);

  const std::vector<std::string> node = {"/usr/bin/env", "NODE_PATH=" + kModulesDir + "/node_modules", "/usr/bin/node",
                                         kClientDir + "/who_knows.js", address, "Samuel Greer"};
  std::vector<std::string> with_token = node;
  with_token.insert(with_token.end(), {"--limit", "20", "--token", kToken});
  RunResult answer = RunProcess(with_token);
  ASSERT_EQ(answer.exit_code, 0) << answer.err;
  std::istringstream lines(answer.out);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header, "Who knows Samuel Greer:");
  size_t i = 0;
  for (std::string row; std::getline(lines, row); ++i) {
    ASSERT_LT(i, want["people"].size()) << row;
    const auto& person = want["people"][i];
    char strength[16];
    std::snprintf(strength, sizeof strength, "%.3f", person["strength"].get<double>());
    EXPECT_NE(row.find(person["name"].get<std::string>()), std::string::npos) << row;
    EXPECT_NE(row.find(std::string("strength ") + strength), std::string::npos) << row;
  }
  EXPECT_EQ(i, want["people"].size());

  RunResult anonymous = RunProcess(node);
  EXPECT_EQ(anonymous.exit_code, 1);
  EXPECT_NE(anonymous.err.find("bearer token"), std::string::npos) << anonymous.err;
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

// A generic client needs no .proto file: reflect.js learns the service
// from kithd's server reflection and must get the same answer.
TEST(NodeClientTest, CallsKithdThroughServerReflection) {
  std::string problem = InstallClientPackages();
  ASSERT_TRUE(problem.empty()) << problem;
  testing::TempDir dir;
  const std::string db = dir.path() + "/db";
  ASSERT_EQ(RunProcess({KITH_BIN, "--db", db, "ingest", std::string(KITH_SOURCE_DIR) + "/examples/vault"}).exit_code, 0);
  testing::Background server({KITHD_BIN, "--db", db, "--listen", "127.0.0.1:0"});
  std::string line = server.ReadLine();
  ASSERT_EQ(line.rfind("kithd listening on ", 0), 0u) << line;
  std::string address = line.substr(19, line.find(' ', 19) - 19);
  auto client = [&](const std::string& script) {
    return RunProcess({"/usr/bin/env", "NODE_PATH=" + kModulesDir + "/node_modules", "/usr/bin/node",
                       kClientDir + "/" + script, address, "Samuel Greer", "--limit", "20"});
  };
  RunResult reflected = client("reflect.js");
  ASSERT_EQ(reflected.exit_code, 0) << reflected.err;
  RunResult with_proto = client("who_knows.js");
  ASSERT_EQ(with_proto.exit_code, 0) << with_proto.err;
  std::string methods = reflected.out.substr(0, reflected.out.find('\n'));
  for (const char* method : {"WhoKnows", "OrgChart", "Export", "Neighbourhood", "IntroPath", "Profile"}) {
    EXPECT_NE(methods.find(std::string(" ") + method), std::string::npos) << methods;
  }
  EXPECT_EQ(reflected.out.substr(methods.size() + 1), with_proto.out);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

}  // namespace
}  // namespace kith
