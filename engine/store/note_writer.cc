// Storing and retracting notes: RocksStore::PutNotes and DeleteNote.
//
// A group of notes is one WriteBatch. It is assembled in any order and
// written sorted by family and key, because RocksDB's memtable inserts a
// key fastest right after the one inserted before it (its skip list keeps
// the last insert's position). Each entity a group names is read once and
// written once, whatever the number of its notes in the group; its
// reference count goes through the same steps as if the notes were stored
// one by one, so a group leaves the store exactly as single writes would.
#include <google/protobuf/arena.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "engine/store/note_stamp.h"
#include "engine/store/rocks_store.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith::store {

// Puts and deletes gathered in any order, written sorted, so that each
// skip-list insert starts next to the one before. Equal keys keep their
// order: a retraction's delete stays before a re-put of the key. Families
// in `unsorted` (a bit per family id) have vector memtables, which sort
// once at flush; their writes go straight into the batch as they come,
// with no copy of their own, which keeps equal keys in order as well.
class SortedBatch {
  // RocksDB's WriteBatch layout: a 12-byte header (sequence, count); per
  // record a tag, a family id and two lengths, each a varint of at most 5.
  static constexpr size_t kWriteBatchHeader = 12;
  static constexpr size_t kWriteBatchRecordOverhead = 1 + 5 + 5 + 5;

 public:
  // `expected_bytes`: the size the batch will likely reach (the last
  // one's), reserved at once: a batch of 512 notes is megabytes, and
  // growing it copies them again at each doubling.
  SortedBatch(uint64_t unsorted, size_t expected_bytes)
      : unsorted_(unsorted), batch_(unsorted != 0 ? expected_bytes : 0) {}

  void Put(rocksdb::ColumnFamilyHandle* family, std::string_view key, std::string_view value = {}) {
    const uint32_t id = family->GetID();
    if (IsUnsorted(id)) {
      batch_.Put(family, ToSlice(key), ToSlice(value)).PermitUncheckedError();
    } else {
      ops_.push_back({family, id, false, std::string(key), std::string(value)});
    }
  }
  void Delete(rocksdb::ColumnFamilyHandle* family, std::string_view key) {
    const uint32_t id = family->GetID();
    if (IsUnsorted(id)) {
      batch_.Delete(family, ToSlice(key)).PermitUncheckedError();
    } else {
      ops_.push_back({family, id, true, std::string(key), {}});
    }
  }

  // The batch: the unsorted families' writes as they came, then the
  // others' sorted. Writes to different families commute.
  rocksdb::WriteBatch Build() {
    // Indices are sorted, not the operations: moving 4 bytes, not two
    // strings. Ties keep their order (the index breaks them).
    std::vector<uint32_t> order(ops_.size());
    for (uint32_t i = 0; i < ops_.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      const Op& a = ops_[x];
      const Op& b = ops_[y];
      if (a.family_id != b.family_id) return a.family_id < b.family_id;
      if (int c = a.key.compare(b.key); c != 0) return c < 0;
      return x < y;
    });
    if (batch_.Count() == 0) {
      // Only sorted families written (every family but in a bulk fill):
      // reserved at the final size.
      size_t bytes = kWriteBatchHeader;
      for (const Op& op : ops_) bytes += kWriteBatchRecordOverhead + op.key.size() + op.value.size();
      batch_ = rocksdb::WriteBatch(bytes);
    }
    for (uint32_t i : order) {
      const Op& op = ops_[i];
      if (op.remove) {
        batch_.Delete(op.family, op.key).PermitUncheckedError();
      } else {
        batch_.Put(op.family, op.key, op.value).PermitUncheckedError();
      }
    }
    return std::move(batch_);
  }

 private:
  struct Op {
    rocksdb::ColumnFamilyHandle* family;
    uint32_t family_id;
    bool remove;
    std::string key;
    std::string value;
  };

  static rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
  bool IsUnsorted(uint32_t id) const { return id < 64 && (unsorted_ >> id & 1); }

  uint64_t unsorted_;
  rocksdb::WriteBatch batch_;
  std::vector<Op> ops_;
};

