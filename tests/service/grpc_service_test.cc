// Integration: a real gRPC server in-process on a loopback port, over a
// real engine and store, called through the generated stub.
#include "service/grpc_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "service/server.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::service {
namespace {

class GrpcServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(engine_, Engine::Open({}, dir_.path()));
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    ASSERT_OK_AND_ASSIGN(server_, StartServer(*engine_, options));
    auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(server_.port),
                                       grpc::InsecureChannelCredentials());
    stub_ = v1::Kith::NewStub(channel);
  }
  void TearDown() override { server_.server->Shutdown(); }

  v1::IngestResponse Ingest(const std::vector<std::pair<std::string, std::string>>& notes) {
    grpc::ClientContext context;
    v1::IngestResponse response;
    auto writer = stub_->Ingest(&context, &response);
    for (const auto& [path, content] : notes) {
      v1::IngestRequest request;
      request.mutable_note()->set_path(path);
      request.mutable_note()->set_content(content);
      EXPECT_TRUE(writer->Write(request));
    }
    writer->WritesDone();
    grpc::Status status = writer->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  testing::TempDir dir_;
  std::unique_ptr<Engine> engine_;
  RunningServer server_;
  std::unique_ptr<v1::Kith::Stub> stub_;
};

TEST_F(GrpcServiceTest, IngestThenWhoKnows) {
  v1::IngestResponse ingest = Ingest(
      {{"m.md", "---\ndate: 2025-01-02\nparticipants: [Ana Bell, Bo Chen]\n---\n# Sync\n"},
       {"bad.md", ""}});
  EXPECT_EQ(ingest.notes_read(), 2);
  EXPECT_EQ(ingest.notes_stored(), 1);
  ASSERT_EQ(ingest.failed_size(), 1);
  EXPECT_EQ(ingest.failed(0).path(), "bad.md");

  grpc::ClientContext context;
  v1::WhoKnowsRequest request;
  request.set_name("ANA BELL");
  v1::WhoKnowsResponse response;
  ASSERT_TRUE(stub_->WhoKnows(&context, request, &response).ok());
  EXPECT_EQ(response.subject(), "Ana Bell");
  ASSERT_EQ(response.people_size(), 1);
  EXPECT_EQ(response.people(0).name(), "Bo Chen");
  ASSERT_EQ(response.people(0).evidence_size(), 1);
  EXPECT_EQ(response.people(0).evidence(0).path(), "m.md");
  EXPECT_EQ(response.people(0).evidence(0).date(), "2025-01-02");
  EXPECT_EQ(response.people(0).evidence(0).title(), "Sync");
}

