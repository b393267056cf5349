#include "engine/graph/knows_index.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "engine/query/meetings.h"
#include "engine/util/status_macros.h"

namespace kith::graph {

using model::RelationType;

bool SameModel(const query::StrengthModel& a, const query::StrengthModel& b) {
  return std::tie(a.half_life_days, a.undated_weight, a.saturation, a.attendee_exponent, a.reports_to_weight,
                  a.worked_with_weight, a.family_weight, a.knows_weight, a.introduced_weight,
                  a.duplicate_overlap) ==
         std::tie(b.half_life_days, b.undated_weight, b.saturation, b.attendee_exponent, b.reports_to_weight,
                  b.worked_with_weight, b.family_weight, b.knows_weight, b.introduced_weight, b.duplicate_overlap);
}

// Builds a KnowsIndex in passes over one snapshot; see the header for why
// the result equals query::WhoKnows for every person.
class KnowsIndexBuilder {
 public:
  KnowsIndexBuilder(const store::StoreReader& reader, const query::StrengthModel& model,
                    const std::atomic<bool>* cancel)
      : reader_(reader), model_(model), cancel_(cancel), index_(std::make_unique<KnowsIndex>()) {}

  absl::StatusOr<std::unique_ptr<KnowsIndex>> Run() {
    index_->sequence_ = reader_.Sequence();
    index_->model_ = model_;
    ASSIGN_OR_RETURN(reference_, query::ReferenceDate(reader_));
    RETURN_IF_ERROR(ReadPeople());
    RETURN_IF_ERROR(ReadNotes());
    RETURN_IF_ERROR(ReadRelations());
    ASSIGN_OR_RETURN(index_->history_,
                     HistoryIndex::Build(reader_, {ids_, index_->names_, dense_, infos_, note_index_, facts_}, cancel_));
    facts_.clear();
    RETURN_IF_ERROR(Assemble());
    return std::move(index_);
  }

 private:
  // One stated relation of a person with another, best weight per label.
  struct Stated {
    uint32_t other;
    std::string label;
    double weight;
    KnowsIndex::ReasonRow reason;
  };
  // (person, other person, note rank): one per ordered pair of attendees.
  struct Shared {
    uint32_t a, b, rank;
    bool operator<(const Shared& o) const { return std::tie(a, b, rank) < std::tie(o.a, o.b, o.rank); }
  };

  absl::Status Cancelled() const {
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) return absl::CancelledError("index build cancelled");
    return absl::OkStatus();
  }

  // Dense indexes for every person the name index lists.
  absl::Status ReadPeople() {
    std::vector<store::NodeId> ids;
    std::vector<std::pair<std::string, store::NodeId>> folded_names;
    RETURN_IF_ERROR(reader_.ForEachName([&](std::string_view folded, model::EntityKind kind, store::NodeId id) {
      if (kind == model::EntityKind::kPerson) {
        ids.push_back(id);
        folded_names.emplace_back(std::string(folded), id);
      }
      return true;
    }));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (store::NodeId id : ids) {
      ASSIGN_OR_RETURN(std::optional<store::EntityInfo> entity, reader_.Entity(id));
      if (!entity || entity->kind != model::EntityKind::kPerson) continue;
      dense_.emplace(id, static_cast<uint32_t>(ids_.size()));
      ids_.push_back(id);
      index_->names_.push_back(entity->name);
    }
    // Names in key order: the first person under a folded name is the one
    // the store's name lookup returns first.
    for (const auto& [folded, id] : folded_names) {
      if (auto it = dense_.find(id); it != dense_.end()) index_->by_folded_name_.emplace(folded, it->second);
    }
    return Cancelled();
  }

