// kith gen: deterministic synthetic vaults in the formats of real ones
// (meeting notes with participants, action items, decisions and Key
// Information sentences; person and organisation pages; e-mail exports),
// with Zipf-like popularity so that a few people are hubs. The benchmarks
// and the large-chart tests run on them.
#ifndef KITH_TOOLS_GEN_VAULT_GENERATOR_H_
#define KITH_TOOLS_GEN_VAULT_GENERATOR_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace kith::gen {

struct GenOptions {
  int64_t notes = 1000;
  uint64_t seed = 1;
  // Popularity exponent for people, organisations and topics.
  double zipf = 1.0;
  // Where to write the ground truth (people, organisation, title, manager)
  // as JSON; empty: not written.
  std::string truth_path;
};

struct GenSummary {
  int64_t notes = 0;
  int64_t meetings = 0;
  int64_t person_pages = 0;
  int64_t organization_pages = 0;
  int64_t emails = 0;
  int64_t people = 0;
  int64_t organizations = 0;
  int64_t topics = 0;
  int64_t bytes = 0;
  std::string owner;
};

// Writes the vault into `out_dir`, which must be absent or empty. The same
// options give the same files, byte for byte.
absl::StatusOr<GenSummary> GenerateVault(const GenOptions& options, const std::string& out_dir);

}  // namespace kith::gen

#endif  // KITH_TOOLS_GEN_VAULT_GENERATOR_H_
