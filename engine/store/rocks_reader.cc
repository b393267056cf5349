#include <rocksdb/iterator.h>

#include <set>

#include "absl/strings/str_cat.h"
#include "engine/store/keys.h"
#include "engine/store/note_stamp.h"
#include "engine/store/rocks_store.h"
#include "engine/util/status_macros.h"

namespace kith::store {

StoredFact FactFromRecord(NodeId note, uint32_t seq, const FactRecord& record) {
  StoredFact fact;
  fact.note = note;
  fact.seq = seq;
  fact.type = static_cast<model::RelationType>(record.type());
  fact.args.assign(record.args().begin(), record.args().end());
  fact.status = record.status();
  fact.role = record.role();
  if (record.has_date()) fact.date = record.date();
  fact.priority = record.priority();
  fact.detail = record.detail();
  fact.evidence = {record.evidence().section(), record.evidence().line(),
                   record.evidence().text()};
  return fact;
}

NoteInfo NoteFromRecord(NodeId id, const NoteRecord& record) {
  NoteInfo note;
  note.id = id;
  note.path = record.path();
  note.title = record.title();
  note.type = record.type();
  if (record.has_date()) note.date = record.date();
  note.content_hash = record.content_hash();
  note.attendees.assign(record.attendees().begin(), record.attendees().end());
  note.fact_count = record.fact_count();
  return note;
}

RocksReader::RocksReader(rocksdb::DB* db, const Families& families)
    : db_(db), families_(families), snapshot_(db->GetSnapshot()) {
  read_options_.snapshot = snapshot_;
}

RocksReader::~RocksReader() { db_->ReleaseSnapshot(snapshot_); }

absl::Status RocksReader::Scan(
    rocksdb::ColumnFamilyHandle* family, const std::string& prefix,
    const std::function<bool(std::string_view, std::string_view)>& visit) const {
  rocksdb::ReadOptions options = read_options_;
  std::string upper = PrefixSuccessor(prefix);
  rocksdb::Slice upper_slice(upper);
  if (!upper.empty()) options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, family));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    rocksdb::Slice key = it->key(), value = it->value();
    if (!visit(std::string_view(key.data(), key.size()),
               std::string_view(value.data(), value.size()))) {
      break;
    }
  }
  return FromRocks(it->status(), "cannot scan store");
}

// Reads and decodes one record; nullopt if the key is absent.
template <typename Record>
absl::StatusOr<std::optional<Record>> GetRecord(rocksdb::DB* db, const rocksdb::ReadOptions& options,
                                                rocksdb::ColumnFamilyHandle* family, NodeId id,
                                                std::string_view what) {
  std::string value;
  rocksdb::Status status = db->Get(options, family, IdKey(id), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocks(status, absl::StrCat("cannot read ", std::string(what))));
  Record record;
  if (!record.ParseFromString(value)) {
    return absl::DataLossError(absl::StrCat(std::string(what), " ", id, " does not decode"));
  }
  return record;
}

absl::StatusOr<std::optional<EntityInfo>> RocksReader::Entity(NodeId id) const {
  ASSIGN_OR_RETURN(std::optional<EntityRecord> record,
                   GetRecord<EntityRecord>(db_, read_options_, families_.entities, id, "entity"));
  if (!record) return std::nullopt;
  return EntityInfo{id, static_cast<model::EntityKind>(record->kind()), record->name(),
                    record->note_refs()};
}

absl::StatusOr<std::optional<NoteInfo>> RocksReader::Note(NodeId id) const {
  ASSIGN_OR_RETURN(std::optional<NoteRecord> record,
                   GetRecord<NoteRecord>(db_, read_options_, families_.notes, id, "note"));
  if (!record) return std::nullopt;
  return NoteFromRecord(id, *record);
}

