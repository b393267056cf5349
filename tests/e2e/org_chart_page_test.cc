// kith org-chart --format html, opened in a real browser: headless Debian
// Chromium with a fresh profile and every host unresolvable, so the page
// must work from the file alone. The test reads the DOM the page's script
// built (--dump-dom) and saves screenshots into the test output folder.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

namespace fs = std::filesystem;
using testing::JoinArgs;
using testing::RunProcess;
using testing::RunResult;

const std::string kOutputDir = std::string(KITH_TEST_OUTPUT_DIR) + "/org_chart_page";

// Spaces and the like in a fragment, as a browser's address bar writes them.
std::string Encoded(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
      out += char(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

std::string Chromium() {
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (fs::exists(candidate)) return candidate;
  }
  return "";
}

class OrgChartPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = Chromium();
    ASSERT_FALSE(chromium_.empty())
        << "Chromium is not installed: run tools/bootstrap (it installs Debian's chromium package)";
    fs::create_directories(kOutputDir);
  }

  RunResult Kith(std::vector<std::string> args) {
    args.insert(args.begin(), {KITH_BIN, "--db", dir_.path() + "/db"});
    RunResult r = RunProcess(args);
    EXPECT_EQ(r.exit_code, 0) << JoinArgs(args) << "\n" << r.err;
    return r;
  }

  std::vector<std::string> BrowserArgs() {
    // A fresh profile per run; no network at all (every host resolves to
    // nothing), so an inlined library that tried to fetch would show.
    return {chromium_,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + dir_.path() + "/profile-" + std::to_string(runs_++),
            "--virtual-time-budget=5000"};
  }

  // The DOM after the page's script ran, for `page` opened with `hash`.
  std::string Dom(const std::string& page, const std::string& hash) {
    std::vector<std::string> args = BrowserArgs();
    args.push_back("--dump-dom");
    args.push_back("file://" + page + hash);
    RunResult r = RunProcess(args);
    EXPECT_EQ(r.exit_code, 0) << JoinArgs(args) << "\n" << r.err;
    EXPECT_NE(r.out.find("data-ready=\"true\""), std::string::npos) << "the page's script did not finish";
    return r.out;
  }

  void Screenshot(const std::string& page, const std::string& hash, const std::string& png) {
    std::vector<std::string> args = BrowserArgs();
    args.insert(args.end(), {"--window-size=1400,900", "--hide-scrollbars", "--screenshot=" + png,
                             "file://" + page + hash});
    fs::remove(png);
    RunResult r = RunProcess(args);
    ASSERT_EQ(r.exit_code, 0) << JoinArgs(args) << "\n" << r.err;
    std::ifstream in(png, std::ios::binary);
    std::string magic(8, '\0');
    in.read(magic.data(), 8);
    EXPECT_EQ(magic, "\x89PNG\r\n\x1a\n") << png;
    EXPECT_GT(fs::file_size(png), 10'000u) << png << " is too small to show a chart";
  }

  static std::string Card(const std::string& id, bool highlighted) {
    return "data-id=\"" + id + "\" data-highlighted=\"" + (highlighted ? "true" : "false") + "\"";
  }

  static size_t Count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
  }

  testing::TempDir dir_;
  std::string chromium_;
  int runs_ = 0;
};

