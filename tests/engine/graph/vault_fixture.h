// Helpers the memory-index tests share: a vault ingested into a store.
#ifndef KITH_TESTS_ENGINE_GRAPH_VAULT_FIXTURE_H_
#define KITH_TESTS_ENGINE_GRAPH_VAULT_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>

#include "engine/kith.h"
#include "engine/vault/vault.h"
#include "tests/testing/status_matchers.h"

namespace kith::graph {

// Ingests every note under `dir` in one session.
inline void IngestDirectory(Engine& engine, const std::string& dir) {
  auto session = engine.BeginIngest({});
  vault::WalkResult walk = vault::WalkVault({dir});
  for (const vault::NoteFile& file : walk.files) {
    absl::StatusOr<std::string> content = vault::ReadFile(file.absolute, 1 << 20);
    ASSERT_OK(content.status());
    session->Add(file.relative, *content);
  }
  ASSERT_OK(session->Finish().status());
}

// Ingests one note in a session of its own.
inline void IngestNote(Engine& engine, const std::string& path, const std::string& text) {
  auto session = engine.BeginIngest({});
  session->Add(path, text);
  ASSERT_OK(session->Finish().status());
}

// Ingests `vault` into a new store at `db` under `model`.
inline void IngestInto(const std::string& vault, const std::string& db, const query::StrengthModel& model = {}) {
  ASSERT_OK_AND_ASSIGN(auto engine, Engine::Open({.strength = model}, db));
  IngestDirectory(*engine, vault);
}

}  // namespace kith::graph

#endif  // KITH_TESTS_ENGINE_GRAPH_VAULT_FIXTURE_H_
