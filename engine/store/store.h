// The kith store: a property graph of people, organisations, topics and
// notes, kept in RocksDB, one column family per key family.
//
// | column family | key                                          | value        | serves                               |
// |---------------|----------------------------------------------|--------------|--------------------------------------|
// | meta          | name (ASCII, e.g. "schema_version", "owner") | bytes        | schema version (u32 BE), vault owner |
// | meta          | "curation/" seq:u64                          | CurationRecord | alias/merge/unmerge, in order      |
// | meta          | "counts"                                     | CountsRecord | notes, facts by type, entities by kind |
// | entities      | id:u64                                       | EntityRecord | entity by id                         |
// | names         | folded_name 0x00 kind:u8 id:u64              | (empty)      | name → ids; prefix search            |
// | aliases       | folded_alias 0x00 person:u64 note:u64        | (empty)      | other names → person (ALSO_KNOWN_AS) |
// | notes         | note_id:u64                                  | NoteRecord   | note by id; content hash for sync    |
// | stamps        | note_id:u64                                  | stamp (below)| sync without reading untouched files |
// | facts         | note_id:u64                                  | NoteFactsRecord | a note's facts, a fact's seq its index |
// | facts (< v4)  | note_id:u64 seq:u32                          | FactRecord   | one fact, in a store older than schema 4 |
// | edges         | 'O' src:u64 rel:u16 dst:u64 note:u64 seq:u32 | (empty)      | out-edges by prefix scan             |
// | edges         | 'I' dst:u64 rel:u16 src:u64 note:u64 seq:u32 | args (below) | in-edges by prefix scan (HasInEdge)  |
//
// Integers are big-endian, so prefix scans group edges by relation and then
// by neighbour. Records are protobuf messages (records.proto), except the
// stamp: content_hash:u64 raw_hash:u64 size:u64 mtime_ns:u64 has_date:u8
// date:u32 path (note_stamp.h).
// Why stamps have a family of their own: a sync reads every note's stamp,
// and beside the note records (attendees, entities, names learned) a scan
// would read several times the bytes. A note stored before stamps existed has none and
// is read once more, which stores one.
// Why ids are hashes: an entity's id is StableHash64 of its folded name
// seeded by its kind, and a note's id that of its path, so re-ingesting a
// vault reproduces the same keys without any id-allocation state to lose.
// Why aliases carry the note: two profile pages may give one person the
// same other name; retracting one note must leave the other's key.
// Why edges carry note and seq: one relation stated in two notes is two
// edges, so retracting one note removes exactly its own.
// Edges of a fact: for a note relation (ATTENDED, OWNS_ACTION, ...) one
// edge args[0] → note; otherwise one edge args[0] → args[i] per later arg.
// Every edge has its 'O' key; of note relations only DISCUSSED has the 'I'
// twin too (keys.h, HasInEdge, says why).
// Why an in-edge between people carries the fact's arguments (each a u64,
// in the fact's order): who-knows needs everyone a relation names, and a
// hub is the later argument of tens of thousands of facts; reading each
// fact was a quarter of the owner's answer from the store. The out-edges
// need none, since the first argument's out-edges of one fact name all the
// others. An in-edge written before stop 17 has an empty value, and its
// fact is read instead.
//
// Compression: LZ4 above the bottommost level, ZSTD with a per-file
// trained dictionary at it (rocks_store.cc says why).
//
// Thread safety: a Store may be shared by threads. Writes are serialised
// inside; readers see a consistent snapshot taken by NewReader().
#ifndef KITH_ENGINE_STORE_STORE_H_
#define KITH_ENGINE_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/extract/extract.h"
#include "engine/model/model.h"

