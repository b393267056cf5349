#include "tools/bench/kuzu_peer.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "engine/util/status_macros.h"

namespace kith::bench {
namespace {

namespace fs = std::filesystem;

const std::string kPeerSources = KITH_BENCH_KUZU_DIR;

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// For /bin/sh: the whole word in single quotes.
std::string ShellWord(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// One CSV field, quoted, with quotes doubled (Kùzu's default quote and escape).
std::string Field(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

class CsvFile {
 public:
  CsvFile(const std::string& path, const char* header) : path_(path), out_(path) { out_ << header << '\n'; }
  std::ofstream& out() { return out_; }
  absl::Status Close() {
    out_.close();
    if (!out_) return absl::InternalError(absl::StrCat("cannot write ", path_));
    return absl::OkStatus();
  }

 private:
  std::string path_;
  std::ofstream out_;
};

absl::Status WriteNamed(const std::vector<PeerGraph::Named>& rows, const std::string& path) {
  CsvFile csv(path, "name");
  std::unordered_set<std::string> seen;
  for (const PeerGraph::Named& n : rows) {
    // Kùzu keys people by name, so a name twice would be two people to kith
    // and one to Kùzu: refuse rather than compare different graphs.
    if (!seen.insert(n.name).second) return absl::FailedPreconditionError(absl::StrCat("two entities named ", n.name));
    csv.out() << Field(n.name) << '\n';
  }
  return csv.Close();
}

Series ToSeries(const char* name, const nlohmann::json& micros) {
  Series s{.query = name};
  for (const nlohmann::json& m : micros) s.micros.push_back(m.get<double>());
  return s;
}

}  // namespace

absl::Status InstallKuzu(const std::string& work_dir) {
  fs::create_directories(work_dir);
  const std::string lock = Slurp(kPeerSources + "/package-lock.json");
  const bool installed = fs::exists(work_dir + "/node_modules/kuzu/kuzujs.node") &&
                         Slurp(work_dir + "/package-lock.json") == lock;
  if (!installed) {
    for (const char* file : {"package.json", "package-lock.json"}) {
      fs::copy_file(kPeerSources + "/" + file, work_dir + "/" + file, fs::copy_options::overwrite_existing);
    }
    std::fprintf(stderr, "peers: installing the npm package kuzu into %s\n", work_dir.c_str());
    std::string npm = absl::StrCat("npm ci --no-audit --no-fund --prefix ", ShellWord(work_dir), " 1>&2");
    if (std::system(npm.c_str()) != 0) return absl::UnavailableError("npm ci failed: the npm registry must be reachable");
    // kuzu's install script copies its prebuilt binary into place; npm
    // versions that hold back install scripts leave that undone.
    if (!fs::exists(work_dir + "/node_modules/kuzu/kuzujs.node")) {
      std::string script = absl::StrCat("cd ", ShellWord(work_dir + "/node_modules/kuzu"), " && node install.js 1>&2");
      if (std::system(script.c_str()) != 0) return absl::InternalError("kuzu's install.js failed");
    }
  }
  fs::copy_file(kPeerSources + "/kuzu_peer.js", work_dir + "/kuzu_peer.js", fs::copy_options::overwrite_existing);
  return absl::OkStatus();
}

absl::Status WriteKuzuGraph(const PeerGraph& graph, const std::string& work_dir) {
  fs::create_directories(work_dir);
  const std::string dir = work_dir + "/";
  RETURN_IF_ERROR(WriteNamed(graph.persons, dir + "persons.csv"));
  RETURN_IF_ERROR(WriteNamed(graph.organizations, dir + "organizations.csv"));
  RETURN_IF_ERROR(WriteNamed(graph.topics, dir + "topics.csv"));
  std::unordered_map<store::NodeId, const std::string*> person_name;
  for (const PeerGraph::Named& p : graph.persons) person_name[p.id] = &p.name;

  CsvFile notes(dir + "notes.csv", "id,path,date");
  // Kùzu's INT64 is signed; any one-to-one mapping of the ids will do.
  for (const PeerGraph::Note& n : graph.notes) {
    notes.out() << static_cast<int64_t>(n.id) << ',' << Field(n.path) << ',' << n.date << '\n';
  }
  RETURN_IF_ERROR(notes.Close());
  CsvFile attended(dir + "attended.csv", "from,to");
  for (const auto& [person, note] : graph.attended) {
    attended.out() << Field(*person_name.at(person)) << ',' << static_cast<int64_t>(note) << '\n';
  }
  RETURN_IF_ERROR(attended.Close());
  CsvFile knows(dir + "knows.csv", "from,to,weight,meetings");
  knows.out().precision(17);  // Every bit of the weight, so that ties order the same.
  for (const PeerGraph::Knows& k : graph.knows) {
    knows.out() << Field(*person_name.at(k.a)) << ',' << Field(*person_name.at(k.b)) << ',' << k.weight << ','
                << k.meetings << '\n';
  }
  return knows.Close();
}

absl::StatusOr<KuzuAnswers> AskKuzu(const KuzuQuestions& questions, const std::string& work_dir) {
  nlohmann::json q = {{"people", questions.people},
                      {"known_pairs", questions.known_pairs},
                      {"path_pairs", questions.path_pairs},
                      {"rounds", questions.rounds},
                      {"path_rounds", questions.path_rounds}};
  std::ofstream(work_dir + "/questions.json") << q.dump();
  std::string command = absl::StrCat("node ", ShellWord(work_dir + "/kuzu_peer.js"), " ", ShellWord(work_dir));
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return absl::InternalError("cannot start node");
  std::string output;
  char buffer[1 << 16];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  if (::pclose(pipe) != 0) return absl::InternalError("the Kùzu peer failed (its error is above)");
  nlohmann::json reply = nlohmann::json::parse(output, nullptr, /*allow_exceptions=*/false);
  if (reply.is_discarded()) return absl::InternalError("the Kùzu peer printed no JSON");
  KuzuAnswers answers;
  answers.version = reply["version"].get<std::string>();
  answers.load_seconds = reply["load_seconds"].get<double>();
  answers.who_knows = reply["who_knows"]["answers"].get<std::vector<std::vector<std::string>>>();
  answers.shared = reply["shared"]["answers"].get<std::vector<std::vector<std::string>>>();
  for (const nlohmann::json& h : reply["hops"]["answers"]) {
    answers.hops.push_back(h.is_null() ? std::nullopt : std::optional<int>(h.get<int>()));
  }
  answers.who_knows_time = ToSeries("who-knows", reply["who_knows"]["micros"]);
  answers.shared_time = ToSeries("shared", reply["shared"]["micros"]);
  answers.hops_time = ToSeries("hops", reply["hops"]["micros"]);
  return answers;
}

}  // namespace kith::bench
