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

// Digit by digit: every day of the years dates are read from round-trips,
// each month and day in its place; years outside still come out.
TEST(DateTest, FormatsEveryDayOfTheYearsDatesAreReadFrom) {
  const std::optional<int32_t> first = ParseIsoDate("1900-01-01"), last = ParseIsoDate("2200-12-31");
  ASSERT_TRUE(first && last);
  for (int32_t day = *first; day <= *last; ++day) {
    const std::string text = FormatIsoDate(day);
    ASSERT_EQ(text.size(), 10u) << day;
    ASSERT_EQ(ParseIsoDate(text), day) << text;
  }
  EXPECT_EQ(FormatIsoDate(-719162), "0001-01-01");  // Days from 1 January of year 1 to 1970.
  EXPECT_EQ(FormatIsoDate(2932896), "9999-12-31");
  EXPECT_EQ(FormatIsoDate(2932897), "10000-01-01");
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
