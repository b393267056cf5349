// Cleaning the names people write into participant lists and task owners.
#ifndef KITH_ENGINE_EXTRACT_PERSON_NAME_H_
#define KITH_ENGINE_EXTRACT_PERSON_NAME_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace kith::extract {

// "[[Jai Menon|Jai]]" → "Jai Menon"; "Brandon (last name unknown)" →
// "Brandon"; "'Rob Banga'" → "Rob Banga"; "Adem <adem@x.com>" → "Adem".
// Fails with InvalidArgument (the message says why) for text that is not a
// person's name: placeholders such as "extraction_errors", e-mail addresses,
// numbers, sentences.
absl::StatusOr<std::string> CleanPersonName(std::string_view raw);

// "SEs", "AEs", "PMs": capitals then a plural s.
bool IsPluralAcronym(std::string_view word);

// True for the words a note uses for its own author ("Myself", "Me", "I").
bool IsSelfReference(std::string_view name);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_PERSON_NAME_H_