namespace {

// The edge's keys: its out-edge and, where its relation has one
// (HasInEdge), its in-edge. `in_value` is what the in-edge holds (store.h).
void PutEdges(const EdgeKeyParts& out, const std::string& in_value, rocksdb::ColumnFamilyHandle* family,
              SortedBatch& batch) {
  auto view = [](const std::array<char, kEdgeKeySize>& key) { return std::string_view(key.data(), key.size()); };
  batch.Put(family, view(EdgeKeyBytes(out)));
  if (HasInEdge(out.rel)) batch.Put(family, view(EdgeKeyBytes(EdgeTwin(out))), in_value);
}

// Both keys, whatever the relation: a store written before schema 4 has the
// in-edges of every relation, and retracting a note must leave none.
void DeleteEdges(const EdgeKeyParts& out, rocksdb::ColumnFamilyHandle* family, SortedBatch& batch) {
  batch.Delete(family, EdgeKey(out));
  batch.Delete(family, EdgeKey(EdgeTwin(out)));
}

void FillFactRecord(const extract::Fact& fact, const std::vector<NodeId>& ids, FactRecord& record) {
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
}

// Point reads of many ids in one family, sorted first, as RocksDB's
// MultiGet reads them fastest. Calls found(id, value) for each stored one.
absl::Status ReadIds(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* family, std::vector<NodeId> ids,
                     const std::function<absl::Status(NodeId, std::string_view)>& found) {
  if (ids.empty()) return absl::OkStatus();
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (NodeId id : ids) keys.push_back(IdKey(id));  // Big-endian: sorted ids are sorted keys.
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  db.MultiGet({}, family, keys.size(), slices.data(), values.data(), statuses.data(), /*sorted_input=*/true);
  for (size_t i = 0; i < ids.size(); ++i) {
    if (statuses[i].IsNotFound()) continue;
    RETURN_IF_ERROR(FromRocks(statuses[i], "cannot read the store"));
    RETURN_IF_ERROR(found(ids[i], values[i].ToStringView()));
  }
  return absl::OkStatus();
}

// The entities a group names: their records as stored, then as the group's
// reference changes leave them.
class EntityRefs {
 public:
  // Reads the stored records of `ids`: from `written` if the store holds
  // only entities this process wrote (RocksStore::written_entities_),
  // else from the store.
  absl::Status Load(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* family, std::vector<NodeId> ids,
                    const EntityCache* written) {
    for (NodeId id : ids) states_.try_emplace(id);
    if (written != nullptr) {
      for (auto& [id, state] : states_) {
        if (auto it = written->find(id); it != written->end()) Stored(id, it->second, state);
      }
      return absl::OkStatus();
    }
    return ReadIds(db, family, std::move(ids), [&](NodeId id, std::string_view value) {
      EntityRecord record;
      if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
        return absl::DataLossError(absl::StrCat("entity ", id, " does not decode"));
      }
      Stored(id, std::move(record), states_[id]);
      return absl::OkStatus();
    });
  }

  // After the group's write: `written` as the store now holds it.
  void Remember(EntityCache& written) const {
    for (const auto& [id, state] : states_) {
      if (state.exists) {
        written[id] = state.record;
      } else {
        written.erase(id);
      }
    }
  }

  // Adds `delta` to the entity's note count: created on its first
  // reference, gone when the count reaches 0. `id` must have been loaded.
  void Adjust(NodeId id, model::EntityKind kind, std::string_view name, int delta) {
    State& state = states_.at(id);
    if (!state.exists) {
      if (delta <= 0) return;
      state.exists = true;
      state.record.Clear();
      state.record.set_kind(static_cast<uint32_t>(kind));
      state.record.set_name(std::string(name));
    }
    int64_t refs = static_cast<int64_t>(state.record.note_refs()) + delta;
    if (refs <= 0) {
      state.exists = false;
      return;
    }
    state.record.set_note_refs(static_cast<uint32_t>(refs));
  }

