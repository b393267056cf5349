// Building small NoteGraphs by hand for store and query tests.
#ifndef KITH_TESTS_TESTING_NOTE_GRAPHS_H_
#define KITH_TESTS_TESTING_NOTE_GRAPHS_H_

#include <string>
#include <vector>

#include "engine/extract/extract.h"
#include "engine/util/date.h"

namespace kith::testing {

// A meeting note at `path` on `date` ("YYYY-MM-DD" or "") attended by
// `people`.
inline extract::NoteGraph Meeting(const std::string& path, const std::string& date,
                                  const std::vector<std::string>& people) {
  extract::NoteGraph g;
  g.path = path;
  g.title = "Meeting " + path;
  if (!date.empty()) g.date = util::ParseIsoDate(date);
  for (const std::string& name : people) {
    int index = static_cast<int>(g.entities.size());
    g.entities.push_back({model::EntityKind::kPerson, name});
    extract::Fact fact;
    fact.type = model::RelationType::kAttended;
    fact.args = {index};
    g.facts.push_back(fact);
  }
  return g;
}

}  // namespace kith::testing

#endif  // KITH_TESTS_TESTING_NOTE_GRAPHS_H_
