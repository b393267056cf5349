#include "engine/extract/clause.h"

#include <algorithm>
#include <set>
#include <optional>

#include "engine/util/text.h"

namespace kith::extract {
namespace {

constexpr size_t kMaxNameWords = 5;

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
         c == '\'' || c == '-' || c == '&' || c == '.';
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string_view s) {
  std::string out(s.size(), '\0');
  std::transform(s.begin(), s.end(), out.begin(), [](char c) { return AsciiLower(c); });
  return out;
}

bool IsCapitalized(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xDF);
}

// Text of a remark that says the name before it is a person's.
bool IsNameRemark(std::string_view remark) {
  std::string lower = AsciiLower(remark);
  return lower.find("name") != std::string::npos || lower.find("surname") != std::string::npos;
}

// The capitalised words that end `text` ("... and Renan "), or "".
std::string TrailingCapitalizedWords(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::string_view w : util::Split(util::Trim(text), ' ')) words.push_back(w);
  std::string name;
  for (size_t i = words.size(); i-- > 0 && words.size() - i <= 3;) {
    std::string_view w = words[i];
    if (!IsCapitalized(w)) break;
    name = name.empty() ? std::string(w) : std::string(w) + " " + name;
  }
  return name;
}

std::string JoinTokens(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ' ';
    out += tokens[i].text;
  }
  return out;
}

// True if `word`, the word before a dot, is an initial or a short
// abbreviation ("A.K.", "Dr"), after which the dot does not end a sentence.
bool IsAbbreviation(std::string_view word) { return word.size() <= 2 || word.find('.') != std::string_view::npos; }

// FoldName(JoinTokens(...)), without utf8proc for ASCII words: a word
// token holds no white space, so its fold is its lower-case form.
std::string FoldTokens(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    for (char c : tokens[i].lower) {
      if (static_cast<unsigned char>(c) >= 0x80) return util::FoldName(JoinTokens(tokens, begin, end));
    }
    if (!out.empty()) out += ' ';
    out += tokens[i].lower;
  }
  return out;
}

// The characters CleanSentence does something with; the rest it copies.
bool IsMarkup(char c) { return c == '*' || c == '`' || c == '[' || c == ']' || c == '|' || c == '('; }

// Removing remarks and markup leaves doubled spaces and " ," behind.
void Tidy(std::string& s) {
  size_t kept = 0;
  for (char c : s) {
    if (c == ' ' && kept > 0 && s[kept - 1] == ' ') continue;
    if ((c == ',' || c == ';' || c == '.') && kept > 0 && s[kept - 1] == ' ') --kept;
    s[kept++] = c;
  }
  s.resize(kept);
  const std::string_view trimmed = util::Trim(s);
  const auto front = static_cast<size_t>(trimmed.data() - s.data());
  s.resize(front + trimmed.size());
  s.erase(0, front);
}

}  // namespace

std::string CleanSentence(std::string_view text, std::vector<std::string>* marked_people,
                          std::vector<Remark>* remarks) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    // Most of a sentence is plain text: copied a run at a time.
    size_t plain = i;
    while (plain < text.size() && !IsMarkup(text[plain])) ++plain;
    out.append(text.data() + i, plain - i);
    if (plain == text.size()) break;
    i = plain;
    const char c = text[i];
    if (c == '*' || c == '`') continue;
    if (c == '[' || c == ']') continue;  // [[Link]] → Link
    if (c == '|' && !out.empty()) {      // [[Target|shown]] keeps Target
      size_t close = text.find("]]", i);
      if (close != std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    if (c == '(') {
      size_t close = text.find(')', i);
      if (close == std::string_view::npos) continue;
      std::string_view remark = text.substr(i + 1, close - i - 1);
      std::string name = TrailingCapitalizedWords(out);
      if (marked_people && IsNameRemark(remark)) {
        if (!name.empty()) marked_people->push_back(name);
      } else if (remarks && !name.empty()) {
        remarks->push_back({name, std::string(util::Trim(remark))});
      }
      i = close;
      continue;
    }
    out += c;
  }
  // Exported summaries cut long lines with "...": the last word is partial.
  for (std::string_view ellipsis : {"...", "\u2026"}) {
    if (util::EndsWith(out, ellipsis)) {
      out.resize(out.size() - ellipsis.size());
      size_t space = out.find_last_of(' ');
      out.resize(space == std::string::npos ? 0 : space);
    }
  }
  Tidy(out);
  return out;
}

