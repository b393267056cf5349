// The IngestSession behind Engine::BeginIngest (private to the engine).
#ifndef KITH_ENGINE_INGEST_SESSION_H_
#define KITH_ENGINE_INGEST_SESSION_H_

#include <memory>

#include "engine/kith.h"
#include "engine/store/store.h"

namespace kith {

// Bumped whenever extraction changes what a note yields, so that the next
// ingest re-extracts notes whose bytes did not change.
inline constexpr std::string_view kExtractorVersion = "kith-extract-9";

std::unique_ptr<IngestSession> NewIngestSession(store::Store& store,
                                                const note::ParseOptions& parse,
                                                const IngestOptions& options);

// See Engine::SkippableFiles.
absl::StatusOr<std::vector<SkippableFile>> ListSkippableFiles(const store::StoreReader& reader,
                                                              const IngestOptions& options);

}  // namespace kith

#endif  // KITH_ENGINE_INGEST_SESSION_H_
