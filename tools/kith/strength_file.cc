// --strength FILE: strength-model parameters for the queries that rank
// people. Only the keys the file sets travel in the request, so that with
// --server the rest keep kithd's values.
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "engine/query/query.h"
#include "service/request_options.h"
#include "tools/kith/commands.h"

namespace kith::cli {

absl::StatusOr<v1::StrengthModel> LoadStrengthFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open the strength file"));
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::string> keys;
  absl::StatusOr<query::StrengthModel> model = query::ParseStrengthModel(text.str(), query::StrengthModel(), &keys);
  if (!model.ok()) return absl::InvalidArgumentError(absl::StrCat(path, ": ", model.status().message()));
  return service::StrengthToProto(*model, &keys);
}

}  // namespace kith::cli
