#include "engine/store/rocks_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/transaction_log.h>
#include <rocksdb/table.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <filesystem>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
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

void PutEdge(const EdgeKeyParts& out, rocksdb::ColumnFamilyHandle* family,
             rocksdb::WriteBatch& batch, bool remove) {
  EdgeKeyParts in{kInEdgeTag, out.to, out.rel, out.from, out.note, out.seq};
  for (const EdgeKeyParts& parts : {out, in}) {
    if (remove) {
      batch.Delete(family, EdgeKey(parts));
    } else {
      batch.Put(family, EdgeKey(parts), rocksdb::Slice());
    }
  }
}

FactRecord RecordFromFact(const extract::Fact& fact, const std::vector<NodeId>& ids) {
  FactRecord record;
  record.set_type(static_cast<uint32_t>(fact.type));
  for (int arg : fact.args) record.add_args(ids[arg]);
  record.set_status(fact.status);
  record.set_role(fact.role);
  if (fact.date) {
    record.set_has_date(true);
    record.set_date(*fact.date);
  }
  record.set_priority(fact.priority);
  record.set_detail(fact.detail);
  record.mutable_evidence()->set_section(fact.evidence.section);
  record.mutable_evidence()->set_line(fact.evidence.line);
  record.mutable_evidence()->set_text(fact.evidence.text);
  return record;
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

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const StoreOptions& options,
                                                   const std::string& dir) {
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

  // One block cache for every family (by default large enough for a
  // 200k-note store's hot blocks); bloom filters make a point lookup of a
  // missing key one probe. LZ4 is cheap enough not to
  // slow ingest's compactions on two cores. The bottommost level, where
  // nearly all data ends up and is rewritten least, is ZSTD with a
  // dictionary trained per file: records are small and alike (note
  // headers, fact sentences, edge keys), so a shared dictionary is what
  // compresses them. At 200k notes: 338 MB with LZ4 alone, 172 MB so.
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
  family_options.write_buffer_size = 16 << 20;
  // Families written rarely (meta) would otherwise keep every WAL file
  // alive until they flush; past this size the oldest are flushed.
  db_options.max_total_wal_size = 64 << 20;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, family_options);
  for (const char* name : kFamilyNames) descriptors.emplace_back(name, family_options);

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  RETURN_IF_ERROR(FromRocks(rocksdb::DB::Open(db_options, dir, descriptors, &handles, &raw),
                            absl::StrCat("cannot open store ", dir)));
  auto store = std::make_unique<RocksStore>(std::unique_ptr<rocksdb::DB>(raw), std::move(handles));
  RETURN_IF_ERROR(store->CheckSchema());
  RETURN_IF_ERROR(store->LoadCounts());
  RemoveEmptyOldLogs(*raw, dir);
  return store;
}

RocksStore::RocksStore(std::unique_ptr<rocksdb::DB> db,
                       std::vector<rocksdb::ColumnFamilyHandle*> handles)
    : db_(std::move(db)), handles_(std::move(handles)) {
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
    return absl::OkStatus();
  }
  if (!status.IsNotFound()) return FromRocks(status, "cannot read the store's counts");
  ASSIGN_OR_RETURN(counts_, CountByScan(db_.get(), families_));
  return FromRocks(db_->Put({}, families_.meta, kCountsMeta, counts_.SerializeAsString()),
                   "cannot store the store's counts");
}

absl::Status RocksStore::WriteWithCounts(rocksdb::WriteBatch& batch, CountsRecord counts, std::string_view what) {
  batch.Put(families_.meta, kCountsMeta, counts.SerializeAsString());
  RETURN_IF_ERROR(FromRocks(db_->Write({}, &batch), what));
  counts_ = std::move(counts);
  return absl::OkStatus();
}

absl::StatusOr<CheckReport> RocksStore::Check() const { return CheckStore(db_.get(), families_); }

