// The simple frontmatter reader must read whatever it accepts exactly as
// yaml-cpp does, and must accept the shapes notes are usually written in.
#include "engine/note/simple_yaml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

#include "engine/note/frontmatter.h"
#include "tests/testing/status_matchers.h"

namespace kith::note {
namespace {

// Compares the two readers on `yaml`; returns whether the simple one took it.
bool ReadsLikeYamlCpp(std::string_view yaml) {
  SCOPED_TRACE(std::string(yaml));
  absl::StatusOr<Frontmatter> full = ParseFrontmatterWithYamlCpp(yaml, 2);
  if (!ReadSimpleYaml(yaml)) return false;
  EXPECT_TRUE(full.ok()) << "the simple reader took YAML that yaml-cpp refuses: " << full.status();
  absl::StatusOr<Frontmatter> fast = ParseFrontmatter(yaml, 2);
  EXPECT_TRUE(fast.ok());
  if (full.ok() && fast.ok()) EXPECT_TRUE(*fast == *full);
  return true;
}

TEST(SimpleYamlTest, TakesTheUsualShapes) {
  for (std::string_view yaml : {
           "title: Weekly sync\ndate: 2025-11-08\n",
           "type: \"meeting\"\nparticipants: [\"Ana Bell\", Bo Chen, 'Cy O''Dee']\n",
           "tags:\n  - \"type/meeting\"\n  - project/alpha\n",
           "tags:\n- a\n- b\ntitle: x\n",
           "entities:\n  people:\n  - '[[Jai Menon]]'\n  projects:\n    - Cloud\ntype: transcript\n",
           "participants:\n  people: [A B]\n",
           "title: C# and F# # the languages\nempty:\nnothing: ~\nalso: null\n",
           "date: 2025-10-30T08:46\nurl: https://example.com/a?b=c\n",
           "# a comment\ntitle: x   \r\nlist: []\n",
           "participants:\n  -\n  - Ana\n  - ~\n",
           "title: 'quoted # not a comment'\nsecond: \"a, b\"\n",
           "participants: Ana Bell, Bo Chen,\n  Cy Dee\nsource: a/b\n  c.md\ntags: [a]\n",
           "entities: {}\ntype: transcript\n",
           "---x: not a marker\n....: nor this\n",
       }) {
    EXPECT_TRUE(ReadsLikeYamlCpp(yaml)) << yaml;
  }
}

TEST(SimpleYamlTest, LeavesEverythingElseToYamlCpp) {
  for (std::string_view yaml : {
           "title: |\n  block\n",
           "title: >\n  folded\n",
           "title: &a x\nother: *a\n",
           "title: \"esc\\\"aped\"\n",
           "title: a\ntitle: b\n",
           "\ttitle: x\n",
           "previous_roles:\n  - company: A\n    title: B\n",
           "participants: [[A], [B]]\n",
           "participants: [a, b,]\n",
           "participants: [a,\n  b]\n",
           "just a scalar\n",
           "- a\n- b\n",
           "title: a: b\n",
           "\"quoted key\": x\n",
           "title: \"unclosed\n",
           "{a: b}\n",
           "? complex\n: key\n",
           "title: x\n  - stray\n",
           "title: a # c\n  b\n",
           "title: a\n\n  b\n",
           "title: a\n  b: c\n",
           "created: { { DATE } }\n",
           "title\t: tabbed key\n",
           "null: a null key\n",
           "type: \r\r\nnext: x\n",
           "participants: [T?omas, Ana]\n",
           "title: x\n\xEF\xBB\xBFtype: a byte order mark\n",
           "title: control \x01 character\n",
           "title: x\n--- a: second document\n",
           "title: x\n---\nother: y\n",
           "title: x\n... a: end of document\n",
           "title: a-\n\t\t\t\n",
           "title: a\tb\n",
           "title: x\n  \t\nother: y\n",
       }) {
    EXPECT_FALSE(ReadsLikeYamlCpp(yaml)) << yaml;
  }
  // Keys past YAML's 1,024 characters (yaml-cpp counts bytes), at the top
  // and nested.
  const std::string long_key(1025, 'k');
  EXPECT_FALSE(ReadsLikeYamlCpp(long_key + ": v\n"));
  EXPECT_FALSE(ReadsLikeYamlCpp("a:\n  " + long_key + ": v\n"));
  std::string accented;
  for (int i = 0; i < 600; ++i) accented += "\xC3\xA9";
  EXPECT_FALSE(ReadsLikeYamlCpp(accented + ": v\n"));
}

// Frontmatter put together at random from pieces YAML gives a meaning to
// (indicators, quotes, tabs, comments, document markers, lists, nested
// fields, lines that continue a scalar, keys near YAML's length limit),
// mixed with ordinary ones in the given share.
class FrontmatterGenerator {
 public:
  explicit FrontmatterGenerator(uint32_t seed) : random_(seed) {}

