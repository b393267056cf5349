// User curation of entity resolution: "these two names are one person",
// "these are two people". Curations are stored in order and applied to the
// gazetteer at every ingest, so they survive re-ingesting the vault.
#ifndef KITH_ENGINE_CURATION_H_
#define KITH_ENGINE_CURATION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace kith {

namespace store {
class Store;
class StoreReader;
}  // namespace store
namespace extract {
class Gazetteer;
}  // namespace extract

struct Curation {
  enum class Kind { kAlias = 1, kMerge = 2, kUnmerge = 3 };
  Kind kind = Kind::kAlias;
  std::string canonical;  // The name kept.
  std::string variant;    // The other name.
  std::string who;
  int64_t when = 0;       // Seconds since the epoch.
  std::string why;
};

// Appends a curation after the stored ones.
absl::Status AppendCuration(store::Store& store, const store::StoreReader& reader, const Curation& curation);
absl::StatusOr<std::vector<Curation>> ListCurations(const store::StoreReader& reader);

// Applies curations in order: an alias or merge makes `variant` resolve to
// `canonical`; an unmerge undoes that and keeps them apart.
void ApplyCurations(const std::vector<Curation>& curations, extract::Gazetteer& gazetteer);

// A digest of the curations, part of every note's fingerprint: a new
// curation re-extracts every note at the next ingest.
std::string CurationDigest(const std::vector<Curation>& curations);

}  // namespace kith

#endif  // KITH_ENGINE_CURATION_H_
