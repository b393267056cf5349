// Stable 64-bit hashing for content fingerprints and derived ids. The values
// are stored on disk, so the function must never change.
#ifndef KITH_ENGINE_UTIL_HASH_H_
#define KITH_ENGINE_UTIL_HASH_H_

#include <cstdint>
#include <string_view>

namespace kith::util {

// FNV-1a, 64-bit, followed by a final avalanche (the MurmurHash3 fmix64
// constants) so that similar inputs spread over the whole id space.
uint64_t StableHash64(std::string_view data, uint64_t seed = 0);

}  // namespace kith::util

#endif  // KITH_ENGINE_UTIL_HASH_H_
