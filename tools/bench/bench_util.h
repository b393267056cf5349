// Timing helpers shared by kith's benchmark binaries: every call timed on
// its own, one untimed warm-up round, medians and 99th percentiles.
#ifndef KITH_TOOLS_BENCH_BENCH_UTIL_H_
#define KITH_TOOLS_BENCH_BENCH_UTIL_H_

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "engine/kith.h"
#include "engine/vault/read_ahead.h"
#include "engine/vault/vault.h"

namespace kith::bench {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Series {
  std::string query;
  std::vector<double> micros;
  std::vector<size_t> input_of;  // micros[i] is a call on inputs[input_of[i]].
  int errors = 0;
  std::string first_error;  // Printed under the row, so that an error is never only a count.
};

inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t index = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(index, v.size() - 1)];
}

// Times `call` once per input per round, after one untimed round that
// warms caches; a failed call counts as an error.
template <typename Input>
Series Measure(const std::string& name, const std::vector<Input>& inputs, int rounds,
               const std::function<absl::Status(const Input&)>& call) {
  Series s{.query = name};
  for (const Input& input : inputs) call(input).IgnoreError();
  for (int r = 0; r < rounds; ++r) {
    for (const Input& input : inputs) {
      auto start = Clock::now();
      absl::Status status = call(input);
      s.micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      s.input_of.push_back(static_cast<size_t>(&input - inputs.data()));
      if (!status.ok() && s.errors++ == 0) s.first_error = status.ToString();
    }
  }
  return s;
}

struct VaultIngest {
  absl::StatusOr<IngestReport> report;
  size_t files = 0;
  uint64_t bytes = 0;  // Of the notes read.
};

// Ingests every note of `vault` as `kith ingest` does: files whose size and
// time are as stored go unread, and the rest are read ahead on threads.
inline VaultIngest IngestVault(Engine& engine, const std::string& vault) {
  VaultIngest out{absl::UnknownError("not run"), 0, 0};
  vault::WalkResult walk = vault::WalkVault({vault});
  out.files = walk.files.size();
  std::unordered_map<std::string, vault::FileStat> skippable;
  if (auto files = engine.SkippableFiles({}); files.ok()) {
    for (SkippableFile& f : *files) skippable.emplace(std::move(f.path), f.stat);
  }
  auto session = engine.BeginIngest({});
  auto changed = [&](const vault::NoteFile& file, const std::optional<vault::FileStat>& stat) {
    auto stored = skippable.find(file.relative);
    return !stat || stored == skippable.end() || !(stored->second == *stat);
  };
  vault::ReadAhead reader(walk.files, changed, {.max_bytes = 64 << 20});
  for (const vault::NoteFile& file : walk.files) {
    vault::FileRead read = reader.Next();
    if (!read.read) {
      session->AddUnread(file.relative, *read.stat);
      continue;
    }
    if (!read.content.ok()) continue;
    out.bytes += read.content->size();
    session->Add(file.relative, *read.content, read.stat.value_or(vault::FileStat{}));
  }
  out.report = session->Finish();
  return out;
}

// The `count` inputs whose median call took longest, slowest first, as
// (input index, median µs): what a row's p99 is made of.
inline std::vector<std::pair<size_t, double>> SlowestInputs(const Series& s, size_t count) {
  std::unordered_map<size_t, std::vector<double>> by_input;
  for (size_t i = 0; i < s.micros.size(); ++i) by_input[s.input_of[i]].push_back(s.micros[i]);
  std::vector<std::pair<size_t, double>> medians;
  for (const auto& [input, micros] : by_input) medians.emplace_back(input, Percentile(micros, 0.5));
  std::sort(medians.begin(), medians.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (medians.size() > count) medians.resize(count);
  return medians;
}

inline void PrintHeader(const std::string& title) {
  std::printf("%s\n  %-24s %7s %12s %12s %7s\n", title.c_str(), "query", "calls", "median_us", "p99_us", "errors");
}

inline void Print(const Series& s) {
  std::printf("  %-24s %7zu %12.1f %12.1f %7d\n", s.query.c_str(), s.micros.size(), Percentile(s.micros, 0.5),
              Percentile(s.micros, 0.99), s.errors);
  if (!s.first_error.empty()) std::printf("    first error: %s\n", s.first_error.c_str());
}

}  // namespace kith::bench

#endif  // KITH_TOOLS_BENCH_BENCH_UTIL_H_
