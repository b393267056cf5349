// The read-only subcommands: one request, one rendered response.
#include <iostream>

#include "tools/kith/commands.h"
#include "tools/kith/render.h"
#include "tools/kith/render_org_chart_page.h"

namespace kith::cli {

int RunWhoKnows(Client& client, const GlobalFlags& global, const WhoKnowsFlags& flags) {
  v1::WhoKnowsRequest request;
  request.set_name(flags.name);
  request.set_limit(flags.limit);
  request.set_as_of(flags.as_of);
  request.set_evidence_limit(flags.evidence == 0 ? -1 : flags.evidence);
  if (global.strength) *request.mutable_strength() = *global.strength;
  absl::StatusOr<v1::WhoKnowsResponse> response = client.WhoKnows(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderWhoKnows(*response, global.json);
  return kExitOk;
}

int RunFacts(Client& client, const GlobalFlags& global, const FactsFlags& flags) {
  v1::FactsRequest request;
  request.set_note_path(flags.note);
  request.set_type(flags.type);
  absl::StatusOr<std::vector<v1::Fact>> facts = client.Facts(request);
  if (!facts.ok()) return Fail(facts.status());
  std::cout << RenderFacts(*facts, global.json);
  return kExitOk;
}

int RunOrgChart(Client& client, const GlobalFlags& global, const OrgChartFlags& flags) {
  v1::OrgChartRequest request;
  request.set_root(flags.root);
  request.set_organization(flags.organization);
  request.set_as_of(flags.as_of);
  absl::StatusOr<v1::OrgChartResponse> response = client.OrgChart(request);
  if (!response.ok()) return Fail(response.status());
  std::string format = global.json ? "json" : flags.format;
  std::string text;
  if (format == "html") {
    // The side panel shows each person's profile, fetched the same way
    // embedded and through --server.
    std::map<std::string, absl::StatusOr<v1::ProfileResponse>> profiles;
    auto fetch = [&](const v1::OrgPerson& person) {
      v1::ProfileRequest profile_request;
      profile_request.set_name(person.name());
      profile_request.set_as_of(flags.as_of);
      if (global.strength) *profile_request.mutable_strength() = *global.strength;
      profiles.emplace(person.name(), client.Profile(profile_request));
    };
    for (const v1::OrgPerson& p : response->people()) fetch(p);
    for (const v1::OrgPerson& p : response->unattached()) fetch(p);
    std::string title = "Org chart";
    if (!flags.organization.empty()) title += ": " + flags.organization;
    if (!flags.root.empty()) title += ": " + flags.root + "'s part";
    text = RenderOrgChartPage(*response, profiles, title);
  } else {
    text = RenderOrgChart(*response, format);
  }
  return WriteOutput(text, flags.output);
}

int RunIntroductions(Client& client, const GlobalFlags& global, const IntroductionsFlags& flags) {
  v1::IntroductionsRequest request;
  request.set_by(flags.by);
  request.set_of(flags.of);
  request.set_to(flags.to);
  absl::StatusOr<v1::IntroductionsResponse> response = client.Introductions(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderIntroductions(*response, global.json);
  return kExitOk;
}

int RunHowMet(Client& client, const GlobalFlags& global, const HowMetFlags& flags) {
  v1::HowMetRequest request;
  request.set_a(flags.a);
  request.set_b(flags.b);
  absl::StatusOr<v1::HowMetResponse> response = client.HowMet(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderHowMet(*response, global.json);
  return kExitOk;
}

int RunTasks(Client& client, const GlobalFlags& global, const TasksFlags& flags) {
  v1::TasksRequest request;
  request.set_owner(flags.owner);
  request.set_open_only(flags.open_only);
  request.set_due_before(flags.due_before);
  absl::StatusOr<v1::TasksResponse> response = client.Tasks(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderTasks(*response, global.json);
  return kExitOk;
}

int RunSharedHistory(Client& client, const GlobalFlags& global, const SharedHistoryFlags& flags) {
  v1::SharedHistoryRequest request;
  request.set_a(flags.a);
  request.set_b(flags.b);
  request.set_limit(flags.limit == 0 ? -1 : flags.limit);
  absl::StatusOr<v1::SharedHistoryResponse> response = client.SharedHistory(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderSharedHistory(*response, global.json);
  return kExitOk;
}

int RunIntroPath(Client& client, const GlobalFlags& global, const IntroPathFlags& flags) {
  v1::IntroPathRequest request;
  request.set_from(flags.from);
  request.set_to(flags.to);
  request.set_max_hops(flags.max_hops);
  request.set_k(flags.k);
  if (global.strength) *request.mutable_strength() = *global.strength;
  absl::StatusOr<v1::IntroPathResponse> response = client.IntroPath(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderIntroPath(*response, flags.max_hops, global.json);
  return kExitOk;
}

int RunProfile(Client& client, const GlobalFlags& global, const ProfileFlags& flags) {
  v1::ProfileRequest request;
  request.set_name(flags.name);
  request.set_as_of(flags.as_of);
  if (global.strength) *request.mutable_strength() = *global.strength;
  absl::StatusOr<v1::ProfileResponse> response = client.Profile(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderProfile(*response, global.json);
  return kExitOk;
}

int RunStats(Client& client, const GlobalFlags& global) {
  absl::StatusOr<v1::StatsResponse> response = client.Stats();
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderStats(*response, global.json);
  return kExitOk;
}

int RunSearch(Client& client, const GlobalFlags& global, const std::string& text, int limit) {
  v1::SearchRequest request;
  request.set_text(text);
  request.set_limit(limit);
  absl::StatusOr<v1::SearchResponse> response = client.Search(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderSearch(*response, global.json);
  return kExitOk;
}

int RunConnectors(Client& client, const GlobalFlags& global, const std::string& organization, int limit) {
  v1::ConnectorsRequest request;
  request.set_organization(organization);
  request.set_limit(limit);
  if (global.strength) *request.mutable_strength() = *global.strength;
  absl::StatusOr<v1::ConnectorsResponse> response = client.Connectors(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderConnectors(*response, global.json);
  return kExitOk;
}

int RunTimeline(Client& client, const GlobalFlags& global, const std::string& name) {
  v1::TimelineRequest request;
  request.set_name(name);
  absl::StatusOr<v1::TimelineResponse> response = client.Timeline(request);
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderTimeline(*response, global.json);
  return kExitOk;
}

int RunCheck(Client& client, const GlobalFlags& global) {
  absl::StatusOr<v1::CheckResponse> response = client.Check();
  if (!response.ok()) return Fail(response.status());
  std::cout << RenderCheck(*response, global.json);
  return response->breach_count() == 0 ? kExitOk : kExitError;
}

}  // namespace kith::cli
