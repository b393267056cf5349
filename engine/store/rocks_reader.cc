#include <rocksdb/iterator.h>

#include <iterator>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "engine/store/fact_entries.h"
#include "engine/store/keys.h"
#include "engine/store/note_info_decoder.h"
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
  rocksdb::PinnableSlice value;
  rocksdb::Status status = db_->Get(read_options_, families_.notes, IdKey(id), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocks(status, "cannot read note"));
  std::optional<NoteInfo> note = DecodeNoteInfo(id, std::string_view(value.data(), value.size()));
  if (!note) return absl::DataLossError(absl::StrCat("note ", id, " does not decode"));
  return note;
}

// A seek positions an iterator in every level of the tree; a step moves
// within the current block. Up to this many steps are taken towards the
// next wanted id before seeking instead: a hub's notes are every other key,
// a typical person's are far apart.
constexpr int kStepsBeforeSeek = 16;
// A read of this many notes or more is a scan: it reads each block once,
// so its blocks are not cached, where they would only evict the blocks that
// other reads come back to (and, in a one-query process, fill the cache's
// memory for nothing).
constexpr size_t kScanNotes = 4096;

absl::Status RocksReader::ForEachNoteIn(std::span<const NodeId> ascending_ids,
                                        const std::function<void(size_t, NoteInfo&)>& visit) const {
  if (ascending_ids.empty()) return absl::OkStatus();
  rocksdb::ReadOptions options = read_options_;
  const std::string upper = PrefixSuccessor(IdKey(ascending_ids.back()));
  const rocksdb::Slice upper_slice(upper);
  if (!upper.empty()) options.iterate_upper_bound = &upper_slice;
  options.fill_cache = ascending_ids.size() < kScanNotes;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, families_.notes));
  it->Seek(IdKey(ascending_ids.front()));
  for (size_t i = 0; i < ascending_ids.size() && it->Valid(); ++i) {
    const std::string key = IdKey(ascending_ids[i]);
    const rocksdb::Slice wanted(key);
    for (int step = 0; step < kStepsBeforeSeek && it->Valid() && it->key().compare(wanted) < 0; ++step) it->Next();
    if (it->Valid() && it->key().compare(wanted) < 0) it->Seek(wanted);
    if (!it->Valid() || it->key() != wanted) continue;  // No such note; an invalid iterator ends the loop.
    std::optional<NoteInfo> note =
        DecodeNoteInfo(ascending_ids[i], std::string_view(it->value().data(), it->value().size()));
    if (!note) return absl::DataLossError(absl::StrCat("note ", ascending_ids[i], " does not decode"));
    visit(i, *note);
  }
  return FromRocks(it->status(), "cannot read notes");
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

absl::StatusOr<std::vector<RelationEdge>> RocksReader::RelationEdges(NodeId node, Direction direction,
                                                                     model::RelationType type) const {
  std::vector<RelationEdge> edges;
  absl::Status bad;
  RETURN_IF_ERROR(Scan(families_.edges, EdgePrefix(direction == Direction::kOut ? kOutEdgeTag : kInEdgeTag, node, type),
                       [&](std::string_view key, std::string_view value) {
                         std::optional<EdgeKeyParts> parts = DecodeEdgeKey(key);
                         if (!parts) {
                           bad = absl::DataLossError("edge key does not decode");
                           return false;
                         }
                         RelationEdge& edge = edges.emplace_back();
                         edge.edge = {parts->to, parts->rel, parts->note, parts->seq};
                         if (direction == Direction::kIn && !value.empty()) {
                           std::optional<std::vector<NodeId>> args = DecodeEdgeArgs(value);
                           if (!args) {
                             bad = absl::DataLossError("in-edge value does not decode");
                             return false;
                           }
                           edge.args = *std::move(args);
                         }
                         return true;
                       }));
  RETURN_IF_ERROR(bad);
  if (direction == Direction::kOut) {
    // The node is the first argument; its out-edges of one fact name every
    // other argument.
    std::map<std::pair<NodeId, uint32_t>, std::vector<NodeId>> args_of_fact;
    for (const RelationEdge& edge : edges) {
      std::vector<NodeId>& args = args_of_fact[{edge.edge.note, edge.edge.seq}];
      if (args.empty()) args.push_back(node);
      args.push_back(edge.edge.neighbour);
    }
    for (RelationEdge& edge : edges) edge.args = args_of_fact[{edge.edge.note, edge.edge.seq}];
    return edges;
  }
  for (RelationEdge& edge : edges) {
    if (!edge.args.empty()) continue;
    ASSIGN_OR_RETURN(std::optional<StoredFact> fact, Fact(edge.edge.note, edge.edge.seq));
    if (!fact) return absl::DataLossError("an edge names a missing fact");
    edge.args = std::move(fact->args);
  }
  return edges;
}

absl::StatusOr<std::vector<EdgeRef>> RocksReader::EdgesTo(NodeId node, Direction direction,
                                                          model::RelationType type, NodeId neighbour) const {
  std::string prefix = EdgePrefix(direction == Direction::kOut ? kOutEdgeTag : kInEdgeTag, node, type);
  AppendU64(prefix, neighbour);
  return EdgesWithPrefix(prefix);
}

absl::Status RocksReader::ScanNoteFacts(
    NodeId note, const std::function<void(std::string_view, std::vector<StoredFact>&)>& visit) const {
  absl::Status bad;
  std::vector<std::pair<uint32_t, FactRecord>> records;
  std::vector<StoredFact> facts;
  RETURN_IF_ERROR(Scan(families_.facts, IdKey(note), [&](std::string_view key, std::string_view value) {
    records.clear();
    if (!DecodeFactsEntry(key, value, records)) {
      bad = absl::DataLossError("fact record does not decode");
      return false;
    }
    facts.clear();
    for (const auto& [seq, record] : records) facts.push_back(FactFromRecord(note, seq, record));
    visit(key, facts);
    return true;
  }));
  return bad;
}

absl::StatusOr<std::vector<StoredFact>> RocksReader::NoteFacts(NodeId note) const {
  std::vector<StoredFact> facts;
  RETURN_IF_ERROR(ScanNoteFacts(note, [&](std::string_view, std::vector<StoredFact>& entry) {
    std::move(entry.begin(), entry.end(), std::back_inserter(facts));
  }));
  return facts;
}

absl::StatusOr<std::optional<StoredFact>> RocksReader::Fact(NodeId note, uint32_t seq) const {
  std::string value;
  rocksdb::Status status = db_->Get(read_options_, families_.facts, IdKey(note), &value);
  FactRecord record;
  if (status.ok()) {
    ASSIGN_OR_RETURN(std::optional<std::string_view> bytes, NthFactBytes(value, seq));
    if (!bytes) return std::nullopt;
    if (!record.ParseFromArray(bytes->data(), static_cast<int>(bytes->size()))) {
      return absl::DataLossError("fact record does not decode");
    }
    return FactFromRecord(note, seq, record);
  }
  if (!status.IsNotFound()) return FromRocks(status, "cannot read fact");
  // A store written before schema 4 keeps each fact under its own key.
  status = db_->Get(read_options_, families_.facts, FactKey(note, seq), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocks(status, "cannot read fact"));
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
  absl::Status bad;
  RETURN_IF_ERROR(Scan(families_.notes, "", [&](std::string_view key, std::string_view value) {
    std::optional<NoteInfo> note;
    if (key.size() == 8) note = DecodeNoteInfo(ReadU64(key), value);
    if (!note) {
      bad = absl::DataLossError("note record does not decode");
      return false;
    }
    return visit(*note);
  }));
  return bad;
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