  // Writes each changed entity and name key, and counts entities made or gone.
  void WriteInto(const Families& families, SortedBatch& batch, CountsRecord& counts) const {
    for (const auto& [id, state] : states_) {
      if (state.exists) {
        batch.Put(families.entities, IdKey(id), state.record.SerializeAsString());
        if (!state.stored) {
          batch.Put(families.names, NameKey(util::FoldName(state.record.name()),
                                            static_cast<model::EntityKind>(state.record.kind()), id));
          AddCount(*counts.mutable_entities(), state.record.kind(), +1);
        }
      } else if (state.stored) {
        batch.Delete(families.entities, IdKey(id));
        batch.Delete(families.names, state.stored_name_key);
        AddCount(*counts.mutable_entities(), state.stored_kind, -1);
      }
    }
  }

 private:
  struct State {
    bool stored = false;  // Its record existed before the group.
    bool exists = false;  // It exists after the group's changes so far.
    EntityRecord record;
    uint32_t stored_kind = 0;  // The stored record's, for the count it leaves.
    std::string stored_name_key;
  };

  static void Stored(NodeId id, EntityRecord record, State& state) {
    state.record = std::move(record);
    state.stored = state.exists = true;
    state.stored_kind = state.record.kind();
    state.stored_name_key =
        NameKey(util::FoldName(state.record.name()), static_cast<model::EntityKind>(state.stored_kind), id);
  }

  absl::flat_hash_map<NodeId, State> states_;
};

}  // namespace

// Adds the retraction of the stored note `note`, its record, stamp and
// every fact, edge and alias key, to `batch`.
absl::Status RocksStore::RetractInto(NodeId note, SortedBatch& batch, CountsRecord& counts) {
  RocksReader reader(db_.get(), families_);
  std::vector<StoredFact> facts;
  // Every entry under the note's id goes: its one entry, or one per fact in
  // a store written before schema 4.
  RETURN_IF_ERROR(reader.ScanNoteFacts(note, [&](std::string_view key, std::vector<StoredFact>& entry_facts) {
    batch.Delete(families_.facts, std::string(key));
    std::move(entry_facts.begin(), entry_facts.end(), std::back_inserter(facts));
  }));
  for (const StoredFact& fact : facts) {
    for (const EdgeKeyParts& edge : FactEdges(note, fact.seq, fact.type, fact.args)) {
      DeleteEdges(edge, families_.edges, batch);
    }
    if (fact.type == model::RelationType::kAlsoKnownAs && !fact.args.empty()) {
      batch.Delete(families_.aliases, AliasKey(util::FoldName(fact.detail), fact.args[0], note));
    }
    AddCount(*counts.mutable_facts(), static_cast<uint32_t>(fact.type), -1);
  }
  batch.Delete(families_.notes, IdKey(note));
  counts.set_notes(counts.notes() - 1);
  batch.Delete(families_.stamps, IdKey(note));
  return absl::OkStatus();
}

// The stored records of the notes at `paths`, by id; a DataLoss error if one
// does not decode or is another path's (an id collision).
absl::StatusOr<absl::flat_hash_map<NodeId, NoteRecord>> RocksStore::StoredNotes(
    const std::vector<std::string_view>& paths) {
  absl::flat_hash_map<NodeId, std::string_view> path_of;
  std::vector<NodeId> ids;
  for (std::string_view path : paths) {
    ids.push_back(NoteId(path));
    path_of[ids.back()] = path;
  }
  absl::flat_hash_map<NodeId, NoteRecord> stored;
  RETURN_IF_ERROR(ReadIds(*db_, families_.notes, std::move(ids), [&](NodeId id, std::string_view value) {
    NoteRecord& record = stored[id];
    if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
      return absl::DataLossError(absl::StrCat("note record for ", std::string(path_of[id]), " does not decode"));
    }
    if (record.path() != path_of[id]) {
      return absl::DataLossError(absl::StrCat("note id collision between ", record.path(), " and ", std::string(path_of[id])));
    }
    return absl::OkStatus();
  }));
  return stored;
}

