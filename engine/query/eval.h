// Scoring extraction against a hand-made gold file: precision and recall
// per relation type, over the notes the gold file covers.
#ifndef KITH_ENGINE_QUERY_EVAL_H_
#define KITH_ENGINE_QUERY_EVAL_H_

#include <map>
#include <string>
#include <vector>

namespace kith::query {

struct ScoredFact {
  std::string type;               // "REPORTS_TO"
  std::vector<std::string> args;  // Canonical names, in relation order.
  std::string status;             // Compared only when the gold fact has one.
};

struct GoldNote {
  std::string path;
  // Types the annotator checked in this note; facts of other types found
  // in it are not counted. Empty: every type in `facts` plus ATTENDED.
  std::vector<std::string> types;
  std::vector<ScoredFact> facts;
};

struct TypeScore {
  int gold = 0;
  int found = 0;
  int correct = 0;
  double precision() const { return found == 0 ? 1.0 : static_cast<double>(correct) / found; }
  double recall() const { return gold == 0 ? 1.0 : static_cast<double>(correct) / gold; }
};

struct EvalReport {
  std::map<std::string, TypeScore> by_type;
  std::vector<std::string> missing_notes;  // Gold notes with no stored facts.
  // Per type, the facts that were wrong or missed, for error analysis:
  // "FP path: TYPE(a, b)" / "FN path: TYPE(a, b)".
  std::vector<std::string> errors;
};

// Scores `found` (every stored fact, with the path of its note) against
// `gold`. Names compare case- and accent-insensitively; WORKED_WITH, KNOWS
// and FAMILY compare as unordered pairs. A relation stated twice in one note
// counts once.
EvalReport Evaluate(const std::vector<GoldNote>& gold,
                    const std::multimap<std::string, ScoredFact>& found_by_path);

}  // namespace kith::query

#endif  // KITH_ENGINE_QUERY_EVAL_H_