std::unique_ptr<StoreReader> RocksStore::NewReader() const {
  return std::make_unique<RocksReader>(db_.get(), families_);
}

absl::Status RocksStore::AdjustRefs(NodeId id, model::EntityKind kind, std::string_view name,
                                    int delta, rocksdb::WriteBatch& batch, CountsRecord& counts) {
  std::string value;
  rocksdb::Status status = db_->Get({}, families_.entities, IdKey(id), &value);
  EntityRecord record;
  if (status.IsNotFound()) {
    if (delta <= 0) return absl::OkStatus();
    record.set_kind(static_cast<uint32_t>(kind));
    record.set_name(std::string(name));
    batch.Put(families_.names, NameKey(util::FoldName(name), kind, id), rocksdb::Slice());
    AddCount(*counts.mutable_entities(), record.kind(), +1);
  } else {
    RETURN_IF_ERROR(FromRocks(status, "cannot read entity"));
    if (!record.ParseFromString(value)) {
      return absl::DataLossError(absl::StrCat("entity ", id, " does not decode"));
    }
  }
  int64_t refs = static_cast<int64_t>(record.note_refs()) + delta;
  if (refs <= 0) {
    AddCount(*counts.mutable_entities(), record.kind(), -1);
    batch.Delete(families_.entities, IdKey(id));
    batch.Delete(families_.names,
                 NameKey(util::FoldName(record.name()),
                         static_cast<model::EntityKind>(record.kind()), id));
    return absl::OkStatus();
  }
  record.set_note_refs(static_cast<uint32_t>(refs));
  batch.Put(families_.entities, IdKey(id), record.SerializeAsString());
  return absl::OkStatus();
}

absl::StatusOr<std::optional<NoteRecord>> RocksStore::RetractInto(NodeId note,
                                                                  std::string_view path,
                                                                  rocksdb::WriteBatch& batch,
                                                                  CountsRecord& counts) {
  std::string value;
  rocksdb::Status status = db_->Get({}, families_.notes, IdKey(note), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocks(status, "cannot read note"));
  NoteRecord old;
  if (!old.ParseFromString(value)) {
    return absl::DataLossError(absl::StrCat("note record for ", std::string(path), " does not decode"));
  }
  if (old.path() != path) {
    return absl::DataLossError(absl::StrCat("note id collision between ", old.path(), " and ",
                                            std::string(path)));
  }
  RocksReader reader(db_.get(), families_);
  ASSIGN_OR_RETURN(std::vector<StoredFact> facts, reader.NoteFacts(note));
  for (const StoredFact& fact : facts) {
    for (const EdgeKeyParts& edge : FactEdges(note, fact.seq, fact.type, fact.args)) {
      PutEdge(edge, families_.edges, batch, /*remove=*/true);
    }
    if (fact.type == model::RelationType::kAlsoKnownAs && !fact.args.empty()) {
      batch.Delete(families_.aliases, AliasKey(util::FoldName(fact.detail), fact.args[0], note));
    }
    batch.Delete(families_.facts, FactKey(note, fact.seq));
    AddCount(*counts.mutable_facts(), static_cast<uint32_t>(fact.type), -1);
  }
  batch.Delete(families_.notes, IdKey(note));
  counts.set_notes(counts.notes() - 1);
  batch.Delete(families_.stamps, IdKey(note));
  return old;
}