  absl::Status ReadNotes() {
    RETURN_IF_ERROR(reader_.ForEachNote([&](const store::NoteInfo& note) {
      note_index_.emplace(note.id, static_cast<uint32_t>(infos_.size()));
      infos_.push_back(note);
      // Sorted once here, so that folding meetings compares them in place.
      std::sort(infos_.back().attendees.begin(), infos_.back().attendees.end());
      return true;
    }));
    // Notes in the order who-knows lists evidence: newest first, then path.
    std::vector<uint32_t> order(infos_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      if (infos_[x].date != infos_[y].date) return infos_[x].date > infos_[y].date;
      return infos_[x].path < infos_[y].path;
    });
    by_rank_ = order;
    std::vector<uint32_t> rank(infos_.size());
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    for (uint32_t n = 0; n < infos_.size(); ++n) {
      std::vector<uint32_t> people;
      for (store::NodeId id : infos_[n].attendees) {
        auto it = dense_.find(id);
        if (it == dense_.end()) return absl::DataLossError("a note names a missing person");
        if (std::find(people.begin(), people.end(), it->second) == people.end()) people.push_back(it->second);
      }
      for (uint32_t a : people) {
        for (uint32_t b : people) {
          if (a != b) shared_.push_back({a, b, rank[n]});
        }
      }
    }
    RETURN_IF_ERROR(Cancelled());
    std::sort(shared_.begin(), shared_.end());
    return absl::OkStatus();
  }

  // The relations who-knows weighs, visited in its order (type, then out-
  // before in-edges, each in key order), keeping the first best per label.
  absl::Status ReadRelations() {
    stated_.resize(ids_.size());
    for (uint32_t p = 0; p < ids_.size(); ++p) {
      if (p % 4096 == 0) RETURN_IF_ERROR(Cancelled());
      std::vector<Stated>& mine = stated_[p];
      for (RelationType type : {RelationType::kReportsTo, RelationType::kWorkedWith, RelationType::kKnows,
                                RelationType::kFamily, RelationType::kIntroduced}) {
        for (store::Direction direction : {store::Direction::kOut, store::Direction::kIn}) {
          ASSIGN_OR_RETURN(std::vector<store::EdgeRef> edges, reader_.Edges(ids_[p], direction, type));
          for (const store::EdgeRef& edge : edges) {
            auto key = std::make_pair(edge.note, edge.seq);
            auto cached = facts_.find(key);
            if (cached == facts_.end()) {
              ASSIGN_OR_RETURN(std::optional<store::StoredFact> fact, reader_.Fact(edge.note, edge.seq));
              if (!fact) return absl::DataLossError("an edge names a missing fact or note");
              cached = facts_.emplace(key, *std::move(fact)).first;
            }
            const store::StoredFact& fact = cached->second;
            auto note = note_index_.find(edge.note);
            if (note == note_index_.end()) return absl::DataLossError("an edge names a missing fact or note");
            const store::NoteInfo& info = infos_[note->second];
            bool subject_first = !fact.args.empty() && fact.args[0] == ids_[p];
            double weight = query::RelationWeight(type, model_) * query::Recency(info.date, reference_, model_);
            std::vector<store::NodeId> others;
            for (store::NodeId id : fact.args) {
              if (id != ids_[p] && std::find(others.begin(), others.end(), id) == others.end()) others.push_back(id);
            }
            for (store::NodeId other : others) {
              auto person = dense_.find(other);
              if (person == dense_.end()) continue;
              std::string label = query::RelationLabel(type, subject_first, fact);
              auto best = std::find_if(mine.begin(), mine.end(), [&](const Stated& s) {
                return s.other == person->second && s.label == label;
              });
              if (best == mine.end()) {
                mine.push_back({person->second, label, weight, {label, fact.evidence.text, note->second}});
              } else if (weight > best->weight) {
                best->weight = weight;
                best->reason = {label, fact.evidence.text, note->second};
              }
            }
          }
        }
      }
    }
    return absl::OkStatus();
  }

  // One person's acquaintance from their shared notes (ranks ascending) and
  // stated relations, as who-knows computes it.
  KnowsIndex::TieRow Tie(uint32_t other, const Shared* begin, const Shared* end, std::vector<Stated*>& stated) {
    KnowsIndex::TieRow row;
    row.other = other;
    row.evidence_begin = static_cast<uint32_t>(index_->evidence_.size());
    // Meetings in the order of their first note; only notes of one date can
    // be one meeting, and equal dates are adjacent in rank order.
    std::vector<std::pair<uint32_t, double>> meetings;  // (first note, best weight)
    const bool keep_folds = end - begin >= static_cast<std::ptrdiff_t>(KnowsIndex::kFoldsKeptFrom);
    if (keep_folds) row.meetings_begin = static_cast<uint32_t>(index_->meeting_of_.size());
    size_t same_date_from = 0;
    double score = 0;
    for (const Shared* s = begin; s != end; ++s) {
      uint32_t note = by_rank_[s->rank];
      const store::NoteInfo& info = infos_[note];
      index_->evidence_.push_back(note);
      if (info.date && (!row.last || *info.date > *row.last)) row.last = info.date;
      if (!meetings.empty() && infos_[meetings.back().first].date != info.date) same_date_from = meetings.size();
      double weight = query::MeetingWeight(info, reference_, model_);
      size_t folded_into = meetings.size();
      for (size_t m = same_date_from; m < meetings.size(); ++m) {
        if (query::SameMeeting(infos_[meetings[m].first], info, model_.duplicate_overlap)) {
          meetings[m].second = std::max(meetings[m].second, weight);
          folded_into = m;
          break;
        }
      }
      if (folded_into == meetings.size()) meetings.emplace_back(note, weight);
      if (keep_folds) index_->meeting_of_.push_back(static_cast<uint32_t>(folded_into));
    }
    for (const auto& meeting : meetings) score += meeting.second;
    row.interactions = static_cast<int32_t>(meetings.size());
    row.evidence_end = static_cast<uint32_t>(index_->evidence_.size());
    // Relations: by label, then strongest first (a stable sort keeps the
    // label order among equals).
    std::sort(stated.begin(), stated.end(), [](const Stated* x, const Stated* y) { return x->label < y->label; });
    std::vector<double> weights;
    for (const Stated* s : stated) weights.push_back(s->weight);
    std::sort(weights.begin(), weights.end());  // As who-knows sums them: the same from either side.
    for (double w : weights) score += w;
    std::stable_sort(stated.begin(), stated.end(), [](const Stated* x, const Stated* y) { return x->weight > y->weight; });
    row.reasons_begin = static_cast<uint32_t>(index_->reasons_.size());
    for (const Stated* s : stated) index_->reasons_.push_back(s->reason);
    row.reasons_end = static_cast<uint32_t>(index_->reasons_.size());
    row.strength = 1.0 - std::exp(-score / model_.saturation);
    return row;
  }

  absl::Status Assemble() {
    const Shared* cursor = shared_.data();
    const Shared* const shared_end = shared_.data() + shared_.size();
    for (uint32_t p = 0; p < ids_.size(); ++p) {
      if (p % 4096 == 0) RETURN_IF_ERROR(Cancelled());
      const Shared* mine_end = cursor;
      while (mine_end != shared_end && mine_end->a == p) ++mine_end;
      // Others: those with shared notes (in index order) and those with
      // stated relations only.
      std::map<uint32_t, std::vector<Stated*>> stated_by_other;
      for (Stated& s : stated_[p]) stated_by_other[s.other].push_back(&s);
      uint32_t begin = static_cast<uint32_t>(index_->ties_.size());
      index_->ranges_.emplace_back(begin, begin);
      for (const Shared* group = cursor; group != mine_end;) {
        const Shared* group_end = group;
        while (group_end != mine_end && group_end->b == group->b) ++group_end;
        std::vector<Stated*> stated;
        if (auto it = stated_by_other.find(group->b); it != stated_by_other.end()) {
          stated = std::move(it->second);
          stated_by_other.erase(it);
        }
        index_->ties_.push_back(Tie(group->b, group, group_end, stated));
        group = group_end;
      }
      for (auto& [other, stated] : stated_by_other) index_->ties_.push_back(Tie(other, nullptr, nullptr, stated));
      cursor = mine_end;
      uint32_t end = static_cast<uint32_t>(index_->ties_.size());
      index_->ranges_.back().second = end;
      if (begin == end) continue;
      const std::vector<std::string>& names = index_->names_;
      std::sort(index_->ties_.begin() + begin, index_->ties_.begin() + end,
                [&](const KnowsIndex::TieRow& x, const KnowsIndex::TieRow& y) {
                  if (x.strength != y.strength) return x.strength > y.strength;
                  if (x.interactions != y.interactions) return x.interactions > y.interactions;
                  return names[x.other] < names[y.other];
                });
    }
    index_->ties_by_other_.resize(index_->ties_.size());
    for (uint32_t p = 0; p < ids_.size(); ++p) {
      auto [begin, end] = index_->ranges_[p];
      for (uint32_t t = begin; t < end; ++t) {
        const KnowsIndex::TieRow& tie = index_->ties_[t];
        index_->ties_by_other_[t] = {tie.other, t};
        if (p < tie.other && tie.evidence_end - tie.evidence_begin >= HistoryIndex::kBusyPairNotes) {
          index_->history_.KeepBusyPair(
              p, tie.other, {index_->evidence_.data() + tie.evidence_begin, tie.evidence_end - tie.evidence_begin},
              infos_);
        }
      }
      std::sort(index_->ties_by_other_.begin() + begin, index_->ties_by_other_.begin() + end,
                [](const KnowsIndex::TieByOther& x, const KnowsIndex::TieByOther& y) { return x.other < y.other; });
    }
    index_->ids_ = ids_;
    index_->notes_ = std::move(infos_);
    index_->PackRefs();
    index_->dense_ = std::move(dense_);
    return absl::OkStatus();
  }

  const store::StoreReader& reader_;
  const query::StrengthModel model_;
  const std::atomic<bool>* cancel_;
  std::unique_ptr<KnowsIndex> index_;
  std::optional<int32_t> reference_;
  std::vector<store::NodeId> ids_;  // Dense index → entity id.
  absl::flat_hash_map<store::NodeId, uint32_t> dense_;
  std::vector<store::NoteInfo> infos_;
  std::unordered_map<store::NodeId, uint32_t> note_index_;
  std::vector<uint32_t> by_rank_;  // Rank → note index.
  std::vector<Shared> shared_;
  std::vector<std::vector<Stated>> stated_;
  std::map<std::pair<store::NodeId, uint32_t>, store::StoredFact> facts_;  // Every relation fact read.
};

