#include "engine/extract/gazetteer.h"

#include <gtest/gtest.h>

namespace kith::extract {
namespace {

TEST(GazetteerTest, UniqueFirstNameNeedsARecurringPerson) {
  Gazetteer g;
  g.AddPerson("Dana Wolfe");
  EXPECT_FALSE(g.PersonByFirstName("dana"));
  g.AddPerson("Dana Wolfe");
  EXPECT_EQ(g.PersonByFirstName("dana"), "Dana Wolfe");
}

TEST(GazetteerTest, AmbiguousFirstNameResolvesOnlyWhenOneDominates) {
  Gazetteer g;
  for (int i = 0; i < 2; ++i) g.AddPerson("Rob Lane");
  for (int i = 0; i < 2; ++i) g.AddPerson("Rob Marsh");
  EXPECT_FALSE(g.PersonByFirstName("rob"));
  EXPECT_TRUE(g.IsAmbiguousFirstName("rob"));
  for (int i = 0; i < 10; ++i) g.AddPerson("Rob Lane");
  EXPECT_EQ(g.PersonByFirstName("rob"), "Rob Lane");
}

// Finish decides every first name once; a person added afterwards is
// seen at once (the decisions are not used until the next Finish), and
// Finish's removal of organisations' names applies to first names too.
TEST(GazetteerTest, FirstNameDecisionsFollowLaterChanges) {
  Gazetteer g;
  for (int i = 0; i < 6; ++i) g.AddPerson("Rob Lane");
  g.AddPerson("Kai Brook");
  g.AddOrganization("Kai Brook");
  g.Finish();
  EXPECT_EQ(g.PersonByFirstName("rob"), "Rob Lane");
  EXPECT_FALSE(g.PersonByFirstName("kai"));
  EXPECT_FALSE(g.PersonByFirstName("mia"));
  for (int i = 0; i < 6; ++i) g.AddPerson("Rob Marsh");
  EXPECT_FALSE(g.PersonByFirstName("rob"));  // Neither dominates any more.
  for (int i = 0; i < 2; ++i) g.AddPerson("Mia Holt");
  EXPECT_EQ(g.PersonByFirstName("mia"), "Mia Holt");
  g.Finish();
  EXPECT_FALSE(g.PersonByFirstName("rob"));
  EXPECT_EQ(g.PersonByFirstName("mia"), "Mia Holt");
}

TEST(GazetteerTest, OrganizationsByFirstWordSuffixAndDomain) {
  Gazetteer g;
  g.AddOrganization("Northwind Labs Inc.");
  EXPECT_EQ(g.Organization("northwind labs"), "Northwind Labs");
  EXPECT_EQ(g.Organization("northwind"), "Northwind Labs");
  // A plain folded name is looked up as it is; any other is folded first.
  EXPECT_EQ(g.Organization("northwind labs inc."), "Northwind Labs");
  EXPECT_EQ(g.Organization(" Northwind  LABS, Inc"), "Northwind Labs");
  EXPECT_EQ(g.Organization("northwind\tlabs"), "Northwind Labs");
  EXPECT_FALSE(g.Organization("northwind labs east"));
  EXPECT_EQ(g.OrganizationByDomain("mail.northwindlabs.com"), "Northwind Labs");
  EXPECT_FALSE(g.OrganizationByDomain("gmail.com"));
  EXPECT_EQ(CanonicalOrganizationName("Orbital Freight Corporation"), "Orbital Freight");
}

TEST(GazetteerTest, AcronymBecomesAliasWhenEitherIsAnOrganization) {
  Gazetteer g;
  g.AddOrganization("BWA");
  g.AddAcronym("Brightwater Analytics", "BWA");
  g.AddAcronym("Customer Success Manager", "CSM");
  g.Finish();
  EXPECT_EQ(g.Organization("bwa"), "Brightwater Analytics");
  EXPECT_FALSE(g.Organization("csm"));
}

TEST(GazetteerTest, PersonAliasesAndSeparation) {
  Gazetteer g;
  g.AddPersonAlias("Priya Raman", "Priya R.");
  EXPECT_EQ(g.CanonicalPerson("priya r."), "Priya Raman");
  EXPECT_EQ(g.Person("priya r"), "Priya Raman");
  g.SeparatePeople("Priya Raman", "Priya R.");
  EXPECT_EQ(g.CanonicalPerson("Priya R."), "Priya R.");
}

TEST(GazetteerTest, OrganizationsAndGroupsAreNotPeople) {
  Gazetteer g;
  g.AddPerson("Northwind Labs");
  g.AddPerson("Azure Compute");
  g.AddOrganization("Northwind Labs");
  g.AddGroupName("Azure Compute");
  g.Finish();
  EXPECT_FALSE(g.Person("northwind labs"));
  EXPECT_FALSE(g.Person("azure compute"));
}

// A first name's list names each person once. Finish drops a name that
// is an organisation's; when an alias had replaced its spelling, the list
// keeps the first spelling, and the same name added again afterwards must
// not be listed twice: two equal entries would tie, and until the next
// Finish the first name would not resolve.
TEST(GazetteerTest, APersonAddedAgainAfterFinishIsListedOnce) {
  Gazetteer g;
  g.AddPerson("Bo Lind");
  g.AddPersonAlias("Bodil Lind", "Bo Lind");
  g.AddOrganization("Bo Lind");
  g.Finish();
  for (int i = 0; i < 6; ++i) g.AddPerson("Bo Lind");
  EXPECT_EQ(g.PersonByFirstName("bo"), "Bo Lind");
}

TEST(ContextOfPathTest, FoldersSayWhoOrWhatANoteIsAbout) {
  EXPECT_EQ(ContextOfPath("Work/People/Ana Bell/README.md").person, "Ana Bell");
  EXPECT_EQ(ContextOfPath("Customers and Partners/Acme/2025-01-01 - Sync.md").organization, "Acme");
  EXPECT_EQ(ContextOfPath("People/README.md").person, "");
  EXPECT_EQ(ContextOfPath("People/_archive/x.md").person, "");
}

}  // namespace
}  // namespace kith::extract
