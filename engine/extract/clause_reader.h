// Positional helpers over a Clause, shared by the relation rules: where
// mentions are, what is the subject of a trigger, what follows it.
#ifndef KITH_ENGINE_EXTRACT_CLAUSE_READER_H_
#define KITH_ENGINE_EXTRACT_CLAUSE_READER_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/extract/relation_rules.h"
#include "engine/extract/word_set.h"

namespace kith::extract {

inline constexpr size_t kNoMatch = static_cast<size_t>(-1);

class ClauseReader {
 public:
  ClauseReader(const Clause& clause, const ClauseContext& context);

  const std::vector<Token>& tokens() const { return clause_.tokens; }
  size_t size() const { return clause_.tokens.size(); }
  std::string_view lower(size_t i) const { return clause_.tokens[i].lower; }
  // True if token i is `word` written in lower case (or opening the clause).
  bool Is(size_t i, std::string_view word) const {
    return i < size() && lower(i) == word && (i == 0 || !clause_.tokens[i].capitalized);
  }
  // Inline, and the first byte compared before the rest: the rules ask
  // this of nearly every token, and almost every answer is no.
  bool IsAny(size_t i, std::initializer_list<std::string_view> words) const {
    if (i >= size() || (i > 0 && clause_.tokens[i].capitalized)) return false;
    std::string_view w = lower(i);
    for (std::string_view word : words) {
      if (word.size() == w.size() && (w.empty() || (word[0] == w[0] && word == w))) return true;
    }
    return false;
  }

  // IsAny for a longer list, held in a WordSet.
  bool IsIn(size_t i, const WordSet& words) const {
    if (i >= size() || (i > 0 && clause_.tokens[i].capitalized)) return false;
    return words.Contains(lower(i));
  }

  // The mention starting at token i, if any.
  const Mention* MentionAt(size_t i) const;

  // Matches `words` starting at token `at`, allowing adverbs ("directly",
  // "closely", "also") between them. Returns the index after the match, or
  // kNoMatch. Inline up to the first word's length and first byte: the
  // rules try several phrases at every token, and nearly all fail there.
  size_t Match(size_t at, std::initializer_list<std::string_view> words) const {
    if (at >= size() || words.size() == 0) return kNoMatch;
    std::string_view first = *words.begin();
    std::string_view w = lower(at);
    if (w.size() != first.size() || (!w.empty() && w[0] != first[0])) return kNoMatch;
    return MatchFrom(at, words);
  }

  // True if a modal or negation governs the trigger at `at` ("will report
  // to", "did not join", "to introduce"): the clause states no fact.
  bool IsHypothetical(size_t at) const;
  // True if any of `words` occurs in [begin, end).
  bool AnyBetween(size_t begin, size_t end, std::initializer_list<std::string_view> words) const;
  bool AnyBetween(size_t begin, size_t end, const WordSet& words) const;

  // The person a trigger at `at` is about: after a reporting verb ("Jason
  // stated Glenn worked with ..."), the first person after it; else the
  // clause's opening person; else the nearest person before; else a
  // pronoun's referent.
  std::optional<RelationArg> SubjectOf(size_t at) const;

  // A person named at `at` (known, or 1-3 capitalised words); sets *end.
  std::optional<RelationArg> PersonAt(size_t at, size_t* end) const;
  // The person at `at` and any joined to it by "," / "and".
  std::vector<RelationArg> PeopleAt(size_t at, size_t* end) const;
  // An organisation named at `at`, after an optional "the"; sets *end.
  std::optional<RelationArg> OrganizationAt(size_t at, size_t* end) const;
  // Organisations listed at `at` ("OCI, Comcast, and EMC").
  std::vector<RelationArg> OrganizationsAt(size_t at, size_t* end) const;

  // "18 years" / "about nine months" near [begin, end), or "".
  std::string DurationNear(size_t begin, size_t end) const;

 private:
  size_t MatchFrom(size_t at, std::initializer_list<std::string_view> words) const;
  std::optional<RelationArg> PronounReferent(size_t begin, size_t end) const;
  // Items read by `item` at `at`, joined by "," and "and".
  std::vector<RelationArg> ListAt(size_t at, size_t* end,
                                  std::optional<RelationArg> (ClauseReader::*item)(size_t, size_t*) const) const;
  // 1-`max` capitalised words at `at` that no mention covers; "" if none.
  std::string CapitalizedRun(size_t at, size_t max, size_t* end) const;

  const Clause& clause_;
  const ClauseContext& context_;
  std::vector<int> mention_at_;  // Token → index of the mention starting there, or -1.
};

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_CLAUSE_READER_H_