absl::StatusOr<std::unique_ptr<KnowsIndex>> KnowsIndex::Build(const store::StoreReader& reader,
                                                             const query::StrengthModel& model,
                                                             const std::atomic<bool>* cancel) {
  return KnowsIndexBuilder(reader, model, cancel).Run();
}

void KnowsIndex::ForEachTie(
    const std::function<void(store::NodeId, store::NodeId, double, int)>& visit) const {
  for (uint32_t p = 0; p < ranges_.size(); ++p) {
    for (uint32_t t = ranges_[p].first; t < ranges_[p].second; ++t) {
      visit(ids_[p], ids_[ties_[t].other], ties_[t].strength, ties_[t].interactions);
    }
  }
}

std::optional<KnowsIndex::Person> KnowsIndex::PersonNamed(std::string_view folded) const {
  // Debian's Abseil has its own string_view, which its string hash takes.
  auto it = by_folded_name_.find(absl::string_view(folded.data(), folded.size()));
  if (it == by_folded_name_.end()) return std::nullopt;
  return it->second;
}

std::optional<KnowsIndex::Person> KnowsIndex::PersonWithId(store::NodeId id) const {
  auto it = dense_.find(id);
  if (it == dense_.end()) return std::nullopt;
  return it->second;
}

const KnowsIndex::TieRow* KnowsIndex::FindTie(uint32_t a, uint32_t b) const {
  auto [begin, end] = ranges_[a];
  if (ranges_[b].second - ranges_[b].first < end - begin) {
    std::tie(begin, end) = ranges_[b];
    b = a;
  }
  auto first = ties_by_other_.begin() + begin, last = ties_by_other_.begin() + end;
  auto found = std::lower_bound(first, last, b, [](const TieByOther& t, uint32_t other) { return t.other < other; });
  return found != last && found->other == b ? &ties_[found->tie] : nullptr;
}

