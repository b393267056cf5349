// Early-return helpers for absl::Status, which Debian's Abseil (20220623)
// does not export publicly.
#ifndef KITH_ENGINE_UTIL_STATUS_MACROS_H_
#define KITH_ENGINE_UTIL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define KITH_CONCAT_INNER_(a, b) a##b
#define KITH_CONCAT_(a, b) KITH_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function if `expr` is not OK.
#define RETURN_IF_ERROR(expr)                          \
  do {                                                 \
    ::absl::Status kith_status_ = (expr);              \
    if (!kith_status_.ok()) return kith_status_;       \
  } while (false)

// `ASSIGN_OR_RETURN(auto x, F())` binds the value of a StatusOr or returns
// its status from the enclosing function.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(KITH_CONCAT_(kith_statusor_, __LINE__), lhs, expr)

#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()

#endif  // KITH_ENGINE_UTIL_STATUS_MACROS_H_