TEST_F(OrgChartPageTest, ExampleVaultChartShowsEveryoneFindsByNameAndOpensProfiles) {
  Kith({"ingest", std::string(KITH_SOURCE_DIR) + "/examples/vault"});
  const std::string page = kOutputDir + "/example-vault.html";
  Kith({"org-chart", "--format", "html", "-o", page});
  std::ifstream in(page);
  std::stringstream html;
  html << in.rdbuf();
  EXPECT_EQ(html.str().find("<script src"), std::string::npos) << "the page must not load scripts from elsewhere";

  auto chart = nlohmann::json::parse(Kith({"org-chart", "--json"}).out);
  std::string dom = Dom(page, "");
  std::vector<std::string> people;
  for (const auto& node : chart["nodes"]) {
    if (node["id"] == "__kith_root__") continue;
    people.push_back(node["name"]);
    EXPECT_NE(dom.find(Card(node["name"], false)), std::string::npos) << node["name"] << " has no card";
  }
  ASSERT_GE(people.size(), 3u);
  EXPECT_EQ(Count(dom, "data-highlighted=\"true\""), 0u);

  // Searching by the start of a family name, in lower case, highlights that
  // person's card and no other. The query is the shortest prefix of the
  // last chart person's family name that no one else's name matches.
  const std::string target = people.back();
  std::string family = target.substr(target.find(' ') + 1), query;
  for (size_t n = 2; n <= family.size() && query.empty(); ++n) {
    std::string prefix = family.substr(0, n);
    int matches = 0;
    for (const std::string& p : people) {
      for (size_t at = 0; at != std::string::npos; at = p.find(' ', at + 1)) {
        if (p.compare(at == 0 ? 0 : at + 1, n, prefix) == 0) ++matches;
      }
    }
    if (matches == 1) query = prefix;
  }
  ASSERT_FALSE(query.empty());
  for (char& c : query) c = char(std::tolower(static_cast<unsigned char>(c)));
  std::string searched = Dom(page, "#search=" + Encoded(query));
  EXPECT_NE(searched.find(Card(target, true)), std::string::npos) << "searching '" << query << "'";
  EXPECT_EQ(Count(searched, "data-highlighted=\"true\""), 1u);
  EXPECT_NE(searched.find("<body data-highlighted=\"" + target + "\""), std::string::npos);

  // A person's side panel lists the same top connections as kith profile.
  auto profile = nlohmann::json::parse(Kith({"profile", target, "--json"}).out);
  std::string opened = Dom(page, "#person=" + Encoded(target));
  size_t panel = opened.find("<aside id=\"panel\"");
  ASSERT_NE(panel, std::string::npos);
  std::string side = opened.substr(panel, opened.find("</aside>", panel) - panel);
  EXPECT_NE(side.find("class=\"open\""), std::string::npos);
  EXPECT_NE(side.find("<h2>" + target + "</h2>"), std::string::npos);
  ASSERT_FALSE(profile["connections"].empty());
  for (const auto& c : profile["connections"]) {
    EXPECT_NE(side.find(c["name"].get<std::string>()), std::string::npos) << c["name"] << " missing from the panel";
  }
  Screenshot(page, "#search=" + Encoded(query), kOutputDir + "/example-vault-search.png");
}

TEST_F(OrgChartPageTest, PeopleWithNoKnownManagerAreGroupedApart) {
  Kith({"ingest", std::string(KITH_SOURCE_DIR) + "/examples/vault"});
  auto chart = nlohmann::json::parse(Kith({"org-chart", "--org", "Northwind Labs", "--json"}).out);
  ASSERT_FALSE(chart["unattached"].empty());
  const std::string page = kOutputDir + "/example-vault-org.html";
  Kith({"org-chart", "--org", "Northwind Labs", "--format", "html", "-o", page});
  std::string dom = Dom(page, "");
  size_t group = dom.find(Card("__kith_unattached__", false));
  ASSERT_NE(group, std::string::npos);
  EXPECT_NE(dom.find("No known manager", group), std::string::npos);
  for (const auto& p : chart["unattached"]) {
    EXPECT_NE(dom.find(Card(p["name"], false)), std::string::npos) << p["name"];
  }
}

// 1,000+ people: the page opens with two levels of people drawn and the
// rest collapsed, and a search reaches someone deep down.
TEST_F(OrgChartPageTest, LargeChartOpensCollapsedAndSearchReachesDeepPeople) {
  const std::string vault = dir_.path() + "/vault";
  Kith({"gen", vault, "--notes", "5000", "--seed", "11"});
  Kith({"ingest", vault});
  auto chart = nlohmann::json::parse(Kith({"org-chart", "--json"}).out);
  std::map<std::string, std::string> parent;
  for (const auto& node : chart["nodes"]) {
    parent[node["id"]] = node["parentId"].is_null() ? "" : node["parentId"].get<std::string>();
  }
  auto depth = [&](std::string id) {
    int d = 0;
    while (!parent[id].empty() && parent[id] != "__kith_root__") id = parent[id], ++d;
    return d;  // 0: a top manager.
  };
  std::string deep;
  size_t shallow = 0;
  for (const auto& [id, p] : parent) {
    if (id == "__kith_root__") continue;
    if (depth(id) <= 1) ++shallow;
    if (depth(id) >= 3 && deep.empty()) deep = id;
  }
  ASSERT_GE(parent.size(), 1000u) << "the generated vault should chart 1,000+ people";
  ASSERT_FALSE(deep.empty());

  const std::string page = kOutputDir + "/large.html";
  Kith({"org-chart", "--format", "html", "-o", page});
  std::string dom = Dom(page, "");
  size_t cards = Count(dom, "data-highlighted=\"false\"");
  EXPECT_EQ(cards, shallow + 1) << "top managers and their reports, plus the root, are drawn; nobody else";
  EXPECT_EQ(dom.find(Card(deep, false)), std::string::npos);

  std::string searched = Dom(page, "#search=" + Encoded(deep));
  EXPECT_NE(searched.find(Card(deep, true)), std::string::npos) << deep << " was not expanded to and highlighted";
  Screenshot(page, "#search=" + Encoded(deep), kOutputDir + "/large-search.png");
}

}  // namespace
}  // namespace kith
