#include "engine/extract/word_set.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace kith::extract {
namespace {

// Membership against std::set for many sets of short words over a small
// alphabet, so that lengths and end bytes collide and probes wrap around
// the table's end.
TEST(WordSetTest, AgreesWithAnOrderedSetWhereWordsCollide) {
  std::mt19937 random(3);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> words;
    const size_t count = random() % 70;
    for (size_t i = 0; i < count; ++i) {
      std::string word(1 + random() % 4, 'a');
      for (char& c : word) c = static_cast<char>('a' + random() % 3);
      words.push_back(word);
    }
    std::vector<std::string_view> views(words.begin(), words.end());
    views.push_back("");  // Ignored.
    WordSet set{std::span<const std::string_view>(views)};
    std::set<std::string> reference(words.begin(), words.end());
    for (size_t length = 0; length <= 5; ++length) {
      for (int code = 0; code < 243; ++code) {  // 3^5 words of each length.
        std::string probe;
        for (size_t k = 0, rest = code; k < length; ++k, rest /= 3) probe += static_cast<char>('a' + rest % 3);
        EXPECT_EQ(set.Contains(probe), reference.count(probe) > 0) << "'" << probe << "' in round " << round;
      }
    }
  }
}

TEST(WordSetTest, HoldsTheRulesWordsAndNothingElse) {
  const WordSet family{"brother", "sister", "son", "daughter", "brother-in-law", "son"};
  EXPECT_TRUE(family.Contains("brother-in-law"));
  EXPECT_TRUE(family.Contains("son"));
  EXPECT_FALSE(family.Contains("sons"));
  EXPECT_FALSE(family.Contains("Son"));
  EXPECT_FALSE(family.Contains(""));
  EXPECT_FALSE(WordSet{}.Contains("son"));
}

}  // namespace
}  // namespace kith::extract
