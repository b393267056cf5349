#include <gtest/gtest.h>

#include "engine/query/query.h"
#include "tests/testing/status_matchers.h"

namespace kith::query {
namespace {

TEST(StrengthModelTest, DefaultsValidate) { EXPECT_OK(ValidateStrengthModel(StrengthModel())); }

TEST(StrengthModelTest, ParseOverridesOnlyTheKeysGiven) {
  std::vector<std::string> keys;
  ASSERT_OK_AND_ASSIGN(StrengthModel m,
                       ParseStrengthModel("half_life_days: 90\nknows_weight: 0.25\n", StrengthModel(), &keys));
  EXPECT_EQ(m.half_life_days, 90);
  EXPECT_EQ(m.knows_weight, 0.25);
  EXPECT_EQ(m.saturation, StrengthModel().saturation);
  EXPECT_EQ(keys, (std::vector<std::string>{"half_life_days", "knows_weight"}));
}

TEST(StrengthModelTest, EmptyFileKeepsTheBase) {
  StrengthModel base;
  base.family_weight = 3;
  ASSERT_OK_AND_ASSIGN(StrengthModel m, ParseStrengthModel("", base));
  EXPECT_EQ(m.family_weight, 3);
}

TEST(StrengthModelTest, UnknownKeyIsLocated) {
  absl::StatusOr<StrengthModel> m = ParseStrengthModel("saturation: 2\nhalflife: 3\n", StrengthModel());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(m.status().message().find("line 2: unknown parameter 'halflife'"), std::string::npos)
      << m.status().message();
}

TEST(StrengthModelTest, OutOfRangeAndNonNumbersAreRejected) {
  for (const char* yaml : {"half_life_days: 0", "saturation: -1", "knows_weight: -0.1", "duplicate_overlap: 1.5",
                           "half_life_days: soon", "half_life_days: .nan", "[1, 2]"}) {
    absl::StatusOr<StrengthModel> m = ParseStrengthModel(yaml, StrengthModel());
    EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument) << yaml;
  }
}

TEST(StrengthModelTest, ValidateNamesTheBadField) {
  StrengthModel m;
  m.half_life_days = -5;
  absl::Status s = ValidateStrengthModel(m);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("half_life_days"), std::string::npos);
}

}  // namespace
}  // namespace kith::query