std::optional<query::SharedHistory> KnowsIndex::SharedHistory(const store::EntityInfo& a, const store::EntityInfo& b,
                                                              int limit) const {
  std::optional<Person> x = PersonWithId(a.id), y = PersonWithId(b.id);
  if (!x || !y || *x == *y) return std::nullopt;
  return SharedHistory(*x, *y, limit);
}

query::SharedHistory KnowsIndex::SharedHistory(Person a, Person b, int limit) const {
  // The tie's evidence is the notes both attended, newest first, and its
  // interactions the meetings they fold into (the same folding).
  query::AttendedNewestFirst attended{notes_.data(), {}, 0};
  if (const TieRow* tie = FindTie(a, b)) {
    attended.order = {evidence_.data() + tie->evidence_begin, tie->evidence_end - tie->evidence_begin};
    attended.meetings = tie->interactions;
    if (tie->meetings_begin != kFoldsNotKept) {
      attended.meeting_of = {meeting_of_.data() + tie->meetings_begin, attended.order.size()};
    }
  }
  return query::AssembleSharedHistory(names_[a], names_[b], history_.Parts(a, b, notes_, attended, limit),
                                      model_.duplicate_overlap, limit);
}

const SocialGraph& KnowsIndex::social() const {
  std::call_once(social_once_, [this] { social_ = SocialGraph::FromIndex(*this); });
  return *social_;
}

