// Integration: kithd's authorisation and TLS on a real in-process server.
#include "service/auth.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "service/server.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/subprocess.h"
#include "tests/testing/temp_dir.h"

namespace kith::service {
namespace {

const std::string kReadToken = "read-token-0123456789";
const std::string kWriteToken = "write-token-0123456789";

std::string WriteFile(const std::string& path, const std::string& text, mode_t mode) {
  std::ofstream(path) << text;
  chmod(path.c_str(), mode);
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class AuthTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options) {
    ASSERT_OK_AND_ASSIGN(engine_, Engine::Open({}, dir_.path() + "/db"));
    options.listen = "127.0.0.1:0";
    ASSERT_OK_AND_ASSIGN(server_, StartServer(*engine_, options));
  }
  void TearDown() override {
    if (server_.server) server_.server->Shutdown();
  }

  std::string TokenFile() {
    return WriteFile(dir_.path() + "/tokens", "# kithd tokens\nread " + kReadToken + "\nwrite " + kWriteToken + "\n",
                     0600);
  }

  std::unique_ptr<v1::Kith::Stub> Stub(std::shared_ptr<grpc::ChannelCredentials> credentials,
                                       const std::string& host = "127.0.0.1") {
    return v1::Kith::NewStub(grpc::CreateChannel(host + ":" + std::to_string(server_.port), credentials));
  }

  grpc::Status WhoKnows(v1::Kith::Stub& stub, const std::string& token) {
    grpc::ClientContext context;
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    v1::WhoKnowsRequest request;
    request.set_name("Ana Bell");
    v1::WhoKnowsResponse response;
    return stub.WhoKnows(&context, request, &response);
  }

  grpc::Status Ingest(v1::Kith::Stub& stub, const std::string& token) {
    grpc::ClientContext context;
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    v1::IngestResponse response;
    auto writer = stub.Ingest(&context, &response);
    v1::IngestRequest request;
    request.mutable_note()->set_path("m.md");
    request.mutable_note()->set_content("---\nparticipants: [Ana Bell, Bo Chen]\n---\n# Sync\n");
    writer->Write(request);
    writer->WritesDone();
    return writer->Finish();
  }

  testing::TempDir dir_;
  std::unique_ptr<Engine> engine_;
  RunningServer server_;
};

TEST_F(AuthTest, EveryCallNeedsAValidTokenAndWritesNeedAWriteToken) {
  ServerOptions options;
  options.auth_token_file = TokenFile();
  Start(options);
  auto stub = Stub(grpc::InsecureChannelCredentials());
  EXPECT_EQ(WhoKnows(*stub, "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(WhoKnows(*stub, "read-token-012345678X").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Ingest(*stub, "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Ingest(*stub, kReadToken).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Refused calls touched nothing: the person is still unknown.
  EXPECT_EQ(WhoKnows(*stub, kReadToken).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(Ingest(*stub, kWriteToken).ok());
  EXPECT_TRUE(WhoKnows(*stub, kReadToken).ok());
  EXPECT_TRUE(WhoKnows(*stub, kWriteToken).ok());
}

TEST_F(AuthTest, TlsHandshakeWithTheServersCertificate) {
  const std::string cert = dir_.path() + "/cert.pem", key = dir_.path() + "/key.pem";
  testing::RunResult made = testing::RunProcess(
      {"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days",
       "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"});
  ASSERT_EQ(made.exit_code, 0) << "openssl (tools/bootstrap installs it): " << made.err;
  ServerOptions options;
  options.tls_cert = cert;
  options.tls_key = key;
  options.auth_token_file = TokenFile();
  Start(options);
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ReadFile(cert);
  auto secure = Stub(grpc::SslCredentials(ssl), "localhost");
  EXPECT_EQ(WhoKnows(*secure, kReadToken).error_code(), grpc::StatusCode::NOT_FOUND);  // Through TLS, authorised.
  EXPECT_EQ(WhoKnows(*secure, "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // A plaintext client cannot talk to a TLS server.
  auto plain = Stub(grpc::InsecureChannelCredentials());
  EXPECT_EQ(WhoKnows(*plain, kReadToken).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(AuthTest, NonLoopbackNeedsTokensAndTls) {
  ASSERT_OK_AND_ASSIGN(engine_, Engine::Open({}, dir_.path() + "/db"));
  ServerOptions options;
  options.listen = "0.0.0.0:0";
  auto open = StartServer(*engine_, options);
  EXPECT_EQ(open.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(open.status().message().find("--auth-token-file"), std::string::npos);
  options.auth_token_file = TokenFile();
  auto plaintext = StartServer(*engine_, options);
  EXPECT_EQ(plaintext.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(plaintext.status().message().find("without TLS"), std::string::npos);
  options.tls_cert = dir_.path() + "/only-cert.pem";
  EXPECT_EQ(StartServer(*engine_, options).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(TokenFileTest, RejectsLooseBadAndEmptyFiles) {
  testing::TempDir dir;
  auto code = [&](const std::string& text, mode_t mode) {
    return TokenAuthenticator::FromFile(WriteFile(dir.path() + "/t", text, mode)).status();
  };
  EXPECT_EQ(code("read " + kReadToken + "\n", 0644).code(), absl::StatusCode::kFailedPrecondition);
  absl::Status short_token = code("# comment\nread short\n", 0600);
  EXPECT_EQ(short_token.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(short_token.message().find(":2: a token needs at least 16 bytes"), std::string::npos);
  EXPECT_EQ(code("admin " + kReadToken + "\n", 0600).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(code("# nothing\n", 0600).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(TokenAuthenticator::FromFile(dir.path() + "/absent").status().code(), absl::StatusCode::kNotFound);
  EXPECT_OK(code("write " + kWriteToken + "\n", 0600));
}

TEST(ConstantTimeEqualsTest, ComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEquals("ab", "abc"));
  EXPECT_FALSE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace kith::service
