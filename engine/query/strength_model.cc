// Reading and checking strength-model parameters. The YAML file is flat:
// one key per StrengthModel field, so that a user can change one knob
// (`half_life_days: 90`) and keep the defaults for the rest.
#include <yaml-cpp/yaml.h>

#include <cmath>

#include "absl/strings/str_cat.h"
#include "engine/query/query.h"

namespace kith::query {
namespace {

struct Field {
  const char* key;
  double StrengthModel::*member;
  // Allowed range: (lower, ∞) when lower_open, else [lower, upper].
  double lower;
  bool lower_open;
  double upper;
};

constexpr double kNoUpper = HUGE_VAL;

constexpr Field kFields[] = {
    {"half_life_days", &StrengthModel::half_life_days, 0, true, kNoUpper},
    {"undated_weight", &StrengthModel::undated_weight, 0, false, kNoUpper},
    {"saturation", &StrengthModel::saturation, 0, true, kNoUpper},
    {"attendee_exponent", &StrengthModel::attendee_exponent, 0, false, 4.0},
    {"reports_to_weight", &StrengthModel::reports_to_weight, 0, false, kNoUpper},
    {"worked_with_weight", &StrengthModel::worked_with_weight, 0, false, kNoUpper},
    {"family_weight", &StrengthModel::family_weight, 0, false, kNoUpper},
    {"knows_weight", &StrengthModel::knows_weight, 0, false, kNoUpper},
    {"introduced_weight", &StrengthModel::introduced_weight, 0, false, kNoUpper},
    {"duplicate_overlap", &StrengthModel::duplicate_overlap, 0, true, 1.0},
};

bool InRange(const Field& field, double value) {
  if (!std::isfinite(value)) return false;
  if (field.lower_open ? value <= field.lower : value < field.lower) return false;
  return value <= field.upper;
}

std::string RangeText(const Field& field) {
  if (field.upper != kNoUpper) {
    return absl::StrCat("in ", field.lower_open ? "(" : "[", field.lower, ", ", field.upper, "]");
  }
  return field.lower_open ? "positive" : "zero or more";
}

}  // namespace

absl::Status ValidateStrengthModel(const StrengthModel& model) {
  for (const Field& field : kFields) {
    if (!InRange(field, model.*field.member)) {
      return absl::InvalidArgumentError(
          absl::StrCat(field.key, " must be ", RangeText(field), ", not ", model.*field.member));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<StrengthModel> ParseStrengthModel(std::string_view yaml, const StrengthModel& base,
                                                 std::vector<std::string>* keys_set) {
  StrengthModel model = base;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("line ", e.mark.line + 1, ": ", e.msg));
  }
  if (root.IsNull()) return model;
  if (!root.IsMap()) return absl::InvalidArgumentError("line 1: expected `name: value` lines");
  for (const auto& entry : root) {
    std::string key = entry.first.Scalar();
    int line = entry.first.Mark().line + 1;
    const Field* field = nullptr;
    for (const Field& f : kFields) {
      if (key == f.key) field = &f;
    }
    if (!field) {
      std::string known;
      for (const Field& f : kFields) absl::StrAppend(&known, known.empty() ? "" : ", ", f.key);
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line, ": unknown parameter '", key, "' (known: ", known, ")"));
    }
    double value = 0;
    try {
      value = entry.second.as<double>();
    } catch (const YAML::Exception&) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line, ": ", key, " is not a number"));
    }
    if (!InRange(*field, value)) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line, ": ", key, " must be ", RangeText(*field), ", not ", value));
    }
    model.*field->member = value;
    if (keys_set) keys_set->push_back(key);
  }
  return model;
}

}  // namespace kith::query