std::vector<std::string> SplitClauses(std::string_view text) {
  std::vector<std::string> clauses;
  std::string current;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool boundary = c == ';';
    // ", and the contact reports to ..." starts a clause with a new subject.
    if (c == ',') {
      for (std::string_view next : {" and the ", " and he ", " and she ", " and they ", " and it ",
                                    " but ", " while ", " whereas "}) {
        if (text.substr(i + 1, next.size()) == next) {
          boundary = true;
          i += next.size() - (util::StartsWith(next, " and ") ? 5 : 1);
          break;
        }
      }
    }
    if (c == '.' && i + 2 < text.size() && text[i + 1] == ' ' && IsCapitalized(text.substr(i + 2))) {
      // "A.K. Rapsone" and "Dr. Lee": a short word before the dot is not a
      // sentence end.
      size_t start = current.find_last_of(' ');
      boundary = !IsAbbreviation(std::string_view(current).substr(start == std::string::npos ? 0 : start + 1));
    }
    if (boundary) {
      if (!util::Trim(current).empty()) clauses.emplace_back(util::Trim(current));
      current.clear();
      continue;
    }
    current += c;
  }
  std::string_view rest = util::Trim(current);
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  if (!rest.empty()) clauses.emplace_back(rest);
  return clauses;
}

std::vector<std::string_view> SplitSentences(std::string_view text) {
  std::vector<std::string_view> sentences;
  size_t start = 0;
  int depth = 0;
  auto close = [&](size_t end) {
    std::string_view sentence = util::Trim(text.substr(start, end - start));
    if (!sentence.empty()) sentences.push_back(sentence);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth > 0 || (c != '.' && c != '?' && c != '!')) continue;
    size_t next = text.find_first_not_of(' ', i + 1);
    if (next == i + 1 || next == std::string_view::npos || !IsCapitalized(text.substr(next))) continue;
    if (c == '.') {
      size_t space = text.find_last_of(' ', i);
      size_t word_start = space == std::string_view::npos || space < start ? start : space + 1;
      if (IsAbbreviation(text.substr(word_start, i - word_start))) continue;
    }
    close(i + 1);
    start = next;
  }
  close(text.size());
  return sentences;
}

Clause Tokenize(std::string_view text) {
  Clause clause;
  // One copy of the clause and one lower-cased, side by side; each token's
  // text and lower-case form are views of the same bytes in each.
  clause.text = std::make_unique<char[]>(2 * text.size() + 1);
  char* const original = clause.text.get();
  char* const lowered = original + text.size();
  std::copy(text.begin(), text.end(), original);
  std::transform(text.begin(), text.end(), lowered, [](char c) { return AsciiLower(c); });
  const std::string_view clause_text(original, text.size());
  auto lower_of = [&](std::string_view part) {
    return std::string_view(lowered + (part.data() - original), part.size());
  };
  std::vector<Token>& tokens = clause.tokens;
  tokens.reserve(text.size() / 4 + 1);  // Words average more than 4 bytes with their space.
  size_t i = 0;
  while (i < clause_text.size()) {
    unsigned char c = static_cast<unsigned char>(clause_text[i]);
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (!IsWordByte(c) || c == '.' || c == '\'' || c == '-') {
      // Curly quotes and other punctuation arrive as UTF-8 sequences too;
      // the word scanner below takes them, so only ASCII punctuation is here.
      std::string_view mark = clause_text.substr(i, 1);
      tokens.push_back({mark, mark, false, false, false});
      ++i;
      continue;
    }
    size_t end = i;
    while (end < clause_text.size() && IsWordByte(static_cast<unsigned char>(clause_text[end]))) ++end;
    std::string_view word = clause_text.substr(i, end - i);
    // Trailing dots end the sentence unless the word is an initial ("A.K.").
    // A single letter keeps its dot: "Priya R." is an initial.
    while (word.size() > 2 && word.back() == '.' && word.find('.') == word.size() - 1) {
      word.remove_suffix(1);
    }
    Token token;
    // Quotes and possessives are a quote mark or a multi-byte character at
    // either end; most words have neither.
    const auto first = static_cast<unsigned char>(word.front());
    const auto last = static_cast<unsigned char>(word.back());
    if (first >= 0x80 || last >= 0x80 || last == '\'' || last == 's') {
      // Typographic quotes around a word are not part of it.
      for (std::string_view quote : {"\u201C", "\u201D", "\u2018", "\u2019"}) {
        if (util::StartsWith(word, quote)) word.remove_prefix(quote.size());
      }
      for (std::string_view suffix : {"'s", "\u2019s"}) {
        if (word.size() > suffix.size() && util::EndsWith(word, suffix)) {
          word.remove_suffix(suffix.size());
          token.possessive = true;
        }
      }
      for (std::string_view quote : {"\u201D", "\u2019", "'"}) {
        if (util::EndsWith(word, quote)) word.remove_suffix(quote.size());
      }
    }
    token.text = word;
    token.lower = lower_of(word);
    token.word = !word.empty();
    token.capitalized = IsCapitalized(word);
    if (token.word) tokens.push_back(token);
    i = end;
  }
  return clause;
}

