#include "engine/util/date.h"

#include <gtest/gtest.h>

namespace kith::util {
namespace {

TEST(DateTest, RoundTripsThroughDays) {
  for (std::string text : {"1970-01-01", "2000-02-29", "2025-10-31", "2199-12-31"}) {
    auto days = ParseIsoDate(text);
    ASSERT_TRUE(days.has_value()) << text;
    EXPECT_EQ(FormatIsoDate(*days), text);
  }
  EXPECT_EQ(*ParseIsoDate("1970-01-02"), 1);
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseIsoDate("2025-02-29"));
  EXPECT_FALSE(ParseIsoDate("2025-13-01"));
  EXPECT_FALSE(ParseIsoDate("2025-1-01"));
  EXPECT_FALSE(ParseIsoDate("2025-10-311"));
  EXPECT_FALSE(ParseIsoDate("not a date"));
}

TEST(DateTest, AcceptsTrailingText) {
  EXPECT_TRUE(ParseIsoDate("2025-10-31 - Intro discussion.md"));
}

TEST(DateTest, FindsDateInsideText) {
  auto days = FindIsoDate("20251030 - notes from 2025-10-30 call");
  ASSERT_TRUE(days);
  EXPECT_EQ(FormatIsoDate(*days), "2025-10-30");
  EXPECT_FALSE(FindIsoDate("no date here"));
}

}  // namespace
}  // namespace kith::util
