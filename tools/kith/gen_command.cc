// kith gen DIR: a synthetic vault for benchmarks and tests.
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "tools/kith/commands.h"

namespace kith::cli {

int RunGen(const GlobalFlags& global, const GenFlags& flags) {
  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<gen::GenSummary> summary = gen::GenerateVault(flags.options, flags.dir);
  if (!summary.ok()) return Fail(summary.status());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (global.json) {
    std::cout << nlohmann::ordered_json{{"dir", flags.dir},
                                        {"notes", summary->notes},
                                        {"meetings", summary->meetings},
                                        {"person_pages", summary->person_pages},
                                        {"organization_pages", summary->organization_pages},
                                        {"emails", summary->emails},
                                        {"people", summary->people},
                                        {"organizations", summary->organizations},
                                        {"topics", summary->topics},
                                        {"bytes", summary->bytes},
                                        {"owner", summary->owner},
                                        {"seconds", seconds}}
                     .dump(2)
              << "\n";
    return kExitOk;
  }
  std::cout << absl::StrCat("Wrote ", summary->notes, " notes (", summary->meetings, " meetings, ",
                            summary->person_pages, " person pages, ", summary->organization_pages,
                            " organisation pages, ", summary->emails, " e-mail threads; ", summary->bytes,
                            " bytes) to ", flags.dir, "\nabout ", summary->people, " people, ",
                            summary->organizations, " organisations, ", summary->topics,
                            " topics; the vault's owner is ", summary->owner, "\n");
  return kExitOk;
}

}  // namespace kith::cli
