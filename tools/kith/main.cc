// kith: the command-line front end. Runs the engine in-process by default,
// or talks to kithd with --server ADDR; the output is the same either way.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <tuple>

#include <CLI/CLI.hpp>

#include "absl/synchronization/mutex.h"
#include "engine/util/db_path.h"
#include "engine/util/text.h"
#include "tools/kith/commands.h"

namespace {

// The token from --token-file (its first non-empty line), else $KITH_TOKEN.
absl::StatusOr<std::string> Token(const kith::cli::GlobalFlags& g) {
  if (g.token_file.empty()) {
    const char* env = std::getenv("KITH_TOKEN");
    return std::string(env ? env : "");
  }
  std::ifstream in(g.token_file);
  if (!in) return absl::NotFoundError("cannot read the token file " + g.token_file);
  for (std::string line; std::getline(in, line);) {
    std::string_view token = kith::util::Trim(line);
    if (!token.empty()) return std::string(token);
  }
  return absl::InvalidArgumentError(g.token_file + " holds no token");
}

absl::StatusOr<std::unique_ptr<kith::cli::Client>> MakeClient(const kith::cli::GlobalFlags& g, kith::cli::Workload workload) {
  if (!g.server.empty()) {
    absl::StatusOr<std::string> token = Token(g);
    if (!token.ok()) return token.status();
    return kith::cli::ConnectRemote(g.server, {*token, g.tls_ca});
  }
  return kith::cli::OpenEmbedded(kith::util::ResolveDbPath(g.db), workload);
}

}  // namespace