  std::string Next(double odd_share) {
    odd_ = odd_share;
    std::string yaml;
    const std::string_view newline = Chance(0.1) ? "\r\n" : "\n";
    for (int field = Between(1, 6); field > 0; --field) {
      const double shape = Uniform();
      if (shape < 0.45) {
        Line(yaml, newline, {Indent(), Key(), Separator(), Scalar()});
      } else if (shape < 0.7) {
        Line(yaml, newline, {Indent(), Key(), Pick({":", ": ", ": # c"})});
        const std::string_view item_indent = Pick({"", "  ", "    ", " ", "\t"});
        for (int item = Between(0, 3); item > 0; --item) {
          Line(yaml, newline, {item_indent, Pick({"- ", "-", "-  ", "- \t", "-\t"}), Chance(0.9) ? Scalar() : ""});
        }
      } else if (shape < 0.8) {
        Line(yaml, newline, {Indent(), Key(), Separator(), Scalar()});
        for (int more = Between(1, 2); more > 0; --more) {
          Line(yaml, newline, {Pick({"  ", " ", "    ", "\t", "  \t"}), Scalar()});
        }
      } else if (shape < 0.9) {
        Line(yaml, newline, {Indent(), Key(), ":"});
        const std::string_view field_indent = Pick({"  ", " ", "    "});
        for (int field = Between(1, 3); field > 0; --field) {
          Line(yaml, newline, {Chance(odd_) ? Pick({"", " ", "   ", "\t"}) : field_indent, Key(), Separator(), Scalar()});
        }
      } else {
        Line(yaml, newline, {Pick({"", " ", "\t", "\t\t\t", "  \t ", "# c", "  # c", "---", "...", "--- x", "- x"})});
      }
    }
    return yaml;
  }

 private:
  static constexpr std::string_view kOdd[] = {
      "-", "--", "---", "...", "- a", "-a", "a-", "a:", "a: b", "a:b", ":a", "#c", " #c", "a #c", "a#b", "'q'",
      "'q''r'", "'q", "\"d\"", "\"e\\\"\"", "\"d", "[a, b]", "[a,b]", "[]", "[a, [b]]", "{}", "{a: b}", "&a x",
      "*a", "!t x", "|", ">", "%x", "@x", "`x", "?", "? x", "~", "null", "Null", "NULL", "true", "1.5", "0x1",
      "\xC3\xA9", "\xE6\x97\xA5\xE6\x9C\xAC", "[[Link]]", "a, b", "a,", "a ,b", "a\tb", "\t", "a ", "  ", "[ a ]",
      "[a ,b]", "[a, b] #c", "[a, b]x", "\"a\" #c", "\"a\"x", "'a' x", "{ }", "{}x", "- [a]", "a\\b", "a % b",
      "a & b", "a | b", "a > b", "C#", "F# #x", "http://x.y/z?a=b#f", "a: b: c", "x]", "x}", "x,y"};
  static constexpr std::string_view kPlain[] = {"Ana Bell", "Bo", "2025-01-02", "x", "a b", "a-b", "C#",
                                                "http://x.y/z?a=b", "\xC3\xA9", "[a, b]", "'q'", "\"d\"", "[]",
                                                "~", "1", "a, b"};
  static constexpr std::string_view kUsualKeys[] = {"title", "date", "participants", "tags", "type", "a"};
  static constexpr std::string_view kOddKeys[] = {"b c", "x-y", "k_1", "null", "~", "-k", "--- k", "... k",
                                                  "?k", "k?", "k:v", "@k", "k#", "Key", "<<", "1"};

  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(random_); }
  bool Chance(double p) { return Uniform() < p; }
  int Between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  template <size_t N>
  std::string_view Of(const std::string_view (&choices)[N]) {
    return choices[std::uniform_int_distribution<size_t>(0, N - 1)(random_)];
  }
  std::string_view Pick(std::initializer_list<std::string_view> choices) {
    return choices.begin()[std::uniform_int_distribution<size_t>(0, choices.size() - 1)(random_)];
  }
  static void Line(std::string& yaml, std::string_view newline, std::initializer_list<std::string_view> parts) {
    for (std::string_view part : parts) yaml += part;
    yaml += newline;
  }

