// Deterministic randomness for the synthetic vault generator. The standard
// library's distributions differ between implementations, so the generator
// uses its own: the same seed gives the same vault on every machine.
#ifndef KITH_TOOLS_GEN_RANDOM_H_
#define KITH_TOOLS_GEN_RANDOM_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kith::gen {

// SplitMix64: tiny, fast and good enough for picking names and dates.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n) { return Next() % n; }
  // Uniform in [0, 1).
  double Unit() { return double(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }

 private:
  uint64_t state_;
};

// Zipf-like popularity over ranks 0..n-1 (rank 0 most popular): weight of
// rank r is 1 / (r + 1)^s. Sampling is a binary search in the cumulative
// weights, so building is O(n) and drawing O(log n).
class Zipf {
 public:
  Zipf(size_t n, double s);
  size_t Draw(Random& random) const;
  size_t size() const { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;
};

}  // namespace kith::gen

#endif  // KITH_TOOLS_GEN_RANDOM_H_
