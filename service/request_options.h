// Options that several requests share: strength-model parameters and
// dates. Used by the adapter (request → engine) and by the CLI (a file of
// parameters → request), so both sides agree on one conversion.
#ifndef KITH_SERVICE_REQUEST_OPTIONS_H_
#define KITH_SERVICE_REQUEST_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/query/query.h"
#include "kith/v1/kith.pb.h"

namespace kith::service {

// `base` with the fields `overrides` sets replaced. InvalidArgument if the
// result does not pass query::ValidateStrengthModel.
absl::StatusOr<query::StrengthModel> ApplyStrength(const query::StrengthModel& base,
                                                   const v1::StrengthModel& overrides);

// The fields of `model` named in `keys` (StrengthModel field names, as in
// the YAML file); every field when `keys` is null.
v1::StrengthModel StrengthToProto(const query::StrengthModel& model,
                                  const std::vector<std::string>* keys = nullptr);

// A YYYY-MM-DD request field: nullopt when empty, InvalidArgument naming
// `flag` when it is not exactly such a date.
absl::StatusOr<std::optional<int32_t>> ParseDayField(const std::string& text, std::string_view flag);

}  // namespace kith::service

#endif  // KITH_SERVICE_REQUEST_OPTIONS_H_
