#include "engine/vault/vault.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"

namespace kith::vault {
namespace fs = std::filesystem;
namespace {

bool IsNoteFile(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".md" || ext == ".txt";
}

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

void WalkDirectory(const fs::path& root, const WalkOptions& options, WalkResult& result) {
  std::error_code ec;
  auto dir_options = options.follow_symlinks ? fs::directory_options::follow_directory_symlink
                                             : fs::directory_options::none;
  fs::recursive_directory_iterator it(root, dir_options | fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    result.problems.push_back({root.string(), 0, absl::StrCat("cannot list folder: ", ec.message())});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      result.problems.push_back({it->path().string(), 0, absl::StrCat("cannot read: ", ec.message())});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    if (IsHidden(entry.path())) {
      ++result.ignored;
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    std::string relative = entry.path().lexically_relative(root).generic_string();
    if (entry.is_symlink(ec) && !options.follow_symlinks) {
      if (IsNoteFile(entry.path()) || entry.is_directory(ec)) {
        result.problems.push_back(
            {relative, 0, "symbolic link not followed (pass --follow-symlinks to follow)"});
      } else {
        ++result.ignored;
      }
      continue;
    }
    if (entry.is_directory(ec)) continue;
    if (!entry.is_regular_file(ec) || !IsNoteFile(entry.path())) {
      ++result.ignored;
      continue;
    }
    result.files.push_back({entry.path().string(), relative});
  }
}

}  // namespace

WalkResult WalkVault(const std::vector<std::string>& roots, const WalkOptions& options) {
  WalkResult result;
  for (const std::string& root_text : roots) {
    fs::path root(root_text);
    std::error_code ec;
    fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      result.problems.push_back({root_text, 0, "no such file or folder"});
    } else if (fs::is_directory(status)) {
      WalkDirectory(root, options, result);
    } else if (IsNoteFile(root)) {
      result.files.push_back({root.string(), root.filename().generic_string()});
    } else {
      result.problems.push_back({root_text, 0, "not a .md or .txt note"});
    }
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const NoteFile& a, const NoteFile& b) { return a.relative < b.relative; });
  return result;
}

std::optional<FileStat> StatBeforeRead(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  timespec now;
  ::clock_gettime(CLOCK_REALTIME, &now);
  constexpr int64_t kSettledNs = 2'000'000'000;
  int64_t mtime_ns = int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
  int64_t now_ns = int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
  return FileStat{static_cast<uint64_t>(st.st_size), now_ns - mtime_ns >= kSettledNs ? mtime_ns : 0};
}

absl::StatusOr<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  // One path lookup (open), then the descriptor: a vault of 200k notes is
  // read in as many system calls as it has to be.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::NotFoundError(absl::StrCat("cannot read: ", std::strerror(errno)));
  struct stat st;
  int error = ::fstat(fd, &st) != 0 ? errno : S_ISREG(st.st_mode) ? 0 : EISDIR;
  if (error != 0) {
    ::close(fd);
    return absl::NotFoundError(absl::StrCat("cannot read: ", std::strerror(error)));
  }
  const auto size = static_cast<uintmax_t>(st.st_size);
  if (size > max_bytes) {
    ::close(fd);
    return absl::InvalidArgumentError(absl::StrCat("note is ", size, " bytes, over the limit of ", max_bytes));
  }
  std::string content(static_cast<size_t>(size), '\0');
  size_t got = 0;
  while (got < content.size()) {
    ssize_t n = ::read(fd, content.data() + got, content.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  if (got != size) return absl::DataLossError("file changed size while being read");
  return content;
}

}  // namespace kith::vault