absl::Status RocksStore::PutNotes(std::span<const NoteToStore> notes) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  RETURN_IF_ERROR(CompactFromNowOn());
  std::vector<std::string_view> paths;
  for (const NoteToStore& n : notes) paths.push_back(n.graph->path);
  if (std::set<std::string_view>(paths.begin(), paths.end()).size() != paths.size()) {
    return absl::InvalidArgumentError("a group of notes to store names one path twice");
  }
  std::vector<std::string_view> maybe_stored;
  for (std::string_view path : paths) {
    if (!written_notes_ || written_notes_->contains(NoteId(path))) maybe_stored.push_back(path);
  }
  ASSIGN_OR_RETURN(auto stored, StoredNotes(maybe_stored));

  // Each note's entity ids, and every entity whose count may change.
  std::vector<std::vector<NodeId>> ids_of(notes.size());
  std::vector<NodeId> touched;
  for (size_t i = 0; i < notes.size(); ++i) {
    for (const extract::EntityMention& entity : notes[i].graph->entities) {
      ids_of[i].push_back(EntityId(entity.kind, entity.name));
    }
    touched.insert(touched.end(), ids_of[i].begin(), ids_of[i].end());
    if (auto old = stored.find(NoteId(paths[i])); old != stored.end()) {
      touched.insert(touched.end(), old->second.entities().begin(), old->second.entities().end());
    }
  }
  EntityRefs refs;
  RETURN_IF_ERROR(refs.Load(*db_, families_.entities, std::move(touched), WrittenEntities()));

  SortedBatch batch(unsorted_families_, last_batch_bytes_);
  CountsRecord counts = counts_;
  for (size_t i = 0; i < notes.size(); ++i) {
    const extract::NoteGraph& graph = *notes[i].graph;
    const NodeId note = NoteId(graph.path);
    const std::vector<NodeId>& ids = ids_of[i];
    std::set<NodeId> old_ids;
    if (auto old = stored.find(note); old != stored.end()) {
      RETURN_IF_ERROR(RetractInto(note, batch, counts));
      old_ids.insert(old->second.entities().begin(), old->second.entities().end());
    }
    // A note counts once for each entity, however often it names it. The
    // last spelling names a new entity, as a note's own key would keep.
    std::set<NodeId> new_ids;
    for (size_t e = ids.size(); e-- > 0;) {
      if (new_ids.insert(ids[e]).second && old_ids.count(ids[e]) == 0) {
        refs.Adjust(ids[e], graph.entities[e].kind, graph.entities[e].name, +1);
      }
    }
    for (NodeId id : old_ids) {
      if (new_ids.count(id) == 0) refs.Adjust(id, model::EntityKind::kPerson, "", -1);
    }
    WriteNoteInto(graph, ids, new_ids, notes[i].content_hash, notes[i].file, batch, counts);
  }
  refs.WriteInto(families_, batch, counts);
  RETURN_IF_ERROR(WriteWithCounts(batch, std::move(counts),
                                  notes.size() == 1 ? absl::StrCat("cannot store note ", std::string(paths[0]))
                                                    : absl::StrCat("cannot store ", notes.size(), " notes")));
  if (written_notes_) {
    for (std::string_view path : paths) written_notes_->insert(NoteId(path));
  }
  if (written_entities_) refs.Remember(*written_entities_);
  return absl::OkStatus();
}

