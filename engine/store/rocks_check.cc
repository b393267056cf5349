// Store::Check: reads every family once through one snapshot and compares
// what is stored with what the facts and notes imply. Memory grows with
// the number of edges and entities, which is fine for a maintenance
// command and keeps the logic a plain comparison of sets.
#include <rocksdb/iterator.h>

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "engine/store/fact_entries.h"
#include "engine/store/note_stamp.h"
#include "engine/store/rocks_store.h"
#include "engine/util/text.h"

namespace kith::store {
namespace {

class Checker {
 public:
  Checker(rocksdb::DB* db, const Families& families)
      : db_(db), families_(families), snapshot_(db->GetSnapshot()) {
    options_.snapshot = snapshot_;
  }
  ~Checker() { db_->ReleaseSnapshot(snapshot_); }

  CheckReport Run() {
    ReadNotes();
    CheckStamps();
    ReadFacts();
    CompareNotesAndFacts();
    CompareEdges();
    CheckEntitiesAndNames();
    CompareAliases();
    CompareCounts();
    return std::move(report_);
  }

 private:
  void Breach(std::string what) {
    ++report_.breach_count;
    if (report_.breaches.size() < CheckReport::kMaxListedBreaches) report_.breaches.push_back(std::move(what));
  }

  // Calls visit(key, value) for every key of `family`.
  template <typename Visit>
  void Scan(rocksdb::ColumnFamilyHandle* family, const char* name, Visit visit) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options_, family));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      visit(std::string_view(it->key().data(), it->key().size()),
            std::string_view(it->value().data(), it->value().size()));
    }
    if (!it->status().ok()) Breach(absl::StrCat("cannot read the ", name, " family: ", it->status().ToString()));
  }

  void ReadNotes() {
    Scan(families_.notes, "notes", [&](std::string_view key, std::string_view value) {
      ++report_.notes;
      NoteRecord record;
      if (key.size() != 8 || !record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
        return Breach("a note record does not decode");
      }
      NodeId id = ReadU64(key);
      if (NoteId(record.path()) != id) Breach(absl::StrCat("note ", id, " is stored under another path's id: ", record.path()));
      for (uint64_t entity : record.entities()) ++expected_refs_[entity];
      notes_.emplace(id, std::move(record));
    });
  }

  // A stamp belongs to a stored note and repeats its path, date and
  // fingerprint (a note stored before stamps existed may have none).
  void CheckStamps() {
    Scan(families_.stamps, "stamps", [&](std::string_view key, std::string_view value) {
      std::optional<NoteStamp> stamp = DecodeNoteStamp(value);
      if (key.size() != 8 || !stamp) return Breach("a note stamp does not decode");
      auto note = notes_.find(ReadU64(key));
      if (note == notes_.end()) return Breach(absl::StrCat("a stamp names ", std::string(stamp->path), ", which is not stored"));
      const NoteRecord& record = note->second;
      std::optional<int32_t> date;
      if (record.has_date()) date = record.date();
      if (stamp->path != record.path() || stamp->content_hash != record.content_hash() || stamp->date != date) {
        Breach(absl::StrCat("the stamp of ", record.path(), " disagrees with its note"));
      }
    });
  }

  void ReadFacts() {
    std::vector<std::pair<uint32_t, FactRecord>> records;
    Scan(families_.facts, "facts", [&](std::string_view key, std::string_view value) {
      records.clear();
      if (!DecodeFactsEntry(key, value, records)) {
        ++report_.facts;
        return Breach("a fact record does not decode");
      }
      for (const auto& [seq, record] : records) ReadFact(ReadU64(key), seq, record);
    });
  }

  void ReadFact(NodeId note, uint32_t seq, const FactRecord& record) {
    ++report_.facts;
    ++facts_per_note_[note];
    AddCount(*counted_.mutable_facts(), record.type(), 1);
    std::vector<NodeId> args(record.args().begin(), record.args().end());
    for (NodeId arg : args) fact_entities_.emplace(arg, note);
    auto type = static_cast<model::RelationType>(record.type());
    const std::string in_value = InEdgeValue(type, args);
    for (const EdgeKeyParts& edge : FactEdges(note, seq, type, args)) implied_edges_.emplace(EdgeKey(edge), in_value);
    if (type == model::RelationType::kAlsoKnownAs && !args.empty()) {
      implied_aliases_.insert(AliasKey(util::FoldName(record.detail()), args[0], note));
    }
  }

  void CompareNotesAndFacts() {
    for (const auto& [note, count] : facts_per_note_) {
      auto it = notes_.find(note);
      if (it == notes_.end()) {
        Breach(absl::StrCat(count, " facts belong to note ", note, ", which is not stored"));
      } else if (it->second.fact_count() != count) {
        Breach(absl::StrCat("note ", it->second.path(), " counts ", it->second.fact_count(), " facts; ", count,
                            " are stored"));
      }
    }
    for (const auto& [id, record] : notes_) {
      if (record.fact_count() > 0 && !facts_per_note_.count(id)) {
        Breach(absl::StrCat("note ", record.path(), " counts ", record.fact_count(), " facts; none are stored"));
      }
    }
  }

  void CompareEdges() {
    std::set<std::string> out_edges;
    Scan(families_.edges, "edges", [&](std::string_view key, std::string_view value) {
      ++report_.edges;
      std::optional<EdgeKeyParts> parts = DecodeEdgeKey(key);
      if (!parts) return Breach("an edge key does not decode");
      if (parts->tag == kOutEdgeTag) {
        out_edges.emplace(key);
        if (HasInEdge(parts->rel) && !Exists(families_.edges, EdgeKey(EdgeTwin(*parts)))) {
          Breach(absl::StrCat("edge ", parts->from, " -> ", parts->to, " of note ", parts->note, " has no in-edge twin"));
        }
        return;
      }
      const std::string twin = EdgeKey(EdgeTwin(*parts));
      if (!Exists(families_.edges, twin)) {
        Breach(absl::StrCat("in-edge ", parts->to, " -> ", parts->from, " of note ", parts->note, " has no out-edge twin"));
      }
      // An in-edge carries its fact's arguments, or nothing if written
      // before in-edges carried them.
      auto implied = implied_edges_.find(twin);
      if (!value.empty() && implied != implied_edges_.end() && value != implied->second) {
        Breach(absl::StrCat("in-edge ", parts->to, " -> ", parts->from, " of note ", parts->note,
                            " carries arguments its fact does not state"));
      }
    });
    for (const std::string& key : out_edges) {
      if (!implied_edges_.count(key)) {
        EdgeKeyParts e = *DecodeEdgeKey(key);
        Breach(absl::StrCat("edge ", e.from, " -> ", e.to, " names fact ", e.note, "/", e.seq, ", which does not imply it"));
      }
    }
    for (const auto& [key, in_value] : implied_edges_) {
      if (!out_edges.count(key)) {
        EdgeKeyParts e = *DecodeEdgeKey(key);
        Breach(absl::StrCat("fact ", e.note, "/", e.seq, " implies edge ", e.from, " -> ", e.to, ", which is missing"));
      }
    }
  }

  void CheckEntitiesAndNames() {
    std::map<NodeId, EntityRecord> entities;
    Scan(families_.entities, "entities", [&](std::string_view key, std::string_view value) {
      ++report_.entities;
      EntityRecord record;
      if (key.size() != 8 || !record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
        return Breach("an entity record does not decode");
      }
      AddCount(*counted_.mutable_entities(), record.kind(), 1);
      entities.emplace(ReadU64(key), std::move(record));
    });
    for (const auto& [id, record] : entities) {
      auto kind = static_cast<model::EntityKind>(record.kind());
      if (EntityId(kind, record.name()) != id) Breach(absl::StrCat("entity ", record.name(), " is stored under another id"));
      uint32_t expected = expected_refs_.count(id) ? expected_refs_[id] : 0;
      if (record.note_refs() != expected) {
        Breach(absl::StrCat("entity ", record.name(), " counts ", record.note_refs(), " notes; ", expected, " name it"));
      }
      if (!Exists(families_.names, NameKey(util::FoldName(record.name()), kind, id))) {
        Breach(absl::StrCat("entity ", record.name(), " is missing from the name index"));
      }
    }
    for (const auto& [id, count] : expected_refs_) {
      if (!entities.count(id)) Breach(absl::StrCat(count, " notes name entity ", id, ", which is not stored"));
    }
    for (const auto& [id, note] : fact_entities_) {
      if (!entities.count(id)) Breach(absl::StrCat("a fact of note ", note, " names entity ", id, ", which is not stored"));
    }
    Scan(families_.names, "names", [&](std::string_view key, std::string_view) {
      ++report_.names;
      std::optional<NameKeyParts> parts = DecodeNameKey(key);
      if (!parts) return Breach("a name key does not decode");
      auto it = entities.find(parts->id);
      if (it == entities.end() || static_cast<model::EntityKind>(it->second.kind()) != parts->kind ||
          util::FoldName(it->second.name()) != parts->folded) {
        Breach(absl::StrCat("name key '", std::string(parts->folded), "' names no such entity"));
      }
    });
  }

  void CompareAliases() {
    std::set<std::string> stored;
    Scan(families_.aliases, "aliases", [&](std::string_view key, std::string_view) {
      ++report_.aliases;
      if (!DecodeAliasKey(key)) return Breach("an alias key does not decode");
      stored.emplace(key);
      if (!implied_aliases_.count(std::string(key))) {
        Breach(absl::StrCat("alias key '", std::string(DecodeAliasKey(key)->folded), "' has no ALSO_KNOWN_AS fact"));
      }
    });
    for (const std::string& key : implied_aliases_) {
      if (!stored.count(key)) Breach(absl::StrCat("alias '", std::string(DecodeAliasKey(key)->folded), "' is missing from the index"));
    }
  }

  // Meta "counts" against what the scans above counted.
  void CompareCounts() {
    counted_.set_notes(notes_.size());
    std::string value;
    rocksdb::Status status = db_->Get(options_, families_.meta, kCountsMeta, &value);
    CountsRecord stored;
    if (status.IsNotFound()) return Breach("the store keeps no counts record");
    if (!status.ok() || !stored.ParseFromString(value)) return Breach("the store's counts record does not decode");
    const StoreCounts said = CountsFromRecord(stored), found = CountsFromRecord(counted_);
    if (said.notes != found.notes) Breach(absl::StrCat("the counts record says ", said.notes, " notes; ", found.notes, " are stored"));
    for (const auto& [type, n] : found.facts) {
      auto it = said.facts.find(type);
      const uint64_t recorded = it == said.facts.end() ? 0 : it->second;
      if (recorded != n) {
        Breach(absl::StrCat("the counts record says ", recorded, " ", std::string(model::RelationName(type)),
                            " facts; ", uint64_t{n}, " are stored"));
      }
    }
    if (said.AllFacts() != found.AllFacts()) {
      Breach(absl::StrCat("the counts record says ", said.AllFacts(), " facts; ", found.AllFacts(), " are stored"));
    }
    if (said.entities != found.entities) {
      Breach(absl::StrCat("the counts record says ", said.AllEntities(), " entities by kind; ", found.AllEntities(), " are stored"));
    }
  }

  bool Exists(rocksdb::ColumnFamilyHandle* family, const std::string& key) {
    std::string value;
    rocksdb::Status status = db_->Get(options_, family, key, &value);
    if (!status.ok() && !status.IsNotFound()) Breach(absl::StrCat("cannot read a key: ", status.ToString()));
    return status.ok();
  }

  rocksdb::DB* db_;
  Families families_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions options_;
  CheckReport report_;
  std::map<NodeId, NoteRecord> notes_;
  std::map<NodeId, uint32_t> facts_per_note_;
  std::map<NodeId, uint32_t> expected_refs_;     // Entity → notes listing it.
  std::multimap<NodeId, NodeId> fact_entities_;  // Entity → note of a fact naming it.
  std::map<std::string, std::string> implied_edges_;  // 'O' keys the facts imply → their in-edges' value.
  std::set<std::string> implied_aliases_;
  CountsRecord counted_;  // What the scans found, as meta "counts" says it.
};

}  // namespace

absl::StatusOr<CheckReport> CheckStore(rocksdb::DB* db, const Families& families) {
  return Checker(db, families).Run();
}

}  // namespace kith::store
