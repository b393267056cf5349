// A sentence cut into clauses and words, with the people and organisations
// it names located. This is the representation the relation rules read.
#ifndef KITH_ENGINE_EXTRACT_CLAUSE_H_
#define KITH_ENGINE_EXTRACT_CLAUSE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/extract/gazetteer.h"
#include "engine/model/model.h"

namespace kith::extract {

// A word or punctuation mark. Its text is a view of its Clause's own copy
// of the clause, so a token is valid as long as the Clause it came in.
struct Token {
  std::string_view text;   // As written, without a possessive "'s".
  std::string_view lower;  // ASCII-lower-cased text, for matching trigger words.
  bool word = false;       // False for punctuation (",", ":", "(", ...).
  bool capitalized = false;
  bool possessive = false;  // Was followed by "'s" / "’s".
};

struct Mention {
  model::EntityKind kind = model::EntityKind::kPerson;
  std::string name;  // Display name after resolution.
  size_t begin = 0;  // Token range [begin, end).
  size_t end = 0;
};

// Tokens are views into `text`, which holds the clause and then its
// lower-case copy on the heap, so that a Clause moved keeps its tokens
// valid; a Clause is not copied.
struct Clause {
  std::unique_ptr<char[]> text;  // The clause as given, then its lower-case copy.
  std::vector<Token> tokens;
  std::vector<Mention> mentions;  // Ordered by position, not overlapping.
};

// Names a note makes known beyond the vault-wide gazetteer: its
// participants (first names resolve to them before the vault's), and names
// marked in the text as people ("Renan (last name not stated)").
struct NoteNames {
  std::vector<std::string> participants;
  std::vector<std::string> marked_people;
  // The vault owner: notes call their author by first name ("Jason").
  std::string owner;

  // (folded, display) of participants then marked people; built by
  // Index() so that sentences do not fold the same names again.
  std::vector<std::pair<std::string, std::string>> folded;
  std::string folded_owner;
  void Index();
};

// A parenthetical remark and the capitalised words just before it:
// "Sushant Rewaskar (Microsoft)" → {"Sushant Rewaskar", "Microsoft"}.
struct Remark {
  std::string name;
  std::string text;
};

// Removes markdown emphasis and link brackets, and parenthetical remarks;
// the capitalised words before a remark about a name ("(last name not
// stated)", "(full name unknown)") are added to `marked_people`, other
// remarks after a capitalised name to `remarks` (either may be null).
std::string CleanSentence(std::string_view text, std::vector<std::string>* marked_people,
                          std::vector<Remark>* remarks = nullptr);

// Splits cleaned text into clauses at ';' and at sentence ends (". " before
// a capital, but not after an initial such as "A.K.").
std::vector<std::string> SplitClauses(std::string_view text);

// Splits a line of prose into its sentences, trimmed, as views of `text`:
// after ". " before a capital (with SplitClauses' exception for initials
// and two-letter abbreviations), and after "? " or "! " before a capital,
// never inside parentheses, whose remarks CleanSentence needs whole. A
// fact's evidence is its sentence, not the paragraph around it.
std::vector<std::string_view> SplitSentences(std::string_view text);

// The words and punctuation of `text`, in a Clause of their own (no
// mentions); the Clause copies `text`, which need not outlive it.
Clause Tokenize(std::string_view text);

// Tokenizes `clause` and finds the longest known name at each capitalised
// word: note participants, marked people, then the gazetteer (a lone first
// name resolves when it names exactly one person).
Clause ReadClause(std::string_view clause, const Gazetteer& gazetteer, const NoteNames& names);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_CLAUSE_H_