  std::string_view Indent() { return Chance(odd_) ? Pick({"", "", "", " ", "  ", "    ", "\t", " \t"}) : ""; }
  std::string_view Key() {
    if (Chance(0.02 * odd_)) return std::string_view(long_key_).substr(0, Between(1000, 1050));  // Near YAML's key limit.
    return Chance(odd_) ? Of(kOddKeys) : Of(kUsualKeys);
  }
  std::string_view Separator() { return Chance(odd_) ? Pick({": ", ":", ":  ", ": \t", ":\t", " : "}) : ": "; }
  std::string Scalar() {
    std::string s(Chance(odd_) ? Of(kOdd) : Of(kPlain));
    if (Chance(0.3)) {
      if (Chance(odd_)) {
        s += Of(kOdd);
      } else {
        s += ' ';
        s += Of(kPlain);
      }
    }
    if (Chance(0.2 * odd_)) s += Pick({"", " ", "  ", "\t", " \t", "\t "});
    return s;
  }

  std::mt19937 random_;
  double odd_ = 0;
  const std::string long_key_ = std::string(1050, 'k');
};

// CI's fuzzer found two disagreements (a document marker, a line of tabs)
// that the hand-picked cases above had missed, and a third (a key past
// YAML's length limit) was found by looking for more; generated
// frontmatter covers their neighbourhood on every run. The seed is fixed,
// so a failure repeats.
TEST(SimpleYamlTest, ReadsGeneratedFrontmatterLikeYamlCpp) {
  FrontmatterGenerator generator(20261126);
  int taken = 0;
  constexpr int kDocuments = 20000;
  for (int i = 0; i < kDocuments; ++i) {
    if (ReadsLikeYamlCpp(generator.Next(i % 2 == 0 ? 0.15 : 0.3))) ++taken;
  }
  // Enough taken for the comparison to mean something.
  EXPECT_GT(taken, kDocuments / 20) << taken;
  std::cout << "the simple reader took " << taken << " of " << kDocuments << " generated frontmatters\n";
}

TEST(SimpleYamlTest, RemarksNestedFieldsOnTheLinesYamlCppGives) {
  EXPECT_TRUE(ReadsLikeYamlCpp("title: x\nparticipants:\n  lead: Ana\n  other: Bo\n"));
  absl::StatusOr<Frontmatter> fm = ParseFrontmatter("title: x\nparticipants:\n  lead: Ana\n", 2);
  ASSERT_OK(fm);
  ASSERT_EQ(fm->remarks.size(), 1u);
}

// Every frontmatter of the shared corpus: what the simple reader takes must
// read as yaml-cpp reads it, and it must take nearly all of it.
TEST(SimpleYamlTest, ReadsTheCorpusLikeYamlCpp) {
  const std::filesystem::path corpus = std::filesystem::path(KITH_SHARED_DIR) / "corpus";
  ASSERT_TRUE(std::filesystem::exists(corpus)) << corpus;
  int notes = 0, taken = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    absl::StatusOr<FrontmatterSplit> split = SplitFrontmatter(text);
    if (!split.ok() || split->yaml.empty()) continue;
    ++notes;
    SCOPED_TRACE(entry.path().string());
    if (ReadsLikeYamlCpp(split->yaml)) ++taken;
  }
  EXPECT_GT(notes, 500);
  EXPECT_GT(taken, notes * 4 / 5) << taken << " of " << notes;
  std::cout << "the simple reader took " << taken << " of " << notes << " frontmatters\n";
}

}  // namespace
}  // namespace kith::note