absl::StatusOr<std::vector<EntityInfo>> RocksReader::FindByName(std::string_view folded) const {
  std::vector<NodeId> ids;
  absl::Status bad_key;
  RETURN_IF_ERROR(Scan(families_.names, NamePrefix(folded),
                       [&](std::string_view key, std::string_view) {
                         std::optional<NameKeyParts> parts = DecodeNameKey(key);
                         if (!parts) {
                           bad_key = absl::DataLossError("name key does not decode");
                           return false;
                         }
                         ids.push_back(parts->id);
                         return true;
                       }));
  RETURN_IF_ERROR(bad_key);
  std::vector<EntityInfo> found;
  for (NodeId id : ids) {
    ASSIGN_OR_RETURN(std::optional<EntityInfo> entity, Entity(id));
    if (!entity) return absl::DataLossError(absl::StrCat("name index names missing entity ", id));
    found.push_back(*std::move(entity));
  }
  return found;
}

absl::Status RocksReader::ForEachName(
    const std::function<bool(std::string_view, model::EntityKind, NodeId)>& visit) const {
  absl::Status bad_key;
  RETURN_IF_ERROR(Scan(families_.names, "", [&](std::string_view key, std::string_view) {
    std::optional<NameKeyParts> parts = DecodeNameKey(key);
    if (!parts) {
      bad_key = absl::DataLossError("name key does not decode");
      return false;
    }
    return visit(parts->folded, parts->kind, parts->id);
  }));
  return bad_key;
}

absl::StatusOr<std::vector<EntityInfo>> RocksReader::FindByAlias(std::string_view folded) const {
  std::set<NodeId> ids;
  absl::Status bad_key;
  RETURN_IF_ERROR(Scan(families_.aliases, NamePrefix(folded), [&](std::string_view key, std::string_view) {
    std::optional<AliasKeyParts> parts = DecodeAliasKey(key);
    if (!parts) {
      bad_key = absl::DataLossError("alias key does not decode");
      return false;
    }
    ids.insert(parts->person);
    return true;
  }));
  RETURN_IF_ERROR(bad_key);
  std::vector<EntityInfo> found;
  for (NodeId id : ids) {
    ASSIGN_OR_RETURN(std::optional<EntityInfo> entity, Entity(id));
    if (!entity) return absl::DataLossError(absl::StrCat("alias index names missing entity ", id));
    found.push_back(*std::move(entity));
  }
  return found;
}

absl::Status RocksReader::ForEachAlias(const std::function<bool(std::string_view, NodeId)>& visit) const {
  absl::Status bad_key;
  RETURN_IF_ERROR(Scan(families_.aliases, "", [&](std::string_view key, std::string_view) {
    std::optional<AliasKeyParts> parts = DecodeAliasKey(key);
    if (!parts) {
      bad_key = absl::DataLossError("alias key does not decode");
      return false;
    }
    return visit(parts->folded, parts->person);
  }));
  return bad_key;
}

absl::StatusOr<std::vector<EdgeRef>> RocksReader::EdgesWithPrefix(const std::string& prefix) const {
  std::vector<EdgeRef> edges;
  absl::Status bad_key;
  RETURN_IF_ERROR(Scan(families_.edges, prefix, [&](std::string_view key, std::string_view) {
    std::optional<EdgeKeyParts> parts = DecodeEdgeKey(key);
    if (!parts) {
      bad_key = absl::DataLossError("edge key does not decode");
      return false;
    }
    edges.push_back({parts->to, parts->rel, parts->note, parts->seq});
    return true;
  }));
  RETURN_IF_ERROR(bad_key);
  return edges;
}

absl::StatusOr<std::vector<EdgeRef>> RocksReader::Edges(NodeId node, Direction direction,
                                                        model::RelationType type) const {
  return EdgesWithPrefix(EdgePrefix(direction == Direction::kOut ? kOutEdgeTag : kInEdgeTag, node, type));
}

absl::StatusOr<std::vector<EdgeRef>> RocksReader::EdgesTo(NodeId node, Direction direction,
                                                          model::RelationType type, NodeId neighbour) const {
  std::string prefix = EdgePrefix(direction == Direction::kOut ? kOutEdgeTag : kInEdgeTag, node, type);
  AppendU64(prefix, neighbour);
  return EdgesWithPrefix(prefix);
}

