// The raw material of a shared history and how it becomes the answer
// (private to the engine). The store and the memory index each gather the
// parts their own way; AssembleSharedHistory orders, folds and deduplicates
// them the same way for both, so the two answers are equal by construction.
#ifndef KITH_ENGINE_QUERY_SHARED_HISTORY_H_
#define KITH_ENGINE_QUERY_SHARED_HISTORY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/model.h"
#include "engine/query/query.h"
#include "engine/store/store.h"

namespace kith::query {

// One stated fact that names both people, as a timeline entry.
struct StatedBetween {
  model::RelationType type = model::RelationType::kKnows;
  store::NodeId note = 0;
  uint32_t seq = 0;
  SharedEvent event;  // kind "relation"; its description says the relation.
};

// The relation types shared-history reports, in the order the store is
// read: among facts with one description, the first in this order wins a
// tie on date and note.
inline constexpr model::RelationType kSharedRelationTypes[] = {
    model::RelationType::kReportsTo, model::RelationType::kWorkedWith, model::RelationType::kKnows,
    model::RelationType::kFamily, model::RelationType::kIntroduced};

// Everything in any order; the pointers outlive the call.
struct SharedHistoryParts {
  std::vector<const store::NoteInfo*> attended_by_both;
  // Set by a source that hands attended_by_both over sorted by (date, path)
  // already; checking would compare a hub pair's paths by the thousand.
  bool attended_in_date_order = false;
  std::vector<const store::NoteInfo*> named_by_both;  // Other notes naming both.
  std::vector<std::string> topics;                     // Of the notes both attended; repeats allowed.
  std::vector<StatedBetween> relations;
  std::vector<SharedOrganization> organizations;
};

// The status of one employment, from its WORKS_AT `edges` in key order:
// "current" if any says so, else the last one's ("former" or "").
absl::StatusOr<std::string> EmploymentStatus(const store::StoreReader& reader,
                                             const std::vector<store::EdgeRef>& edges);

// `limit` as for BuildSharedHistory. Entries the limit drops are counted
// but never built: a hub pair's thousands of meetings cost no strings.
SharedHistory AssembleSharedHistory(std::string a, std::string b, SharedHistoryParts parts,
                                    double duplicate_overlap, int limit);

}  // namespace kith::query

#endif  // KITH_ENGINE_QUERY_SHARED_HISTORY_H_