std::string RelationWord(const std::string& label) {
  if (label == "reports to" || label == "manages") return "reporting line";
  if (label == "worked with") return "worked together";
  if (label == "knows") return "know each other";
  if (label.rfind("family", 0) == 0) return "family";
  if (label == "introduced" || label == "introduction") return "introduced";
  return "related";
}

void KnowsIndex::PackRefs() {
  size_t bytes = 0;
  for (const store::NoteInfo& note : notes_) bytes += note.path.size() + note.title.size();
  ref_bytes_.reserve(bytes);
  refs_.reserve(notes_.size());
  for (const store::NoteInfo& note : notes_) {
    refs_.push_back({ref_bytes_.size(), static_cast<uint32_t>(note.path.size()),
                     static_cast<uint32_t>(note.title.size()), note.date});
    ref_bytes_ += note.path;
    ref_bytes_ += note.title;
  }
}

query::NoteRef KnowsIndex::RefOf(uint32_t note) const {
  const PackedRef& ref = refs_[note];
  const char* at = ref_bytes_.data() + ref.offset;
  return {std::string(at, ref.path_size), std::string(at + ref.path_size, ref.title_size), ref.date};
}

query::WhoKnowsResult KnowsIndex::WhoKnows(const store::EntityInfo& subject, int limit, int evidence_limit) const {
  if (std::optional<Person> person = PersonWithId(subject.id)) return WhoKnows(*person, limit, evidence_limit);
  query::WhoKnowsResult result;
  result.subject = subject.name;
  return result;
}

query::WhoKnowsResult KnowsIndex::WhoKnows(Person subject, int limit, int evidence_limit) const {
  query::WhoKnowsResult result;
  result.subject = names_[subject];
  auto [begin, end] = ranges_[subject];
  if (limit > 0) end = std::min(end, begin + static_cast<uint32_t>(limit));
  result.people.reserve(end - begin);
  for (uint32_t t = begin; t < end; ++t) {
    const TieRow& tie = ties_[t];
    query::Acquaintance& a = result.people.emplace_back();
    a.name = names_[tie.other];
    a.strength = tie.strength;
    a.interactions = tie.interactions;
    a.last_interaction = tie.last;
    a.evidence_total = static_cast<int>(tie.evidence_end - tie.evidence_begin);
    uint32_t evidence_end = tie.evidence_end;
    if (evidence_limit > 0) evidence_end = std::min(evidence_end, tie.evidence_begin + static_cast<uint32_t>(evidence_limit));
    a.evidence.reserve(evidence_end - tie.evidence_begin);
    a.reasons.reserve(tie.reasons_end - tie.reasons_begin);
    for (uint32_t e = tie.evidence_begin; e < evidence_end; ++e) a.evidence.push_back(RefOf(evidence_[e]));
    for (uint32_t r = tie.reasons_begin; r < tie.reasons_end; ++r) {
      const ReasonRow& reason = reasons_[r];
      a.reasons.push_back({reason.relation, reason.text, RefOf(reason.note)});
    }
  }
  return result;
}

}  // namespace kith::graph
