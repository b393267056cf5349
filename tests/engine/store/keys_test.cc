#include "engine/store/keys.h"

#include <gtest/gtest.h>

namespace kith::store {
namespace {

TEST(KeysTest, EdgeKeyRoundTrips) {
  EdgeKeyParts parts{kOutEdgeTag, 0x0102030405060708ULL, model::RelationType::kReportsTo,
                     0xfffffffffffffff0ULL, 42, 7};
  std::string key = EdgeKey(parts);
  ASSERT_EQ(key.size(), kEdgeKeySize);
  auto back = DecodeEdgeKey(key);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->from, parts.from);
  EXPECT_EQ(back->rel, parts.rel);
  EXPECT_EQ(back->to, parts.to);
  EXPECT_EQ(back->note, 42u);
  EXPECT_EQ(back->seq, 7u);
}

TEST(KeysTest, OutEdgesSortBySourceThenRelationThenTarget) {
  auto key = [](uint64_t from, model::RelationType rel, uint64_t to) {
    return EdgeKey({kOutEdgeTag, from, rel, to, 0, 0});
  };
  EXPECT_LT(key(1, model::RelationType::kWorksAt, 9), key(2, model::RelationType::kAttended, 0));
  EXPECT_LT(key(1, model::RelationType::kAttended, 9), key(1, model::RelationType::kReportsTo, 0));
  EXPECT_LT(key(1, model::RelationType::kAttended, 255), key(1, model::RelationType::kAttended, 256));
  std::string prefix = EdgePrefix(kOutEdgeTag, 1, model::RelationType::kAttended);
  EXPECT_EQ(key(1, model::RelationType::kAttended, 5).substr(0, prefix.size()), prefix);
}

TEST(KeysTest, NameKeyRoundTripsAndGroupsByName) {
  std::string key = NameKey("rob banga", model::EntityKind::kPerson, 99);
  auto parts = DecodeNameKey(key);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->folded, "rob banga");
  EXPECT_EQ(parts->kind, model::EntityKind::kPerson);
  EXPECT_EQ(parts->id, 99u);
  // "rob" must not prefix-match "rob banga": the separator ends the name.
  EXPECT_NE(key.substr(0, NamePrefix("rob").size()), NamePrefix("rob"));
}

TEST(KeysTest, AliasKeyRoundTripsAndGroupsByAlias) {
  std::string key = AliasKey("tom okafor", 7, 9);
  std::optional<AliasKeyParts> parts = DecodeAliasKey(key);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->folded, "tom okafor");
  EXPECT_EQ(parts->person, 7u);
  EXPECT_EQ(parts->note, 9u);
  EXPECT_EQ(key.rfind(NamePrefix("tom okafor"), 0), 0u);
  // "tom" must not prefix-match "tom okafor"'s keys: the separator ends the name.
  EXPECT_NE(key.rfind(NamePrefix("tom"), 0), 0u);
  EXPECT_FALSE(DecodeAliasKey("short").has_value());
}

TEST(KeysTest, RejectsMalformedKeys) {
  EXPECT_FALSE(DecodeEdgeKey("short"));
  EXPECT_FALSE(DecodeNameKey("no separator here"));
}

TEST(KeysTest, PrefixSuccessorBoundsAPrefix) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xff", 2)), "b");
  EXPECT_EQ(PrefixSuccessor(std::string("\xff\xff", 2)), "");
}

}  // namespace
}  // namespace kith::store
