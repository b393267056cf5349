// DecodeNoteInfo reads from a NoteRecord's bytes what protobuf's parse of
// the record gives, skipping what queries do not read.
#include "engine/store/note_info_decoder.h"

#include <gtest/gtest.h>

#include "engine/store/rocks_store.h"

namespace kith::store {
namespace {

// The reference: the fields of a record protobuf parsed.
NoteInfo NoteFromRecord(NodeId id, const NoteRecord& record) {
  NoteInfo note;
  note.id = id;
  note.path = record.path();
  note.title = record.title();
  note.type = record.type();
  if (record.has_date()) note.date = record.date();
  note.content_hash = record.content_hash();
  note.attendees.assign(record.attendees().begin(), record.attendees().end());
  note.fact_count = record.fact_count();
  return note;
}

NoteRecord FullRecord() {
  NoteRecord record;
  record.set_path("Meetings/2025-03-01 Kickoff.md");
  record.set_title("Kickoff with a title longer than the small-string buffer");
  record.set_type("meeting");
  record.set_has_date(true);
  record.set_date(-3);  // Before 1970: a negative int32 is ten bytes on the wire.
  record.set_content_hash(0x0123456789abcdefULL);
  for (uint64_t id : {7ULL, 0xffffffffffffffffULL, 42ULL}) record.add_attendees(id);
  for (uint64_t id : {5ULL, 6ULL}) record.add_entities(id);
  record.set_fact_count(300);
  record.set_warning_count(2);
  record.add_kept_lines()->set_text("a line only older stores hold");
  LearnedNameRecord* learned = record.add_learned();
  learned->set_kind(1);
  learned->set_name("Ana Bell");
  return record;
}

void ExpectSame(const NoteInfo& x, const NoteInfo& y) {
  EXPECT_EQ(x.id, y.id);
  EXPECT_EQ(x.path, y.path);
  EXPECT_EQ(x.title, y.title);
  EXPECT_EQ(x.type, y.type);
  EXPECT_EQ(x.date, y.date);
  EXPECT_EQ(x.content_hash, y.content_hash);
  EXPECT_EQ(x.attendees, y.attendees);
  EXPECT_EQ(x.fact_count, y.fact_count);
}

TEST(NoteInfoDecoderTest, ReadsWhatTheParsedRecordGives) {
  for (const NoteRecord& record : {FullRecord(), NoteRecord()}) {
    std::optional<NoteInfo> decoded = DecodeNoteInfo(9, record.SerializeAsString());
    ASSERT_TRUE(decoded.has_value());
    ExpectSame(*decoded, NoteFromRecord(9, record));
  }
  EXPECT_FALSE(NoteFromRecord(9, NoteRecord()).date.has_value());
}

TEST(NoteInfoDecoderTest, AcceptsAttendeesSentOneByOneAndRepeatedFields) {
  // proto3 parsers take a packed field unpacked too, and the last of a
  // repeated scalar; a record written so must read the same.
  std::string bytes = FullRecord().SerializeAsString();
  bytes += std::string("\x39", 1) + std::string("\x08\0\0\0\0\0\0\0", 8);  // Field 7, fixed64: attendee 8.
  bytes += std::string("\x48\x05", 2);                                        // Field 9 again: 5 facts.
  NoteRecord parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  std::optional<NoteInfo> decoded = DecodeNoteInfo(9, bytes);
  ASSERT_TRUE(decoded.has_value());
  ExpectSame(*decoded, NoteFromRecord(9, parsed));
  EXPECT_EQ(decoded->attendees.back(), 8u);
  EXPECT_EQ(decoded->fact_count, 5u);
}

TEST(NoteInfoDecoderTest, RefusesWhatDoesNotParse) {
  const std::string bytes = FullRecord().SerializeAsString();
  for (size_t cut : {size_t{1}, size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
    NoteRecord parsed;
    if (parsed.ParseFromString(bytes.substr(0, cut))) continue;  // Cut between fields: still a record.
    EXPECT_FALSE(DecodeNoteInfo(9, bytes.substr(0, cut)).has_value()) << cut;
  }
  EXPECT_FALSE(DecodeNoteInfo(9, std::string("\x3a\x03\x01\x02\x03", 5)).has_value());  // Packed ids of 3 bytes.
  EXPECT_FALSE(DecodeNoteInfo(9, std::string("\x00", 1)).has_value());                  // Field 0.
}

}  // namespace
}  // namespace kith::store
