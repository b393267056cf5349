// libFuzzer target: any bytes, as a note at a path the input also picks,
// through parsing, name learning and extraction; and, for frontmatter the
// simple YAML reader takes, the same fields as yaml-cpp reads. Built with KITH_FUZZ=ON
// (clang); tools/sanitize runs it for a bounded time with a seed corpus
// made from examples/vault. A crash, a sanitizer report or a timeout is a
// finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/extract/extract.h"
#include "engine/extract/gazetteer.h"
#include "engine/note/frontmatter.h"
#include "engine/note/note.h"
#include "engine/note/simple_yaml.h"

namespace {

// The first line of the input picks the note's path, because paths steer
// extraction (People/<Name>/README.md, e-mail folders, dates in names).
constexpr std::string_view kPaths[] = {
    "Meetings/2025-01-02 - Sync.md", "People/Ana Bell/README.md", "Customers and Partners/Acme/README.md",
    "Sources/Email/2025-01-02_Intro.md", "Sources/Transcripts/2025-01-02 - Call.md", "note.txt",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view path = kPaths[size == 0 ? 0 : data[0] % (sizeof kPaths / sizeof kPaths[0])];
  // What the simple reader takes, it must read as yaml-cpp does.
  if (absl::StatusOr<kith::note::FrontmatterSplit> split = kith::note::SplitFrontmatter(input);
      split.ok() && kith::note::ReadSimpleYaml(split->yaml)) {
    absl::StatusOr<kith::note::Frontmatter> simple = kith::note::ParseFrontmatter(split->yaml, 2);
    absl::StatusOr<kith::note::Frontmatter> full = kith::note::ParseFrontmatterWithYamlCpp(split->yaml, 2);
    if (!simple.ok() || !full.ok() || !(*simple == *full)) __builtin_trap();
  }
  absl::StatusOr<kith::note::ParsedNote> note = kith::note::ParseNote(path, input);
  if (!note.ok()) return 0;
  kith::extract::Gazetteer gazetteer;
  kith::extract::LearnNames(*note).ApplyTo(gazetteer);
  gazetteer.Finish();
  kith::extract::ExtractOptions options;
  options.owner = "Ana Bell";
  options.gazetteer = &gazetteer;
  kith::extract::NoteGraph graph = kith::extract::Extract(*note, options);
  // Every fact must name entities the graph holds.
  for (const kith::extract::Fact& fact : graph.facts) {
    for (int arg : fact.args) {
      if (arg < 0 || static_cast<size_t>(arg) >= graph.entities.size()) __builtin_trap();
    }
  }
  return 0;
}
