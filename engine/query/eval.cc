#include "engine/query/eval.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_join.h"
#include "engine/util/text.h"

namespace kith::query {
namespace {

bool IsSymmetric(const std::string& type) {
  return type == "WORKED_WITH" || type == "KNOWS" || type == "FAMILY";
}

// The comparison key of a fact: type, folded args (sorted when symmetric),
// and the status when the gold fact states one.
std::string Key(const ScoredFact& fact, bool with_status) {
  std::vector<std::string> args;
  for (const std::string& a : fact.args) args.push_back(util::FoldName(a));
  if (IsSymmetric(fact.type)) std::sort(args.begin(), args.end());
  std::string key = fact.type + "(" + absl::StrJoin(args, ", ") + ")";
  if (with_status && !fact.status.empty()) key += " " + fact.status;
  return key;
}

}  // namespace

EvalReport Evaluate(const std::vector<GoldNote>& gold,
                    const std::multimap<std::string, ScoredFact>& found_by_path) {
  EvalReport report;
  for (const GoldNote& note : gold) {
    std::set<std::string> types(note.types.begin(), note.types.end());
    if (types.empty()) {
      types.insert("ATTENDED");
      for (const ScoredFact& f : note.facts) types.insert(f.type);
    }
    auto [begin, end] = found_by_path.equal_range(note.path);
    if (begin == end) report.missing_notes.push_back(note.path);
    for (const std::string& type : types) {
      bool gold_has_status = std::any_of(note.facts.begin(), note.facts.end(), [&](const ScoredFact& f) {
        return f.type == type && !f.status.empty();
      });
      std::set<std::string> expected, got;
      for (const ScoredFact& f : note.facts) {
        if (f.type == type) expected.insert(Key(f, gold_has_status));
      }
      for (auto it = begin; it != end; ++it) {
        if (it->second.type == type) got.insert(Key(it->second, gold_has_status));
      }
      TypeScore& score = report.by_type[type];
      score.gold += static_cast<int>(expected.size());
      score.found += static_cast<int>(got.size());
      for (const std::string& k : got) {
        if (expected.count(k)) {
          ++score.correct;
        } else {
          report.errors.push_back("FP " + note.path + ": " + k);
        }
      }
      for (const std::string& k : expected) {
        if (!got.count(k)) report.errors.push_back("FN " + note.path + ": " + k);
      }
    }
  }
  return report;
}

}  // namespace kith::query