absl::Status RocksStore::PutNote(const extract::NoteGraph& graph, uint64_t content_hash, const FileStamp& file) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  const NodeId note = NoteId(graph.path);
  rocksdb::WriteBatch batch;
  CountsRecord counts = counts_;
  ASSIGN_OR_RETURN(std::optional<NoteRecord> old, RetractInto(note, graph.path, batch, counts));

  std::vector<NodeId> ids;
  ids.reserve(graph.entities.size());
  for (const extract::EntityMention& entity : graph.entities) {
    ids.push_back(EntityId(entity.kind, entity.name));
  }
  std::set<NodeId> old_ids;
  if (old) old_ids.insert(old->entities().begin(), old->entities().end());
  std::set<NodeId> new_ids(ids.begin(), ids.end());
  for (size_t i = 0; i < ids.size(); ++i) {
    if (old_ids.count(ids[i]) == 0) {
      RETURN_IF_ERROR(AdjustRefs(ids[i], graph.entities[i].kind, graph.entities[i].name, +1, batch, counts));
    }
  }
  for (NodeId id : old_ids) {
    if (new_ids.count(id) == 0) {
      RETURN_IF_ERROR(AdjustRefs(id, model::EntityKind::kPerson, "", -1, batch, counts));
    }
  }

  NoteRecord record;
  record.set_path(graph.path);
  record.set_title(graph.title);
  record.set_type(graph.type);
  if (graph.date) {
    record.set_has_date(true);
    record.set_date(*graph.date);
  }
  record.set_content_hash(content_hash);
  for (NodeId id : new_ids) record.add_entities(id);
  uint32_t seq = 0;
  for (const extract::Fact& fact : graph.facts) {
    FactRecord fact_record = RecordFromFact(fact, ids);
    std::vector<NodeId> args(fact_record.args().begin(), fact_record.args().end());
    if (fact.type == model::RelationType::kAttended && !args.empty()) {
      record.add_attendees(args[0]);
    }
    for (const EdgeKeyParts& edge : FactEdges(note, seq, fact.type, args)) {
      PutEdge(edge, families_.edges, batch, /*remove=*/false);
    }
    if (fact.type == model::RelationType::kAlsoKnownAs && !args.empty()) {
      batch.Put(families_.aliases, AliasKey(util::FoldName(fact.detail), args[0], note), rocksdb::Slice());
    }
    batch.Put(families_.facts, FactKey(note, seq), fact_record.SerializeAsString());
    AddCount(*counts.mutable_facts(), static_cast<uint32_t>(fact.type), +1);
    ++seq;
  }
  record.set_fact_count(seq);
  record.set_warning_count(static_cast<uint32_t>(graph.warnings.size()));
  for (const extract::LearnedNames::Entry& e : graph.learned.entries) {
    LearnedNameRecord* learned = record.add_learned();
    learned->set_kind(static_cast<uint32_t>(e.kind));
    learned->set_name(e.name);
    learned->set_other(e.other);
  }
  batch.Put(families_.notes, IdKey(note), record.SerializeAsString());
  batch.Put(families_.stamps, IdKey(note), EncodeNoteStamp({graph.path, graph.date, content_hash, file}));
  counts.set_notes(counts.notes() + 1);
  return WriteWithCounts(batch, std::move(counts), absl::StrCat("cannot store note ", graph.path));
}

absl::Status RocksStore::DeleteNote(std::string_view path) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  const NodeId note = NoteId(path);
  rocksdb::WriteBatch batch;
  CountsRecord counts = counts_;
  ASSIGN_OR_RETURN(std::optional<NoteRecord> old, RetractInto(note, path, batch, counts));
  if (!old) return absl::OkStatus();
  for (NodeId id : old->entities()) {
    RETURN_IF_ERROR(AdjustRefs(id, model::EntityKind::kPerson, "", -1, batch, counts));
  }
  return WriteWithCounts(batch, std::move(counts), absl::StrCat("cannot delete note ", std::string(path)));
}

absl::Status RocksStore::RestampNote(std::string_view path, const FileStamp& file) {
  std::lock_guard<std::mutex> lock(write_mutex_);
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

absl::Status RocksStore::PutMeta(std::string_view key, std::string_view value) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  return FromRocks(db_->Put({}, families_.meta, rocksdb::Slice(key.data(), key.size()),
                            rocksdb::Slice(value.data(), value.size())),
                   "cannot write meta");
}

}  // namespace kith::store
