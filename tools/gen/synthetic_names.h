// Names for the synthetic vault: people, organisations and topics, each a
// pure function of an index, unique over the sizes the generator makes
// (672,000 people, 25,000 organisations, 20,000 topics), and shaped like
// the real ones so that the extractor reads them the same way.
#ifndef KITH_TOOLS_GEN_SYNTHETIC_NAMES_H_
#define KITH_TOOLS_GEN_SYNTHETIC_NAMES_H_

#include <cstddef>
#include <string>

namespace kith::gen {

inline constexpr size_t kMaxPeople = 672000;
inline constexpr size_t kMaxOrganizations = 25000;
inline constexpr size_t kMaxTopics = 20000;

std::string PersonName(size_t index);
std::string OrganizationName(size_t index);
// A topic as a tag path ("project/harbor-rollout").
std::string TopicTag(size_t index);
// "first.last" for e-mail addresses.
std::string MailboxOf(const std::string& person_name);
// "northwindlabs.example" for an organisation.
std::string DomainOf(const std::string& organization_name);

}  // namespace kith::gen

#endif  // KITH_TOOLS_GEN_SYNTHETIC_NAMES_H_
