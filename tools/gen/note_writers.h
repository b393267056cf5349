// One function per note format of a real vault. Each returns the note's
// text and sets its path relative to the vault; the randomness is the
// caller's, so a note is a pure function of (world, seed, index).
#ifndef KITH_TOOLS_GEN_NOTE_WRITERS_H_
#define KITH_TOOLS_GEN_NOTE_WRITERS_H_

#include <string>

#include "tools/gen/random.h"
#include "tools/gen/world.h"

namespace kith::gen {

struct WrittenNote {
  std::string path;
  std::string text;
};

WrittenNote MeetingNote(const World& world, int64_t index, Random& random);
WrittenNote PersonPage(const World& world, uint32_t person, Random& random);
WrittenNote OrganizationPage(const World& world, uint32_t organization, Random& random);
WrittenNote EmailThread(const World& world, int64_t index, Random& random);

}  // namespace kith::gen

#endif  // KITH_TOOLS_GEN_NOTE_WRITERS_H_