TEST_F(GrpcServiceTest, UnknownPersonIsNotFoundWithSuggestion) {
  Ingest({{"m.md", "---\nparticipants: [Carl Rounds, Bo Chen]\n---\n"}});
  grpc::ClientContext context;
  v1::WhoKnowsRequest request;
  request.set_name("Karl Rounds");
  v1::WhoKnowsResponse response;
  grpc::Status status = stub_->WhoKnows(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(status.error_message().find("Carl Rounds"), std::string::npos);
}

TEST_F(GrpcServiceTest, NegativeLimitIsInvalidArgument) {
  grpc::ClientContext context;
  v1::WhoKnowsRequest request;
  request.set_name("x");
  request.set_limit(-1);
  v1::WhoKnowsResponse response;
  EXPECT_EQ(stub_->WhoKnows(&context, request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(GrpcServiceTest, OptionsAfterNoteAreRejected) {
  grpc::ClientContext context;
  v1::IngestResponse response;
  auto writer = stub_->Ingest(&context, &response);
  v1::IngestRequest note;
  note.mutable_note()->set_path("a.md");
  note.mutable_note()->set_content("text");
  writer->Write(note);
  v1::IngestRequest options;
  options.mutable_options()->set_me("Ana");
  writer->Write(options);
  writer->WritesDone();
  EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(GrpcServiceTest, FactsStreamEveryMatchingFact) {
  Ingest({{"m.md", "---\nparticipants: [Ana Bell, Bo Chen]\n---\n- [ ] Call. @Bo Chen\n"}});
  grpc::ClientContext context;
  v1::FactsRequest request;
  request.set_type("OWNS_ACTION");
  auto reader = stub_->Facts(&context, request);
  std::vector<v1::Fact> facts;
  v1::Fact fact;
  while (reader->Read(&fact)) facts.push_back(fact);
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].args(0), "Bo Chen");
  EXPECT_EQ(facts[0].status(), "open");
  EXPECT_EQ(facts[0].evidence(0).path(), "m.md");
  EXPECT_EQ(facts[0].evidence(0).line(), 4);
}

TEST_F(GrpcServiceTest, FactsRejectUnknownType) {
  grpc::ClientContext context;
  v1::FactsRequest request;
  request.set_type("FRIENDS_WITH");
  auto reader = stub_->Facts(&context, request);
  v1::Fact fact;
  while (reader->Read(&fact)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(GrpcServiceTest, OrgChartFromSentences) {
  Ingest({{"m.md", "---\ndate: 2025-01-02\n---\n## Key Information\n- Bo Chen reports to Ana Bell.\n"}});
  grpc::ClientContext context;
  v1::OrgChartRequest request;
  v1::OrgChartResponse response;
  ASSERT_TRUE(stub_->OrgChart(&context, request, &response).ok());
  ASSERT_EQ(response.people_size(), 2);
  EXPECT_EQ(response.people(1).name(), "Bo Chen");
  EXPECT_EQ(response.people(1).manager(), "Ana Bell");
  EXPECT_EQ(response.people(1).evidence_path(), "m.md");
}

TEST_F(GrpcServiceTest, AsOfAnswersAsTheNotesStoodThen) {
  Ingest({{"jan.md", "---\ndate: 2025-01-02\nparticipants: [Ana Bell, Bo Chen]\n---\n# Jan\n"},
          {"mar.md", "---\ndate: 2025-03-02\nparticipants: [Ana Bell, Cy Dee]\n---\n# Mar\n"
                     "## Key Information\n- Cy Dee reports to Ana Bell.\n"}});
  v1::WhoKnowsRequest who;
  who.set_name("Ana Bell");
  who.set_as_of("2025-02-01");
  grpc::ClientContext who_context;
  v1::WhoKnowsResponse known;
  ASSERT_TRUE(stub_->WhoKnows(&who_context, who, &known).ok());
  EXPECT_EQ(known.as_of(), "2025-02-01");
  ASSERT_EQ(known.people_size(), 1);
  EXPECT_EQ(known.people(0).name(), "Bo Chen");

  v1::OrgChartRequest chart_request;
  chart_request.set_as_of("2025-02-01");
  grpc::ClientContext then_context;
  v1::OrgChartResponse then;
  ASSERT_TRUE(stub_->OrgChart(&then_context, chart_request, &then).ok());
  EXPECT_EQ(then.people_size(), 0);
  chart_request.set_as_of("2025-03-02");
  grpc::ClientContext now_context;
  v1::OrgChartResponse now;
  ASSERT_TRUE(stub_->OrgChart(&now_context, chart_request, &now).ok());
  EXPECT_EQ(now.people_size(), 2);
}

TEST_F(GrpcServiceTest, StrengthOverridesApplyPerRequestAndAreChecked) {
  Ingest({{"old.md", "---\ndate: 2024-01-01\nparticipants: [Ana Bell, Bo Chen]\n---\n"},
          {"new.md", "---\ndate: 2025-01-01\nparticipants: [Ana Bell, Cy Dee]\n---\n"}});
  auto strength_of_bo = [&](const v1::StrengthModel& model) {
    v1::WhoKnowsRequest request;
    request.set_name("Ana Bell");
    *request.mutable_strength() = model;
    grpc::ClientContext context;
    v1::WhoKnowsResponse response;
    EXPECT_TRUE(stub_->WhoKnows(&context, request, &response).ok());
    for (const v1::Acquaintance& a : response.people()) {
      if (a.name() == "Bo Chen") return a.strength();
    }
    return -1.0;
  };
  v1::StrengthModel slow;
  slow.set_half_life_days(3650);
  v1::StrengthModel fast;
  fast.set_half_life_days(30);
  EXPECT_GT(strength_of_bo(slow), strength_of_bo(v1::StrengthModel()));
  EXPECT_LT(strength_of_bo(fast), strength_of_bo(v1::StrengthModel()));

  v1::WhoKnowsRequest bad;
  bad.set_name("Ana Bell");
  bad.mutable_strength()->set_saturation(0);
  grpc::ClientContext context;
  v1::WhoKnowsResponse response;
  EXPECT_EQ(stub_->WhoKnows(&context, bad, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  v1::ProfileRequest bad_date;
  bad_date.set_name("Ana Bell");
  bad_date.set_as_of("yesterday");
  grpc::ClientContext profile_context;
  v1::ProfileResponse profile;
  EXPECT_EQ(stub_->Profile(&profile_context, bad_date, &profile).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(GrpcServiceTest, HealthServiceIsEnabled) {
  ASSERT_NE(server_.server->GetHealthCheckService(), nullptr);
}

// With a memory index, who-knows is answered on gRPC's threads when the
// answer is in memory and on the worker pool when it must read the store
// (here: --as-of, and a name that is not exact). Concurrent calls of both
// kinds all succeed and agree with the engine.
TEST(ServerTest, WhoKnowsFromMemoryAndFromTheStoreAgree) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto engine, Engine::Open({.memory_index = true}, dir.path()));
  {
    auto session = engine->BeginIngest({});
    session->Add("a.md", "---\ndate: 2025-01-02\nparticipants: [Ana Bell, Bo Chen, Cy Dee]\n---\n# Kick-off\n");
    session->Add("b.md", "---\ndate: 2025-02-03\nparticipants: [Ana Bell, Bo Chen]\n---\n# Review\n");
    ASSERT_OK(session->Finish().status());
  }
  ASSERT_OK(engine->RefreshMemoryIndex());
  ASSERT_TRUE(engine->WhoKnowsInMemory({.name = "Ana Bell"}).has_value());
  ASSERT_FALSE(engine->WhoKnowsInMemory({.name = "Ana Bell", .as_of = 20200}).has_value());
  ASSERT_OK_AND_ASSIGN(auto server, StartServer(*engine, {.listen = "127.0.0.1:0"}));
  auto stub = v1::Kith::NewStub(
      grpc::CreateChannel("127.0.0.1:" + std::to_string(server.port), grpc::InsecureChannelCredentials()));

  auto ask = [&](const std::string& name, const std::string& as_of, v1::WhoKnowsResponse* response) {
    grpc::ClientContext context;
    v1::WhoKnowsRequest request;
    request.set_name(name);
    request.set_as_of(as_of);
    return stub->WhoKnows(&context, request, response);
  };
  v1::WhoKnowsResponse from_memory;
  ASSERT_TRUE(ask("Ana Bell", "", &from_memory).ok());
  ASSERT_EQ(from_memory.people_size(), 2);
  EXPECT_EQ(from_memory.people(0).name(), "Bo Chen");

  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < 10; ++i) {
        v1::WhoKnowsResponse response;
        // Memory, store (as-of), store (a name only the store resolves), unknown.
        const int kind = (c + i) % 4;
        grpc::Status status = kind == 0   ? ask("Ana Bell", "", &response)
                              : kind == 1 ? ask("Ana Bell", "2030-01-01", &response)
                              : kind == 2 ? ask("ana", "", &response)
                                          : ask("Nobody Known", "", &response);
        if (kind == 3) {
          if (status.error_code() != grpc::StatusCode::NOT_FOUND) ++failures;
          continue;
        }
        if (!status.ok() || response.people_size() != 2 || response.people(0).name() != "Bo Chen" ||
            response.people(0).strength() != from_memory.people(0).strength()) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
  server.server->Shutdown();
}

TEST(ServerTest, RefusesNonLoopbackAddress) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto engine, Engine::Open({}, dir.path()));
  ServerOptions options;
  options.listen = "0.0.0.0:0";
  auto server = StartServer(*engine, options);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1:1"));
  EXPECT_TRUE(IsLoopbackAddress("[::1]:1"));
  EXPECT_FALSE(IsLoopbackAddress("10.0.0.1:1"));
}

}  // namespace
}  // namespace kith::service