int main(int argc, char** argv) {
  // Debian's Abseil is built with assertions, which turns on the deadlock
  // detector of every absl::Mutex: gRPC takes several per call, and the
  // detector's graph book-keeping was 3 % of a loaded server's time.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  using namespace kith::cli;
  CLI::App app{"kith: who knows whom, from your meeting notes"};
  app.require_subcommand(1);
  GlobalFlags global;
  app.add_option("--db", global.db,
                 "store directory (default: $KITH_DB, else $XDG_DATA_HOME/kith or ~/.local/share/kith)");
  app.add_option("--server", global.server, "talk to kithd at this address instead of opening the store");
  app.add_option("--token-file", global.token_file,
                 "with --server: file holding the bearer token (default: $KITH_TOKEN)");
  app.add_option("--tls-ca", global.tls_ca, "with --server: PEM CA certificates; connect with TLS");
  app.add_flag("--json", global.json, "print JSON instead of text");
  std::string strength_file;
  app.add_option("--strength", strength_file,
                 "YAML file of strength-model parameters (docs/STRENGTH.md) for who-knows, profile, "
                 "intro-path and connectors");
  const char* as_of_help = "answer as the notes stood on this date (YYYY-MM-DD)";

  IngestFlags ingest;
  CLI::App* ingest_cmd = app.add_subcommand("ingest", "store the notes in files and folders (recursive)");
  ingest_cmd->add_option("paths", ingest.paths, "files or folders of .md/.txt notes")->required();
  ingest_cmd->add_option("--me", ingest.me, "your name: what @Myself in action items means");
  ingest_cmd->add_flag("--follow-symlinks", ingest.follow_symlinks, "follow symbolic links");
  ingest_cmd->add_flag("-v,--verbose", ingest.verbose, "list every warning");
  ingest_cmd->add_flag("--prune", ingest.prune,
                       "retract the stored notes not found this time (files deleted from the vault)");
  ingest_cmd->add_flag("--reread", ingest.reread,
                       "read every file, also those whose size and modification time are as stored");
  ingest_cmd->add_flag("--json", global.json, "print JSON instead of text");

  WhoKnowsFlags who;
  CLI::App* who_cmd = app.add_subcommand("who-knows", "people who share meetings with NAME, strongest first");
  who_cmd->add_option("name", who.name, "a person's name (any case; a unique first name works)")->required();
  who_cmd->add_option("--limit", who.limit, "at most this many people")->capture_default_str()
      ->check(CLI::Range(1, 10000));
  who_cmd->add_option("--as-of", who.as_of, as_of_help);
  who_cmd->add_option("--evidence", who.evidence, "notes of shared meetings listed per person, newest first (0: all)")
      ->capture_default_str()->check(CLI::Range(0, 1000000));
  who_cmd->add_flag("--json", global.json, "print JSON instead of text");

  FactsFlags facts;
  CLI::App* facts_cmd = app.add_subcommand("facts", "stored facts with the note and sentence they came from");
  facts_cmd->add_option("--note", facts.note, "only this note (path relative to the ingest root)");
  facts_cmd->add_option("--type", facts.type, "only this relation type, e.g. ATTENDED or OWNS_ACTION");
  facts_cmd->add_flag("--json", global.json, "print JSON Lines, one fact per line");

  EvalFlags eval;
  CLI::App* eval_cmd = app.add_subcommand("eval", "precision and recall of the stored facts against a gold file");
  eval_cmd->add_option("gold", eval.gold, "gold JSON: {\"notes\": [{\"path\", \"facts\": [{\"type\", \"args\"}]}]}")
      ->required();
  eval_cmd->add_flag("-v,--verbose", eval.verbose, "list every false positive and false negative");
  eval_cmd->add_flag("--json", global.json, "print JSON instead of text");

  CurateFlags alias, merge, unmerge;
  CLI::App* alias_cmd = app.add_subcommand("alias", "name aliases of a person");
  CLI::App* alias_add = alias_cmd->add_subcommand("add", "make VARIANT another name of CANONICAL");
  alias_cmd->require_subcommand(1);
  CLI::App* merge_cmd = app.add_subcommand("merge", "A and B are one person; A's name is kept");
  CLI::App* unmerge_cmd = app.add_subcommand("unmerge", "undo an alias or merge of A and B, and keep them apart");
  for (auto [cmd, flags, first, second] :
       {std::tuple{alias_add, &alias, "canonical", "variant"}, std::tuple{merge_cmd, &merge, "a", "b"},
        std::tuple{unmerge_cmd, &unmerge, "a", "b"}}) {
    cmd->add_option(first, flags->canonical, "the name to keep")->required();
    cmd->add_option(second, flags->variant, "the other name")->required();
    cmd->add_option("--why", flags->why, "why, for the record");
    cmd->add_option("--who", flags->who, "who decided (default: $USER)");
    cmd->add_flag("--json", global.json, "print JSON instead of text");
  }
  merge.kind = kith::v1::Curation::MERGE;
  unmerge.kind = kith::v1::Curation::UNMERGE;
  CLI::App* curations_cmd = app.add_subcommand("curations", "list the recorded aliases, merges and unmerges");
  curations_cmd->add_flag("--json", global.json, "print JSON instead of text");

  OrgChartFlags org_chart;
  CLI::App* org_cmd = app.add_subcommand("org-chart", "who reports to whom, from the notes");
  auto* root_opt = org_cmd->add_option("--root", org_chart.root, "only this person's part of the chart");
  org_cmd->add_option("--org", org_chart.organization, "only people currently at this organisation")
      ->excludes(root_opt);
  org_cmd->add_option("--format", org_chart.format,
                      "text, json (d3-org-chart), dot, mermaid, or html (a self-contained page to open in a browser)")
      ->check(CLI::IsMember({"text", "json", "dot", "mermaid", "html"}))->capture_default_str();
  org_cmd->add_option("-o,--output", org_chart.output, "write to this file instead of standard output");
  org_cmd->add_option("--as-of", org_chart.as_of, as_of_help);
  org_cmd->add_flag("--json", global.json, "same as --format json");

  IntroductionsFlags intros;
  CLI::App* intros_cmd = app.add_subcommand("introductions", "who introduced whom to whom, oldest first");
  intros_cmd->add_option("--by", intros.by, "only introductions made by this person");
  intros_cmd->add_option("--of", intros.of, "only introductions of this person");
  intros_cmd->add_option("--to", intros.to, "only introductions to this person");
  intros_cmd->add_flag("--json", global.json, "print JSON instead of text");

  HowMetFlags how_met;
  CLI::App* how_met_cmd = app.add_subcommand("how-met", "how two people met: an introduction, else their first meeting");
  how_met_cmd->add_option("a", how_met.a, "a person")->required();
  how_met_cmd->add_option("b", how_met.b, "another person")->required();
  how_met_cmd->add_flag("--json", global.json, "print JSON instead of text");

  TasksFlags tasks;
  CLI::App* tasks_cmd = app.add_subcommand("tasks", "action items from the notes, soonest due first");
  tasks_cmd->add_option("--owner", tasks.owner, "only this person's");
  tasks_cmd->add_flag("--open", tasks.open_only, "only open, proposed or in-progress items");
  tasks_cmd->add_option("--due-before", tasks.due_before, "only items due before this date (YYYY-MM-DD)");
  tasks_cmd->add_flag("--json", global.json, "print JSON instead of text");

  SharedHistoryFlags shared;
  CLI::App* shared_cmd = app.add_subcommand("shared-history", "what two people share, as a timeline");
  shared_cmd->add_option("a", shared.a, "a person")->required();
  shared_cmd->add_option("b", shared.b, "another person")->required();
  shared_cmd->add_option("--limit", shared.limit, "timeline entries listed, the newest, and topics, the most discussed (0: all)")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  shared_cmd->add_flag("--json", global.json, "print JSON instead of text");

  IntroPathFlags path;
  CLI::App* path_cmd = app.add_subcommand("intro-path", "the best warm-introduction paths from one person to another");
  path_cmd->add_option("from", path.from, "who wants the introduction")->required();
  path_cmd->add_option("to", path.to, "whom they want to meet")->required();
  path_cmd->add_option("--max-hops", path.max_hops, "longest path considered")->capture_default_str()
      ->check(CLI::Range(1, 8));
  path_cmd->add_option("--k", path.k, "how many alternative paths")->capture_default_str()->check(CLI::Range(1, 20));
  path_cmd->add_flag("--json", global.json, "print JSON instead of text");

  ProfileFlags profile;
  CLI::App* profile_cmd = app.add_subcommand("profile", "one person: organisations, manager, connections, topics, tasks");
  profile_cmd->add_option("name", profile.name, "a person's name")->required();
  profile_cmd->add_option("--as-of", profile.as_of, as_of_help);
  profile_cmd->add_flag("--json", global.json, "print JSON instead of text");

  CLI::App* stats_cmd = app.add_subcommand("stats", "what the store holds");
  stats_cmd->add_flag("--json", global.json, "print JSON instead of text");
  std::string search_text;
  int search_limit = 20;
  CLI::App* search_cmd = app.add_subcommand("search", "find people, organisations and topics by name (prefix, typos)");
  search_cmd->add_option("text", search_text, "a name or part of one")->required();
  search_cmd->add_option("--limit", search_limit, "at most this many")->capture_default_str()->check(CLI::Range(1, 1000));
  search_cmd->add_flag("--json", global.json, "print JSON instead of text");

  std::string connectors_org;
  int connectors_limit = 20;
  CLI::App* connectors_cmd = app.add_subcommand("connectors", "who knows people at an organisation, best connected first");
  connectors_cmd->add_option("organization", connectors_org, "an organisation")->required();
  connectors_cmd->add_option("--limit", connectors_limit, "at most this many")->capture_default_str()->check(CLI::Range(1, 1000));
  connectors_cmd->add_flag("--json", global.json, "print JSON instead of text");

  std::string timeline_name;
  CLI::App* timeline_cmd = app.add_subcommand("timeline", "everything the notes record about a person, in date order");
  timeline_cmd->add_option("name", timeline_name, "a person's name")->required();
  timeline_cmd->add_flag("--json", global.json, "print JSON instead of text");

  CLI::App* check_cmd = app.add_subcommand("check", "verify the store's invariants; exit 1 on any breach");
  check_cmd->add_flag("--json", global.json, "print JSON instead of text");

  GraphFlags graph;
  CLI::App* graph_cmd = app.add_subcommand("graph", "a person's relationship neighbourhood as DOT, SVG or PNG");
  graph_cmd->add_option("name", graph.name, "a person's name")->required();
  graph_cmd->add_option("--depth", graph.depth, "ties from the person")->capture_default_str()->check(CLI::Range(1, 6));
  graph_cmd->add_option("--limit", graph.limit, "people at most, nearest and strongest first")
      ->capture_default_str()->check(CLI::Range(1, 5000));
  graph_cmd->add_option("--format", graph.format, "dot, svg, png (drawn by Graphviz) or json")
      ->check(CLI::IsMember({"dot", "svg", "png", "json"}))->capture_default_str();
  graph_cmd->add_option("-o,--output", graph.output, "write here instead of stdout");
  graph_cmd->add_flag("--json", global.json, "same as --format json");

  ExportFlags export_flags;
  CLI::App* export_cmd = app.add_subcommand("export", "the whole graph for other tools: JSON, GraphML, DOT or Neo4j CSVs");
  export_cmd->add_option("--format", export_flags.format, "json, graphml, dot or neo4j-csv")
      ->check(CLI::IsMember({"json", "graphml", "dot", "neo4j-csv"}))->capture_default_str();
  export_cmd->add_option("-o,--output", export_flags.output, "write here (a directory for neo4j-csv) instead of stdout");

  std::string backup_dir;
  CLI::App* backup_cmd = app.add_subcommand("backup", "write a consistent copy of the store to a new directory");
  backup_cmd->add_option("dir", backup_dir, "a directory that does not exist yet")->required();
  backup_cmd->add_flag("--json", global.json, "print JSON instead of text");
  std::string restore_dir;
  bool restore_force = false;
  CLI::App* restore_cmd = app.add_subcommand("restore", "make a backup the store (kithd must be stopped)");
  restore_cmd->add_option("backup", restore_dir, "a directory written by kith backup")->required();
  restore_cmd->add_flag("--force", restore_force, "replace an existing store (it is moved aside, not deleted)");

  GenFlags gen_flags;
  CLI::App* gen_cmd = app.add_subcommand("gen", "write a synthetic vault (deterministic; for benchmarks and tests)");
  gen_cmd->add_option("dir", gen_flags.dir, "a new or empty directory")->required();
  gen_cmd->add_option("--notes", gen_flags.options.notes, "notes to write (about 2 per person)")
      ->capture_default_str()->check(CLI::Range(int64_t{1}, int64_t{10'000'000}));
  gen_cmd->add_option("--seed", gen_flags.options.seed, "the same seed writes the same vault")->capture_default_str();
  gen_cmd->add_option("--zipf", gen_flags.options.zipf, "popularity exponent (higher: bigger hubs)")
      ->capture_default_str()->check(CLI::Range(0.0, 3.0));
  gen_cmd->add_option("--truth", gen_flags.options.truth_path, "also write the generated people as JSON here");
  gen_cmd->add_flag("--json", global.json, "print JSON instead of text");

  CLI11_PARSE(app, argc, argv);

  if (!strength_file.empty()) {
    absl::StatusOr<kith::v1::StrengthModel> strength = LoadStrengthFile(strength_file);
    if (!strength.ok()) return Fail(strength.status());
    global.strength = *std::move(strength);
  }
  if (*restore_cmd) return RunRestore(global, restore_dir, restore_force);
  if (*gen_cmd) return RunGen(global, gen_flags);
  auto client = MakeClient(global, *ingest_cmd ? kith::cli::Workload::kIngest : kith::cli::Workload::kOneQuery);
  if (!client.ok()) return Fail(client.status());
  if (*ingest_cmd) return RunIngest(**client, global, ingest);
  if (*who_cmd) return RunWhoKnows(**client, global, who);
  if (*facts_cmd) return RunFacts(**client, global, facts);
  if (*eval_cmd) return RunEval(**client, global, eval);
  if (*alias_add) return RunCurate(**client, global, alias);
  if (*merge_cmd) return RunCurate(**client, global, merge);
  if (*unmerge_cmd) return RunCurate(**client, global, unmerge);
  if (*curations_cmd) return RunListCurations(**client, global);
  if (*org_cmd) return RunOrgChart(**client, global, org_chart);
  if (*intros_cmd) return RunIntroductions(**client, global, intros);
  if (*how_met_cmd) return RunHowMet(**client, global, how_met);
  if (*tasks_cmd) return RunTasks(**client, global, tasks);
  if (*shared_cmd) return RunSharedHistory(**client, global, shared);
  if (*path_cmd) return RunIntroPath(**client, global, path);
  if (*profile_cmd) return RunProfile(**client, global, profile);
  if (*stats_cmd) return RunStats(**client, global);
  if (*search_cmd) return RunSearch(**client, global, search_text, search_limit);
  if (*connectors_cmd) return RunConnectors(**client, global, connectors_org, connectors_limit);
  if (*timeline_cmd) return RunTimeline(**client, global, timeline_name);
  if (*check_cmd) return RunCheck(**client, global);
  if (*backup_cmd) return RunBackup(**client, global, backup_dir);
  if (*export_cmd) return RunExport(**client, global, export_flags);
  if (*graph_cmd) return RunGraph(**client, global, graph);
  return kExitUsage;
}
