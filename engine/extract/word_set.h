// A fixed set of words, for the extraction rules' longer word lists
// ("brother", "sister", ... 26 family words; 67 words that do not start a
// name). The rules ask whether a token is one of them at nearly every
// token, and nearly every answer is no: a linear scan compared each word's
// length and first byte, 130 instructions a token for the family words. A
// small open-addressed table keyed by length and end bytes answers in one
// or two probes.
#ifndef KITH_ENGINE_EXTRACT_WORD_SET_H_
#define KITH_ENGINE_EXTRACT_WORD_SET_H_

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

namespace kith::extract {

class WordSet {
 public:
  // `words` are not copied: they must outlive the set (string literals).
  // Empty words are ignored; a word given twice is kept once.
  WordSet(std::initializer_list<std::string_view> words) : WordSet(std::span(words.begin(), words.size())) {}
  explicit WordSet(std::span<const std::string_view> words) {
    size_t slots = 8;
    while (slots < 2 * words.size()) slots *= 2;  // At most half full.
    slots_.resize(slots);
    mask_ = slots - 1;
    for (std::string_view word : words) {
      if (word.empty() || Contains(word)) continue;
      size_t slot = Slot(word);
      while (!slots_[slot].empty()) slot = (slot + 1) & mask_;
      slots_[slot] = word;
    }
  }

  bool Contains(std::string_view word) const {
    if (word.empty()) return false;
    for (size_t slot = Slot(word);; slot = (slot + 1) & mask_) {
      std::string_view held = slots_[slot];
      if (held.empty()) return false;
      if (held == word) return true;
    }
  }

 private:
  size_t Slot(std::string_view word) const {
    const auto first = static_cast<unsigned char>(word.front());
    const auto last = static_cast<unsigned char>(word.back());
    return (word.size() * 97 + first * 31 + last) & mask_;
  }

  std::vector<std::string_view> slots_;  // Empty: a free slot.
  size_t mask_ = 0;
};

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_WORD_SET_H_
