// Calendar dates as the notes write them. kith keeps dates as days since
// 1970-01-01 so that they sort and subtract as integers.
#ifndef KITH_ENGINE_UTIL_DATE_H_
#define KITH_ENGINE_UTIL_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kith::util {

// Parses "YYYY-MM-DD" at the start of `s` (trailing text is ignored, so
// "2025-10-31 - Intro.md" works). Rejects impossible dates.
std::optional<int32_t> ParseIsoDate(std::string_view s);

// Finds the first valid "YYYY-MM-DD" anywhere in `s`.
std::optional<int32_t> FindIsoDate(std::string_view s);

// Formats days since the epoch as "YYYY-MM-DD".
std::string FormatIsoDate(int32_t days);

}  // namespace kith::util

#endif  // KITH_ENGINE_UTIL_DATE_H_
