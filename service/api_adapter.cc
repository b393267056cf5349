#include "service/api_adapter.h"

#include <algorithm>

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "engine/util/date.h"
#include "engine/util/status_macros.h"
#include "service/request_options.h"

namespace kith::service {
namespace {

constexpr int kDefaultLimit = 20;
// shared-history's timeline: a screenful of the newest entries. A hub pair
// shares thousands of meetings, which no one reads in one answer.
constexpr int kDefaultTimelineLimit = 50;

std::string DateText(const std::optional<int32_t>& days) {
  return days ? util::FormatIsoDate(*days) : std::string();
}

void ToProto(const vault::FileProblem& problem, v1::NoteProblem& out) {
  out.set_path(problem.path);
  out.set_line(problem.line);
  out.set_reason(problem.reason);
}

// The answers below are taken by value: their strings move into the
// message, which then allocates no second copy of their bytes (a hub's
// who-knows answer has hundreds of paths and sentences).
void ToProto(query::NoteRef note, v1::Evidence& out) {
  out.set_path(std::move(note.path));
  out.set_title(std::move(note.title));
  out.set_date(DateText(note.date));
}

void ToProto(query::Acquaintance a, v1::Acquaintance& out) {
  out.set_name(std::move(a.name));
  out.set_strength(a.strength);
  out.set_interactions(a.interactions);
  out.set_last_interaction(DateText(a.last_interaction));
  out.set_evidence_total(a.evidence_total);
  for (query::NoteRef& note : a.evidence) ToProto(std::move(note), *out.add_evidence());
  for (query::Reason& reason : a.reasons) {
    v1::Reason* r = out.add_reasons();
    r->set_relation(std::move(reason.relation));
    r->set_text(std::move(reason.text));
    ToProto(std::move(reason.note), *r->mutable_note());
  }
}

void ToProto(query::SharedEvent e, v1::SharedEvent& out) {
  out.set_date(DateText(e.date));
  out.set_kind(std::move(e.kind));
  out.set_description(std::move(e.description));
  out.set_text(std::move(e.text));
  for (query::NoteRef& n : e.notes) ToProto(std::move(n), *out.add_notes());
}

void ToProto(const query::Task& t, v1::Task& out) {
  static constexpr const char* kPriorities[] = {"", "lowest", "low", "medium", "high", "highest"};
  out.set_owner(t.owner);
  out.set_text(t.text);
  out.set_status(t.status);
  out.set_due(DateText(t.due));
  out.set_priority(t.priority >= 0 && t.priority <= 5 ? kPriorities[t.priority] : "");
  ToProto(t.note, *out.mutable_note());
  out.set_line(t.line);
}

}  // namespace

namespace {

absl::StatusOr<query::WhoKnowsQuery> WhoKnowsQueryOf(const Engine& engine, const v1::WhoKnowsRequest& request) {
  if (request.limit() < 0) return absl::InvalidArgumentError("limit must not be negative");
  query::WhoKnowsQuery query;
  query.name = request.name();
  query.limit = request.limit() == 0 ? kDefaultLimit : request.limit();
  if (request.evidence_limit() != 0) query.evidence_limit = request.evidence_limit() < 0 ? 0 : request.evidence_limit();
  ASSIGN_OR_RETURN(query.model, ApplyStrength(engine.DefaultStrengthModel(), request.strength()));
  ASSIGN_OR_RETURN(query.as_of, ParseDayField(request.as_of(), "as-of"));
  return query;
}

v1::WhoKnowsResponse WhoKnowsResponseOf(query::WhoKnowsResult result, const v1::WhoKnowsRequest& request) {
  v1::WhoKnowsResponse response;
  response.set_subject(std::move(result.subject));
  response.set_as_of(request.as_of());
  for (query::Acquaintance& a : result.people) ToProto(std::move(a), *response.add_people());
  return response;
}

}  // namespace

absl::StatusOr<v1::WhoKnowsResponse> WhoKnows(const Engine& engine,
                                              const v1::WhoKnowsRequest& request) {
  ASSIGN_OR_RETURN(query::WhoKnowsQuery query, WhoKnowsQueryOf(engine, request));
  ASSIGN_OR_RETURN(query::WhoKnowsResult result, engine.WhoKnows(query));
  return WhoKnowsResponseOf(std::move(result), request);
}

std::optional<absl::StatusOr<v1::WhoKnowsResponse>> WhoKnowsInMemory(const Engine& engine,
                                                                     const v1::WhoKnowsRequest& request) {
  absl::StatusOr<query::WhoKnowsQuery> query = WhoKnowsQueryOf(engine, request);
  if (!query.ok()) return query.status();
  std::optional<query::WhoKnowsResult> result = engine.WhoKnowsInMemory(*query);
  if (!result) return std::nullopt;
  return WhoKnowsResponseOf(*std::move(result), request);
}

absl::StatusOr<std::vector<v1::Fact>> Facts(const Engine& engine, const v1::FactsRequest& request) {
  query::FactsQuery query;
  query.note_path = request.note_path();
  if (!request.type().empty()) {
    query.type = model::ParseRelationName(request.type());
    if (!query.type) {
      return absl::InvalidArgumentError(absl::StrCat("unknown relation type '", request.type(), "'"));
    }
  }
  ASSIGN_OR_RETURN(std::vector<query::FactView> facts, engine.Facts(query));
  std::vector<v1::Fact> out;
  out.reserve(facts.size());
  for (const query::FactView& fact : facts) {
    v1::Fact& f = out.emplace_back();
    f.set_type(std::string(model::RelationName(fact.type)));
    for (const std::string& arg : fact.args) f.add_args(arg);
    f.set_status(fact.status);
    f.set_role(fact.role);
    f.set_date(DateText(fact.date));
    f.set_detail(fact.detail);
    v1::FactEvidence* evidence = f.add_evidence();
    evidence->set_path(fact.path);
    evidence->set_section(fact.evidence.section);
    evidence->set_text(fact.evidence.text);
    evidence->set_line(fact.evidence.line);
  }
  return out;
}

absl::StatusOr<v1::CurateResponse> Curate(Engine& engine, const v1::Curation& request) {
  if (request.kind() == v1::Curation::KIND_UNSPECIFIED) {
    return absl::InvalidArgumentError("curation kind is required (alias, merge or unmerge)");
  }
  Curation curation{static_cast<Curation::Kind>(request.kind()), request.canonical(), request.variant(),
                    request.who(), request.when_unix_seconds(), request.why()};
  RETURN_IF_ERROR(engine.Curate(curation));
  ASSIGN_OR_RETURN(std::vector<Curation> all, engine.Curations());
  v1::CurateResponse response;
  response.set_count(static_cast<int32_t>(all.size()));
  return response;
}

absl::StatusOr<v1::ListCurationsResponse> ListCurations(const Engine& engine) {
  ASSIGN_OR_RETURN(std::vector<Curation> all, engine.Curations());
  v1::ListCurationsResponse response;
  for (const Curation& c : all) {
    v1::Curation* out = response.add_curations();
    out->set_kind(static_cast<v1::Curation::Kind>(c.kind));
    out->set_canonical(c.canonical);
    out->set_variant(c.variant);
    out->set_who(c.who);
    out->set_when_unix_seconds(c.when);
    out->set_why(c.why);
  }
  return response;
}

absl::StatusOr<v1::OrgChartResponse> OrgChart(const Engine& engine, const v1::OrgChartRequest& request) {
  query::OrgChartQuery query{request.root(), request.organization(), std::nullopt};
  ASSIGN_OR_RETURN(query.as_of, ParseDayField(request.as_of(), "as-of"));
  ASSIGN_OR_RETURN(query::OrgChart chart, engine.OrgChart(query));
  v1::OrgChartResponse response;
  response.set_as_of(request.as_of());
  auto convert = [](const query::OrgNode& n, v1::OrgPerson& out) {
    out.set_name(n.name);
    out.set_manager(n.manager);
    out.set_title(n.title);
    out.set_organization(n.organization);
    out.set_evidence(n.evidence);
    out.set_evidence_path(n.evidence_path);
  };
  for (const query::OrgNode& n : chart.people) convert(n, *response.add_people());
  for (const query::OrgNode& n : chart.unattached) convert(n, *response.add_unattached());
  for (const std::string& p : chart.problems) response.add_problems(p);
  return response;
}

namespace {

void ToProto(const query::Introduction& intro, v1::Introduction& out) {
  out.set_introducer(intro.introducer);
  out.set_introduced(intro.introduced);
  out.set_to(intro.to);
  out.set_date(DateText(intro.date));
  out.set_text(intro.text);
  ToProto(intro.note, *out.mutable_note());
}

}  // namespace

absl::StatusOr<v1::IntroductionsResponse> Introductions(const Engine& engine,
                                                        const v1::IntroductionsRequest& request) {
  ASSIGN_OR_RETURN(std::vector<query::Introduction> intros,
                   engine.Introductions({request.by(), request.of(), request.to()}));
  v1::IntroductionsResponse response;
  for (const query::Introduction& intro : intros) ToProto(intro, *response.add_introductions());
  return response;
}

absl::StatusOr<v1::HowMetResponse> HowMet(const Engine& engine, const v1::HowMetRequest& request) {
  ASSIGN_OR_RETURN(query::HowMetResult result, engine.HowMet(request.a(), request.b()));
  v1::HowMetResponse response;
  response.set_a(result.a);
  response.set_b(result.b);
  response.set_how(result.how);
  if (result.introduction) ToProto(*result.introduction, *response.mutable_introduction());
  if (result.first_meeting) ToProto(*result.first_meeting, *response.mutable_first_meeting());
  return response;
}

absl::StatusOr<v1::TasksResponse> Tasks(const Engine& engine, const v1::TasksRequest& request) {
  query::TasksQuery query;
  query.owner = request.owner();
  query.open_only = request.open_only();
  ASSIGN_OR_RETURN(query.due_before, ParseDayField(request.due_before(), "due-before"));
  ASSIGN_OR_RETURN(std::vector<query::Task> tasks, engine.Tasks(query));
  v1::TasksResponse response;
  for (const query::Task& t : tasks) ToProto(t, *response.add_tasks());
  return response;
}

absl::StatusOr<v1::SharedHistoryResponse> SharedHistory(const Engine& engine,
                                                        const v1::SharedHistoryRequest& request) {
  const int limit = request.limit() == 0 ? kDefaultTimelineLimit : std::max(0, request.limit());
  ASSIGN_OR_RETURN(query::SharedHistory history, engine.SharedHistory(request.a(), request.b(), limit));
  v1::SharedHistoryResponse response;
  response.set_a(std::move(history.a));
  response.set_b(std::move(history.b));
  response.set_timeline_total(history.timeline_total);
  for (query::SharedEvent& e : history.timeline) ToProto(std::move(e), *response.add_timeline());
  for (const query::SharedOrganization& o : history.organizations) {
    v1::SharedOrganization* out = response.add_organizations();
    out->set_name(o.name);
    out->set_a_status(o.a_status);
    out->set_b_status(o.b_status);
  }
  for (std::string& t : history.topics) response.add_topics(std::move(t));
  response.set_topics_total(history.topics_total);
  return response;
}

absl::StatusOr<v1::IntroPathResponse> IntroPath(const Engine& engine, const v1::IntroPathRequest& request) {
  query::IntroPathQuery query;
  query.from = request.from();
  query.to = request.to();
  if (request.max_hops() != 0) query.max_hops = request.max_hops();
  if (request.k() != 0) query.k = request.k();
  ASSIGN_OR_RETURN(query.model, ApplyStrength(engine.DefaultStrengthModel(), request.strength()));
  ASSIGN_OR_RETURN(query::IntroPathResult result, engine.IntroPaths(query));
  v1::IntroPathResponse response;
  response.set_from(result.from);
  response.set_to(result.to);
  for (const query::IntroPath& path : result.paths) {
    v1::IntroPathOption* out = response.add_paths();
    out->set_strength(path.strength);
    out->set_weakest(static_cast<int32_t>(path.weakest));
    for (const query::PathHop& hop : path.hops) {
      v1::PathHop* h = out->add_hops();
      h->set_from(hop.from);
      h->set_to(hop.to);
      h->set_strength(hop.strength);
      h->set_meetings(hop.meetings);
      h->set_last_meeting(DateText(hop.last_meeting));
      h->set_relation(hop.relation);
      h->set_evidence(hop.evidence);
      h->set_evidence_path(hop.evidence_path);
    }
  }
  return response;
}

absl::StatusOr<v1::ProfileResponse> Profile(const Engine& engine, const v1::ProfileRequest& request) {
  query::ProfileQuery query;
  query.name = request.name();
  ASSIGN_OR_RETURN(query.model, ApplyStrength(engine.DefaultStrengthModel(), request.strength()));
  ASSIGN_OR_RETURN(query.as_of, ParseDayField(request.as_of(), "as-of"));
  ASSIGN_OR_RETURN(query::Profile profile, engine.Profile(query));
  v1::ProfileResponse response;
  response.set_as_of(request.as_of());
  response.set_name(profile.name);
  for (const std::string& alias : profile.aliases) response.add_aliases(alias);
  for (const std::string& email : profile.emails) response.add_emails(email);
  for (const query::Employment& e : profile.employment) {
    v1::EmploymentRecord* out = response.add_employment();
    out->set_organization(e.organization);
    out->set_status(e.status);
    out->set_role(e.role);
    out->set_detail(e.detail);
    out->set_date(DateText(e.date));
    out->set_text(e.text);
    out->set_path(e.path);
  }
  for (const std::string& m : profile.managers) response.add_managers(m);
  for (const std::string& r : profile.reports) response.add_reports(r);
  for (const query::Acquaintance& a : profile.connections) ToProto(a, *response.add_connections());
  for (const std::string& t : profile.topics) response.add_topics(t);
  for (const query::Task& t : profile.open_tasks) ToProto(t, *response.add_open_tasks());
  response.set_meetings(profile.meetings);
  response.set_first_interaction(DateText(profile.first_interaction));
  response.set_last_interaction(DateText(profile.last_interaction));
  return response;
}

absl::StatusOr<v1::StatsResponse> Stats(const Engine& engine) {
  ASSIGN_OR_RETURN(query::Stats stats, engine.Stats());
  v1::StatsResponse response;
  response.set_notes(static_cast<int64_t>(stats.notes));
  response.set_people(static_cast<int64_t>(stats.people));
  response.set_organizations(static_cast<int64_t>(stats.organizations));
  response.set_topics(static_cast<int64_t>(stats.topics));
  response.set_facts(static_cast<int64_t>(stats.facts));
  for (const auto& [type, count] : stats.facts_by_type) {
    v1::TypeCount* c = response.add_facts_by_type();
    c->set_type(type);
    c->set_count(static_cast<int64_t>(count));
  }
  response.set_owner(stats.owner);
  response.set_latest_note(DateText(stats.latest_note));
  return response;
}

absl::StatusOr<v1::SearchResponse> Search(const Engine& engine, const v1::SearchRequest& request) {
  ASSIGN_OR_RETURN(std::vector<query::SearchHit> hits,
                   engine.Search(request.text(), request.limit() == 0 ? kDefaultLimit : request.limit()));
  v1::SearchResponse response;
  for (const query::SearchHit& h : hits) {
    v1::SearchHit* out = response.add_hits();
    out->set_name(h.name);
    out->set_kind(std::string(model::EntityKindName(h.kind)));
    out->set_rank(h.rank);
    out->set_alias(h.alias);
  }
  return response;
}

absl::StatusOr<v1::ConnectorsResponse> Connectors(const Engine& engine, const v1::ConnectorsRequest& request) {
  ASSIGN_OR_RETURN(query::StrengthModel model, ApplyStrength(engine.DefaultStrengthModel(), request.strength()));
  ASSIGN_OR_RETURN(query::ConnectorsResult result,
                   engine.Connectors(request.organization(), request.limit() == 0 ? kDefaultLimit : request.limit(),
                                     model));
  v1::ConnectorsResponse response;
  response.set_organization(result.organization);
  response.set_members(result.members);
  for (const query::Connector& c : result.connectors) {
    v1::Connector* out = response.add_connectors();
    out->set_name(c.name);
    out->set_score(c.score);
    for (const auto& [name, strength] : c.contacts) {
      v1::Contact* contact = out->add_contacts();
      contact->set_name(name);
      contact->set_strength(strength);
    }
  }
  return response;
}

absl::StatusOr<v1::TimelineResponse> Timeline(const Engine& engine, const v1::TimelineRequest& request) {
  ASSIGN_OR_RETURN(query::PersonTimeline timeline, engine.Timeline(request.name()));
  v1::TimelineResponse response;
  response.set_name(timeline.name);
  for (const query::SharedEvent& e : timeline.events) ToProto(e, *response.add_events());
  return response;
}

absl::StatusOr<v1::CheckResponse> Check(const Engine& engine) {
  ASSIGN_OR_RETURN(store::CheckReport report, engine.Check());
  v1::CheckResponse response;
  response.set_notes(report.notes);
  response.set_facts(report.facts);
  response.set_edges(report.edges);
  response.set_entities(report.entities);
  response.set_names(report.names);
  response.set_aliases(report.aliases);
  response.set_breach_count(report.breach_count);
  for (const std::string& b : report.breaches) response.add_breaches(b);
  return response;
}

absl::StatusOr<v1::BackupResponse> Backup(const Engine& engine, const v1::BackupRequest& request) {
  if (request.dir().empty() || request.dir()[0] != '/') {
    return absl::InvalidArgumentError("backup needs an absolute directory path");
  }
  RETURN_IF_ERROR(engine.Backup(request.dir()));
  v1::BackupResponse response;
  response.set_dir(request.dir());
  int64_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(request.dir(), ec)) {
    if (entry.is_regular_file(ec)) bytes += static_cast<int64_t>(entry.file_size(ec));
  }
  response.set_bytes(bytes);
  return response;
}

