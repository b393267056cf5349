#include "engine/util/hash.h"

#include <gtest/gtest.h>

namespace kith::util {
namespace {

// Entity and note ids are this hash, and they are on disk: any change to the
// function must fail here (values from an independent implementation).
TEST(StableHash64Test, IsPinned) {
  EXPECT_EQ(StableHash64(""), 0xefd01f60ba992926ULL);
  EXPECT_EQ(StableHash64("rob banga"), 0x8e670662bfd0f344ULL);
  EXPECT_EQ(StableHash64("rob banga", 1), 0xf587f39cc8d907b3ULL);
}

TEST(StableHash64Test, SeedSeparatesKinds) {
  EXPECT_NE(StableHash64("microsoft", 1), StableHash64("microsoft", 2));
}

}  // namespace
}  // namespace kith::util
