// The synthetic world a vault is written about: people with organisations,
// titles and managers, organisations with their members, and topics. Built
// once from the seed; the note writers only read it.
#ifndef KITH_TOOLS_GEN_WORLD_H_
#define KITH_TOOLS_GEN_WORLD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "tools/gen/random.h"

namespace kith::gen {

inline constexpr uint32_t kNobody = UINT32_MAX;

struct SyntheticPerson {
  std::string name;
  uint32_t organization = 0;
  uint32_t manager = kNobody;  // Within the same organisation.
  uint32_t depth = 0;          // 0 for an organisation's head.
  std::string title;
  uint32_t former_organization = 0;
  int former_years = 0;
};

struct World {
  std::vector<SyntheticPerson> people;
  std::vector<std::string> organizations;
  std::vector<std::vector<uint32_t>> members;  // Per organisation, head first.
  std::vector<std::string> topics;             // Tag paths.
  Zipf person_popularity;
  Zipf organization_popularity;
  Zipf topic_popularity;
  uint32_t owner = 0;  // The vault's author: attends about half the meetings.
};

// Sizes follow the shape: per note, half a person; per 40 notes an
// organisation; per 100 notes a topic (200k notes: 100k people, 5k
// organisations, 2k topics), capped by the name spaces.
World BuildWorld(int64_t notes, uint64_t seed, double zipf);

}  // namespace kith::gen

#endif  // KITH_TOOLS_GEN_WORLD_H_
