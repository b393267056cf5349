// Bearer-token authorisation for kithd. Tokens come from a file of lines
// `read TOKEN` or `write TOKEN` (write includes read; `#` starts a comment).
// Every call presents `authorization: Bearer TOKEN`; the comparison takes
// the same time whatever the token, so a client cannot learn a token byte
// by byte from response times.
#ifndef KITH_SERVICE_AUTH_H_
#define KITH_SERVICE_AUTH_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace kith::service {

enum class Access { kRead, kWrite };

// True if `a` and `b` are equal, in time that depends on their lengths
// only.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

class TokenAuthenticator {
 public:
  // Reads the token file. InvalidArgument, with the line, for a line that
  // is not `read TOKEN` / `write TOKEN` or a token shorter than 16 bytes;
  // FailedPrecondition if other users may read the file; NotFound if it
  // cannot be read; InvalidArgument if it holds no token.
  static absl::StatusOr<TokenAuthenticator> FromFile(const std::string& path);
  // For tests: the given tokens.
  TokenAuthenticator(std::vector<std::string> read_tokens, std::vector<std::string> write_tokens);

  // OK if the call's bearer token grants `access`; UNAUTHENTICATED without
  // a valid token, PERMISSION_DENIED for a read token asking to write.
  grpc::Status Authorize(const grpc::ServerContextBase& context, Access access) const;

 private:
  std::vector<std::string> read_tokens_;
  std::vector<std::string> write_tokens_;
};

}  // namespace kith::service

#endif  // KITH_SERVICE_AUTH_H_