void NoteNames::Index() {
  folded.clear();
  for (const std::vector<std::string>* list : {&participants, &marked_people}) {
    for (const std::string& name : *list) folded.emplace_back(util::FoldName(name), name);
  }
  folded_owner = util::FoldName(owner);
}

Clause ReadClause(std::string_view text, const Gazetteer& gazetteer, const NoteNames& names) {
  Clause clause = Tokenize(text);
  const std::vector<Token>& tokens = clause.tokens;

  auto note_person = [&](const std::string& folded) -> std::optional<std::string> {
    std::optional<std::string> by_first;
    std::set<std::string_view> first_matches;
    bool single = folded.find(' ') == std::string::npos;
    for (const auto& [known, name] : names.folded) {
      if (known == folded) return name;
      if (single && known.size() > folded.size() && known[folded.size()] == ' ' &&
          util::StartsWith(known, folded)) {
        first_matches.insert(known);
        by_first = name;
      }
    }
    if (first_matches.size() == 1) return by_first;
    if (first_matches.empty() && single && names.folded_owner.size() > folded.size() &&
        names.folded_owner[folded.size()] == ' ' && util::StartsWith(names.folded_owner, folded)) {
      return names.owner;
    }
    return std::nullopt;
  };

  size_t i = 0;
  while (i < tokens.size()) {
    if (!tokens[i].word || !tokens[i].capitalized) {
      ++i;
      continue;
    }
    std::optional<Mention> best;
    for (size_t n = kMaxNameWords; n >= 1; --n) {
      if (i + n > tokens.size()) continue;
      bool words = true;
      for (size_t k = i; k < i + n; ++k) {
        words = words && tokens[k].word && (k == i + n - 1 || !tokens[k].possessive);
      }
      if (!words || !tokens[i + n - 1].capitalized) continue;
      std::string folded = FoldTokens(tokens, i, i + n);
      // A lone first name followed by another capitalised word is the start
      // of some other full name ("Christian Linacre"), not a known Christian.
      // "a predecessor named David" introduces someone: no known David.
      bool introduced = i > 0 && (tokens[i - 1].lower == "named" || tokens[i - 1].lower == "called");
      bool name_continues = (n == 1 && i + 1 < tokens.size() && tokens[i + 1].word &&
                             tokens[i + 1].capitalized && !tokens[i].possessive) ||
                            introduced;
      std::optional<std::string> participant = note_person(folded);
      if (participant && name_continues && folded.find(' ') == std::string::npos &&
          util::FoldName(*participant) != folded) {
        participant.reset();
      }
      std::optional<std::string> person = participant;
      // A lone first name means the full name it stands for, when the
      // vault has one; only then a person known by that single name.
      if (!person && n == 1 && !name_continues) person = gazetteer.PersonByFirstName(folded);
      if (!person && !name_continues) person = gazetteer.Person(folded);
      std::optional<std::string> org = gazetteer.Organization(folded);
      // A name known both ways is an organisation unless this note's own
      // participants say otherwise ("VAST Data" in a participant list).
      if (person && (!org || participant)) {
        best = Mention{model::EntityKind::kPerson, *person, i, i + n};
      } else if (org) {
        best = Mention{model::EntityKind::kOrganization, *org, i, i + n};
      }
      if (best) break;
    }
    if (best) {
      i = best->end;
      clause.mentions.push_back(*std::move(best));
    } else {
      ++i;
    }
  }
  // "a predecessor named David": the capitalised words after "named" are a
  // person even when nobody in the vault has that name.
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    if (tokens[k].lower != "named" && tokens[k].lower != "called") continue;
    size_t begin = k + 1, end = begin;
    while (end < tokens.size() && end - begin < 3 && tokens[end].word && tokens[end].capitalized) ++end;
    bool covered = false;
    for (const Mention& m : clause.mentions) covered = covered || (m.begin < end && m.end > begin);
    if (end == begin || covered) continue;
    Mention m{model::EntityKind::kPerson, JoinTokens(tokens, begin, end), begin, end};
    auto pos = std::find_if(clause.mentions.begin(), clause.mentions.end(),
                            [&](const Mention& other) { return other.begin > begin; });
    clause.mentions.insert(pos, std::move(m));
  }
  return clause;
}

}  // namespace kith::extract
