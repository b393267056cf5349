// Attaches a line number to a parse error as a status payload, so that the
// message stays human text and the line stays machine-readable.
#ifndef KITH_ENGINE_NOTE_LINE_STATUS_H_
#define KITH_ENGINE_NOTE_LINE_STATUS_H_

#include "absl/status/status.h"

namespace kith::note {

absl::Status WithLine(absl::Status status, int line);

}  // namespace kith::note

#endif  // KITH_ENGINE_NOTE_LINE_STATUS_H_
