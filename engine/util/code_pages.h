// Code-page tables used to undo mojibake (see RepairMojibake in text.h).
#ifndef KITH_ENGINE_UTIL_CODE_PAGES_H_
#define KITH_ENGINE_UTIL_CODE_PAGES_H_

namespace kith::util {

// Code point of byte 0x80 + i, or 0 where the byte is undefined.
extern const char32_t kMacRomanHigh[128];
extern const char32_t kWindows1252High[128];

}  // namespace kith::util

#endif  // KITH_ENGINE_UTIL_CODE_PAGES_H_