absl::StatusOr<v1::NeighbourhoodResponse> Neighbourhood(const Engine& engine,
                                                        const v1::NeighbourhoodRequest& request) {
  query::NeighbourhoodQuery query;
  query.name = request.name();
  if (request.depth() != 0) query.depth = request.depth();
  if (request.limit() != 0) query.limit = request.limit();
  if (query.depth < 1 || query.depth > 6) return absl::InvalidArgumentError("depth must be 1 to 6");
  if (query.limit < 1 || query.limit > 5000) return absl::InvalidArgumentError("limit must be 1 to 5000");
  ASSIGN_OR_RETURN(query.model, ApplyStrength(engine.DefaultStrengthModel(), request.strength()));
  ASSIGN_OR_RETURN(query::Neighbourhood hood, engine.Neighbourhood(query));
  v1::NeighbourhoodResponse response;
  response.set_center(hood.center);
  for (const query::NeighbourPerson& p : hood.people) {
    v1::NeighbourPerson* out = response.add_people();
    out->set_name(p.name);
    out->set_distance(p.distance);
    out->set_organization(p.organization);
  }
  for (const query::NeighbourTie& t : hood.ties) {
    v1::NeighbourTie* out = response.add_ties();
    out->set_a(t.a);
    out->set_b(t.b);
    out->set_strength(t.strength);
    out->set_meetings(t.meetings);
    out->set_relation(t.relation);
  }
  return response;
}

