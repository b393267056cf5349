// Who a person is, as opposed to what they did: the addresses they write
// from (HAS_EMAIL) and the other names their profile page gives them
// (ALSO_KNOWN_AS). Both are one-argument facts whose detail is the address
// or the name, with the header or field that states it as evidence.
#ifndef KITH_ENGINE_EXTRACT_IDENTITY_PASS_H_
#define KITH_ENGINE_EXTRACT_IDENTITY_PASS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/extract/email.h"
#include "engine/extract/graph_builder.h"
#include "engine/note/note.h"

namespace kith::extract {

// Resolves a raw person name at a line to its canonical form; "" if it is
// not a person.
using PersonResolver = std::function<std::string(std::string_view, int)>;

// True for an address that names a role or a robot rather than a person.
bool IsGroupMailbox(const Correspondent& c);

// True for a syntactically plausible address ("a@b.c", no spaces).
bool LooksLikeEmailAddress(std::string_view text);

// Adds HAS_EMAIL for every named correspondent of `thread`, and, when the
// note is the profile page of `about` (a README in the person's folder),
// HAS_EMAIL for its `email` field or "**Email**:" line and ALSO_KNOWN_AS
// for each of its `aliases`.
void AddIdentityFacts(const note::ParsedNote& note, const std::string& about, bool is_profile_page,
                      const std::vector<EmailMessage>& thread, const PersonResolver& resolve,
                      GraphBuilder& builder);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_IDENTITY_PASS_H_
