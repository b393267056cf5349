#include "tools/gen/world.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "tools/gen/synthetic_names.h"

namespace kith::gen {
namespace {

constexpr std::array<std::string_view, 6> kFunction = {"Engineering", "Sales", "Product", "Marketing", "Operations",
                                                       "Finance"};
constexpr std::array<std::string_view, 14> kIndividualRole = {
    "Staff Engineer",      "Account Executive", "Solutions Engineer", "Data Scientist",   "Product Manager",
    "Recruiter",           "Software Engineer", "Sales Engineer",     "Program Manager", "Customer Success Manager",
    "Platform Architect",  "Designer",          "Security Engineer",  "Analyst"};

std::string TitleFor(uint32_t depth, Random& random) {
  std::string_view function = kFunction[random.Below(kFunction.size())];
  switch (depth) {
    case 0: return "Chief Executive Officer";
    case 1: return "VP " + std::string(function);
    case 2: return "Director of " + std::string(function);
    case 3: return std::string(function) + " Manager";
    default: return std::string(kIndividualRole[random.Below(kIndividualRole.size())]);
  }
}

size_t Scaled(int64_t notes, int64_t per, size_t floor, size_t cap) {
  return std::clamp<size_t>(size_t(notes / per), floor, cap);
}

}  // namespace

World BuildWorld(int64_t notes, uint64_t seed, double zipf) {
  const size_t people = Scaled(notes, 2, 8, kMaxPeople);
  const size_t organizations = Scaled(notes, 40, 3, kMaxOrganizations);
  const size_t topics = Scaled(notes, 100, 3, kMaxTopics);
  World world{.person_popularity = Zipf(people, zipf),
              .organization_popularity = Zipf(organizations, zipf),
              .topic_popularity = Zipf(topics, zipf)};
  Random random(seed * 0x2545f4914f6cdd1dULL + 1);
  for (size_t o = 0; o < organizations; ++o) world.organizations.push_back(OrganizationName(o));
  for (size_t t = 0; t < topics; ++t) world.topics.push_back(TopicTag(t));
  world.members.resize(organizations);
  world.people.reserve(people);
  for (size_t i = 0; i < people; ++i) {
    SyntheticPerson person;
    person.name = PersonName(i);
    // Every organisation gets a head first, then people go where the
    // popularity says, so big employers are few.
    person.organization = uint32_t(i < organizations ? i : world.organization_popularity.Draw(random));
    std::vector<uint32_t>& colleagues = world.members[person.organization];
    if (!colleagues.empty()) {
      // A branching factor of 2 to 5: deep enough for a real org chart.
      size_t position = colleagues.size();
      person.manager = colleagues[(position - 1) / (2 + random.Below(4))];
      person.depth = world.people[person.manager].depth + 1;
    }
    person.title = TitleFor(person.depth, random);
    person.former_organization = uint32_t(random.Below(organizations));
    if (person.former_organization == person.organization) person.former_organization = (person.organization + 1) % organizations;
    person.former_years = int(2 + random.Below(17));
    colleagues.push_back(uint32_t(i));
    world.people.push_back(std::move(person));
  }
  return world;
}

}  // namespace kith::gen
