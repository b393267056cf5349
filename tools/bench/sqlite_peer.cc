#include "tools/bench/sqlite_peer.h"

#include <sqlite3.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/util/status_macros.h"

namespace kith::bench {

struct SqlitePeer::Db {
  sqlite3* handle = nullptr;
  sqlite3_stmt* who_knows = nullptr;
  sqlite3_stmt* who_knows_whole = nullptr;
  sqlite3_stmt* shared = nullptr;
  sqlite3_stmt* shared_notes_whole = nullptr;
  sqlite3_stmt* shared_topics = nullptr;
  sqlite3_stmt* hops = nullptr;
  ~Db() {
    for (sqlite3_stmt* s : {who_knows, who_knows_whole, shared, shared_notes_whole, shared_topics, hops}) sqlite3_finalize(s);
    sqlite3_close(handle);
  }
};

namespace {

absl::Status Check(sqlite3* db, int code, const char* what) {
  if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW) return absl::OkStatus();
  return absl::InternalError(absl::StrCat("sqlite: ", what, ": ", sqlite3_errmsg(db)));
}

absl::Status Exec(sqlite3* db, const char* sql) { return Check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql); }

// A prepared statement run once per row of a bulk load.
class Inserter {
 public:
  Inserter(sqlite3* db, const char* sql) : db_(db) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Inserter() { sqlite3_finalize(stmt_); }
  template <typename... Values>
  absl::Status Row(const Values&... values) {
    int column = 1;
    (Bind(column++, values), ...);
    int code = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    return Check(db_, code, "insert");
  }

 private:
  void Bind(int column, int64_t v) { sqlite3_bind_int64(stmt_, column, v); }
  void Bind(int column, int v) { sqlite3_bind_int(stmt_, column, v); }
  void Bind(int column, double v) { sqlite3_bind_double(stmt_, column, v); }
  void Bind(int column, const std::string& v) { sqlite3_bind_text(stmt_, column, v.data(), int(v.size()), SQLITE_TRANSIENT); }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Entity ids are unsigned hashes; SQLite integers are signed.
int64_t Key(store::NodeId id) { return static_cast<int64_t>(id); }

}  // namespace

std::vector<PeerAcquaintance> AsPeerAnswer(const query::WhoKnowsResult& answer) {
  std::vector<PeerAcquaintance> out;
  for (const query::Acquaintance& a : answer.people) {
    PeerAcquaintance& mine = out.emplace_back(PeerAcquaintance{a.name, a.strength, a.interactions, {}, a.evidence_total});
    for (const query::NoteRef& n : a.evidence) mine.evidence.push_back({n.path, n.title, int64_t{n.date.value_or(-1)}});
  }
  return out;
}

PeerSharedHistory AsPeerAnswer(const query::SharedHistory& answer) {
  PeerSharedHistory out;
  for (const query::SharedEvent& e : answer.timeline) {
    std::vector<PeerNote>* into = e.kind == "meeting" ? &out.meetings : e.kind == "mentioned" ? &out.mentions : nullptr;
    if (into == nullptr) continue;
    for (const query::NoteRef& n : e.notes) into->push_back({n.path, n.title, int64_t{n.date.value_or(-1)}});
  }
  out.topics = answer.topics;
  SortNotes(out);
  return out;
}

void SortNotes(PeerSharedHistory& answer) {
  std::sort(answer.meetings.begin(), answer.meetings.end());
  std::sort(answer.mentions.begin(), answer.mentions.end());
}

SqlitePeer::SqlitePeer(std::unique_ptr<Db> db) : db_(std::move(db)) {}
SqlitePeer::~SqlitePeer() = default;

