#include "service/request_options.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/util/date.h"
#include "engine/util/status_macros.h"

namespace kith::service {
namespace {

// Each proto field beside its engine field, so that both conversions walk
// one list and a new parameter is added in one place.
struct FieldPair {
  const char* key;
  double query::StrengthModel::*member;
  bool (v1::StrengthModel::*has)() const;
  double (v1::StrengthModel::*get)() const;
  void (v1::StrengthModel::*set)(double);
};

constexpr FieldPair kFields[] = {
    {"half_life_days", &query::StrengthModel::half_life_days, &v1::StrengthModel::has_half_life_days,
     &v1::StrengthModel::half_life_days, &v1::StrengthModel::set_half_life_days},
    {"undated_weight", &query::StrengthModel::undated_weight, &v1::StrengthModel::has_undated_weight,
     &v1::StrengthModel::undated_weight, &v1::StrengthModel::set_undated_weight},
    {"saturation", &query::StrengthModel::saturation, &v1::StrengthModel::has_saturation, &v1::StrengthModel::saturation,
     &v1::StrengthModel::set_saturation},
    {"reports_to_weight", &query::StrengthModel::reports_to_weight, &v1::StrengthModel::has_reports_to_weight,
     &v1::StrengthModel::reports_to_weight, &v1::StrengthModel::set_reports_to_weight},
    {"worked_with_weight", &query::StrengthModel::worked_with_weight, &v1::StrengthModel::has_worked_with_weight,
     &v1::StrengthModel::worked_with_weight, &v1::StrengthModel::set_worked_with_weight},
    {"family_weight", &query::StrengthModel::family_weight, &v1::StrengthModel::has_family_weight,
     &v1::StrengthModel::family_weight, &v1::StrengthModel::set_family_weight},
    {"knows_weight", &query::StrengthModel::knows_weight, &v1::StrengthModel::has_knows_weight, &v1::StrengthModel::knows_weight,
     &v1::StrengthModel::set_knows_weight},
    {"introduced_weight", &query::StrengthModel::introduced_weight, &v1::StrengthModel::has_introduced_weight,
     &v1::StrengthModel::introduced_weight, &v1::StrengthModel::set_introduced_weight},
    {"duplicate_overlap", &query::StrengthModel::duplicate_overlap, &v1::StrengthModel::has_duplicate_overlap,
     &v1::StrengthModel::duplicate_overlap, &v1::StrengthModel::set_duplicate_overlap},
    {"attendee_exponent", &query::StrengthModel::attendee_exponent, &v1::StrengthModel::has_attendee_exponent,
     &v1::StrengthModel::attendee_exponent, &v1::StrengthModel::set_attendee_exponent},
};

}  // namespace

absl::StatusOr<query::StrengthModel> ApplyStrength(const query::StrengthModel& base,
                                                   const v1::StrengthModel& overrides) {
  query::StrengthModel model = base;
  for (const FieldPair& f : kFields) {
    if ((overrides.*f.has)()) model.*f.member = (overrides.*f.get)();
  }
  RETURN_IF_ERROR(query::ValidateStrengthModel(model));
  return model;
}

v1::StrengthModel StrengthToProto(const query::StrengthModel& model, const std::vector<std::string>* keys) {
  v1::StrengthModel out;
  for (const FieldPair& f : kFields) {
    if (keys && std::find(keys->begin(), keys->end(), f.key) == keys->end()) continue;
    (out.*f.set)(model.*f.member);
  }
  return out;
}

absl::StatusOr<std::optional<int32_t>> ParseDayField(const std::string& text, std::string_view flag) {
  if (text.empty()) return std::nullopt;
  std::optional<int32_t> day = util::ParseIsoDate(text);
  if (!day || text.size() != 10) {
    return absl::InvalidArgumentError(absl::StrCat(std::string(flag), " must be a date as YYYY-MM-DD, not '", text, "'"));
  }
  return day;
}

}  // namespace kith::service