absl::StatusOr<std::vector<v1::ExportItem>> Export(const Engine& engine, const v1::ExportRequest& request) {
  ASSIGN_OR_RETURN(query::StrengthModel model, ApplyStrength(engine.DefaultStrengthModel(), request.strength()));
  ASSIGN_OR_RETURN(query::GraphExport graph, engine.Export(model));
  std::vector<v1::ExportItem> items;
  items.reserve(graph.nodes.size() + graph.edges.size());
  for (const query::ExportNode& n : graph.nodes) {
    v1::ExportNode* out = items.emplace_back().mutable_node();
    out->set_id(n.id);
    out->set_kind(n.kind);
    out->set_name(n.name);
    out->set_path(n.path);
    out->set_date(DateText(n.date));
    for (const std::string& e : n.emails) out->add_emails(e);
    for (const std::string& a : n.aliases) out->add_aliases(a);
  }
  for (const query::ExportEdge& e : graph.edges) {
    v1::ExportEdge* out = items.emplace_back().mutable_edge();
    out->set_type(e.type);
    out->set_from(e.from);
    out->set_to(e.to);
    out->set_strength(e.strength);
    out->set_status(e.status);
    out->set_role(e.role);
    out->set_detail(e.detail);
    out->set_path(e.path);
    out->set_section(e.section);
    out->set_line(e.line);
    out->set_text(e.text);
  }
  return items;
}

