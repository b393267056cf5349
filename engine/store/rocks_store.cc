#include "engine/store/rocks_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/memtablerep.h>
#include <rocksdb/transaction_log.h>
#include <rocksdb/table.h>
#include <rocksdb/options.h>

#include <filesystem>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/store/bulk_fill_memtable.h"
#include "engine/store/keys.h"
#include "engine/store/note_stamp.h"
#include "engine/util/hash.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith::store {
namespace {

// Appended to, never reordered: Families is filled in this order.
constexpr const char* kFamilyNames[] = {"meta", "entities", "names", "notes", "facts", "edges", "aliases", "stamps"};
constexpr uint64_t kNoteSeed = 0x6e6f7465;  // "note"

std::string SchemaBytes(uint32_t version) {
  std::string out;
  AppendU32(out, version);
  return out;
}

}  // namespace

std::vector<EdgeKeyParts> FactEdges(NodeId note, uint32_t seq, model::RelationType type,
                                    const std::vector<NodeId>& args) {
  std::vector<EdgeKeyParts> edges;
  if (args.empty()) return edges;
  if (model::IsNoteRelation(type)) {
    edges.push_back({kOutEdgeTag, args[0], type, note, note, seq});
  } else {
    for (size_t i = 1; i < args.size(); ++i) {
      edges.push_back({kOutEdgeTag, args[0], type, args[i], note, seq});
    }
  }
  return edges;
}


NodeId EntityId(model::EntityKind kind, std::string_view name) {
  return util::StableHash64(util::FoldName(name), static_cast<uint64_t>(kind));
}

NodeId NoteId(std::string_view path) { return util::StableHash64(path, kNoteSeed); }