absl::StatusOr<std::vector<StoredFact>> RocksReader::NoteFacts(NodeId note) const {
  std::vector<StoredFact> facts;
  absl::Status bad;
  RETURN_IF_ERROR(Scan(families_.facts, IdKey(note),
                       [&](std::string_view key, std::string_view value) {
                         FactRecord record;
                         if (key.size() != 12 ||
                             !record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
                           bad = absl::DataLossError("fact record does not decode");
                           return false;
                         }
                         facts.push_back(FactFromRecord(note, ReadU32(key.substr(8)), record));
                         return true;
                       }));
  RETURN_IF_ERROR(bad);
  return facts;
}

absl::StatusOr<std::optional<StoredFact>> RocksReader::Fact(NodeId note, uint32_t seq) const {
  std::string value;
  rocksdb::Status status = db_->Get(read_options_, families_.facts, FactKey(note, seq), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocks(status, "cannot read fact"));
  FactRecord record;
  if (!record.ParseFromString(value)) return absl::DataLossError("fact record does not decode");
  return FactFromRecord(note, seq, record);
}

absl::Status RocksReader::ScanNoteRecords(const std::function<bool(NodeId, const NoteRecord&)>& visit) const {
  absl::Status bad;
  RETURN_IF_ERROR(Scan(families_.notes, "", [&](std::string_view key, std::string_view value) {
    NoteRecord record;
    if (key.size() != 8 || !record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
      bad = absl::DataLossError("note record does not decode");
      return false;
    }
    return visit(ReadU64(key), record);
  }));
  return bad;
}

absl::Status RocksReader::ForEachNote(const std::function<bool(const NoteInfo&)>& visit) const {
  return ScanNoteRecords([&](NodeId id, const NoteRecord& record) { return visit(NoteFromRecord(id, record)); });
}

absl::Status RocksReader::ForEachNoteStamp(const std::function<bool(const NoteStamp&)>& visit) const {
  absl::Status bad;
  RETURN_IF_ERROR(Scan(families_.stamps, "", [&](std::string_view key, std::string_view value) {
    std::optional<NoteStamp> stamp = DecodeNoteStamp(value);
    if (key.size() != 8 || !stamp) {
      bad = absl::DataLossError("note stamp does not decode");
      return false;
    }
    return visit(*stamp);
  }));
  return bad;
}

absl::Status RocksReader::ForEachNoteNames(
    const std::function<bool(const std::string&, const extract::LearnedNames&)>& visit) const {
  return ScanNoteRecords([&](NodeId, const NoteRecord& record) {
    extract::LearnedNames learned;
    for (const LearnedNameRecord& r : record.learned()) {
      learned.entries.push_back({static_cast<extract::LearnedNames::Kind>(r.kind()), r.name(), r.other()});
    }
    return visit(record.path(), learned);
  });
}

absl::StatusOr<std::optional<std::string>> RocksReader::Meta(std::string_view key) const {
  std::string value;
  rocksdb::Status status = db_->Get(read_options_, families_.meta,
                                    rocksdb::Slice(key.data(), key.size()), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocks(status, "cannot read meta"));
  return value;
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> RocksReader::MetaWithPrefix(
    std::string_view prefix) const {
  std::vector<std::pair<std::string, std::string>> out;
  RETURN_IF_ERROR(Scan(families_.meta, std::string(prefix), [&](std::string_view key, std::string_view value) {
    out.emplace_back(std::string(key), std::string(value));
    return true;
  }));
  return out;
}

absl::StatusOr<StoreCounts> RocksReader::Counts() const {
  // Store::Open counts a store that predates the record before any reader
  // exists, so a reader always finds it.
  ASSIGN_OR_RETURN(std::optional<std::string> stored, Meta(kCountsMeta));
  CountsRecord record;
  if (!stored) return absl::DataLossError("the store keeps no counts record");
  if (!record.ParseFromString(*stored)) return absl::DataLossError("the store's counts record does not decode");
  return CountsFromRecord(record);
}

}  // namespace kith::store