absl::StatusOr<std::vector<v1::SkippableFileBatch>> SkippableFiles(const Engine& engine,
                                                                   const v1::IngestOptions& request) {
  ASSIGN_OR_RETURN(std::vector<SkippableFile> files, engine.SkippableFiles({.me = request.me(), .prune = request.prune()}));
  // Batches keep each message small and the count of messages low.
  constexpr size_t kPerMessage = 1000;
  std::vector<v1::SkippableFileBatch> batches;
  for (size_t i = 0; i < files.size(); ++i) {
    if (i % kPerMessage == 0) batches.emplace_back();
    v1::NoteFile* out = batches.back().add_files();
    out->set_path(std::move(files[i].path));
    out->set_size(files[i].stat.size);
    out->set_mtime_ns(files[i].stat.mtime_ns);
  }
  return batches;
}

IngestSession& IngestCall::Session() {
  if (!session_) session_ = engine_.BeginIngest(options_);
  return *session_;
}

absl::Status IngestCall::Accept(const v1::IngestRequest& request) {
  switch (request.item_case()) {
    case v1::IngestRequest::kOptions:
      if (session_) return absl::InvalidArgumentError("ingest options must come before any note");
      options_.me = request.options().me();
      options_.prune = request.options().prune();
      return absl::OkStatus();
    case v1::IngestRequest::kNote:
      Session().Add(request.note().path(), request.note().content(),
                    {request.note().size(), request.note().mtime_ns()});
      return absl::OkStatus();
    case v1::IngestRequest::kUnread:
      Session().AddUnread(request.unread().path(), {request.unread().size(), request.unread().mtime_ns()});
      return absl::OkStatus();
    case v1::IngestRequest::kProblem:
      Session().AddProblem({request.problem().path(), request.problem().line(),
                            request.problem().reason()});
      return absl::OkStatus();
    case v1::IngestRequest::ITEM_NOT_SET:
      return absl::InvalidArgumentError("empty ingest request");
  }
  return absl::InvalidArgumentError("unknown ingest request");
}

absl::StatusOr<v1::IngestResponse> IngestCall::Finish(const IngestProgress& progress) {
  ASSIGN_OR_RETURN(IngestReport report, Session().Finish(progress));
  v1::IngestResponse response;
  response.set_notes_read(report.notes_read);
  response.set_notes_stored(report.notes_stored);
  response.set_notes_unchanged(report.notes_unchanged);
  response.set_notes_pruned(report.notes_pruned);
  response.set_notes_unread(report.notes_unread);
  for (const vault::FileProblem& problem : report.failed) ToProto(problem, *response.add_failed());
  for (const vault::FileProblem& w : report.warnings) ToProto(w, *response.add_warnings());
  response.set_owner(report.owner);
  response.set_seconds(report.seconds);
  return response;
}

}  // namespace kith::service
