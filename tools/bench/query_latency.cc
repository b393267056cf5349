// kith-query-bench: in-process latency of every query over a real vault.
// Ingests the vault into a fresh store, picks inputs from what it holds
// (the most-met people, pairs of them, the largest organisations), then
// calls each query on each input for several rounds and prints the median
// and 99th percentile per query. A benchmark, not a test: it asserts
// nothing about time, and its figures go in docs/PERFORMANCE.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <unistd.h>

#include "engine/kith.h"
#include "tools/bench/bench_util.h"
#include "engine/util/date.h"

namespace {

using kith::bench::Clock;
using kith::bench::Measure;
using kith::bench::Percentile;
using kith::bench::Series;

absl::Status Ingest(kith::Engine& engine, const std::string& vault_dir) {
  absl::StatusOr<kith::IngestReport> report = kith::bench::IngestVault(engine, vault_dir).report;
  if (!report.ok()) return report.status();
  std::fprintf(stderr, "ingested %lld notes in %.2f s\n", static_cast<long long>(report->notes_stored),
               report->seconds);
  return absl::OkStatus();
}

// The `n` names that stand most often at `arg` in facts of `type`, most
// first (ties by name): with ATTENDED and 0 the most-met people, with
// WORKS_AT and 1 the organisations with the most employment statements.
std::vector<std::string> MostFrequent(const kith::Engine& engine, kith::model::RelationType type, size_t arg,
                                      size_t n) {
  kith::query::FactsQuery facts;
  facts.type = type;
  std::map<std::string, int> count;
  if (auto all = engine.Facts(facts); all.ok()) {
    for (const kith::query::FactView& f : *all) {
      if (f.args.size() > arg) ++count[f.args[arg]];
    }
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [name, c] : count) ranked.emplace_back(-c, name);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && i < n; ++i) out.push_back(ranked[i].second);
  return out;
}

