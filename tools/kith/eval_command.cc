// kith eval GOLD.json: reads the gold file, fetches every stored fact
// through the client (embedded or --server) and prints the scores.
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "absl/strings/str_format.h"
#include "engine/query/eval.h"
#include "tools/kith/commands.h"

namespace kith::cli {
namespace {

using Json = nlohmann::json;

absl::StatusOr<std::vector<query::GoldNote>> ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot read gold file " + path);
  Json doc = Json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("notes") || !doc["notes"].is_array()) {
    return absl::InvalidArgumentError(path + ": expected an object with a \"notes\" array");
  }
  std::vector<query::GoldNote> gold;
  for (const Json& n : doc["notes"]) {
    if (!n.is_object() || !n.contains("path") || !n["path"].is_string()) {
      return absl::InvalidArgumentError(path + ": every note needs a \"path\" string");
    }
    query::GoldNote note;
    note.path = n["path"];
    for (const Json& t : n.value("types", Json::array())) {
      if (t.is_string()) note.types.push_back(t);
    }
    for (const Json& f : n.value("facts", Json::array())) {
      if (!f.is_object() || !f.contains("type") || !f.contains("args") || !f["args"].is_array()) {
        return absl::InvalidArgumentError(path + ": fact in " + note.path + " needs \"type\" and \"args\"");
      }
      query::ScoredFact fact;
      fact.type = f["type"];
      for (const Json& a : f["args"]) {
        if (a.is_string()) fact.args.push_back(a);
      }
      if (f.contains("status") && f["status"].is_string()) fact.status = f["status"];
      note.facts.push_back(std::move(fact));
    }
    gold.push_back(std::move(note));
  }
  return gold;
}

}  // namespace

int RunEval(Client& client, const GlobalFlags& global, const EvalFlags& flags) {
  absl::StatusOr<std::vector<query::GoldNote>> gold = ReadGold(flags.gold);
  if (!gold.ok()) return Fail(gold.status());
  absl::StatusOr<std::vector<v1::Fact>> facts = client.Facts(v1::FactsRequest());
  if (!facts.ok()) return Fail(facts.status());
  std::multimap<std::string, query::ScoredFact> found;
  for (const v1::Fact& f : *facts) {
    if (f.evidence_size() == 0) continue;
    query::ScoredFact fact{f.type(), {f.args().begin(), f.args().end()}, f.status()};
    found.emplace(f.evidence(0).path(), std::move(fact));
  }
  query::EvalReport report = query::Evaluate(*gold, found);

  if (global.json) {
    Json out = Json::object();
    for (const auto& [type, s] : report.by_type) {
      out["types"][type] = {{"gold", s.gold}, {"found", s.found}, {"correct", s.correct},
                            {"precision", s.precision()}, {"recall", s.recall()}};
    }
    out["notes"] = gold->size();
    out["missing_notes"] = report.missing_notes;
    out["errors"] = report.errors;
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << absl::StrFormat("%-12s %6s %6s %8s %10s %7s\n", "type", "gold", "found", "correct",
                               "precision", "recall");
  for (const auto& [type, s] : report.by_type) {
    std::cout << absl::StrFormat("%-12s %6d %6d %8d %10.3f %7.3f\n", type, s.gold, s.found, s.correct,
                                 s.precision(), s.recall());
  }
  std::cout << gold->size() << " gold notes";
  if (!report.missing_notes.empty()) std::cout << ", " << report.missing_notes.size() << " not in the store";
  std::cout << "\n";
  if (flags.verbose) {
    for (const std::string& e : report.errors) std::cout << e << "\n";
  }
  return kExitOk;
}

}  // namespace kith::cli