void RocksStore::WriteNoteInto(const extract::NoteGraph& graph, const std::vector<NodeId>& ids,
                               const std::set<NodeId>& entities, uint64_t content_hash, const FileStamp& file,
                               SortedBatch& batch, CountsRecord& counts) {
  const NodeId note = NoteId(graph.path);
  // A note's records hold a message per fact and per name learned: on an
  // arena they are built and freed in bulk, not one by one (4 % fewer
  // instructions for this function). The first block is on the stack.
  alignas(8) char first_block[16 << 10];
  google::protobuf::ArenaOptions arena_options;
  arena_options.initial_block = first_block;
  arena_options.initial_block_size = sizeof first_block;
  google::protobuf::Arena arena(arena_options);
  NoteRecord& record = *google::protobuf::Arena::CreateMessage<NoteRecord>(&arena);
  record.set_path(graph.path);
  record.set_title(graph.title);
  record.set_type(graph.type);
  if (graph.date) {
    record.set_has_date(true);
    record.set_date(*graph.date);
  }
  record.set_content_hash(content_hash);
  for (NodeId id : entities) record.add_entities(id);
  uint32_t seq = 0;
  NoteFactsRecord& facts = *google::protobuf::Arena::CreateMessage<NoteFactsRecord>(&arena);
  for (const extract::Fact& fact : graph.facts) {
    FactRecord& fact_record = *facts.add_facts();
    FillFactRecord(fact, ids, fact_record);
    std::vector<NodeId> args(fact_record.args().begin(), fact_record.args().end());
    if (fact.type == model::RelationType::kAttended && !args.empty()) record.add_attendees(args[0]);
    const std::string in_value = InEdgeValue(fact.type, args);
    for (const EdgeKeyParts& edge : FactEdges(note, seq, fact.type, args)) {
      PutEdges(edge, in_value, families_.edges, batch);
    }
    if (fact.type == model::RelationType::kAlsoKnownAs && !args.empty()) {
      batch.Put(families_.aliases, AliasKey(util::FoldName(fact.detail), args[0], note));
    }
    AddCount(*counts.mutable_facts(), static_cast<uint32_t>(fact.type), +1);
    ++seq;
  }
  if (seq > 0) batch.Put(families_.facts, IdKey(note), facts.SerializeAsString());
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
}

absl::Status RocksStore::DeleteNote(std::string_view path) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  RETURN_IF_ERROR(CompactFromNowOn());
  const NodeId note = NoteId(path);
  ASSIGN_OR_RETURN(auto stored, StoredNotes({path}));
  auto old = stored.find(note);
  if (old == stored.end()) return absl::OkStatus();
  EntityRefs refs;
  RETURN_IF_ERROR(refs.Load(*db_, families_.entities, {old->second.entities().begin(), old->second.entities().end()},
                            WrittenEntities()));
  SortedBatch batch(unsorted_families_, last_batch_bytes_);
  CountsRecord counts = counts_;
  RETURN_IF_ERROR(RetractInto(note, batch, counts));
  for (NodeId id : old->second.entities()) refs.Adjust(id, model::EntityKind::kPerson, "", -1);
  refs.WriteInto(families_, batch, counts);
  RETURN_IF_ERROR(WriteWithCounts(batch, std::move(counts), absl::StrCat("cannot delete note ", std::string(path))));
  if (written_entities_) refs.Remember(*written_entities_);
  return absl::OkStatus();
}

absl::Status RocksStore::WriteWithCounts(SortedBatch& sorted, CountsRecord counts, std::string_view what) {
  sorted.Put(families_.meta, std::string(kCountsMeta), counts.SerializeAsString());
  rocksdb::WriteBatch batch = sorted.Build();
  last_batch_bytes_ = batch.GetDataSize();
  RETURN_IF_ERROR(FromRocks(db_->Write({}, &batch), what));
  counts_ = std::move(counts);
  return absl::OkStatus();
}

}  // namespace kith::store
