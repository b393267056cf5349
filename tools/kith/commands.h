// The kith subcommands. Each returns the process exit status.
#ifndef KITH_TOOLS_KITH_COMMANDS_H_
#define KITH_TOOLS_KITH_COMMANDS_H_

#include <optional>
#include <string>
#include <vector>

#include "tools/gen/vault_generator.h"
#include "tools/kith/client.h"

namespace kith::cli {

// Exit statuses, documented in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;           // The command failed.
inline constexpr int kExitUsage = 2;           // Bad flags (CLI11's own code).
inline constexpr int kExitSomeNotesFailed = 3; // Ingest stored the rest.

struct GlobalFlags {
  std::string db;
  std::string server;
  std::string token_file;  // With --server: a file holding the bearer token.
  std::string tls_ca;      // With --server: PEM roots; connect with TLS.
  bool json = false;
  // From --strength FILE: sent with every query that ranks people.
  std::optional<v1::StrengthModel> strength;
};

// Reads a YAML file of strength parameters (query::ParseStrengthModel);
// the errors name the file and line.
absl::StatusOr<v1::StrengthModel> LoadStrengthFile(const std::string& path);

struct IngestFlags {
  std::vector<std::string> paths;
  std::string me;
  bool follow_symlinks = false;
  bool verbose = false;
  bool prune = false;
  bool reread = false;
};

int RunIngest(Client& client, const GlobalFlags& global, const IngestFlags& flags);

struct WhoKnowsFlags {
  std::string name;
  int limit = 20;
  std::string as_of;  // YYYY-MM-DD or empty.
  int evidence = 5;   // Evidence notes per person; 0 for all.
};

int RunWhoKnows(Client& client, const GlobalFlags& global, const WhoKnowsFlags& flags);

struct FactsFlags {
  std::string note;
  std::string type;
};

int RunFacts(Client& client, const GlobalFlags& global, const FactsFlags& flags);

struct EvalFlags {
  std::string gold;
  bool verbose = false;
};

int RunEval(Client& client, const GlobalFlags& global, const EvalFlags& flags);

struct CurateFlags {
  v1::Curation::Kind kind = v1::Curation::ALIAS;
  std::string canonical;
  std::string variant;
  std::string who;
  std::string why;
};

int RunCurate(Client& client, const GlobalFlags& global, const CurateFlags& flags);
int RunListCurations(Client& client, const GlobalFlags& global);

struct OrgChartFlags {
  std::string root;
  std::string organization;
  std::string format = "text";
  std::string as_of;
  std::string output;  // -o: write here instead of standard output.
};

int RunOrgChart(Client& client, const GlobalFlags& global, const OrgChartFlags& flags);

struct IntroductionsFlags {
  std::string by, of, to;
};
int RunIntroductions(Client& client, const GlobalFlags& global, const IntroductionsFlags& flags);

struct HowMetFlags {
  std::string a, b;
};
int RunHowMet(Client& client, const GlobalFlags& global, const HowMetFlags& flags);

struct SharedHistoryFlags {
  std::string a, b;
  int limit = 50;  // Newest timeline entries; 0 for all.
};

struct TasksFlags {
  std::string owner;
  bool open_only = false;
  std::string due_before;
};
int RunTasks(Client& client, const GlobalFlags& global, const TasksFlags& flags);

int RunSharedHistory(Client& client, const GlobalFlags& global, const SharedHistoryFlags& flags);

struct IntroPathFlags {
  std::string from, to;
  int max_hops = 4;
  int k = 3;
};
int RunIntroPath(Client& client, const GlobalFlags& global, const IntroPathFlags& flags);

struct ProfileFlags {
  std::string name;
  std::string as_of;
};
int RunProfile(Client& client, const GlobalFlags& global, const ProfileFlags& flags);

int RunStats(Client& client, const GlobalFlags& global);
int RunSearch(Client& client, const GlobalFlags& global, const std::string& text, int limit);

int RunConnectors(Client& client, const GlobalFlags& global, const std::string& organization, int limit);

int RunTimeline(Client& client, const GlobalFlags& global, const std::string& name);

// Exit 0 when the store keeps every invariant, kExitError when it does not.
int RunCheck(Client& client, const GlobalFlags& global);

struct GraphFlags {
  std::string name;
  int depth = 2;
  int limit = 60;
  std::string format = "dot";  // dot, svg, png, json
  std::string output;          // "" for stdout.
};
int RunGraph(Client& client, const GlobalFlags& global, const GraphFlags& flags);

struct ExportFlags {
  std::string format = "json";  // json, graphml, dot, neo4j-csv
  std::string output;           // A file, or a directory for neo4j-csv; "" for stdout.
};
int RunExport(Client& client, const GlobalFlags& global, const ExportFlags& flags);

// Backs the store up into DIR (made absolute here; with --server it names a
// directory on kithd's machine).
int RunBackup(Client& client, const GlobalFlags& global, const std::string& dir);

// Restores a backup into the store directory (--db); in-process only, as
// the store must be closed. Checks the restored store before returning.
int RunRestore(const GlobalFlags& global, const std::string& backup_dir, bool force);

struct GenFlags {
  std::string dir;
  gen::GenOptions options;
};

// Writes a synthetic vault; needs no store.
int RunGen(const GlobalFlags& global, const GenFlags& flags);

// Prints "kith: <message>" to stderr and returns kExitError.
int Fail(const absl::Status& status);

// Writes `text` to `path` (standard output when empty); kExitOk, or what
// Fail returns when the file cannot be written.
int WriteOutput(const std::string& text, const std::string& path);

}  // namespace kith::cli

#endif  // KITH_TOOLS_KITH_COMMANDS_H_
