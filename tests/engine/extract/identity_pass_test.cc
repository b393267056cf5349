#include "engine/extract/identity_pass.h"

#include <gtest/gtest.h>

#include "engine/extract/extract.h"
#include "tests/testing/status_matchers.h"

namespace kith::extract {
namespace {

// The (type, person, detail) of every identity fact of `graph`.
std::vector<std::string> Identities(const NoteGraph& graph) {
  std::vector<std::string> out;
  for (const Fact& f : graph.facts) {
    if (f.type != model::RelationType::kHasEmail && f.type != model::RelationType::kAlsoKnownAs) continue;
    out.push_back(std::string(model::RelationName(f.type)) + " " + graph.entities[f.args[0]].name + " " + f.detail);
  }
  std::sort(out.begin(), out.end());
  return out;
}

NoteGraph ExtractText(const std::string& path, const std::string& text) {
  auto note = note::ParseNote(path, text);
  EXPECT_OK(note.status());
  return Extract(*note, {});
}

TEST(IdentityPassTest, ProfilePageGivesAddressAndAliases) {
  NoteGraph g = ExtractText("People/Ana Bell/README.md",
                            "---\ntype: people\nemail: Ana.Bell@Northwind.example\ncompany: Northwind\n"
                            "aliases:\n  - Annie Bell\n  - ana bell\n---\n# Ana Bell\n");
  EXPECT_EQ(Identities(g), (std::vector<std::string>{"ALSO_KNOWN_AS Ana Bell Annie Bell",
                                                     "HAS_EMAIL Ana Bell ana.bell@northwind.example"}));
  for (const Fact& f : g.facts) {
    if (f.type == model::RelationType::kHasEmail) EXPECT_EQ(f.evidence.section, "frontmatter");
  }
}

TEST(IdentityPassTest, PlaceholdersRobotsAndOtherNotesGiveNothing) {
  EXPECT_TRUE(Identities(ExtractText("People/Ana Bell/README.md",
                                     "---\nemail: ''\n---\n# Ana Bell\n**Email**: _Unknown_\n"))
                  .empty());
  EXPECT_TRUE(Identities(ExtractText("People/Ana Bell/README.md", "---\nemail: noreply@docs.example\n---\n"))
                  .empty());
  // Aliases on a note that is not the person's page are not the person's.
  EXPECT_TRUE(Identities(ExtractText("People/Ana Bell/2025-01-01 - Sync.md",
                                     "---\naliases: [Annie]\nemail: ana@x.example\n---\n"))
                  .empty());
}

TEST(IdentityPassTest, EmailHeadersGiveEachCorrespondentsAddressOnce) {
  NoteGraph g = ExtractText("Email/t.md",
                            "# Re: Plan\n---\n"
                            "## 2025-03-01 09:00:00 \u2014 Ana Bell <ana@northwind.example>\n> Hi Bo,\n> Plan attached.\n"
                            "---\n## 2025-03-02 10:00:00 \u2014 Bo Chen <bo@chen.example>\n> Thanks Ana.\n"
                            "---\n## 2025-03-03 10:00:00 \u2014 Ana Bell <ana@northwind.example>\n> Great.\n"
                            "---\n## 2025-03-04 10:00:00 \u2014 Support Team <support@northwind.example>\n> Ticket.\n");
  EXPECT_EQ(Identities(g), (std::vector<std::string>{"HAS_EMAIL Ana Bell ana@northwind.example",
                                                     "HAS_EMAIL Bo Chen bo@chen.example"}));
}

TEST(IdentityPassTest, AddressShape) {
  EXPECT_TRUE(LooksLikeEmailAddress("a@b.co"));
  for (const char* bad : {"", "@b.co", "a@b", "a@.co", "a@b.", "a b@c.d", "a@b@c.d", "_Unknown_"}) {
    EXPECT_FALSE(LooksLikeEmailAddress(bad)) << bad;
  }
}

}  // namespace
}  // namespace kith::extract
