// kith alias add / merge / unmerge / curations: corrections of entity
// resolution, recorded with who, when and why.
#include <cstdlib>
#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "tools/kith/commands.h"

namespace kith::cli {
namespace {

std::string KindName(v1::Curation::Kind kind) {
  switch (kind) {
    case v1::Curation::ALIAS: return "alias";
    case v1::Curation::MERGE: return "merge";
    case v1::Curation::UNMERGE: return "unmerge";
    default: return "unknown";
  }
}

std::string UtcTime(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

int RunCurate(Client& client, const GlobalFlags& global, const CurateFlags& flags) {
  v1::Curation request;
  request.set_kind(flags.kind);
  request.set_canonical(flags.canonical);
  request.set_variant(flags.variant);
  const char* user = std::getenv("USER");
  request.set_who(flags.who.empty() ? (user ? user : "unknown") : flags.who);
  request.set_when_unix_seconds(static_cast<int64_t>(std::time(nullptr)));
  request.set_why(flags.why);
  absl::StatusOr<v1::CurateResponse> response = client.Curate(request);
  if (!response.ok()) return Fail(response.status());
  if (global.json) {
    std::cout << nlohmann::json{{"recorded", KindName(flags.kind)}, {"count", response->count()}}.dump() << "\n";
  } else {
    std::cout << "Recorded " << KindName(flags.kind) << ": '" << flags.variant << "' "
              << (flags.kind == v1::Curation::UNMERGE ? "apart from" : "as") << " '" << flags.canonical
              << "'. It applies from the next `kith ingest`, which re-reads every note.\n";
  }
  return kExitOk;
}

int RunListCurations(Client& client, const GlobalFlags& global) {
  absl::StatusOr<v1::ListCurationsResponse> response = client.ListCurations();
  if (!response.ok()) return Fail(response.status());
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const v1::Curation& c : response->curations()) {
    if (global.json) {
      list.push_back({{"kind", KindName(c.kind())}, {"canonical", c.canonical()}, {"variant", c.variant()},
                      {"who", c.who()}, {"when", UtcTime(c.when_unix_seconds())}, {"why", c.why()}});
    } else {
      std::cout << UtcTime(c.when_unix_seconds()) << "  " << KindName(c.kind()) << "  " << c.canonical() << " <- "
                << c.variant() << "  by " << c.who() << (c.why().empty() ? "" : absl::StrCat(": ", c.why())) << "\n";
    }
  }
  if (global.json) std::cout << list.dump(2) << "\n";
  if (!global.json && response->curations().empty()) std::cout << "No curations recorded.\n";
  return kExitOk;
}

}  // namespace kith::cli