absl::StatusOr<std::unique_ptr<SqlitePeer>> SqlitePeer::Load(const PeerGraph& graph) {
  auto db = std::make_unique<Db>();
  if (sqlite3_open(":memory:", &db->handle) != SQLITE_OK) return absl::InternalError("sqlite: cannot open");
  sqlite3* h = db->handle;
  RETURN_IF_ERROR(Exec(h, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                          "CREATE TABLE persons (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
                          "CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
                          "CREATE TABLE topics (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
                          "CREATE TABLE notes (id INTEGER PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL,"
                          "                    date INTEGER);"
                          "CREATE TABLE attended (person INTEGER NOT NULL, note INTEGER NOT NULL);"
                          // Every note naming a person, whether they attended it.
                          "CREATE TABLE named (person INTEGER NOT NULL, note INTEGER NOT NULL, attended INTEGER NOT NULL,"
                          "                    PRIMARY KEY (person, note)) WITHOUT ROWID;"
                          "CREATE TABLE discussed (note INTEGER NOT NULL, topic INTEGER NOT NULL);"
                          "CREATE TABLE knows (a INTEGER NOT NULL, b INTEGER NOT NULL, weight REAL NOT NULL,"
                          "                    meetings INTEGER NOT NULL);"
                          "BEGIN;"));
  {
    auto load = [&](const char* sql, const auto& rows, const auto& insert) -> absl::Status {
      Inserter inserter(h, sql);
      for (const auto& row : rows) RETURN_IF_ERROR(insert(inserter, row));
      return absl::OkStatus();
    };
    auto named = [](Inserter& in, const PeerGraph::Named& n) { return in.Row(Key(n.id), n.name); };
    RETURN_IF_ERROR(load("INSERT INTO persons VALUES (?, ?)", graph.persons, named));
    RETURN_IF_ERROR(load("INSERT INTO organizations VALUES (?, ?)", graph.organizations, named));
    RETURN_IF_ERROR(load("INSERT INTO topics VALUES (?, ?)", graph.topics, named));
    RETURN_IF_ERROR(load("INSERT INTO notes VALUES (?, ?, ?, ?)", graph.notes, [](Inserter& in, const PeerGraph::Note& n) {
      return in.Row(Key(n.id), n.path, n.title, n.date);
    }));
    RETURN_IF_ERROR(load("INSERT INTO attended VALUES (?, ?)", graph.attended, [](Inserter& in, const auto& pn) {
      return in.Row(Key(pn.first), Key(pn.second));
    }));
    RETURN_IF_ERROR(load("INSERT INTO named VALUES (?, ?, 1)", graph.attended, [](Inserter& in, const auto& pn) {
      return in.Row(Key(pn.first), Key(pn.second));
    }));
    RETURN_IF_ERROR(load("INSERT INTO named VALUES (?, ?, 0)", graph.mentioned, [](Inserter& in, const auto& pn) {
      return in.Row(Key(pn.first), Key(pn.second));
    }));
    RETURN_IF_ERROR(load("INSERT INTO discussed VALUES (?, ?)", graph.discussed, [](Inserter& in, const auto& nt) {
      return in.Row(Key(nt.first), Key(nt.second));
    }));
    RETURN_IF_ERROR(load("INSERT INTO knows VALUES (?, ?, ?, ?)", graph.knows, [](Inserter& in, const PeerGraph::Knows& k) {
      return in.Row(Key(k.a), Key(k.b), k.weight, k.meetings);
    }));
  }
  RETURN_IF_ERROR(Exec(h, "COMMIT;"
                          "CREATE INDEX persons_by_name ON persons (name);"
                          "CREATE INDEX attended_by_person ON attended (person, note);"
                          "CREATE INDEX discussed_by_note ON discussed (note, topic);"
                          "CREATE INDEX knows_by_weight ON knows (a, weight DESC, meetings DESC);"
                          "ANALYZE;"));
  auto prepare = [&](const char* sql, sqlite3_stmt** out) {
    return Check(h, sqlite3_prepare_v2(h, sql, -1, out, nullptr), sql);
  };
  RETURN_IF_ERROR(prepare("SELECT p.name FROM knows k JOIN persons p ON p.id = k.b"
                          " WHERE k.a = (SELECT id FROM persons WHERE name = ?1)"
                          " ORDER BY k.weight DESC, k.meetings DESC, p.name LIMIT ?2",
                          &db->who_knows));
  // One statement for the whole answer, as an application would ask it:
  // the top acquaintances, then for each the notes both attended, numbered
  // newest first and counted by window functions; an acquaintance with no
  // shared note (a stated relation only) keeps one row with no note. The
  // CROSS JOINs fix the order SQLite's planner otherwise gets wrong: from
  // the subject's notes to each acquaintance's, both by attended_by_person
  // (left to itself it built an automatic index on attended.note per call,
  // 30 ms at 200k notes). Driving from each acquaintance's notes instead
  // suits a hub subject but not the many people whose acquaintances are
  // hubs (3.2 ms at the median at 20k notes).
  RETURN_IF_ERROR(prepare("WITH subject AS (SELECT id FROM persons WHERE name = ?1),"
                          " top AS (SELECT k.b AS id, p.name AS name, k.weight AS weight, k.meetings AS meetings,"
                          "                ROW_NUMBER() OVER (ORDER BY k.weight DESC, k.meetings DESC, p.name) AS rank"
                          "         FROM knows k JOIN persons p ON p.id = k.b"
                          "         WHERE k.a = (SELECT id FROM subject)"
                          "         ORDER BY k.weight DESC, k.meetings DESC, p.name LIMIT ?2),"
                          " shared AS (SELECT t.id AS id, n.path AS path, n.title AS title, n.date AS date,"
                          "                   ROW_NUMBER() OVER (PARTITION BY t.id ORDER BY n.date DESC, n.path) AS nth,"
                          "                   COUNT(*) OVER (PARTITION BY t.id) AS total"
                          "            FROM (SELECT note FROM attended WHERE person = (SELECT id FROM subject)) x"
                          "            CROSS JOIN top t CROSS JOIN attended y ON y.person = t.id AND y.note = x.note"
                          "            JOIN notes n ON n.id = y.note),"
                          " newest AS (SELECT * FROM shared WHERE nth <= ?3)"
                          " SELECT t.rank, t.name, t.weight, t.meetings, s.path, s.title, s.date, s.total"
                          " FROM top t LEFT JOIN newest s ON s.id = t.id"
                          " ORDER BY t.rank, s.nth",
                          &db->who_knows_whole));
  RETURN_IF_ERROR(prepare("SELECT n.path FROM attended x JOIN attended y ON y.note = x.note"
                          " JOIN notes n ON n.id = x.note"
                          " WHERE x.person = (SELECT id FROM persons WHERE name = ?1)"
                          "   AND y.person = (SELECT id FROM persons WHERE name = ?2)"
                          " ORDER BY n.date DESC, n.path",
                          &db->shared));
  // shared-history whole: every note naming both (kith's meetings are
  // those both attended), then the topics of the meetings.
  RETURN_IF_ERROR(prepare("SELECT n.path, n.title, n.date, x.attended AND y.attended FROM named x"
                          " JOIN named y ON y.person = (SELECT id FROM persons WHERE name = ?2) AND y.note = x.note"
                          " JOIN notes n ON n.id = x.note"
                          " WHERE x.person = (SELECT id FROM persons WHERE name = ?1)"
                          " ORDER BY n.date DESC, n.path",
                          &db->shared_notes_whole));
  RETURN_IF_ERROR(prepare("SELECT t.name FROM attended x JOIN attended y ON y.note = x.note"
                          " JOIN discussed d ON d.note = x.note JOIN topics t ON t.id = d.topic"
                          " WHERE x.person = (SELECT id FROM persons WHERE name = ?1)"
                          "   AND y.person = (SELECT id FROM persons WHERE name = ?2)"
                          " GROUP BY t.id ORDER BY COUNT(*) DESC, t.name",
                          &db->shared_topics));
  RETURN_IF_ERROR(prepare("WITH RECURSIVE walk(node, depth) AS ("
                          "  SELECT (SELECT id FROM persons WHERE name = ?1), 0"
                          "  UNION SELECT k.b, w.depth + 1 FROM walk w JOIN knows k ON k.a = w.node"
                          "  WHERE w.depth < ?3)"
                          " SELECT MIN(depth) FROM walk WHERE node = (SELECT id FROM persons WHERE name = ?2)",
                          &db->hops));
  return std::unique_ptr<SqlitePeer>(new SqlitePeer(std::move(db)));
}