namespace kith::store {

using NodeId = uint64_t;

// Meta key holding the date (days since 1970-01-01, decimal) of the newest
// note stored; recency in the strength model is counted back from it.
inline constexpr std::string_view kLatestNoteDateMeta = "latest_note_date";

// Bumped when a key family or record changes meaning. A store written by a
// newer kith is refused rather than misread.
// Version 2 added the aliases family; a version-1 store gains it empty on
// open, and the re-extraction its older notes get fills it. Version 3 added
// meta "counts"; an older store is counted once, by scan, on open. Version
// 4 stopped writing the in-edges of most note relations (keys.h,
// HasInEdge) and keeps a note's facts in one entry (fact_entries.h); an
// older store's in-edges and per-fact entries stay, read as before, until
// their notes are stored again, so the upgrade only records the version.
inline constexpr uint32_t kSchemaVersion = 4;

NodeId EntityId(model::EntityKind kind, std::string_view name);
NodeId NoteId(std::string_view path);

struct StoreOptions {
  // Create the directory and an empty store if none exists.
  bool create_if_missing = true;
  // Decompressed blocks kept for reuse, shared by every family. It takes
  // memory only as it fills. A long-lived server or an ingest wants it
  // large; a process that answers one query and exits is faster with a
  // small one, whose memory is reused rather than freshly faulted in.
  size_t block_cache_bytes = size_t{256} << 20;
  // Start no compaction (the merging of table files in background threads)
  // until this process first writes. A process that only reads (a CLI
  // query, a re-sync that finds nothing changed) then leaves the
  // compactions a large ingest left owed to the next one that writes, or
  // to kithd: on two cores they would take a core from its answer.
  bool defer_compactions_until_write = false;
  // If Open creates the store, open it for one bulk fill by an ingest
  // that then closes it (the CLI's first `kith ingest`). The families an
  // ingest only writes (all but meta; the entities it wrote are kept in
  // memory rather than read back) gather unflushed
  // writes in an unsorted array, sorted once when flushed (RocksDB's
  // vector memtable), not in a skip list sorted at every insert, and flush
  // in 64 MB pieces, not 16 MB. Reads stay correct, but every read of
  // such a family sorts a copy of its unflushed writes: a store opened so
  // must not answer queries while it is open. An existing store opens as
  // usual.
  bool bulk_load_when_created = false;
};

struct EntityInfo {
  NodeId id = 0;
  model::EntityKind kind = model::EntityKind::kPerson;
  std::string name;
  uint32_t note_refs = 0;
};

// What a note's file looked like when it was read: its bytes' hash, and its
// size and modification time for ingest to skip an untouched file without
// reading it. mtime_ns is 0 when the time is not to be trusted (the file was
// modified moments before it was read, or the sender could not tell).
struct FileStamp {
  uint64_t raw_hash = 0;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// A note for Store::PutNotes: its graph, fingerprint and file stamp.
struct NoteToStore {
  const extract::NoteGraph* graph = nullptr;
  uint64_t content_hash = 0;
  FileStamp file;
};

// What ingest needs of a stored note to decide on a file without reading
// it. `path` points into the store's buffer: valid during the visit only.
struct NoteStamp {
  std::string_view path;
  std::optional<int32_t> date;
  uint64_t content_hash = 0;
  FileStamp file;
};

struct NoteInfo {
  NodeId id = 0;
  std::string path;
  std::string title;
  std::string type;
  std::optional<int32_t> date;
  uint64_t content_hash = 0;  // The fingerprint ingest compares (bytes, extractor, owner, curations).
  std::vector<NodeId> attendees;
  uint32_t fact_count = 0;
};

enum class Direction { kOut, kIn };

struct EdgeRef {
  NodeId neighbour = 0;  // The other end (a note for note relations).
  model::RelationType type = model::RelationType::kAttended;
  NodeId note = 0;       // The note that states it.
  uint32_t seq = 0;      // Its fact within that note.
};

// An edge between entities, with the arguments of the fact that states it:
// args[0] is the fact's first argument, the others follow in no set order.
struct RelationEdge {
  EdgeRef edge;
  std::vector<NodeId> args;
};

struct StoredFact {
  NodeId note = 0;
  uint32_t seq = 0;
  model::RelationType type = model::RelationType::kAttended;
  std::vector<NodeId> args;
  std::string status;
  std::string role;
  std::optional<int32_t> date;
  int priority = 0;
  std::string detail;
  extract::Evidence evidence;
};

struct StoreCounts {
  uint64_t notes = 0;
  std::map<model::RelationType, uint64_t> facts;   // By type; types with none are absent.
  std::map<model::EntityKind, uint64_t> entities;  // By kind; likewise.
  uint64_t AllFacts() const;
  uint64_t AllEntities() const;
};

// A consistent, read-only view of the store as of its creation.
class StoreReader {
 public:
  virtual ~StoreReader() = default;

