// backup and restore. Backup goes through the client, so it works while
// kithd serves the store; restore replaces the store's files and so runs
// in-process on a closed store.
#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "engine/kith.h"
#include "engine/util/db_path.h"
#include "tools/kith/commands.h"
#include "tools/kith/render.h"

namespace kith::cli {

int RunBackup(Client& client, const GlobalFlags& global, const std::string& dir) {
  v1::BackupRequest request;
  request.set_dir(std::filesystem::absolute(dir).lexically_normal().string());
  absl::StatusOr<v1::BackupResponse> response = client.Backup(request);
  if (!response.ok()) return Fail(response.status());
  if (global.json) {
    std::cout << "{\"dir\": \"" << response->dir() << "\", \"bytes\": " << response->bytes() << "}\n";
  } else {
    std::cout << "Backed up to " << response->dir() << " (" << response->bytes() << " bytes).\n";
  }
  return kExitOk;
}

int RunRestore(const GlobalFlags& global, const std::string& backup_dir, bool force) {
  if (!global.server.empty()) {
    return Fail(absl::FailedPreconditionError(
        "restore replaces the store's files: stop kithd and run it without --server"));
  }
  std::string db = util::ResolveDbPath(global.db);
  std::string moved_to;
  if (absl::Status s = Engine::Restore(backup_dir, db, force, &moved_to); !s.ok()) return Fail(s);
  std::cout << "Restored " << backup_dir << " into " << db << ".\n";
  if (!moved_to.empty()) std::cout << "The store that was there is kept in " << moved_to << ".\n";
  absl::StatusOr<std::unique_ptr<Client>> client = OpenEmbedded(db, Workload::kOneQuery);
  if (!client.ok()) return Fail(client.status());
  return RunCheck(**client, global);
}

}  // namespace kith::cli
