#include "engine/store/fact_entries.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/store/keys.h"
#include "tests/testing/status_matchers.h"

namespace kith::store {
namespace {

FactRecord Fact(uint32_t type, std::string text) {
  FactRecord record;
  record.set_type(type);
  record.add_args(7);
  record.mutable_evidence()->set_text(std::move(text));
  return record;
}

std::string NoteOf(std::initializer_list<FactRecord> facts) {
  NoteFactsRecord note;
  for (const FactRecord& f : facts) *note.add_facts() = f;
  return note.SerializeAsString();
}

TEST(DecodeFactsEntryTest, ReadsANotesEntryAndAnOlderStoresSingleFact) {
  std::vector<std::pair<uint32_t, FactRecord>> out;
  ASSERT_TRUE(DecodeFactsEntry(IdKey(1), NoteOf({Fact(1, "a"), Fact(2, "b")}), out));
  ASSERT_TRUE(DecodeFactsEntry(FactKey(2, 9), Fact(3, "c").SerializeAsString(), out));
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].first, 0u);
  EXPECT_EQ(out[1].first, 1u);
  EXPECT_EQ(out[1].second.evidence().text(), "b");
  EXPECT_EQ(out[2].first, 9u);
  EXPECT_EQ(out[2].second.type(), 3u);
}

TEST(DecodeFactsEntryTest, RefusesOtherKeysAndUndecodableValues) {
  std::vector<std::pair<uint32_t, FactRecord>> out;
  EXPECT_FALSE(DecodeFactsEntry("short", NoteOf({Fact(1, "a")}), out));
  EXPECT_FALSE(DecodeFactsEntry(IdKey(1), "\xff\xff\xff", out));
  EXPECT_TRUE(out.empty());
}

TEST(NthFactBytesTest, FindsEachFactWithoutParsingTheOthers) {
  const std::string note = NoteOf({Fact(1, "first"), Fact(2, std::string(300, 'x')), Fact(3, "third")});
  for (uint32_t seq = 0; seq < 3; ++seq) {
    ASSERT_OK_AND_ASSIGN(std::optional<std::string_view> bytes, NthFactBytes(note, seq));
    ASSERT_TRUE(bytes.has_value());
    FactRecord record;
    ASSERT_TRUE(record.ParseFromArray(bytes->data(), static_cast<int>(bytes->size())));
    EXPECT_EQ(record.type(), seq + 1);
  }
  ASSERT_OK_AND_ASSIGN(std::optional<std::string_view> past, NthFactBytes(note, 3));
  EXPECT_FALSE(past.has_value());
  ASSERT_OK_AND_ASSIGN(std::optional<std::string_view> none, NthFactBytes("", 0));
  EXPECT_FALSE(none.has_value());
}

TEST(NthFactBytesTest, StepsOverAFieldALaterSchemaAdds) {
  std::string note = NoteOf({Fact(1, "a")});
  note += std::string("\x10\x05", 2);  // Field 2, a varint: 5.
  note += NoteOf({Fact(2, "b")});
  ASSERT_OK_AND_ASSIGN(std::optional<std::string_view> bytes, NthFactBytes(note, 1));
  ASSERT_TRUE(bytes.has_value());
  FactRecord record;
  ASSERT_TRUE(record.ParseFromArray(bytes->data(), static_cast<int>(bytes->size())));
  EXPECT_EQ(record.evidence().text(), "b");
}

TEST(NthFactBytesTest, ATruncatedEntryIsDataLoss) {
  const std::string note = NoteOf({Fact(1, "first"), Fact(2, "second")});
  for (size_t cut = 1; cut < note.size(); ++cut) {
    auto found = NthFactBytes(std::string_view(note).substr(0, cut), 1);
    // Cut at the boundary after the first fact, the note has one fact.
    if (found.ok()) {
      EXPECT_FALSE(found->has_value()) << cut;
    } else {
      EXPECT_EQ(found.status().code(), absl::StatusCode::kDataLoss) << cut;
    }
  }
  EXPECT_FALSE(NthFactBytes(std::string_view(note).substr(0, note.size() - 1), 1).ok());
}

}  // namespace
}  // namespace kith::store