absl::Status FromRocks(const rocksdb::Status& status, std::string_view what) {
  if (status.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(std::string(what), ": ", status.ToString());
  if (status.IsCorruption()) return absl::DataLossError(message);
  if (status.IsNotFound()) return absl::NotFoundError(message);
  if (status.IsIOError()) return absl::UnavailableError(message);
  if (status.IsInvalidArgument()) return absl::InvalidArgumentError(message);
  return absl::InternalError(message);
}

namespace {

// Every open leaves an empty write-ahead log behind, which RocksDB before
// 8.3 never deletes (RocksDB issue 11313): a CLI user's store would gather
// one per command. Logs older than the one this open writes and empty hold
// nothing to recover; with WALs not tracked in the manifest (the default)
// removing them is safe, and this process holds the store's lock, so no
// other process is writing them. A log that cannot be removed only stays.
void RemoveEmptyOldLogs(rocksdb::DB& db, const std::string& dir) {
  std::unique_ptr<rocksdb::LogFile> current;
  if (!db.GetCurrentWalFile(&current).ok() || current == nullptr) return;
  std::error_code ec;
  for (const std::filesystem::directory_entry& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    uint64_t number = 0;
    if (entry.path().extension() != ".log" ||
        !absl::SimpleAtoi(absl::string_view(name.data(), name.size() - 4), &number) ||
        number >= current->LogNumber()) {
      continue;
    }
    std::error_code size_error;
    if (entry.file_size(size_error) == 0 && !size_error) std::filesystem::remove(entry.path(), size_error);
  }
}

// The families a new store's first fill gathers in vector memtables:
// those ingest only writes, which since the store began empty includes
// entities (RocksStore::written_entities_). Meta is read at open, and
// written once per batch.
bool IsBulkFilled(std::string_view family) { return family != "meta"; }

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const StoreOptions& options,
                                                   const std::string& dir) {
  // RocksDB writes CURRENT when it creates a store, before anything else.
  const bool bulk_load = options.bulk_load_when_created && options.create_if_missing &&
                         !std::filesystem::exists(std::filesystem::path(dir) / "CURRENT");
  if (options.create_if_missing) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      return absl::UnavailableError(absl::StrCat("cannot create store directory ", dir, ": ",
                                                 ec.message()));
    }
  }
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  // Families added by a later schema are created in an existing store too.
  db_options.create_missing_column_families = true;
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  db_options.keep_log_file_num = 2;
  db_options.IncreaseParallelism(2);
  // Two flushes at once (RocksDB's default for two jobs is one): a sync's
  // last flush writes every family's memtable, on both cores.
  db_options.max_background_flushes = 2;

  // One block cache for every family (by default large enough for a
  // 200k-note store's hot blocks); bloom filters make a point lookup of a
  // missing key one probe. LZ4 is cheap enough not to
  // slow ingest's compactions on two cores. The bottommost level, where
  // nearly all data ends up and is rewritten least, is ZSTD with a
  // dictionary per file: records are small and alike (note headers, fact
  // sentences, edge keys), so a shared dictionary is what compresses them.
  // At 200k notes: 338 MB with LZ4 alone, 172 MB so. The dictionary is
  // finalised from samples, not trained: training was 4-5 % of a 200k-note
  // ingest's CPU, and compacting that store whole took 15.4 s instead of
  // 22.3 s, for 128 MB instead of 123 MB. Without any dictionary an ingest
  // took about 5 % less CPU again, but the store compacted whole was
  // 165 MB (its facts 77 MB against 49 MB). Compare stores compacted
  // whole: sizes soon after an ingest depend on how many level-0 files
  // happen to be left.
  rocksdb::BlockBasedTableOptions table_options;
  table_options.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  table_options.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table_options.format_version = 5;
  rocksdb::ColumnFamilyOptions family_options;
  family_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table_options));
  family_options.compression = rocksdb::kLZ4Compression;
  family_options.bottommost_compression = rocksdb::kZSTD;
  family_options.bottommost_compression_opts.enabled = true;
  family_options.bottommost_compression_opts.level = 3;
  family_options.bottommost_compression_opts.max_dict_bytes = 32 << 10;
  family_options.bottommost_compression_opts.zstd_max_train_bytes = 100 * (32 << 10);
  family_options.bottommost_compression_opts.use_zstd_dict_trainer = false;
  family_options.write_buffer_size = 16 << 20;
  family_options.disable_auto_compactions = options.defer_compactions_until_write;
  // Families written rarely (meta) would otherwise keep every WAL file
  // alive until they flush; past this size the oldest are flushed.
  db_options.max_total_wal_size = 64 << 20;
  // So that the OPTIONS file of a store filled in bulk loads whole.
  RegisterBulkFillMemTableFactory();
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, family_options);
  for (const char* name : kFamilyNames) {
    descriptors.emplace_back(name, family_options);
    const std::string_view family(name);
    if (bulk_load && IsBulkFilled(family)) {
      // Sorting a 64 MB array once per flush costs less than 16 MB of
      // skip-list inserts, each a search among the keys already there;
      // PutNotes reads none of these back (see IsBulkFilled). The array
      // is sorted by key prefixes first (bulk_fill_memtable.h).
      descriptors.back().options.memtable_factory = std::make_shared<BulkFillMemTableFactory>();
      descriptors.back().options.write_buffer_size = 64 << 20;
      // Ids are hashes, so every level-0 file overlaps all of level 1 and
      // each compaction into it rewrites the level whole: twice as many
      // files per compaction halve those rewrites. 200k notes, six runs
      // alternated: 0.94x the CPU, 0.95x the time; the store at exit is
      // 215 MB instead of 174 MB (the vault is 245 MB) until a process
      // that writes compacts it (kithd within its first minute).
      descriptors.back().options.level0_file_num_compaction_trigger = 8;
    }
  }
  // Only a skip list takes inserts from several writers at once; PutNotes
  // writes one batch at a time anyway.
  if (bulk_load) db_options.allow_concurrent_memtable_write = false;

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  RETURN_IF_ERROR(FromRocks(rocksdb::DB::Open(db_options, dir, descriptors, &handles, &raw),
                            absl::StrCat("cannot open store ", dir)));
  uint64_t unsorted_families = 0;
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    if (bulk_load && IsBulkFilled(handle->GetName())) unsorted_families |= uint64_t{1} << handle->GetID();
  }
  auto store = std::make_unique<RocksStore>(std::unique_ptr<rocksdb::DB>(raw), std::move(handles),
                                            options.defer_compactions_until_write, unsorted_families);
  RETURN_IF_ERROR(store->CheckSchema());
  RETURN_IF_ERROR(store->LoadCounts());
  RemoveEmptyOldLogs(*raw, dir);
  return store;
}

RocksStore::RocksStore(std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*> handles,
                       bool compactions_deferred, uint64_t unsorted_families)
    : compactions_deferred_(compactions_deferred), unsorted_families_(unsorted_families), db_(std::move(db)),
      handles_(std::move(handles)) {
  // handles_[0] is the default family, which kith does not use.
  families_ = {handles_[1], handles_[2], handles_[3], handles_[4], handles_[5], handles_[6], handles_[7], handles_[8]};
}

