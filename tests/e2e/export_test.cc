// kith export, end to end on the example vault: GraphML that Boost.Graph's
// read_graphml parses back with the same counts as the JSON, Neo4j import
// CSVs whose headers and ids agree, DOT that Graphviz renders, and the same
// bytes through kithd.
#include <signal.h>

#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

using testing::RunProcess;
using testing::RunResult;

const std::string kExampleVault = std::string(KITH_SOURCE_DIR) + "/examples/vault";

// Splits one CSV record (quoted fields, "" for a quote, no newlines).
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::vector<std::vector<std::string>> CsvRecords(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> records;
  for (std::string line; std::getline(in, line);) records.push_back(CsvFields(line));
  return records;
}

class CliExportTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(Kith({"ingest", kExampleVault}).exit_code, 0); }
  RunResult Kith(std::vector<std::string> args) {
    args.insert(args.begin(), {KITH_BIN, "--db", dir_.path() + "/db"});
    return RunProcess(args);
  }
  testing::TempDir dir_;
};

TEST_F(CliExportTest, GraphmlParsesBackWithTheJsonCounts) {
  nlohmann::json json = nlohmann::json::parse(Kith({"export"}).out);
  ASSERT_GT(json["nodes"].size(), 20u);
  RunResult graphml = Kith({"export", "--format", "graphml"});
  ASSERT_EQ(graphml.exit_code, 0) << graphml.err;

  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                      boost::property<boost::vertex_name_t, std::string>,
                                      boost::property<boost::edge_name_t, std::string>>;
  Graph graph;
  boost::dynamic_properties properties(boost::ignore_other_properties);
  properties.property("name", boost::get(boost::vertex_name, graph));
  properties.property("type", boost::get(boost::edge_name, graph));
  std::istringstream in(graphml.out);
  ASSERT_NO_THROW(boost::read_graphml(in, graph, properties));
  EXPECT_EQ(boost::num_vertices(graph), json["nodes"].size());
  EXPECT_EQ(boost::num_edges(graph), json["edges"].size());
  std::set<std::string> names;
  for (auto v : boost::make_iterator_range(boost::vertices(graph))) names.insert(boost::get(boost::vertex_name, graph, v));
  EXPECT_TRUE(names.count("Samuel Greer"));
  EXPECT_TRUE(names.count("Brightwater Analytics"));
}

TEST_F(CliExportTest, Neo4jCsvHeadersAndIdsAgree) {
  const std::string out = dir_.path() + "/neo4j";
  RunResult wrote = Kith({"export", "--format", "neo4j-csv", "-o", out});
  ASSERT_EQ(wrote.exit_code, 0) << wrote.err;
  std::set<std::string> ids;
  size_t nodes = 0;
  for (const char* file : {"persons.csv", "organizations.csv", "topics.csv", "notes.csv"}) {
    auto records = CsvRecords(out + "/" + file);
    ASSERT_FALSE(records.empty()) << file;
    EXPECT_EQ(records[0][0], "id:ID") << file;
    EXPECT_EQ(records[0].back(), ":LABEL") << file;
    for (size_t i = 1; i < records.size(); ++i) {
      ASSERT_EQ(records[i].size(), records[0].size()) << file << " record " << i;
      EXPECT_TRUE(ids.insert(records[i][0]).second) << "duplicate id " << records[i][0];
      ++nodes;
    }
  }
  auto relationships = CsvRecords(out + "/relationships.csv");
  ASSERT_GT(relationships.size(), 1u);
  EXPECT_EQ(relationships[0][0], ":START_ID");
  EXPECT_EQ(relationships[0][1], ":END_ID");
  EXPECT_EQ(relationships[0][2], ":TYPE");
  for (size_t i = 1; i < relationships.size(); ++i) {
    ASSERT_EQ(relationships[i].size(), relationships[0].size()) << "relationship " << i;
    EXPECT_TRUE(ids.count(relationships[i][0])) << relationships[i][0];
    EXPECT_TRUE(ids.count(relationships[i][1])) << relationships[i][1];
    EXPECT_FALSE(relationships[i][2].empty());
  }
  nlohmann::json json = nlohmann::json::parse(Kith({"export"}).out);
  EXPECT_EQ(nodes, json["nodes"].size());
  EXPECT_EQ(relationships.size() - 1, json["edges"].size());
  EXPECT_EQ(Kith({"export", "--format", "neo4j-csv"}).exit_code, 1);  // Needs -o.
}

TEST_F(CliExportTest, DotRendersWithGraphviz) {
  const std::string dot = dir_.path() + "/graph.dot";
  ASSERT_EQ(Kith({"export", "--format", "dot", "-o", dot}).exit_code, 0);
  ASSERT_TRUE(std::filesystem::exists("/usr/bin/dot")) << "Graphviz is missing: run tools/bootstrap";
  RunResult rendered = RunProcess({"/usr/bin/dot", "-Tsvg", dot, "-o", dir_.path() + "/graph.svg"});
  EXPECT_EQ(rendered.exit_code, 0) << rendered.err;
  EXPECT_GT(std::filesystem::file_size(dir_.path() + "/graph.svg"), 1000u);
}

TEST_F(CliExportTest, GraphOfAPersonIsDrawnByGraphviz) {
  nlohmann::json hood = nlohmann::json::parse(Kith({"graph", "Samuel Greer", "--json"}).out);
  EXPECT_EQ(hood["center"], "Samuel Greer");
  EXPECT_EQ(hood["people"][0]["name"], "Samuel Greer");
  EXPECT_EQ(hood["people"][0]["organization"], "Brightwater Analytics");
  ASSERT_GT(hood["ties"].size(), 3u);
  RunResult dot = Kith({"graph", "Samuel Greer", "--depth", "1"});
  EXPECT_NE(dot.out.find("subgraph cluster_"), std::string::npos) << dot.out;
  EXPECT_NE(dot.out.find("label=\"Brightwater Analytics\""), std::string::npos);
  for (const char* format : {"svg", "png"}) {
    const std::string path = dir_.path() + "/samuel." + format;
    RunResult drawn = Kith({"graph", "Samuel Greer", "--format", format, "-o", path});
    ASSERT_EQ(drawn.exit_code, 0) << drawn.err;
    std::ifstream in(path, std::ios::binary);
    std::string head(8, '\0');
    in.read(head.data(), 8);
    if (std::string(format) == "png") {
      EXPECT_EQ(head.substr(1, 3), "PNG");
    } else {
      EXPECT_NE(head.find('<'), std::string::npos);
    }
  }
  EXPECT_EQ(Kith({"graph", "Nobody Known"}).exit_code, 1);
}

TEST_F(CliExportTest, KithdStreamsTheSameExport) {
  std::string embedded = Kith({"export", "--format", "graphml"}).out;
  std::string embedded_graph = Kith({"graph", "Samuel Greer"}).out;
  ASSERT_FALSE(embedded_graph.empty());
  testing::Background server({KITHD_BIN, "--db", dir_.path() + "/db", "--listen", "127.0.0.1:0"});
  std::string line = server.ReadLine();
  std::string address = line.substr(19, line.find(' ', 19) - 19);
  RunResult remote = RunProcess({KITH_BIN, "--server", address, "export", "--format", "graphml"});
  EXPECT_EQ(remote.exit_code, 0) << remote.err;
  EXPECT_EQ(remote.out, embedded);
  EXPECT_EQ(RunProcess({KITH_BIN, "--server", address, "graph", "Samuel Greer"}).out, embedded_graph);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

}  // namespace
}  // namespace kith