  virtual absl::StatusOr<std::optional<EntityInfo>> Entity(NodeId id) const = 0;
  virtual absl::StatusOr<std::optional<NoteInfo>> Note(NodeId id) const = 0;
  // Calls visit(i, note) for each of `ascending_ids` (which must not
  // descend) that names a stored note, in order; the visit may move from
  // the note. A dense set (a hub attends half of all notes) is read in one
  // forward pass rather than one lookup each.
  virtual absl::Status ForEachNoteIn(std::span<const NodeId> ascending_ids,
                                     const std::function<void(size_t, NoteInfo&)>& visit) const = 0;
  // Entities whose folded name equals `folded` (util::FoldName).
  virtual absl::StatusOr<std::vector<EntityInfo>> FindByName(std::string_view folded) const = 0;
  // People whose profile pages give them the other name `folded`, each
  // once, in id order.
  virtual absl::StatusOr<std::vector<EntityInfo>> FindByAlias(std::string_view folded) const = 0;
  // Calls `visit(folded_alias, person)` for every alias key (a name given
  // by several notes comes once per note); stops when it returns false.
  virtual absl::Status ForEachAlias(const std::function<bool(std::string_view, NodeId)>& visit) const = 0;
  // Calls `visit(folded_name, kind, id)` for every name; stops when it
  // returns false.
  virtual absl::Status ForEachName(
      const std::function<bool(std::string_view, model::EntityKind, NodeId)>& visit) const = 0;
  virtual absl::StatusOr<std::vector<EdgeRef>> Edges(NodeId node, Direction direction,
                                                     model::RelationType type) const = 0;
  // Edges(node, direction, type), each with its fact's arguments, for a
  // relation between entities. Reads a fact only for an in-edge stored
  // before in-edges carried them.
  virtual absl::StatusOr<std::vector<RelationEdge>> RelationEdges(NodeId node, Direction direction,
                                                                  model::RelationType type) const = 0;
  // The edges of `node` in `direction` and of `type` whose other end is
  // `neighbour`: one seek, however many edges `node` has.
  virtual absl::StatusOr<std::vector<EdgeRef>> EdgesTo(NodeId node, Direction direction, model::RelationType type,
                                                       NodeId neighbour) const = 0;
  virtual absl::StatusOr<std::vector<StoredFact>> NoteFacts(NodeId note) const = 0;
  // One fact by its key; nullopt if absent.
  virtual absl::StatusOr<std::optional<StoredFact>> Fact(NodeId note, uint32_t seq) const = 0;
  // Every stored note, in id order.
  virtual absl::Status ForEachNote(const std::function<bool(const NoteInfo&)>& visit) const = 0;
  // Every stored note's stamp (notes stored before stamps existed have
  // none), in id order.
  virtual absl::Status ForEachNoteStamp(const std::function<bool(const NoteStamp&)>& visit) const = 0;
  // Every stored note's path and learned names, in id order.
  virtual absl::Status ForEachNoteNames(
      const std::function<bool(const std::string&, const extract::LearnedNames&)>& visit) const = 0;
  virtual absl::StatusOr<std::optional<std::string>> Meta(std::string_view key) const = 0;
  // Every meta entry whose key starts with `prefix`, in key order.
  virtual absl::StatusOr<std::vector<std::pair<std::string, std::string>>> MetaWithPrefix(
      std::string_view prefix) const = 0;
  virtual absl::StatusOr<StoreCounts> Counts() const = 0;
  // The store version this view shows (RocksDB's sequence number at its
  // snapshot): two views with the same sequence show the same data.
  virtual uint64_t Sequence() const = 0;
};

// A view of `base` as the notes stood on `day` (days since 1970-01-01):
// notes dated later, and every fact and edge they state, are hidden.
// Undated notes stay visible. The latest-note date reads as `day` at most.
// Entities, names and aliases are not filtered: a person first named later still
// resolves, with nothing known about them yet. Thread-safe like `base`.
std::unique_ptr<StoreReader> NewAsOfReader(std::unique_ptr<StoreReader> base, int32_t day);

// What Store::Check found. Counts are of what it read; a breach is one
// sentence naming the keys involved.
struct CheckReport {
  uint64_t notes = 0;
  uint64_t facts = 0;
  uint64_t edges = 0;  // Each counted once per direction read.
  uint64_t entities = 0;
  uint64_t names = 0;
  uint64_t aliases = 0;
  uint64_t breach_count = 0;
  std::vector<std::string> breaches;  // The first kMaxListedBreaches.
  static constexpr size_t kMaxListedBreaches = 100;
};

class Store {
 public:
  // Opens (or creates) the store in `dir`. FailedPrecondition if the store
  // was written by a newer schema; the RocksDB error otherwise.
  static absl::StatusOr<std::unique_ptr<Store>> Open(const StoreOptions& options,
                                                     const std::string& dir);
  virtual ~Store() = default;

