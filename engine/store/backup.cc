// Backup and restore of a whole store. A backup is a RocksDB checkpoint:
// a directory that is itself a store, so restoring is copying it into
// place after checking that it opens.
#include <rocksdb/utilities/checkpoint.h>

#include <chrono>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "engine/store/rocks_store.h"
#include "engine/util/status_macros.h"

namespace kith::store {

absl::Status RocksStore::Backup(const std::string& dir) const {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) return absl::AlreadyExistsError(absl::StrCat(dir, " already exists"));
  rocksdb::Checkpoint* raw = nullptr;
  RETURN_IF_ERROR(FromRocks(rocksdb::Checkpoint::Create(db_.get(), &raw), "cannot start a backup"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  return FromRocks(checkpoint->CreateCheckpoint(dir), absl::StrCat("cannot back up to ", dir));
}

absl::Status RestoreStore(const std::string& backup_dir, const std::string& db_dir, bool replace,
                          std::string* moved_to) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(backup_dir, ec)) return absl::NotFoundError(absl::StrCat(backup_dir, " is not a directory"));
  // Opening a directory, even one that fails to open, leaves RocksDB's LOCK
  // and LOG in it; a directory without CURRENT is refused untouched.
  if (!fs::exists(fs::path(backup_dir) / "CURRENT", ec)) {
    return absl::InvalidArgumentError(absl::StrCat(backup_dir, " is not a kith store: it has no CURRENT file"));
  }
  {
    // The backup must be a store this build reads; opening it does not
    // create anything (and it is opened before anything is moved).
    StoreOptions options;
    options.create_if_missing = false;
    absl::StatusOr<std::unique_ptr<Store>> backup = Store::Open(options, backup_dir);
    if (!backup.ok()) {
      if (backup.status().code() == absl::StatusCode::kFailedPrecondition) return backup.status();
      return absl::InvalidArgumentError(
          absl::StrCat(backup_dir, " is not a kith store: ", backup.status().message()));
    }
  }
  if (fs::exists(db_dir, ec) && !fs::is_empty(db_dir, ec)) {
    if (!replace) {
      return absl::AlreadyExistsError(
          absl::StrCat(db_dir, " already holds a store; pass --force to move it aside and restore"));
    }
    auto stamp = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch()).count();
    std::string aside = absl::StrCat(db_dir, ".before-restore-", stamp);
    fs::rename(db_dir, aside, ec);
    if (ec) return absl::UnavailableError(absl::StrCat("cannot move ", db_dir, " aside: ", ec.message()));
    if (moved_to) *moved_to = aside;
  }
  fs::create_directories(db_dir, ec);
  fs::copy(backup_dir, db_dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
  if (ec) return absl::UnavailableError(absl::StrCat("cannot copy ", backup_dir, " to ", db_dir, ": ", ec.message()));
  return absl::OkStatus();
}

}  // namespace kith::store
