// Relationship queries over a store snapshot. Each query is a free function
// of a StoreReader so that it sees one consistent version of the graph.
#ifndef KITH_ENGINE_QUERY_QUERY_H_
#define KITH_ENGINE_QUERY_QUERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/store/store.h"

namespace kith::graph {
class SocialGraph;
}  // namespace kith::graph

namespace kith::query {

// How much a shared meeting says about two people knowing each other; the
// model is explained in docs/STRENGTH.md.
struct StrengthModel {
  // A meeting loses half its weight every this many days, counted back from
  // the newest note in the store (not the wall clock, so a vault that is
  // not updated keeps its answers).
  double half_life_days = 180.0;
  // Weight of a meeting whose date is unknown, as a fraction of a meeting
  // held on the reference date.
  double undated_weight = 0.5;
  // Score at which strength reaches 1 - 1/e (about 0.63); a 1:1 on the
  // reference date scores 1.
  double saturation = 1.0;
  // A meeting of n people weighs (n - 1)^-attendee_exponent: 1 splits one
  // unit of attention over the others, 0 counts every meeting alike.
  double attendee_exponent = 1.0;
  // What a stated relation adds to the score, in units of a 1:1 meeting on
  // the reference date (recency applies to the note that states it). Each
  // relation counts once however many notes repeat it.
  double reports_to_weight = 1.0;
  double worked_with_weight = 1.0;
  double family_weight = 1.5;
  double knows_weight = 0.6;
  double introduced_weight = 0.5;
  // Notes of one day whose attendee sets overlap at least this much
  // (Jaccard) are summaries of one meeting: they count once.
  double duplicate_overlap = 0.6;
};

struct NoteRef {
  std::string path;
  std::string title;
  std::optional<int32_t> date;
};

// What an answer shows of a stored note.
inline NoteRef RefTo(const store::NoteInfo& note) { return {note.path, note.title, note.date}; }

// A stated relation between the subject and an acquaintance.
struct Reason {
  std::string relation;  // From the subject's side: "reports to", "manages", "worked with", ...
  std::string text;      // The sentence that states it.
  NoteRef note;
};

struct Acquaintance {
  std::string name;
  double strength = 0;     // In [0, 1).
  int interactions = 0;    // Shared meetings, near-duplicate summaries folded.
  std::optional<int32_t> last_interaction;
  // Notes of the shared meetings, newest first: the first
  // WhoKnowsQuery::evidence_limit of evidence_total.
  std::vector<NoteRef> evidence;
  int evidence_total = 0;
  std::vector<Reason> reasons;    // Stated relations, strongest first.
};

struct WhoKnowsQuery {
  std::string name;
  int limit = 20;
  // Evidence notes listed per person (the newest); 0 lists them all. A
  // hub shares thousands of notes with its best contacts; shared-history
  // lists every one for a pair.
  int evidence_limit = 5;
  StrengthModel model;
  // Answer as the notes stood on this day (days since 1970-01-01). The
  // engine applies it by reading through store::NewAsOfReader; the query
  // function itself reads whatever view it is given.
  std::optional<int32_t> as_of;
};

// Checks a model's parameters: positive half-life and saturation,
// non-negative weights, an overlap in (0, 1]. InvalidArgument names the
// first bad one.
absl::Status ValidateStrengthModel(const StrengthModel& model);

// Reads strength parameters from YAML (`half_life_days: 90`, one key per
// field of StrengthModel) over `base`. InvalidArgument, with the line, for
// an unknown key, a value that is not a number, or a model that does not
// validate. When `keys_set` is given, the keys the YAML sets are appended.
absl::StatusOr<StrengthModel> ParseStrengthModel(std::string_view yaml, const StrengthModel& base,
                                                 std::vector<std::string>* keys_set = nullptr);

struct WhoKnowsResult {
  std::string subject;
  std::vector<Acquaintance> people;
};

struct FactsQuery {
  std::string note_path;                     // "" for every note.
  std::optional<model::RelationType> type;   // nullopt for every type.
};

struct FactView {
  model::RelationType type = model::RelationType::kAttended;
  std::vector<std::string> args;  // Canonical names.
  std::string status;
  std::string role;
  std::optional<int32_t> date;
  std::string detail;
  std::string path;  // The note that states it.
  extract::Evidence evidence;
};

// Stored facts, by note path and then order within the note. NotFound for
// a note path that is not stored.
absl::StatusOr<std::vector<FactView>> Facts(const store::StoreReader& reader,
                                            const FactsQuery& query);

struct OrgChartQuery {
  std::string root;          // Only this person's subtree; "" for all.
  std::string organization;  // Only people currently at it; "" for all.
  std::optional<int32_t> as_of;  // As for WhoKnowsQuery.
};

struct OrgNode {
  std::string name;
  std::string manager;       // "" for a root.
  std::string title;         // From the latest current WORKS_AT role.
  std::string organization;  // The latest current employer.
  std::string evidence;      // The sentence stating the manager.
  std::string evidence_path;
};

struct OrgChart {
  std::vector<OrgNode> people;  // Managers before their reports.
  // People of the organisation (with --org) with no known manager and no
  // reports.
  std::vector<OrgNode> unattached;
  // Conflicting managers and broken cycles, in words.
  std::vector<std::string> problems;
};

// The reports-to forest: each person's manager is the one stated most
// recently; conflicting statements and cycles are reported, never looped.
absl::StatusOr<OrgChart> BuildOrgChart(const store::StoreReader& reader, const OrgChartQuery& query);

struct IntroductionsQuery {
  std::string by;  // Introducer; "" for anyone.
  std::string of;  // The person introduced; "" for anyone.
  std::string to;  // The person they were introduced to; "" for anyone.
};

struct Introduction {
  std::string introducer;
  std::string introduced;
  std::string to;  // "" when the note does not say.
  std::optional<int32_t> date;
  std::string text;  // The sentence that states it.
  NoteRef note;
};

// Introductions the notes state, oldest first; one per (introducer,
// introduced, to), from its earliest statement.
absl::StatusOr<std::vector<Introduction>> Introductions(const store::StoreReader& reader,
                                                        const IntroductionsQuery& query);

struct HowMetResult {
  std::string a;
  std::string b;
  // "introduced": an introduction of one to the other is recorded;
  // "first_meeting": none is, and `first_meeting` is their earliest shared
  // meeting; "unknown": the notes record neither.
  std::string how;
  std::optional<Introduction> introduction;
  std::optional<NoteRef> first_meeting;
};

absl::StatusOr<HowMetResult> HowMet(const store::StoreReader& reader, std::string_view a, std::string_view b);

struct TasksQuery {
  std::string owner;                  // "" for everyone's.
  bool open_only = false;             // Open, proposed or in progress.
  std::optional<int32_t> due_before;  // Only those due before this day.
};

struct Task {
  std::string owner;  // "" when the item names none.
  std::string text;
  std::string status;  // open, proposed, in_progress, done, cancelled, other
  std::optional<int32_t> due;
  int priority = 0;    // note::TaskPriority: 0 none .. 5 highest
  NoteRef note;
  int line = 0;
};

// Action items, soonest due first (undated last), then by priority.
absl::StatusOr<std::vector<Task>> Tasks(const store::StoreReader& reader, const TasksQuery& query);

struct SharedEvent {
  std::optional<int32_t> date;
  // "meeting" (both attended; near-duplicate notes folded), "mentioned"
  // (a note names both), or "relation" (a fact between the two).
  std::string kind;
  std::string description;  // Meeting title, or "Ana Bell reports to Bo Chen".
  std::string text;         // The sentence, for a relation.
  std::vector<NoteRef> notes;
};

struct SharedOrganization {
  std::string name;
  std::string a_status;  // "current", "former" or "" (not stated).
  std::string b_status;
};

struct SharedHistory {
  std::string a;
  std::string b;
  // Oldest first; undated last. When limited, the newest entries (undated
  // ones only when fewer dated entries than the limit exist).
  std::vector<SharedEvent> timeline;
  int timeline_total = 0;  // Entries before the limit.
  std::vector<SharedOrganization> organizations;
  // Discussed in the notes both attended: the most discussed first, then
  // by name. A limit applies to them as to the timeline.
  std::vector<std::string> topics;
  int topics_total = 0;  // Topics before the limit.
};

// A person's history: meetings (duplicates folded), relations stated about
// them, employment, action items they own, notes that mention them. Oldest
// first; undated last. Event kinds: meeting, relation, employment, task,
// mentioned.
struct PersonTimeline {
  std::string name;  // Canonical.
  std::vector<SharedEvent> events;
};
absl::StatusOr<PersonTimeline> BuildTimeline(const store::StoreReader& reader, std::string_view name,
                                             double duplicate_overlap = 0.6);

// `limit` > 0 keeps that many timeline entries, the newest, and that many
// topics, the most discussed; 0 keeps all.
absl::StatusOr<SharedHistory> BuildSharedHistory(const store::StoreReader& reader, std::string_view a,
                                                 std::string_view b, double duplicate_overlap = 0.6, int limit = 0);

inline constexpr int kMaxIntroHops = 8;
inline constexpr int kMaxIntroPaths = 100;

struct IntroPathQuery {
  std::string from;
  std::string to;
  int max_hops = 4;  // Longest path considered.
  int k = 3;         // Alternatives wanted.
  StrengthModel model;
};

struct PathHop {
  std::string from;
  std::string to;
  double strength = 0;
  int meetings = 0;
  std::optional<int32_t> last_meeting;
  std::string relation;  // A stated relation on this hop, if any.
  std::string evidence;  // Its sentence, or the latest shared note's title.
  std::string evidence_path;
};

struct IntroPath {
  std::vector<PathHop> hops;
  double strength = 0;  // Product of the hops' strengths.
  size_t weakest = 0;   // Index of the weakest hop.
};

struct IntroPathResult {
  std::string from;
  std::string to;
  std::vector<IntroPath> paths;  // Strongest first; empty when none exists.
};

// The best warm-introduction paths: the k cheapest loopless paths with
// each tie weighted -log(strength), so the cheapest path is the one whose
// strengths multiply to the most (graph::PathFinder). max_hops is at most
// kMaxIntroHops and k at most kMaxIntroPaths.
absl::StatusOr<IntroPathResult> FindIntroPaths(const store::StoreReader& reader, const IntroPathQuery& query);
// The same over a social graph already built from `reader`'s snapshot with
// query.model (the engine's memory index keeps one).
absl::StatusOr<IntroPathResult> FindIntroPaths(const store::StoreReader& reader, const IntroPathQuery& query,
                                               const graph::SocialGraph& social);

struct Employment {
  std::string organization;
  std::string status;  // "current", "former" or "" (not stated).
  std::string role;
  std::string detail;  // A duration such as "18 years".
  std::optional<int32_t> date;  // Of the note that states it most recently.
  std::string text;
  std::string path;
};

struct Profile {
  std::string name;
  // Other names: the profile page's aliases and names curated into this
  // person (alias, merge). Sorted.
  std::vector<std::string> aliases;
  std::vector<std::string> emails;     // Addresses the notes show them writing from. Sorted.
  std::vector<Employment> employment;  // Current first, then by date.
  std::vector<std::string> managers;   // Most recently stated first.
  std::vector<std::string> reports;
  std::vector<Acquaintance> connections;  // Top five by who-knows strength.
  std::vector<std::string> topics;        // Of the meetings attended, most frequent first.
  std::vector<Task> open_tasks;
  int meetings = 0;  // Near-duplicate summaries of one meeting count once.
  std::optional<int32_t> first_interaction;
  std::optional<int32_t> last_interaction;
};

struct ProfileQuery {
  std::string name;
  StrengthModel model;           // Ranks the top connections.
  std::optional<int32_t> as_of;  // As for WhoKnowsQuery.
};

absl::StatusOr<Profile> BuildProfile(const store::StoreReader& reader, const ProfileQuery& query);

struct Stats {
  uint64_t notes = 0;
  uint64_t people = 0;
  uint64_t organizations = 0;
  uint64_t topics = 0;
  uint64_t facts = 0;
  std::vector<std::pair<std::string, uint64_t>> facts_by_type;  // By relation name.
  std::string owner;
  std::optional<int32_t> latest_note;
};

absl::StatusOr<Stats> CountStore(const store::StoreReader& reader);

struct SearchHit {
  std::string name;
  model::EntityKind kind = model::EntityKind::kPerson;
  // 0 exact, 1 name starts with the query, 2 a word starts with it, 3+ the
  // number of typos (edit distance) past which it still matches.
  int rank = 0;
  std::string alias;  // The other name (folded) that matched; "" if the name did.
};

// Names matching `text`: exact, by prefix, by a word's prefix, or within a
// few typos (one per four characters, at most two); profile aliases match
// too, as their person. Each entity once, best first.
absl::StatusOr<std::vector<SearchHit>> Search(const store::StoreReader& reader, std::string_view text, int limit);

struct Connector {
  std::string name;
  double score = 0;  // Sum of strengths to the organisation's people.
  // The organisation's people they know, strongest first: (name, strength).
  std::vector<std::pair<std::string, double>> contacts;
};

struct ConnectorsResult {
  std::string organization;
  int members = 0;  // People the notes say work there now.
  std::vector<Connector> connectors;  // Best first.
};

// People outside `organization` who know people inside it, ranked by the
// summed who-knows strength of those ties.
absl::StatusOr<ConnectorsResult> FindConnectors(const store::StoreReader& reader, std::string_view organization,
                                                int limit, const StrengthModel& model = {});

// The whole graph, for other tools: every person, organisation, topic and
// note; every stated relation with its evidence; and one CONNECTED edge per
// pair of people with their who-knows strength.
struct ExportNode {
  std::string id;    // "<kind>:<16 hex digits>", stable across ingests.
  std::string kind;  // person, organization, topic, note
  std::string name;  // A note's title.
  std::string path;  // Notes only.
  std::optional<int32_t> date;        // Notes only.
  std::vector<std::string> emails;    // People only (HAS_EMAIL).
  std::vector<std::string> aliases;   // People only (ALSO_KNOWN_AS).
};

struct ExportEdge {
  std::string type;  // A relation name (REPORTS_TO, ATTENDED, ...) or CONNECTED.
  std::string from;  // Node ids.
  std::string to;
  double strength = 0;  // CONNECTED only.
  std::string status;
  std::string role;
  std::string detail;
  std::string path;  // The note that states it; for CONNECTED the latest shared note.
  std::string section;
  int line = 0;
  std::string text;  // The sentence; for CONNECTED the strongest reason.
};

struct GraphExport {
  std::vector<ExportNode> nodes;  // By kind, then id.
  std::vector<ExportEdge> edges;  // Stated relations by note path, then CONNECTED by strength.
};

absl::StatusOr<GraphExport> ExportGraph(const store::StoreReader& reader, const StrengthModel& model);

// A person's relationship neighbourhood, for pictures: the people within
// `depth` ties, nearest and strongest first up to `limit`, and the ties
// among them.
struct NeighbourhoodQuery {
  std::string name;
  int depth = 2;
  int limit = 60;  // People at most, the centre included.
  StrengthModel model;
};

struct NeighbourPerson {
  std::string name;
  int distance = 0;          // Ties from the centre.
  std::string organization;  // Latest current employer, "" if none stated.
};

struct NeighbourTie {
  std::string a, b;
  double strength = 0;
  int meetings = 0;
  std::string relation;  // The strongest stated relation ("reporting line", ...), "" for meetings only.
};

struct Neighbourhood {
  std::string center;
  std::vector<NeighbourPerson> people;  // The centre first, then by distance.
  std::vector<NeighbourTie> ties;       // Strongest first.
};

absl::StatusOr<Neighbourhood> BuildNeighbourhood(const store::StoreReader& reader, const NeighbourhoodQuery& query);

// Finds the organisation a user means (folded exact name, else the one
// whose name starts with the query). NotFound lists the closest.
absl::StatusOr<store::EntityInfo> ResolveOrganization(const store::StoreReader& reader,
                                                      std::string_view name);

// Finds the person a user means by `name`: an exact match of the folded
// name, else the one person whose first or last name it is. NotFound lists
// the closest known names; InvalidArgument lists the candidates when the
// name is ambiguous.
absl::StatusOr<store::EntityInfo> ResolvePerson(const store::StoreReader& reader,
                                                std::string_view name);

// People who attended meetings with the subject, strongest first (ties:
// more meetings, then name).
absl::StatusOr<WhoKnowsResult> WhoKnows(const store::StoreReader& reader,
                                        const WhoKnowsQuery& query);

}  // namespace kith::query

#endif  // KITH_ENGINE_QUERY_QUERY_H_
