#include "engine/extract/person_name.h"

#include <gtest/gtest.h>

namespace kith::extract {
namespace {

TEST(CleanPersonNameTest, StripsDecorations) {
  EXPECT_EQ(*CleanPersonName("[[Jai Menon]]"), "Jai Menon");
  EXPECT_EQ(*CleanPersonName("[[Jai Menon|Jai]]"), "Jai Menon");
  EXPECT_EQ(*CleanPersonName("Brandon (last name unknown)"), "Brandon");
  EXPECT_EQ(*CleanPersonName("Yancey (last name not stated)"), "Yancey");
  EXPECT_EQ(*CleanPersonName("'Rob  Banga'"), "Rob Banga");
  EXPECT_EQ(*CleanPersonName("Adem Sefa <adem@example.com>"), "Adem Sefa");
  EXPECT_EQ(*CleanPersonName("Åsa Berg"), "Åsa Berg");
}

TEST(CleanPersonNameTest, RejectsWhatIsNotAName) {
  EXPECT_FALSE(CleanPersonName("extraction_errors").ok());
  EXPECT_FALSE(CleanPersonName("dana@example.com").ok());
  EXPECT_FALSE(CleanPersonName("Team 42").ok());
  EXPECT_FALSE(CleanPersonName("(unknown)").ok());
  for (const char* markup : {"Ana/Bo Chen", "Ana\\Bo", "Ana #Bo", "Ana = Bo", "Ana {Bo}", "Ana | Bo"}) {
    EXPECT_FALSE(CleanPersonName(markup).ok()) << markup;
  }
  EXPECT_FALSE(CleanPersonName("lowercase thing").ok());
  EXPECT_FALSE(CleanPersonName("One Two Three Four Five Six").ok());
}

// A word is compared as it folds: case aside for ASCII words, and through
// FoldName for any other ("Téam" folds to "team").
TEST(CleanPersonNameTest, KnowsAGroupWordHoweverItIsWritten) {
  EXPECT_FALSE(CleanPersonName("Platform SALES").ok());
  EXPECT_FALSE(CleanPersonName("Platform T\u00E9am").ok());
  EXPECT_FALSE(CleanPersonName("Platform \tHR").ok());
  EXPECT_EQ(*CleanPersonName("Teamo Salesby"), "Teamo Salesby");
  EXPECT_EQ(*CleanPersonName("Hraban Opsahl"), "Hraban Opsahl");
}

TEST(IsSelfReferenceTest, KnowsTheOwnerWords) {
  EXPECT_TRUE(IsSelfReference("Myself"));
  EXPECT_TRUE(IsSelfReference("me"));
  EXPECT_FALSE(IsSelfReference("Mel"));
  EXPECT_TRUE(IsSelfReference("  MYSELF "));
  EXPECT_FALSE(IsSelfReference("Myselfie"));
  EXPECT_FALSE(IsSelfReference("my self"));
}

}  // namespace
}  // namespace kith::extract
