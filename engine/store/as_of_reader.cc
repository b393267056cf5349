// The store as the notes stood on a given day: a StoreReader decorator that
// hides notes dated later, with every fact and edge they state. Queries run
// on it unchanged, which is what makes --as-of apply to all of them alike.
#include <mutex>
#include <unordered_map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/store/store.h"
#include "engine/util/status_macros.h"

namespace kith::store {
namespace {

class AsOfReader : public StoreReader {
 public:
  AsOfReader(std::unique_ptr<StoreReader> base, int32_t day) : base_(std::move(base)), day_(day) {}

  absl::StatusOr<std::optional<EntityInfo>> Entity(NodeId id) const override { return base_->Entity(id); }

  absl::StatusOr<std::optional<NoteInfo>> Note(NodeId id) const override {
    ASSIGN_OR_RETURN(std::optional<NoteInfo> note, base_->Note(id));
    if (note && !Visible(note->date)) return std::nullopt;
    return note;
  }

  absl::Status ForEachNoteIn(std::span<const NodeId> ascending_ids,
                             const std::function<void(size_t, NoteInfo&)>& visit) const override {
    return base_->ForEachNoteIn(ascending_ids, [&](size_t i, NoteInfo& note) {
      if (Visible(note.date)) visit(i, note);
    });
  }

  absl::StatusOr<std::vector<EntityInfo>> FindByName(std::string_view folded) const override {
    return base_->FindByName(folded);
  }

  absl::Status ForEachName(
      const std::function<bool(std::string_view, model::EntityKind, NodeId)>& visit) const override {
    return base_->ForEachName(visit);
  }

  absl::StatusOr<std::vector<EntityInfo>> FindByAlias(std::string_view folded) const override {
    return base_->FindByAlias(folded);
  }

  absl::Status ForEachAlias(const std::function<bool(std::string_view, NodeId)>& visit) const override {
    return base_->ForEachAlias(visit);
  }

  absl::StatusOr<std::vector<EdgeRef>> Edges(NodeId node, Direction direction,
                                             model::RelationType type) const override {
    ASSIGN_OR_RETURN(std::vector<EdgeRef> edges, base_->Edges(node, direction, type));
    std::vector<EdgeRef> kept;
    kept.reserve(edges.size());
    for (const EdgeRef& edge : edges) {
      ASSIGN_OR_RETURN(bool visible, NoteVisible(edge.note));
      if (visible) kept.push_back(edge);
    }
    return kept;
  }

  absl::StatusOr<std::vector<RelationEdge>> RelationEdges(NodeId node, Direction direction,
                                                          model::RelationType type) const override {
    ASSIGN_OR_RETURN(std::vector<RelationEdge> edges, base_->RelationEdges(node, direction, type));
    std::vector<RelationEdge> kept;
    kept.reserve(edges.size());
    for (RelationEdge& edge : edges) {
      ASSIGN_OR_RETURN(bool visible, NoteVisible(edge.edge.note));
      if (visible) kept.push_back(std::move(edge));
    }
    return kept;
  }

  absl::StatusOr<std::vector<EdgeRef>> EdgesTo(NodeId node, Direction direction, model::RelationType type,
                                               NodeId neighbour) const override {
    ASSIGN_OR_RETURN(std::vector<EdgeRef> edges, base_->EdgesTo(node, direction, type, neighbour));
    std::vector<EdgeRef> kept;
    for (const EdgeRef& edge : edges) {
      ASSIGN_OR_RETURN(bool visible, NoteVisible(edge.note));
      if (visible) kept.push_back(edge);
    }
    return kept;
  }

  absl::StatusOr<std::vector<StoredFact>> NoteFacts(NodeId note) const override {
    ASSIGN_OR_RETURN(bool visible, NoteVisible(note));
    if (!visible) return std::vector<StoredFact>();
    return base_->NoteFacts(note);
  }

  absl::StatusOr<std::optional<StoredFact>> Fact(NodeId note, uint32_t seq) const override {
    ASSIGN_OR_RETURN(bool visible, NoteVisible(note));
    if (!visible) return std::nullopt;
    return base_->Fact(note, seq);
  }

  absl::Status ForEachNote(const std::function<bool(const NoteInfo&)>& visit) const override {
    return base_->ForEachNote([&](const NoteInfo& note) { return !Visible(note.date) || visit(note); });
  }

  // Stamps describe files, not what happened when: not filtered.
  absl::Status ForEachNoteStamp(const std::function<bool(const NoteStamp&)>& visit) const override {
    return base_->ForEachNoteStamp(visit);
  }

  // Names are what the vault knows, not what happened when: not filtered.
  absl::Status ForEachNoteNames(
      const std::function<bool(const std::string&, const extract::LearnedNames&)>& visit) const override {
    return base_->ForEachNoteNames(visit);
  }

  absl::StatusOr<std::optional<std::string>> Meta(std::string_view key) const override {
    ASSIGN_OR_RETURN(std::optional<std::string> value, base_->Meta(key));
    // Recency is measured back from the newest note; on the cut-off day no
    // note is newer than the cut-off itself.
    if (key == kLatestNoteDateMeta) {
      int32_t latest = 0;
      if (!value || !absl::SimpleAtoi(*value, &latest) || latest > day_) return absl::StrCat(day_);
    }
    return value;
  }

  absl::StatusOr<std::vector<std::pair<std::string, std::string>>> MetaWithPrefix(
      std::string_view prefix) const override {
    return base_->MetaWithPrefix(prefix);
  }

  absl::StatusOr<StoreCounts> Counts() const override { return base_->Counts(); }
  uint64_t Sequence() const override { return base_->Sequence(); }

 private:
  // Undated notes stay: they cannot be placed in time, and most are
  // profile pages whose facts hold throughout.
  bool Visible(const std::optional<int32_t>& date) const { return !date || *date <= day_; }

  absl::StatusOr<bool> NoteVisible(NodeId id) const {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (auto it = visible_.find(id); it != visible_.end()) return it->second;
    }
    ASSIGN_OR_RETURN(std::optional<NoteInfo> note, base_->Note(id));
    bool visible = note && Visible(note->date);
    std::lock_guard<std::mutex> lock(mutex_);
    visible_.emplace(id, visible);
    return visible;
  }

  std::unique_ptr<StoreReader> base_;
  int32_t day_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<NodeId, bool> visible_;  // Note id → dated on or before day_.
};

}  // namespace

std::unique_ptr<StoreReader> NewAsOfReader(std::unique_ptr<StoreReader> base, int32_t day) {
  return std::make_unique<AsOfReader>(std::move(base), day);
}

}  // namespace kith::store
