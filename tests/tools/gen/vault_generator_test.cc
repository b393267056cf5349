#include "tools/gen/vault_generator.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/kith.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"
#include "tools/gen/synthetic_names.h"

namespace kith::gen {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> ReadTree(const std::string& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    files[fs::relative(entry.path(), root).string()] = text.str();
  }
  return files;
}

TEST(SyntheticNamesTest, NamesAreUniqueAndWellFormed) {
  std::set<std::string> people, organizations, topics;
  for (size_t i = 0; i < 20000; ++i) {
    std::string name = PersonName(i * 33);  // Spread over the whole space.
    ASSERT_EQ(std::count(name.begin(), name.end(), ' '), 1) << name;
    ASSERT_NE(name.front(), ' ');
    ASSERT_TRUE(people.insert(name).second) << name;
  }
  for (size_t i = 0; i < kMaxOrganizations; ++i) ASSERT_TRUE(organizations.insert(OrganizationName(i)).second);
  for (size_t i = 0; i < kMaxTopics; ++i) ASSERT_TRUE(topics.insert(TopicTag(i)).second);
  EXPECT_EQ(MailboxOf("Ada Ashaby"), "ada.ashaby");
}

TEST(VaultGeneratorTest, SameSeedSameBytesOtherSeedOtherVault) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(GenSummary a, GenerateVault({.notes = 300, .seed = 7}, dir.path() + "/a"));
  ASSERT_OK_AND_ASSIGN(GenSummary b, GenerateVault({.notes = 300, .seed = 7}, dir.path() + "/b"));
  ASSERT_OK(GenerateVault({.notes = 300, .seed = 8}, dir.path() + "/c").status());
  EXPECT_EQ(a.notes, 300);
  EXPECT_EQ(a.meetings + a.person_pages + a.organization_pages + a.emails, a.notes);
  EXPECT_EQ(a.bytes, b.bytes);
  auto files = ReadTree(dir.path() + "/a");
  EXPECT_EQ(files.size(), 300u);
  EXPECT_EQ(files, ReadTree(dir.path() + "/b"));
  EXPECT_NE(files, ReadTree(dir.path() + "/c"));
}

TEST(VaultGeneratorTest, RefusesANonEmptyDirectory) {
  testing::TempDir dir;
  dir.Write("keep.md", "mine");
  EXPECT_EQ(GenerateVault({.notes = 10}, dir.path()).status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_TRUE(fs::exists(dir.path() + "/keep.md"));
}

// The generated vault is only useful if kith reads it the way it was
// meant: every reporting line kith finds is a true one, and popularity
// makes hubs.
TEST(VaultGeneratorTest, KithReadsTheGeneratedReportingLinesTruthfully) {
  testing::TempDir dir;
  const std::string vault = dir.path() + "/vault", truth_path = dir.path() + "/truth.json";
  ASSERT_OK_AND_ASSIGN(GenSummary summary, GenerateVault({.notes = 1000, .seed = 3, .truth_path = truth_path}, vault));
  std::ifstream truth_file(truth_path);
  nlohmann::json truth = nlohmann::json::parse(truth_file);
  std::map<std::string, std::string> manager_of;
  for (const auto& p : truth["people"]) manager_of[p["name"]] = p["manager"];
  ASSERT_EQ(manager_of.size(), size_t(summary.people));

  ASSERT_OK_AND_ASSIGN(auto engine, Engine::Open({}, dir.path() + "/db"));
  auto session = engine->BeginIngest({});
  for (const auto& [path, text] : ReadTree(vault)) session->Add(path, text);
  ASSERT_OK_AND_ASSIGN(IngestReport report, session->Finish());
  EXPECT_TRUE(report.failed.empty());
  EXPECT_EQ(report.notes_stored, summary.notes);
  ASSERT_OK_AND_ASSIGN(query::OrgChart chart, engine->OrgChart({}));
  size_t lines = 0;
  for (const query::OrgNode& node : chart.people) {
    if (node.manager.empty()) continue;
    ++lines;
    ASSERT_TRUE(manager_of.count(node.name)) << node.name << " is nobody the generator made";
    EXPECT_EQ(node.manager, manager_of[node.name]) << node.name;
  }
  EXPECT_GT(lines, 150u);
  ASSERT_OK_AND_ASSIGN(query::WhoKnowsResult hub, engine->WhoKnows({.name = truth["owner"], .limit = 1000}));
  EXPECT_GT(hub.people.size(), 100u);
}

}  // namespace
}  // namespace kith::gen
