#include "tools/gen/vault_generator.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "absl/strings/str_cat.h"
#include "engine/util/status_macros.h"
#include "tools/gen/note_writers.h"
#include "tools/gen/world.h"

namespace kith::gen {
namespace {

namespace fs = std::filesystem;

// Each note draws from its own stream, keyed by kind and index, so one
// note's text does not depend on how many random numbers others used.
Random StreamFor(uint64_t seed, uint64_t kind, uint64_t index) {
  Random mixer(seed ^ (kind << 56) ^ (index * 0x9e3779b97f4a7c15ULL));
  return Random(mixer.Next());
}

class VaultWriter {
 public:
  explicit VaultWriter(fs::path root) : root_(std::move(root)) {}

  absl::Status Write(const WrittenNote& note) {
    fs::path path = root_ / note.path;
    std::string dir = path.parent_path().string();
    if (made_.insert(dir).second) {
      std::error_code ec;
      fs::create_directories(dir, ec);
      if (ec) return absl::UnavailableError(absl::StrCat("cannot create ", dir, ": ", ec.message()));
    }
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) return absl::UnavailableError(absl::StrCat("cannot write ", path.string()));
    size_t written = std::fwrite(note.text.data(), 1, note.text.size(), file);
    if (std::fclose(file) != 0 || written != note.text.size()) {
      return absl::UnavailableError(absl::StrCat("cannot write ", path.string()));
    }
    bytes_ += int64_t(note.text.size());
    ++notes_;
    return absl::OkStatus();
  }
  int64_t bytes() const { return bytes_; }
  int64_t notes() const { return notes_; }

 private:
  fs::path root_;
  std::unordered_set<std::string> made_;
  int64_t bytes_ = 0;
  int64_t notes_ = 0;
};

absl::Status WriteTruth(const World& world, const std::string& path) {
  nlohmann::ordered_json people = nlohmann::ordered_json::array();
  for (const SyntheticPerson& p : world.people) {
    people.push_back({{"name", p.name},
                      {"organization", world.organizations[p.organization]},
                      {"title", p.title},
                      {"manager", p.manager == kNobody ? "" : world.people[p.manager].name}});
  }
  nlohmann::ordered_json truth{{"owner", world.people[world.owner].name}, {"people", std::move(people)}};
  std::ofstream out(path);
  if (!(out << truth.dump(1) << "\n")) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GenSummary> GenerateVault(const GenOptions& options, const std::string& out_dir) {
  if (options.notes < 1) return absl::InvalidArgumentError("--notes must be at least 1");
  std::error_code ec;
  if (fs::exists(out_dir, ec) && !fs::is_empty(out_dir, ec)) {
    return absl::AlreadyExistsError(absl::StrCat(out_dir, " is not empty; kith gen writes into a new directory"));
  }
  World world = BuildWorld(options.notes, options.seed, options.zipf);
  GenSummary summary;
  summary.people = int64_t(world.people.size());
  summary.organizations = int64_t(world.organizations.size());
  summary.topics = int64_t(world.topics.size());
  summary.owner = world.people[world.owner].name;
  summary.person_pages = std::min<int64_t>(summary.people, options.notes / 10);
  summary.organization_pages = std::min<int64_t>(summary.organizations, options.notes / 50);
  summary.emails = options.notes / 12;
  summary.meetings = options.notes - summary.person_pages - summary.organization_pages - summary.emails;

  VaultWriter writer{fs::path(out_dir)};
  for (int64_t i = 0; i < summary.meetings; ++i) {
    Random random = StreamFor(options.seed, 1, uint64_t(i));
    RETURN_IF_ERROR(writer.Write(MeetingNote(world, i, random)));
  }
  for (int64_t i = 0; i < summary.person_pages; ++i) {
    Random random = StreamFor(options.seed, 2, uint64_t(i));
    RETURN_IF_ERROR(writer.Write(PersonPage(world, uint32_t(i), random)));
  }
  for (int64_t i = 0; i < summary.organization_pages; ++i) {
    Random random = StreamFor(options.seed, 3, uint64_t(i));
    RETURN_IF_ERROR(writer.Write(OrganizationPage(world, uint32_t(i), random)));
  }
  for (int64_t i = 0; i < summary.emails; ++i) {
    Random random = StreamFor(options.seed, 4, uint64_t(i));
    RETURN_IF_ERROR(writer.Write(EmailThread(world, i, random)));
  }
  summary.notes = writer.notes();
  summary.bytes = writer.bytes();
  if (!options.truth_path.empty()) {
    absl::Status truth = WriteTruth(world, options.truth_path);
    if (!truth.ok()) return truth;
  }
  return summary;
}

}  // namespace kith::gen
