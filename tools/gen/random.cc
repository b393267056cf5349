#include "tools/gen/random.h"

#include <algorithm>
#include <cmath>

namespace kith::gen {

Zipf::Zipf(size_t n, double s) {
  cumulative_.reserve(n);
  double total = 0;
  for (size_t r = 0; r < n; ++r) {
    total += 1.0 / std::pow(double(r + 1), s);
    cumulative_.push_back(total);
  }
}

size_t Zipf::Draw(Random& random) const {
  double target = random.Unit() * cumulative_.back();
  size_t rank = std::upper_bound(cumulative_.begin(), cumulative_.end(), target) - cumulative_.begin();
  return std::min(rank, cumulative_.size() - 1);
}

}  // namespace kith::gen