  virtual std::unique_ptr<StoreReader> NewReader() const = 0;
  // The current version: it changes with every write, so a structure built
  // from a reader with this Sequence() is up to date.
  virtual uint64_t LatestSequence() const = 0;

  // Verifies the store's invariants over one snapshot: every edge is
  // stored in both directions and is exactly one its fact implies; every
  // fact's note exists and the note counts its facts; every entity a note
  // or fact names exists, and its reference count is the number of notes
  // naming it; the name index and the entities agree; every alias key
  // belongs to an ALSO_KNOWN_AS fact and back; every note's id is its
  // path's. Breaches are reported, not repaired. A read error or a record
  // that does not decode is a breach too.
  virtual absl::StatusOr<CheckReport> Check() const = 0;

  // Writes a consistent copy of the store to `dir` (a RocksDB checkpoint:
  // hard links where the file system allows), while writes may go on.
  // AlreadyExists if `dir` exists.
  virtual absl::Status Backup(const std::string& dir) const = 0;

  // Replaces everything each note at `graph->path` contributed with its
  // graph, all in one atomic write: a reader sees the whole group or none
  // of it. InvalidArgument if two notes have one path. Ingest stores notes
  // in groups because a group writes its keys sorted and each entity's
  // record once, however many of its notes name it.
  virtual absl::Status PutNotes(std::span<const NoteToStore> notes) = 0;
  // PutNotes of one note.
  absl::Status PutNote(const extract::NoteGraph& graph, uint64_t content_hash, const FileStamp& file = {}) {
    const NoteToStore note{&graph, content_hash, file};
    return PutNotes({&note, 1});
  }
  // Records a new stamp for the stored note at `path` (its file was touched
  // but its bytes are the same, or it was stored before stamps existed);
  // NotFound if no note is stored there.
  virtual absl::Status RestampNote(std::string_view path, const FileStamp& file) = 0;
  // Retracts everything the note contributed; OK if it was never stored.
  virtual absl::Status DeleteNote(std::string_view path) = 0;
  virtual absl::Status PutMeta(std::string_view key, std::string_view value) = 0;
  // Writes what is held in memory to table files. Every write is durable
  // without it (the write-ahead log has it); after a large ingest it spares
  // the next open replaying up to 64 MB of log, and the disk holding the
  // same data twice.
  virtual absl::Status Flush() = 0;
};

// Makes the backup in `backup_dir` the store in `db_dir`. The backup must
// open as a kith store this build can read (FailedPrecondition if newer,
// InvalidArgument if it is no store). An existing store in `db_dir` is
// refused (AlreadyExists) unless `replace`; then it is moved aside to
// `moved_to`, never deleted. Must not run while the store is open.
absl::Status RestoreStore(const std::string& backup_dir, const std::string& db_dir, bool replace,
                          std::string* moved_to);

}  // namespace kith::store

#endif  // KITH_ENGINE_STORE_STORE_H_