namespace {

absl::StatusOr<std::vector<std::string>> Strings(sqlite3* db, sqlite3_stmt* stmt) {
  std::vector<std::string> out;
  int code;
  while ((code = sqlite3_step(stmt)) == SQLITE_ROW) {
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  absl::Status status = Check(db, code, "query");
  sqlite3_reset(stmt);
  if (!status.ok()) return status;
  return out;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> SqlitePeer::WhoKnows(const std::string& name, int limit) const {
  sqlite3_bind_text(db_->who_knows, 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(db_->who_knows, 2, limit);
  return Strings(db_->handle, db_->who_knows);
}

absl::StatusOr<std::vector<PeerAcquaintance>> SqlitePeer::WhoKnowsWithEvidence(const std::string& name, int limit,
                                                                               int evidence_limit) const {
  sqlite3_stmt* stmt = db_->who_knows_whole;
  sqlite3_bind_text(stmt, 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(stmt, 2, limit);
  sqlite3_bind_int(stmt, 3, evidence_limit);
  std::vector<PeerAcquaintance> out;
  auto text = [&](int column) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column))); };
  int code;
  int64_t rank = 0;  // Ranks start at 1.
  while ((code = sqlite3_step(stmt)) == SQLITE_ROW) {
    if (sqlite3_column_int64(stmt, 0) != rank) {
      rank = sqlite3_column_int64(stmt, 0);
      out.push_back({text(1), sqlite3_column_double(stmt, 2), sqlite3_column_int(stmt, 3), {}, 0});
    }
    if (sqlite3_column_type(stmt, 4) == SQLITE_NULL) continue;
    out.back().evidence.push_back({text(4), text(5), sqlite3_column_int64(stmt, 6)});
    out.back().evidence_total = sqlite3_column_int(stmt, 7);
  }
  absl::Status status = Check(db_->handle, code, "query");
  sqlite3_reset(stmt);
  if (!status.ok()) return status;
  return out;
}

absl::StatusOr<std::vector<std::string>> SqlitePeer::SharedNotes(const std::string& a, const std::string& b) const {
  sqlite3_bind_text(db_->shared, 1, a.data(), int(a.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(db_->shared, 2, b.data(), int(b.size()), SQLITE_TRANSIENT);
  return Strings(db_->handle, db_->shared);
}

absl::StatusOr<PeerSharedHistory> SqlitePeer::SharedHistory(const std::string& a, const std::string& b) const {
  PeerSharedHistory out;
  sqlite3_stmt* notes = db_->shared_notes_whole;
  sqlite3_bind_text(notes, 1, a.data(), int(a.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(notes, 2, b.data(), int(b.size()), SQLITE_TRANSIENT);
  auto text = [&](int column) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(notes, column))); };
  int code;
  while ((code = sqlite3_step(notes)) == SQLITE_ROW) {
    (sqlite3_column_int(notes, 3) ? out.meetings : out.mentions)
        .push_back({text(0), text(1), sqlite3_column_int64(notes, 2)});
  }
  absl::Status status = Check(db_->handle, code, "query");
  sqlite3_reset(notes);
  if (!status.ok()) return status;
  sqlite3_bind_text(db_->shared_topics, 1, a.data(), int(a.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(db_->shared_topics, 2, b.data(), int(b.size()), SQLITE_TRANSIENT);
  ASSIGN_OR_RETURN(out.topics, Strings(db_->handle, db_->shared_topics));
  return out;
}

absl::StatusOr<std::optional<int>> SqlitePeer::Hops(const std::string& a, const std::string& b, int max_hops) const {
  sqlite3_bind_text(db_->hops, 1, a.data(), int(a.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(db_->hops, 2, b.data(), int(b.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int(db_->hops, 3, max_hops);
  std::optional<int> hops;
  int code = sqlite3_step(db_->hops);
  if (code == SQLITE_ROW && sqlite3_column_type(db_->hops, 0) != SQLITE_NULL) hops = sqlite3_column_int(db_->hops, 0);
  absl::Status status = Check(db_->handle, code, "hops");
  sqlite3_reset(db_->hops);
  if (!status.ok()) return status;
  return hops;
}

}  // namespace kith::bench