RocksStore::~RocksStore() {
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
}

absl::Status RocksStore::CheckSchema() {
  std::string value;
  rocksdb::Status status = db_->Get({}, families_.meta, "schema_version", &value);
  if (status.IsNotFound()) {
    return FromRocks(db_->Put({}, families_.meta, "schema_version", SchemaBytes(kSchemaVersion)),
                     "cannot record schema version");
  }
  RETURN_IF_ERROR(FromRocks(status, "cannot read schema version"));
  if (value.size() != 4) return absl::DataLossError("schema version record is malformed");
  uint32_t version = ReadU32(value);
  if (version > kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("store has schema version ", version, ", newer than this kith's ",
                     kSchemaVersion, "; upgrade kith to open it"));
  }
  if (version < kSchemaVersion) {
    // Every upgrade so far only added families, which Open has created.
    return FromRocks(db_->Put({}, families_.meta, "schema_version", SchemaBytes(kSchemaVersion)),
                     "cannot record schema version");
  }
  return absl::OkStatus();
}

absl::Status RocksStore::LoadCounts() {
  std::lock_guard<std::mutex> lock(write_mutex_);
  std::string value;
  rocksdb::Status status = db_->Get({}, families_.meta, kCountsMeta, &value);
  if (status.ok()) {
    if (!counts_.ParseFromString(value)) return absl::DataLossError("the store's counts record does not decode");
  } else {
    if (!status.IsNotFound()) return FromRocks(status, "cannot read the store's counts");
    ASSIGN_OR_RETURN(counts_, CountByScan(db_.get(), families_));
    RETURN_IF_ERROR(FromRocks(db_->Put({}, families_.meta, kCountsMeta, counts_.SerializeAsString()),
                              "cannot store the store's counts"));
  }
  if (counts_.notes() == 0) {
    written_notes_.emplace();
    // Entities are written only with notes, so none should be stored; one
    // seek makes sure before the store's entities are taken as none.
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator({}, families_.entities));
    it->SeekToFirst();
    if (!it->Valid() && it->status().ok()) written_entities_.emplace();
  }
  return absl::OkStatus();
}

absl::StatusOr<CheckReport> RocksStore::Check() const { return CheckStore(db_.get(), families_); }

std::unique_ptr<StoreReader> RocksStore::NewReader() const {
  return std::make_unique<RocksReader>(db_.get(), families_);
}

absl::Status RocksStore::RestampNote(std::string_view path, const FileStamp& file) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  RETURN_IF_ERROR(CompactFromNowOn());
  const NodeId note = NoteId(path);
  std::string value;
  rocksdb::Status status = db_->Get({}, families_.notes, IdKey(note), &value);
  if (status.IsNotFound()) return absl::NotFoundError(absl::StrCat("no note stored at ", std::string(path)));
  RETURN_IF_ERROR(FromRocks(status, "cannot read note"));
  NoteRecord record;
  if (!record.ParseFromString(value) || record.path() != path) {
    return absl::DataLossError(absl::StrCat("note record for ", std::string(path), " does not decode"));
  }
  std::optional<int32_t> date;
  if (record.has_date()) date = record.date();
  return FromRocks(db_->Put({}, families_.stamps, IdKey(note),
                            EncodeNoteStamp({record.path(), date, record.content_hash(), file})),
                   absl::StrCat("cannot restamp note ", std::string(path)));
}

absl::Status RocksStore::CompactFromNowOn() {
  if (!compactions_deferred_) return absl::OkStatus();
  for (rocksdb::ColumnFamilyHandle* family : handles_) {
    RETURN_IF_ERROR(FromRocks(db_->SetOptions(family, {{"disable_auto_compactions", "false"}}),
                              "cannot turn compactions on"));
  }
  compactions_deferred_ = false;
  return absl::OkStatus();
}

absl::Status RocksStore::PutMeta(std::string_view key, std::string_view value) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  RETURN_IF_ERROR(CompactFromNowOn());
  return FromRocks(db_->Put({}, families_.meta, rocksdb::Slice(key.data(), key.size()),
                            rocksdb::Slice(value.data(), value.size())),
                   "cannot write meta");
}

absl::Status RocksStore::Flush() {
  rocksdb::FlushOptions options;
  options.wait = true;
  const std::vector<rocksdb::ColumnFamilyHandle*> families(handles_.begin() + 1, handles_.end());
  return FromRocks(db_->Flush(options, families), "cannot flush the store");
}

}  // namespace kith::store
