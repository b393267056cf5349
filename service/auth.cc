#include "service/auth.h"

#include <sys/stat.h>

#include <fstream>

#include "absl/strings/str_cat.h"
#include "engine/util/text.h"

namespace kith::service {
namespace {

constexpr size_t kMinTokenBytes = 16;
constexpr std::string_view kBearer = "Bearer ";

// True if `token` equals any of `tokens`; every candidate is compared in
// full, so the time does not say which one matched or how far.
bool AnyEquals(const std::vector<std::string>& tokens, std::string_view token) {
  bool found = false;
  for (const std::string& candidate : tokens) found |= ConstantTimeEquals(candidate, token);
  return found;
}

}  // namespace

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Walk the longer length so that a short guess costs as much as a long
  // one; the length difference is folded into the result.
  size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= x ^ y;
  }
  // Keep the compiler from turning the loop into an early exit.
  volatile unsigned char result = diff;
  return result == 0;
}

TokenAuthenticator::TokenAuthenticator(std::vector<std::string> read_tokens, std::vector<std::string> write_tokens)
    : read_tokens_(std::move(read_tokens)), write_tokens_(std::move(write_tokens)) {}

absl::StatusOr<TokenAuthenticator> TokenAuthenticator::FromFile(const std::string& path) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) return absl::NotFoundError(absl::StrCat(path, ": cannot read the token file"));
  if (info.st_mode & (S_IRWXG | S_IRWXO)) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": other users can read the token file; chmod 600 it"));
  }
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot read the token file"));
  std::vector<std::string> read, write;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string_view text = util::Trim(line);
    if (text.empty() || text[0] == '#') continue;
    size_t space = text.find(' ');
    std::string_view role = text.substr(0, space);
    std::string_view token = space == std::string_view::npos ? "" : util::Trim(text.substr(space + 1));
    if ((role != "read" && role != "write") || token.find(' ') != std::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", number, ": expected `read TOKEN` or `write TOKEN`"));
    }
    if (token.size() < kMinTokenBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": a token needs at least ", kMinTokenBytes, " bytes"));
    }
    (role == "write" ? write : read).emplace_back(token);
  }
  if (read.empty() && write.empty()) return absl::InvalidArgumentError(absl::StrCat(path, ": no token in the file"));
  return TokenAuthenticator(std::move(read), std::move(write));
}

grpc::Status TokenAuthenticator::Authorize(const grpc::ServerContextBase& context, Access access) const {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "this kithd needs a bearer token");
  std::string_view value(it->second.data(), it->second.size());
  if (!util::StartsWith(value, kBearer)) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "authorization must be `Bearer TOKEN`");
  }
  std::string_view token = value.substr(kBearer.size());
  bool writer = AnyEquals(write_tokens_, token);
  bool reader = AnyEquals(read_tokens_, token);
  if (!writer && !reader) return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "the token is not valid");
  if (access == Access::kWrite && !writer) {
    return grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "this token may read but not change the store");
  }
  return grpc::Status::OK;
}

}  // namespace kith::service
