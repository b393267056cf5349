// kith-micro-bench: Google Benchmark figures for the engine's inner loops,
// on synthetic notes from kith gen's writers (deterministic, no files):
// parsing, extraction, name folding, hashing and the sync stamp codec.
// Run: build/tools/bench/kith-micro-bench --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <vector>

#include "engine/extract/extract.h"
#include "engine/extract/gazetteer.h"
#include "engine/note/note.h"
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

}  // namespace
}  // namespace kith::bench

BENCHMARK_MAIN();
