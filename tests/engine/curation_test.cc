#include "engine/curation.h"

#include <gtest/gtest.h>

#include "engine/extract/gazetteer.h"
#include "engine/store/store.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith {
namespace {

TEST(CurationTest, StoredInOrderWithWhoWhenWhy) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path()));
  ASSERT_OK(AppendCuration(*store, *store->NewReader(), {Curation::Kind::kAlias, "Ana Bell", "A. Bell", "maya", 10, "same"}));
  ASSERT_OK(AppendCuration(*store, *store->NewReader(), {Curation::Kind::kUnmerge, "Ana Bell", "A. Bell", "maya", 20, ""}));
  ASSERT_OK_AND_ASSIGN(std::vector<Curation> all, ListCurations(*store->NewReader()));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].kind, Curation::Kind::kAlias);
  EXPECT_EQ(all[0].who, "maya");
  EXPECT_EQ(all[0].when, 10);
  EXPECT_EQ(all[0].why, "same");
  EXPECT_EQ(all[1].kind, Curation::Kind::kUnmerge);
  EXPECT_NE(CurationDigest(all), CurationDigest({all[0]}));
}

TEST(CurationTest, RejectsMissingNames) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto store, store::Store::Open({}, dir.path()));
  EXPECT_FALSE(AppendCuration(*store, *store->NewReader(), {Curation::Kind::kMerge, "Ana Bell", "", "", 0, ""}).ok());
}

TEST(CurationTest, AppliedInOrder) {
  extract::Gazetteer g;
  ApplyCurations({{Curation::Kind::kMerge, "Ana Bell", "Annie B", "", 0, ""}}, g);
  EXPECT_EQ(g.CanonicalPerson("Annie B"), "Ana Bell");
  ApplyCurations({{Curation::Kind::kUnmerge, "Ana Bell", "Annie B", "", 0, ""}}, g);
  EXPECT_EQ(g.CanonicalPerson("Annie B"), "Annie B");
}

}  // namespace
}  // namespace kith
