// kith-micro-bench: Google Benchmark figures for the engine's inner loops,
// on synthetic notes from kith gen's writers (deterministic, no files):
// parsing, extraction, name folding, hashing, the sync stamp codec, and
// assembling a shared history from its parts.
// Run: build/tools/bench/kith-micro-bench --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <vector>

#include "engine/extract/extract.h"
#include "engine/extract/gazetteer.h"
#include "engine/note/note.h"
#include "engine/query/shared_history.h"
#include "engine/store/note_stamp.h"
#include "engine/util/hash.h"
#include "engine/util/text.h"
#include "tools/gen/note_writers.h"
#include "tools/gen/world.h"

namespace kith::bench {
namespace {

constexpr int kNotes = 256;

// Meeting notes of a 10k-note world, their parses, and the gazetteer the
// whole sample teaches, as an ingest would have it.
struct Sample {
  std::vector<gen::WrittenNote> notes;
  std::vector<note::ParsedNote> parsed;
  extract::Gazetteer gazetteer;
  std::string owner;
  int64_t bytes = 0;

  Sample() {
    gen::World world = gen::BuildWorld(10'000, 1, 1.0);
    gen::Random random(7);
    owner = world.people[world.owner].name;
    for (int i = 0; i < kNotes; ++i) {
      notes.push_back(gen::MeetingNote(world, i, random));
      bytes += static_cast<int64_t>(notes.back().text.size());
      parsed.push_back(*note::ParseNote(notes.back().path, notes.back().text, {}));
      extract::LearnNames(parsed.back()).ApplyTo(gazetteer);
    }
    gazetteer.AddPerson(owner);
    gazetteer.Finish();
  }
};

const Sample& TheSample() {
  static const Sample* sample = new Sample();
  return *sample;
}

void BM_ParseMeetingNote(benchmark::State& state) {
  const Sample& s = TheSample();
  size_t i = 0;
  for (auto _ : state) {
    const gen::WrittenNote& n = s.notes[i++ % kNotes];
    benchmark::DoNotOptimize(note::ParseNote(n.path, n.text, {}));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * s.bytes / kNotes);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseMeetingNote);

void BM_ExtractMeetingNote(benchmark::State& state) {
  const Sample& s = TheSample();
  extract::ExtractOptions options{s.owner, &s.gazetteer};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(extract::Extract(s.parsed[i++ % kNotes], options));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ExtractMeetingNote);

void BM_LearnNames(benchmark::State& state) {
  const Sample& s = TheSample();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(extract::LearnNames(s.parsed[i++ % kNotes]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_LearnNames);

void BM_FoldName(benchmark::State& state) {
  const std::vector<std::string> names = {"Lena Ortiz", "ÉLODIE  Marchand-Duval", "o'brien, seán", "Zoë Ångström"};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(util::FoldName(names[i++ % names.size()]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_FoldName);

void BM_StableHash64Note(benchmark::State& state) {
  const Sample& s = TheSample();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(util::StableHash64(s.notes[i++ % kNotes].text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * s.bytes / kNotes);
}
BENCHMARK(BM_StableHash64Note);

void BM_DecodeNoteStamp(benchmark::State& state) {
  const std::string value =
      store::EncodeNoteStamp({"Meetings/2025/2025-05-01 - Weekly sync.md", 20209, 1, {2, 4096, 1'700'000'000}});
  for (auto _ : state) benchmark::DoNotOptimize(store::DecodeNoteStamp(value));
}
BENCHMARK(BM_DecodeNoteStamp);

// A pair's shared history: `meetings` meetings on distinct dates, a third
// as many other notes naming both, two stated relations, three topics, one
// shared employer. A dozen meetings is a typical pair of kith-bench's
// inputs; a hundred and more, the owner's pairs with the hubs.
struct HistorySample {
  std::vector<store::NoteInfo> notes;
  std::vector<std::string> descriptions, texts;
  query::SharedHistoryParts parts;

  explicit HistorySample(int meetings) {
    const int kMeetings = meetings, kMentions = meetings / 3, kRelations = 2;
    notes.reserve(kMeetings + kMentions);
    for (int i = 0; i < kMeetings + kMentions; ++i) {
      store::NoteInfo& note = notes.emplace_back();
      note.id = 1000 + i;
      note.date = 20000 + 7 * i;
      note.title = "Quarterly roadmap review with the platform team " + std::to_string(i);
      note.path = "Meetings/2025/2025-03-04 - " + note.title + ".md";
      note.type = "meeting";
      note.attendees = {1, 2, static_cast<store::NodeId>(3 + i)};
    }
    for (int i = 0; i < kMeetings; ++i) parts.attended_by_both.push_back(&notes[i]);
    for (int i = kMeetings; i < kMeetings + kMentions; ++i) parts.named_by_both.push_back(&notes[i]);
    for (int i = 0; i < kRelations; ++i) {
      descriptions.push_back("Lena Ortiz worked with Omar Haddad " + std::to_string(i));
      texts.push_back("Lena Ortiz worked with Omar Haddad at Northwind Analytics for three years.");
    }
    for (int i = 0; i < kRelations; ++i) {
      parts.relations.push_back({model::RelationType::kWorkedWith, 0, notes[i].date, descriptions[i], texts[i], &notes[i]});
    }
    parts.topics = {{"pricing", 5}, {"migration", 3}, {"hiring", 2}};
    parts.organizations = {{"Northwind Analytics", "current", "former"}};
  }
};

// Arguments: meetings, then the limit (0: the whole answer).
void BM_AssembleSharedHistory(benchmark::State& state) {
  const HistorySample sample(static_cast<int>(state.range(0)));
  const int limit = static_cast<int>(state.range(1));
  for (auto _ : state) {
    benchmark::DoNotOptimize(query::AssembleSharedHistory("Lena Ortiz", "Omar Haddad", sample.parts, 0.6, limit));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_AssembleSharedHistory)->Args({12, 0})->Args({150, 0})->Args({150, 50});

}  // namespace
}  // namespace kith::bench

BENCHMARK_MAIN();
