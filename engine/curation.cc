#include "engine/curation.h"

#include "absl/strings/str_cat.h"
#include "engine/extract/gazetteer.h"
#include "engine/store/keys.h"
#include "engine/store/store.h"
#include "engine/util/status_macros.h"
#include "records.pb.h"

namespace kith {
namespace {

constexpr std::string_view kPrefix = "curation/";

}  // namespace

absl::Status AppendCuration(store::Store& store, const store::StoreReader& reader, const Curation& curation) {
  if (curation.canonical.empty() || curation.variant.empty()) {
    return absl::InvalidArgumentError("both names are required");
  }
  ASSIGN_OR_RETURN(auto existing, reader.MetaWithPrefix(kPrefix));
  std::string key(kPrefix);
  store::AppendU64(key, existing.size());
  store::CurationRecord record;
  record.set_kind(static_cast<uint32_t>(curation.kind));
  record.set_canonical(curation.canonical);
  record.set_variant(curation.variant);
  record.set_who(curation.who);
  record.set_when(curation.when);
  record.set_why(curation.why);
  return store.PutMeta(key, record.SerializeAsString());
}

absl::StatusOr<std::vector<Curation>> ListCurations(const store::StoreReader& reader) {
  ASSIGN_OR_RETURN(auto entries, reader.MetaWithPrefix(kPrefix));
  std::vector<Curation> out;
  for (const auto& [key, value] : entries) {
    store::CurationRecord record;
    if (!record.ParseFromString(value) || record.kind() < 1 || record.kind() > 3) {
      return absl::DataLossError("a curation record does not decode");
    }
    out.push_back({static_cast<Curation::Kind>(record.kind()), record.canonical(), record.variant(),
                   record.who(), record.when(), record.why()});
  }
  return out;
}

void ApplyCurations(const std::vector<Curation>& curations, extract::Gazetteer& gazetteer) {
  for (const Curation& c : curations) {
    if (c.kind == Curation::Kind::kUnmerge) {
      gazetteer.SeparatePeople(c.canonical, c.variant);
    } else {
      gazetteer.AddPersonAlias(c.canonical, c.variant);
    }
  }
}

std::string CurationDigest(const std::vector<Curation>& curations) {
  std::string digest;
  for (const Curation& c : curations) {
    absl::StrAppend(&digest, static_cast<int>(c.kind), "\x1f", c.canonical, "\x1f", c.variant, "\x1e");
  }
  return digest;
}

}  // namespace kith
