// Status assertions for GoogleTest; Debian's Abseil ships no gMock matchers.
#ifndef KITH_TESTS_TESTING_STATUS_MATCHERS_H_
#define KITH_TESTS_TESTING_STATUS_MATCHERS_H_

#include <gtest/gtest.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace kith::testing {

inline const absl::Status& StatusOf(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& s) {
  return s.status();
}

}  // namespace kith::testing

#define EXPECT_OK(expr) EXPECT_TRUE(::kith::testing::StatusOf(expr).ok()) << ::kith::testing::StatusOf(expr)
#define ASSERT_OK(expr) ASSERT_TRUE(::kith::testing::StatusOf(expr).ok()) << ::kith::testing::StatusOf(expr)

#define KITH_TEST_CONCAT_INNER_(a, b) a##b
#define KITH_TEST_CONCAT_(a, b) KITH_TEST_CONCAT_INNER_(a, b)
#define ASSERT_OK_AND_ASSIGN(lhs, expr) \
  ASSERT_OK_AND_ASSIGN_IMPL_(KITH_TEST_CONCAT_(statusor_, __LINE__), lhs, expr)
#define ASSERT_OK_AND_ASSIGN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                               \
  ASSERT_TRUE(tmp.ok()) << tmp.status();           \
  lhs = std::move(tmp).value()

#endif  // KITH_TESTS_TESTING_STATUS_MATCHERS_H_
