// Ingest runs in two steps because "@Myself" needs the vault owner, and the
// owner (when not given) is whoever attends the most notes of the run.
// Add parses notes in batches as they arrive (on every core); Finish settles
// the owner, then extracts (on every core, ahead of the writer) and stores
// the notes one atomic write at a time.
#include "engine/ingest_session.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <future>
#include <set>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/extract/extract.h"
#include "engine/curation.h"
#include "engine/extract/gazetteer.h"
#include "engine/util/hash.h"
#include "engine/util/status_macros.h"
#include "engine/util/text.h"

namespace kith {
namespace {

// A note read and parsed once, waiting for the run's owner and names to be
// settled. It keeps its text rather than its parse, which is several times
// larger: a 1M-note run holds every note until extraction, and parsing it
// again then costs less than holding the parse.
struct Pending {
  std::string path;
  uint64_t raw_hash = 0;
  vault::FileStat stat;
  std::string content;  // Emptied once extracted.
  std::optional<int32_t> date;
  extract::LearnedNames learned;
};

// How often each participant (by folded name) attends, with the spelling
// first seen; the vault's owner is the one who attends most.
using ParticipantCounts = absl::flat_hash_map<std::string, std::pair<int, std::string>>;

void CountInto(ParticipantCounts& counts, const std::string& folded, int times, const std::string& name) {
  auto& entry = counts[folded];
  if (entry.first == 0) entry.second = name;
  entry.first += times;
}

// The stored fingerprint of a note: its bytes, the extractor that read
// them, and the owner that "@Myself" meant. Any change re-extracts it.
uint64_t Fingerprint(uint64_t raw_hash, std::string_view owner, std::string_view curation) {
  std::string key;
  key.append(reinterpret_cast<const char*>(&raw_hash), sizeof raw_hash);
  key.append(kExtractorVersion);
  key += '\0';
  key.append(owner);
  key += '\0';
  key.append(curation);
  return util::StableHash64(key);
}

// The owner named by the caller, else the one stored, else "".
std::string KnownOwner(const store::StoreReader& reader, const IngestOptions& options) {
  if (!options.me.empty()) return options.me;
  absl::StatusOr<std::optional<std::string>> stored = reader.Meta("owner");
  return stored.ok() && stored->has_value() ? **stored : std::string();
}

std::string StoredCurationDigest(const store::StoreReader& reader) {
  absl::StatusOr<std::vector<Curation>> curations = ListCurations(reader);
  return curations.ok() ? CurationDigest(*curations) : std::string();
}

// A stored note whose file has `stat` needs no reading: same size, same
// trusted time, and a fingerprint that this run's would equal.
bool UnreadIsUnchanged(const store::NoteStamp& stored, const vault::FileStat& stat, std::string_view owner,
                       std::string_view curation) {
  return stat.mtime_ns != 0 && stored.file.mtime_ns == stat.mtime_ns && stored.file.size == stat.size &&
         stored.content_hash == Fingerprint(stored.file.raw_hash, owner, curation);
}

// Notes parsed together, and extracted ahead of the writer, at a time.
constexpr size_t kBatch = 512;
constexpr size_t kBatchesExtractedAhead = 2;
constexpr size_t kBatchesParsedAtOnce = 2;

// Calls visit(i) for i in [begin, end) on the machine's cores; visit must
// only touch element i's own state.
void ParallelFor(size_t begin, size_t end, const std::function<void(size_t)>& visit) {
  size_t threads = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> next{begin};
  auto work = [&] {
    for (size_t i = next++; i < end; i = next++) visit(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

class Session : public IngestSession {
 public:
  Session(store::Store& store, const note::ParseOptions& parse, const IngestOptions& options)
      : store_(store), parse_(parse), options_(options), reader_(store.NewReader()),
        start_(std::chrono::steady_clock::now()) {}

  void Add(std::string_view path, std::string_view content, const vault::FileStat& stat) override {
    ++report_.notes_read;
    seen_.emplace(path);
    uint64_t raw_hash = util::StableHash64(content);
    Settle();
    if (!settled_owner_->empty()) {
      if (auto stored = StampIfUnchanged(path, Fingerprint(raw_hash, *settled_owner_, *curation_digest_))) {
        ++report_.notes_unchanged;
        NoteDate(stored->date);
        // Touched but not changed (a checkout, a sync), or stored before
        // stamps existed: a new stamp lets the next run skip the file
        // unread. Losing it only costs that read.
        store::FileStamp stamp{raw_hash, stat.size, stat.mtime_ns};
        if (stat.mtime_ns != 0 && stored->file != stamp) store_.RestampNote(path, stamp).IgnoreError();
        return;
      }
    }
    if (last_added_path_ && !(std::string_view(*last_added_path_) < path)) arrived_in_path_order_ = false;
    last_added_path_ = path;
    unparsed_.push_back({std::string(path), raw_hash, stat, std::string(content)});
    if (unparsed_.size() >= kBatch) ParseWaiting();
  }

  void AddUnread(std::string_view path, const vault::FileStat& stat) override {
    ++report_.notes_read;
    seen_.emplace(path);
    Settle();
    const store::NoteStamp* stored = StoredStamp(path);
    if (!settled_owner_->empty() && stored != nullptr &&
        UnreadIsUnchanged(*stored, stat, *settled_owner_, *curation_digest_)) {
      ++report_.notes_unchanged;
      ++report_.notes_unread;
      NoteDate(stored->date);
      return;
    }
    report_.failed.push_back({std::string(path), 0, "changed while being ingested, so not read; ingest again"});
  }

  void AddProblem(vault::FileProblem problem) override {
    seen_.insert(problem.path);
    report_.failed.push_back(std::move(problem));
  }

  absl::StatusOr<IngestReport> Finish(const IngestProgress& progress) override {
    ParseWaiting();
    while (!parsing_.empty()) FileParsed();
    Settle();
    std::string owner = settled_owner_->empty() ? MostFrequentParticipant() : *settled_owner_;
    ASSIGN_OR_RETURN(std::optional<std::string> stored_owner, reader_->Meta("owner"));
    if (!owner.empty() && stored_owner != owner) RETURN_IF_ERROR(store_.PutMeta("owner", owner));
    report_.owner = owner;

    // The gazetteer replays every stored note's names: only worth building
    // when some note is to be read, never on a no-change re-sync.
    ASSIGN_OR_RETURN(store::StoreCounts before, reader_->Counts());
    const bool none_stored = before.notes == 0;
    extract::Gazetteer gazetteer;
    if (!pending_.empty() && none_stored && arrived_in_path_order_) {
      // Replayed already, batch by batch as the notes were parsed.
      gazetteer = std::move(names_in_path_order_);
      RETURN_IF_ERROR(CompleteNames(owner, gazetteer));
    } else if (!pending_.empty()) {
      ASSIGN_OR_RETURN(gazetteer, KnownNames(owner));
    }
    extract::ExtractOptions extract_options;
    extract_options.owner = owner;
    extract_options.gazetteer = &gazetteer;
    // Extraction (CPU) runs ahead on worker threads in batches while this
    // thread writes the previous batch, in order, one atomic batch per note.
    std::vector<uint64_t> fingerprints;
    fingerprints.reserve(pending_.size());
    for (const Pending& note : pending_) fingerprints.push_back(Fingerprint(note.raw_hash, owner, *curation_digest_));
    // A store that held no note when the session began has none to compare
    // with: no point reads for them.
    auto extract_batch = [&](size_t begin, size_t end) {
      // nullopt: stored already, unchanged.
      std::vector<absl::StatusOr<std::optional<extract::NoteGraph>>> graphs(end - begin, std::nullopt);
      ParallelFor(begin, end, [&](size_t i) {
        Pending& pending = pending_[i];
        if (none_stored || !StoredIfUnchanged(pending.path, fingerprints[i])) {
          absl::StatusOr<note::ParsedNote> parsed = note::ParseNote(pending.path, pending.content, parse_);
          if (parsed.ok()) {
            graphs[i - begin] = extract::Extract(*parsed, extract_options);
            // The gazetteer is built: the names go with the note to the store.
            (*graphs[i - begin])->learned = std::move(pending.learned);
          } else {
            graphs[i - begin] = parsed.status();  // It parsed before: only a bug gets here.
          }
        }
        std::string().swap(pending.content);
      });
      return graphs;
    };
    size_t done = 0;
    // Two batches extract ahead of the one being written: with one, the
    // extracting threads idled whenever a batch took longer to write than
    // the next took to extract.
    std::deque<std::future<std::vector<absl::StatusOr<std::optional<extract::NoteGraph>>>>> next;
    size_t extract_from = 0;
    auto extract_ahead = [&] {
      while (next.size() < kBatchesExtractedAhead && extract_from < pending_.size()) {
        const size_t to = std::min(extract_from + kBatch, pending_.size());
        next.push_back(std::async(std::launch::async, extract_batch, extract_from, to));
        extract_from = to;
      }
    };
    extract_ahead();
    for (size_t begin = 0; begin < pending_.size(); begin += kBatch) {
      size_t end = std::min(begin + kBatch, pending_.size());
      std::vector<absl::StatusOr<std::optional<extract::NoteGraph>>> graphs = next.front().get();
      next.pop_front();
      extract_ahead();
      // The batch's notes are stored as one group (one atomic write); a
      // path given twice starts a new group, as a group names each once.
      std::vector<store::NoteToStore> group;
      std::vector<size_t> grouped;  // Their indices in pending_.
      std::set<std::string_view> group_paths;
      auto store_group = [&]() -> absl::Status {
        if (group.empty()) return absl::OkStatus();
        RETURN_IF_ERROR(store_.PutNotes(group));
        for (size_t i : grouped) {
          ++report_.notes_stored;
          for (const note::Warning& w : (*graphs[i - begin])->warnings) {
            report_.warnings.push_back({pending_[i].path, w.line, w.reason});
          }
          if (progress) progress(++done, pending_.size());
        }
        group.clear();
        grouped.clear();
        group_paths.clear();
        return absl::OkStatus();
      };
      for (size_t i = begin; i < end; ++i) {
        const Pending& note = pending_[i];
        if (!graphs[i - begin].ok()) {
          report_.failed.push_back({note.path, note::LineOf(graphs[i - begin].status()),
                                    std::string(graphs[i - begin].status().message())});
          if (progress) progress(++done, pending_.size());
          continue;
        }
        NoteDate(note.date);
        const std::optional<extract::NoteGraph>& graph = *graphs[i - begin];
        if (!graph) {
          ++report_.notes_unchanged;
          if (progress) progress(++done, pending_.size());
          continue;
        }
        if (!group_paths.insert(note.path).second) {
          if (absl::Status put = store_group(); !put.ok()) return StopExtraction(next, put);
          group_paths.insert(note.path);
        }
        group.push_back({&*graph, fingerprints[i], {note.raw_hash, note.stat.size, note.stat.mtime_ns}});
        grouped.push_back(i);
      }
      if (absl::Status put = store_group(); !put.ok()) return StopExtraction(next, put);
    }
    RETURN_IF_ERROR(RecordLatestDate(latest_));
    if (options_.prune) RETURN_IF_ERROR(Prune());
    // A session that stored notes leaves no log for the next open to replay
    // (0.6 s after a 200k-note ingest); one that changed nothing costs nothing.
    if (report_.notes_stored > 0 || report_.notes_pruned > 0) RETURN_IF_ERROR(store_.Flush());
    std::sort(report_.failed.begin(), report_.failed.end(),
              [](const vault::FileProblem& a, const vault::FileProblem& b) { return a.path < b.path; });
    report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    return report_;
  }

 private:
  // Waits for the batches being extracted, so that no worker outlives the
  // session, and returns `error`.
  template <typename Futures>
  static absl::Status StopExtraction(Futures& next, absl::Status error) {
    for (auto& batch : next) batch.wait();
    return error;
  }

  struct Unparsed {
    std::string path;
    uint64_t raw_hash = 0;
    vault::FileStat stat;
    std::string content;
  };

  // The stamp stored for `path`, or null. Every stamp is read by one
  // sequential scan on first use: a sync takes most notes by their stamps,
  // and a point read each would cost more.
  const store::NoteStamp* StoredStamp(std::string_view path) {
    if (!stamps_) {
      stamps_.emplace();
      absl::Status scanned = reader_->ForEachNoteStamp([&](const store::NoteStamp& stamp) {
        auto [at, inserted] = stamps_->try_emplace(std::string(stamp.path), stamp);
        at->second.path = {};  // It pointed into the scan's buffer; the key has it.
        return true;
      });
      // Without stamps, notes are checked by their records and no unread
      // note is taken.
      if (!scanned.ok()) stamps_->clear();
    }
    auto found = stamps_->find(absl::string_view(path.data(), path.size()));
    return found == stamps_->end() ? nullptr : &found->second;
  }

  // The stored note's stamp if its fingerprint is `fingerprint`. A note
  // stored before stamps existed is checked by its record, and comes back
  // with an empty file stamp.
  std::optional<store::NoteStamp> StampIfUnchanged(std::string_view path, uint64_t fingerprint) {
    if (const store::NoteStamp* stamp = StoredStamp(path)) {
      if (stamp->content_hash != fingerprint) return std::nullopt;
      return *stamp;
    }
    std::optional<store::NoteInfo> stored = StoredIfUnchanged(path, fingerprint);
    if (!stored) return std::nullopt;
    return store::NoteStamp{{}, stored->date, stored->content_hash, {}};
  }

  // The owner and curations this run's fingerprints use, read once.
  void Settle() {
    if (!settled_owner_.has_value()) settled_owner_ = KnownOwner(*reader_, options_);
    if (!curation_digest_) curation_digest_ = StoredCurationDigest(*reader_);
  }

  // Starts parsing the notes waiting, on every core, while Add goes on
  // receiving. Two batches may be parsing at once: with one, the cores
  // idled between a batch's end and the next one's start (the next had
  // to be received whole first). Batches are filed in arrival order.
  void ParseWaiting() {
    while (parsing_.size() >= kBatchesParsedAtOnce) FileParsed();
    if (unparsed_.empty()) return;
    parsing_.push_back(std::async(std::launch::async, [this, batch = std::move(unparsed_)]() mutable {
      return ParseBatch(std::move(batch));
    }));
    unparsed_.clear();
  }

  // A batch parsed: each note pending, or its located failure, and whom
  // its notes name as participants.
  struct ParsedBatch {
    std::vector<std::pair<Pending, absl::Status>> notes;
    ParticipantCounts participants;
  };

  ParsedBatch ParseBatch(std::vector<Unparsed> batch) const {
    ParsedBatch parsed;
    parsed.notes.resize(batch.size());
    std::vector<std::vector<std::string>> participants(batch.size());
    ParallelFor(0, batch.size(), [&](size_t i) {
      Unparsed& note = batch[i];
      absl::StatusOr<note::ParsedNote> parse = note::ParseNote(note.path, note.content, parse_);
      if (!parse.ok()) {
        parsed.notes[i] = {Pending{std::move(note.path)}, parse.status()};
        return;
      }
      participants[i] = extract::ParticipantNames(*parse);
      extract::LearnedNames learned = extract::LearnNames(*parse, participants[i]);
      parsed.notes[i].first = {std::move(note.path), note.raw_hash, note.stat, std::move(note.content), parse->date,
                               std::move(learned)};
    });
    // In note order, so that the spelling kept is the first one seen.
    for (const std::vector<std::string>& names : participants) {
      for (const std::string& name : names) CountInto(parsed.participants, util::FoldName(name), 1, name);
    }
    return parsed;
  }

  // Files the oldest batch being parsed, if any: parsed notes as pending,
  // the others as located failures. While the notes come in path order,
  // their names are replayed into the gazetteer here, as they are filed;
  // KnownNames would replay them in that order at the end, alone on one
  // core (0.3 s at 200k notes).
  void FileParsed() {
    if (parsing_.empty()) return;
    ParsedBatch batch = parsing_.front().get();
    parsing_.pop_front();
    for (auto& [pending, failure] : batch.notes) {
      if (!failure.ok()) {
        report_.failed.push_back({pending.path, note::LineOf(failure), std::string(failure.message())});
        continue;
      }
      if (arrived_in_path_order_) pending.learned.ApplyTo(names_in_path_order_);
      pending_.push_back(std::move(pending));
    }
    for (const auto& [folded, entry] : batch.participants) CountInto(participants_, folded, entry.first, entry.second);
  }

  std::string MostFrequentParticipant() const {
    const std::string* best = nullptr;
    const std::string* best_folded = nullptr;
    int best_count = 0;
    for (const auto& [folded, entry] : participants_) {
      if (folded == "myself" || folded == "me") continue;
      // The earliest folded name breaks ties, whatever the hash order.
      if (entry.first > best_count || (entry.first == best_count && folded < *best_folded)) {
        best_count = entry.first;
        best = &entry.second;
        best_folded = &folded;
      }
    }
    return best == nullptr ? std::string() : *best;
  }

  // The names sentences are read against: those every note of the vault
  // makes known, this run's notes from their new text and the others from
  // what was stored with them, replayed in path order. The result does not
  // depend on which notes changed or on what an interrupted run stored, so
  // an incremental or resumed ingest reads like a clean one.
  absl::StatusOr<extract::Gazetteer> KnownNames(const std::string& owner) const {
    // A path given twice counts with its last text; stored names count for
    // the paths this run did not read.
    std::vector<std::pair<std::string_view, const extract::LearnedNames*>> by_path;
    by_path.reserve(pending_.size());
    absl::flat_hash_set<std::string_view> read;
    read.reserve(pending_.size());
    for (const Pending& note : pending_) {
      by_path.emplace_back(note.path, &note.learned);
      read.insert(note.path);
    }
    std::vector<std::pair<std::string, extract::LearnedNames>> stored;
    RETURN_IF_ERROR(reader_->ForEachNoteNames([&](const std::string& path, const extract::LearnedNames& learned) {
      if (!read.contains(path)) stored.emplace_back(path, learned);
      return true;
    }));
    for (const auto& [path, learned] : stored) by_path.emplace_back(path, &learned);
    // Notes usually arrive in path order already; stable, so that of a
    // path given twice the last stays last.
    auto by_path_only = [](const auto& a, const auto& b) { return a.first < b.first; };
    if (!std::is_sorted(by_path.begin(), by_path.end(), by_path_only)) {
      std::stable_sort(by_path.begin(), by_path.end(), by_path_only);
    }
    extract::Gazetteer gazetteer;
    for (size_t i = 0; i < by_path.size(); ++i) {
      if (i + 1 < by_path.size() && by_path[i + 1].first == by_path[i].first) continue;
      by_path[i].second->ApplyTo(gazetteer);
    }
    RETURN_IF_ERROR(CompleteNames(owner, gazetteer));
    return gazetteer;
  }

  // What follows the notes' names: the owner, then the curations.
  absl::Status CompleteNames(const std::string& owner, extract::Gazetteer& gazetteer) const {
    if (!owner.empty()) gazetteer.AddPerson(owner);
    ASSIGN_OR_RETURN(std::vector<Curation> curations, ListCurations(*reader_));
    ApplyCurations(curations, gazetteer);
    gazetteer.Finish();
    return absl::OkStatus();
  }

  // Retracts the stored notes this run did not see, one atomic delete
  // each, so that an interrupted prune leaves every note whole or gone.
  absl::Status Prune() {
    std::vector<std::string> vanished;
    RETURN_IF_ERROR(reader_->ForEachNote([&](const store::NoteInfo& note) {
      if (!seen_.count(note.path)) vanished.push_back(note.path);
      return true;
    }));
    for (const std::string& path : vanished) {
      RETURN_IF_ERROR(store_.DeleteNote(path));
      ++report_.notes_pruned;
    }
    return absl::OkStatus();
  }

  // The stored note at `path` if it has this fingerprint, else nullopt.
  std::optional<store::NoteInfo> StoredIfUnchanged(std::string_view path, uint64_t fingerprint) const {
    absl::StatusOr<std::optional<store::NoteInfo>> stored = reader_->Note(store::NoteId(path));
    if (!stored.ok() || !stored->has_value() || (*stored)->content_hash != fingerprint) return std::nullopt;
    return **stored;
  }

  // Every note of the run, stored now or before, counts for the newest
  // date: a run that stops early must not leave it behind.
  void NoteDate(const std::optional<int32_t>& date) {
    if (date && (!latest_ || *date > *latest_)) latest_ = date;
  }

  absl::Status RecordLatestDate(std::optional<int32_t> latest) {
    if (!latest) return absl::OkStatus();
    ASSIGN_OR_RETURN(std::optional<std::string> stored, reader_->Meta(store::kLatestNoteDateMeta));
    int32_t stored_days = 0;
    if (stored && absl::SimpleAtoi(*stored, &stored_days) && stored_days >= *latest) {
      return absl::OkStatus();
    }
    return store_.PutMeta(store::kLatestNoteDateMeta, absl::StrCat(*latest));
  }

  store::Store& store_;
  note::ParseOptions parse_;
  IngestOptions options_;
  std::unique_ptr<store::StoreReader> reader_;
  std::chrono::steady_clock::time_point start_;
  std::optional<std::string> settled_owner_;
  std::optional<std::string> curation_digest_;
  std::vector<Unparsed> unparsed_;  // Received, to be parsed in the next batch.
  std::optional<absl::flat_hash_map<std::string, store::NoteStamp>> stamps_;  // By path; see StoredStamp.
  std::vector<Pending> pending_;
  ParticipantCounts participants_;  // Over pending_.
  // Whether every note given to Add came after the one before in path order
  // (the last of them in last_added_path_), and if so the names of those
  // filed so far, replayed in that order (see FileParsed).
  bool arrived_in_path_order_ = true;
  std::optional<std::string> last_added_path_;
  extract::Gazetteer names_in_path_order_;
  std::optional<int32_t> latest_;
  absl::flat_hash_set<std::string> seen_;  // Every path Add or AddProblem was given.
  IngestReport report_;
  // The batches being parsed, oldest first; see ParseWaiting. Last, so
  // that destruction waits for them before the members they read go.
  std::deque<std::future<ParsedBatch>> parsing_;
};

}  // namespace

std::unique_ptr<IngestSession> NewIngestSession(store::Store& store, const note::ParseOptions& parse,
                                                const IngestOptions& options) {
  return std::make_unique<Session>(store, parse, options);
}

absl::StatusOr<std::vector<SkippableFile>> ListSkippableFiles(const store::StoreReader& reader,
                                                              const IngestOptions& options) {
  std::vector<SkippableFile> files;
  const std::string owner = KnownOwner(reader, options);
  if (owner.empty()) return files;
  const std::string curation = StoredCurationDigest(reader);
  RETURN_IF_ERROR(reader.ForEachNoteStamp([&](const store::NoteStamp& note) {
    vault::FileStat stat{note.file.size, note.file.mtime_ns};
    if (UnreadIsUnchanged(note, stat, owner, curation)) files.push_back({std::string(note.path), stat});
    return true;
  }));
  return files;
}

}  // namespace kith