// How well shared meetings alone predict the relations the notes state:
// for every stated REPORTS_TO, WORKED_WITH, FAMILY or KNOWS pair whose
// first person has meetings, the rank of the second in the first's
// meetings-only who-knows list. Prints hit@5 and mean reciprocal rank for
// several half-lives; this is how the default was chosen (docs/STRENGTH.md).
void StrengthCheck(const kith::Engine& engine) {
  using kith::model::RelationType;
  std::vector<std::pair<std::string, std::string>> stated;
  for (RelationType type : {RelationType::kReportsTo, RelationType::kWorkedWith, RelationType::kFamily,
                            RelationType::kKnows}) {
    kith::query::FactsQuery facts;
    facts.type = type;
    if (auto all = engine.Facts(facts); all.ok()) {
      for (const kith::query::FactView& f : *all) {
        if (f.args.size() >= 2 && f.args[0] != f.args[1]) stated.emplace_back(f.args[0], f.args[1]);
      }
    }
  }
  std::sort(stated.begin(), stated.end());
  stated.erase(std::unique(stated.begin(), stated.end()), stated.end());
  std::printf("%-16s %-10s %6s %8s %8s %8s\n", "half_life_days", "exponent", "pairs", "found", "hit@5", "mrr");
  for (auto [half_life, exponent] : std::vector<std::pair<double, double>>{
           {30, 1}, {90, 1}, {180, 1}, {365, 1}, {1e9, 1}, {180, 0}, {180, 0.5}, {180, 2}}) {
    kith::query::StrengthModel model;
    model.half_life_days = half_life;
    model.attendee_exponent = exponent;
    model.reports_to_weight = model.worked_with_weight = model.family_weight = 0;
    model.knows_weight = model.introduced_weight = 0;
    int pairs = 0, found = 0, top5 = 0;
    double reciprocal = 0;
    for (const auto& [a, b] : stated) {
      kith::query::WhoKnowsQuery q;
      q.name = a;
      q.limit = 0;
      q.model = model;
      absl::StatusOr<kith::query::WhoKnowsResult> known = engine.WhoKnows(q);
      if (!known.ok() || known->people.empty()) continue;
      ++pairs;
      for (size_t i = 0; i < known->people.size(); ++i) {
        if (known->people[i].name != b) continue;
        if (known->people[i].interactions == 0) break;  // Known only from the statement itself.
        ++found;
        if (i < 5) ++top5;
        reciprocal += 1.0 / static_cast<double>(i + 1);
        break;
      }
    }
    std::printf("%-16s %-10.1f %6d %8d %8.3f %8.3f\n",
                half_life >= 1e8 ? "none" : std::to_string(int(half_life)).c_str(), exponent, pairs, found, pairs ? double(top5) / pairs : 0.0, pairs ? reciprocal / pairs : 0.0);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kith-query-bench: median and p99 in-process latency of each query over a vault"};
  std::string vault_dir;
  int rounds = 5;
  size_t people_count = 20;
  app.add_option("vault", vault_dir, "the vault to ingest")->required()->check(CLI::ExistingDirectory);
  app.add_option("--rounds", rounds, "calls per input")->capture_default_str()->check(CLI::Range(1, 1000));
  app.add_option("--people", people_count, "how many of the most-met people to ask about")->capture_default_str();
  bool strength_check = false;
  app.add_flag("--strength-check", strength_check,
               "instead of timing, score how well meetings alone rank the stated relations, per half-life");
  CLI11_PARSE(app, argc, argv);

  std::filesystem::path db = std::filesystem::temp_directory_path() /
                             ("kith-query-bench-" + std::to_string(::getpid()));
  auto engine_or = kith::Engine::Open({}, db.string());
  if (!engine_or.ok()) {
    std::fprintf(stderr, "%s\n", std::string(engine_or.status().message()).c_str());
    return 1;
  }
  kith::Engine& engine = **engine_or;
  if (absl::Status s = Ingest(engine, vault_dir); !s.ok()) {
    std::fprintf(stderr, "ingest: %s\n", std::string(s.message()).c_str());
    return 1;
  }
  if (strength_check) {
    StrengthCheck(engine);
    engine_or->reset();
    std::filesystem::remove_all(db);
    return 0;
  }
  using kith::model::RelationType;
  const std::vector<std::string> people = MostFrequent(engine, RelationType::kAttended, 0, people_count);
  // Neighbours in that order: pairs of busy people and pairs of quiet ones.
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t i = 0; i + 1 < people.size(); ++i) pairs.emplace_back(people[i], people[i + 1]);
  const std::vector<std::string> orgs = MostFrequent(engine, RelationType::kWorksAt, 1, 5);
  std::vector<std::string> prefixes;
  for (const std::string& p : people) prefixes.push_back(p.substr(0, 3));
  const int32_t midpoint = *kith::util::ParseIsoDate("2025-10-01");

  using Person = std::string;
  using Pair = std::pair<std::string, std::string>;
  std::vector<Series> results;
  auto status_of = [](const auto& result) { return result.status(); };
  results.push_back(Measure<Person>("who-knows", people, rounds, [&](const Person& p) {
    kith::query::WhoKnowsQuery q;
    q.name = p;
    return status_of(engine.WhoKnows(q));
  }));
  results.push_back(Measure<Person>("who-knows --as-of", people, rounds, [&](const Person& p) {
    kith::query::WhoKnowsQuery q;
    q.name = p;
    q.as_of = midpoint;
    return status_of(engine.WhoKnows(q));
  }));
  results.push_back(Measure<Pair>("shared-history", pairs, rounds, [&](const Pair& p) {
    return status_of(engine.SharedHistory(p.first, p.second, /*limit=*/0));
  }));
  results.push_back(Measure<Person>("introductions --by", people, rounds, [&](const Person& p) {
    return status_of(engine.Introductions({p, "", ""}));
  }));
  results.push_back(Measure<Pair>("how-met", pairs, rounds, [&](const Pair& p) {
    return status_of(engine.HowMet(p.first, p.second));
  }));
  results.push_back(Measure<Pair>("intro-path", pairs, rounds, [&](const Pair& p) {
    kith::query::IntroPathQuery q;
    q.from = p.first;
    q.to = p.second;
    return status_of(engine.IntroPaths(q));
  }));
  results.push_back(Measure<int>("org-chart", {0}, rounds * 4, [&](const int&) {
    return status_of(engine.OrgChart({}));
  }));
  results.push_back(Measure<Person>("org-chart --org", orgs, rounds, [&](const Person& o) {
    return status_of(engine.OrgChart({"", o, std::nullopt}));
  }));
  results.push_back(Measure<Person>("profile", people, rounds, [&](const Person& p) {
    kith::query::ProfileQuery q;
    q.name = p;
    return status_of(engine.Profile(q));
  }));
  results.push_back(Measure<Person>("timeline", people, rounds, [&](const Person& p) {
    return status_of(engine.Timeline(p));
  }));
  results.push_back(Measure<Person>("tasks --owner --open", people, rounds, [&](const Person& p) {
    return status_of(engine.Tasks({p, true, std::nullopt}));
  }));
  results.push_back(Measure<Person>("search", prefixes, rounds, [&](const Person& text) {
    return status_of(engine.Search(text, 20));
  }));
  results.push_back(Measure<int>("stats", {0}, rounds * 4, [&](const int&) { return status_of(engine.Stats()); }));
  results.push_back(Measure<Person>("connectors", orgs, rounds, [&](const Person& o) {
    return status_of(engine.Connectors(o, 20, engine.DefaultStrengthModel()));
  }));

  std::printf("%-22s %7s %12s %12s %7s\n", "query", "calls", "median_us", "p99_us", "errors");
  int errors = 0;
  for (const Series& s : results) {
    std::printf("%-22s %7zu %12.1f %12.1f %7d\n", s.query.c_str(), s.micros.size(), Percentile(s.micros, 0.5),
                Percentile(s.micros, 0.99), s.errors);
    errors += s.errors;
  }
  engine_or->reset();
  std::filesystem::remove_all(db);
  return errors == 0 ? 0 : 1;
}
