// Concurrency: 16 gRPC clients query a real in-process kithd while another
// client ingests. No call may fail, and every answer must come from whole
// notes: each note is a meeting of the hub with one new person, so in any
// consistent snapshot the hub's acquaintances each have exactly one note,
// ATTENDED facts are exactly twice the notes, and nothing a client has
// seen disappears. Loopback only; bounded by kBatches and kBudget.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "service/server.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace kith::service {
namespace {

constexpr int kClients = 16;
constexpr int kBatches = 40;
constexpr int kNotesPerBatch = 50;
constexpr auto kBudget = std::chrono::seconds(60);

// A person's name from a number, in letters ("Guest Bac"): names with
// digits are not taken for people.
std::string Guest(int i) {
  std::string last = "A";
  for (int k = 0; k < 3; ++k, i /= 26) last.push_back(static_cast<char>('a' + i % 26));
  return "Guest " + last;
}

std::string Note(int i) {
  return "---\ndate: 2025-01-01\nparticipants: [Hub Person, " + Guest(i) + "]\n---\n# Meeting " + std::to_string(i) +
         "\n";
}

TEST(StressTest, SixteenClientsQueryWhileAnotherIngests) {
  testing::TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Engine> engine, Engine::Open({}, dir.path()));
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  ASSERT_OK_AND_ASSIGN(RunningServer server, StartServer(*engine, options));
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(server.port), grpc::InsecureChannelCredentials());

  std::atomic<bool> done{false};
  std::atomic<int> calls{0}, errors{0}, inconsistent{0};
  std::vector<std::string> failures(kClients);
  auto deadline = std::chrono::steady_clock::now() + kBudget;

  std::thread ingester([&] {
    auto stub = v1::Kith::NewStub(channel);
    for (int batch = 0; batch < kBatches && std::chrono::steady_clock::now() < deadline; ++batch) {
      grpc::ClientContext context;
      v1::IngestResponse response;
      auto writer = stub->Ingest(&context, &response);
      for (int k = 0; k < kNotesPerBatch; ++k) {
        int i = batch * kNotesPerBatch + k;
        v1::IngestRequest request;
        request.mutable_note()->set_path("m" + std::to_string(i) + ".md");
        request.mutable_note()->set_content(Note(i));
        writer->Write(request);
      }
      writer->WritesDone();
      if (!writer->Finish().ok()) ++errors;
    }
    done = true;
  });

  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto stub = v1::Kith::NewStub(channel);
      int seen = 0;
      while (!done && std::chrono::steady_clock::now() < deadline) {
        ++calls;
        if (c % 2 == 0) {
          grpc::ClientContext context;
          v1::WhoKnowsRequest request;
          request.set_name("Hub Person");
          request.set_limit(10000);
          v1::WhoKnowsResponse response;
          grpc::Status status = stub->WhoKnows(&context, request, &response);
          if (status.error_code() == grpc::StatusCode::NOT_FOUND && seen == 0) continue;  // Before the first note.
          if (!status.ok()) {
            ++errors;
            failures[c] = status.error_message();
            continue;
          }
          bool whole = response.people_size() >= seen;
          for (const v1::Acquaintance& a : response.people()) whole = whole && a.evidence_size() == 1;
          if (!whole) {
            ++inconsistent;
            failures[c] = "who-knows: " + std::to_string(response.people_size()) + " people after " +
                          std::to_string(seen) + "; " + response.ShortDebugString().substr(0, 300);
          }
          seen = response.people_size();
        } else {
          grpc::ClientContext context;
          v1::StatsResponse stats;
          grpc::Status status = stub->Stats(&context, v1::StatsRequest(), &stats);
          if (!status.ok()) {
            ++errors;
            failures[c] = status.error_message();
            continue;
          }
          int64_t attended = 0;
          for (const v1::TypeCount& t : stats.facts_by_type()) {
            if (t.type() == "ATTENDED") attended = t.count();
          }
          if (attended != 2 * stats.notes() || stats.notes() < seen) {
            ++inconsistent;
            failures[c] = "stats: " + stats.ShortDebugString() + " after " + std::to_string(seen);
          }
          seen = static_cast<int>(stats.notes());
        }
      }
    });
  }
  ingester.join();
  for (std::thread& t : clients) t.join();
  std::cout << "stress: " << calls << " calls by " << kClients << " clients during " << kBatches * kNotesPerBatch
            << " notes of ingest, " << errors << " errors, " << inconsistent << " inconsistent answers\n";
  EXPECT_EQ(errors, 0) << [&] {
    for (const std::string& f : failures) {
      if (!f.empty()) return f;
    }
    return std::string();
  }();
  EXPECT_EQ(inconsistent, 0) << [&] {
    std::string all;
    for (const std::string& f : failures) all += f.empty() ? "" : f + "\n";
    return all;
  }();
  EXPECT_GT(calls, kClients);

  grpc::ClientContext context;
  v1::StatsResponse stats;
  ASSERT_TRUE(v1::Kith::NewStub(channel)->Stats(&context, v1::StatsRequest(), &stats).ok());
  EXPECT_EQ(stats.notes(), kBatches * kNotesPerBatch);
  EXPECT_EQ(stats.people(), kBatches * kNotesPerBatch + 1);
  server.server->Shutdown();
}

}  // namespace
}  // namespace kith::service
