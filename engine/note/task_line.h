// Obsidian Tasks syntax: "- [?] Text @Owner 📅 2025-11-08 ⏫ #task".
#ifndef KITH_ENGINE_NOTE_TASK_LINE_H_
#define KITH_ENGINE_NOTE_TASK_LINE_H_

#include <optional>
#include <string_view>

#include "engine/note/note.h"

namespace kith::note {

// Parses a line that may be a task. Returns nullopt if the line is not of
// the form "<indent>[-*+] [c] text". `line` must already be free of
// mojibake (see util::RepairMojibake).
std::optional<ActionItem> ParseTaskLine(std::string_view line);

}  // namespace kith::note

#endif  // KITH_ENGINE_NOTE_TASK_LINE_H_
