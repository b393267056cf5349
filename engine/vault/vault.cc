#include "engine/vault/vault.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kith::vault {
namespace fs = std::filesystem;
namespace {

bool IsNoteFile(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view ext = name.substr(dot + 1);
  auto is = [&](std::string_view want) {
    return ext.size() == want.size() &&
           std::equal(ext.begin(), ext.end(), want.begin(), [](char a, char b) { return (a | 0x20) == b; });
  };
  return is("md") || is("txt");
}

// One directory walk. Plain readdir rather than std::filesystem: the entry
// types come with the names (no stat per file), and paths are built by
// appending, not parsed and compared; listing a 200k-note vault took
// 0.5 s the other way, alone on one core before any reading started.
class Walker {
 public:
  Walker(const WalkOptions& options, WalkResult& result) : options_(options), result_(result) {}

  // Walks the folder at `absolute`, naming what it finds from `relative`
  // ("" for the root itself).
  void Walk(const std::string& absolute, const std::string& relative) {
    const std::string& shown = relative.empty() ? absolute : relative;  // In problems.
    DIR* dir = ::opendir(absolute.c_str());
    if (dir == nullptr) {
      result_.problems.push_back({shown, 0, absl::StrCat("cannot list folder: ", std::strerror(errno))});
      return;
    }
    if (options_.follow_symlinks && !FirstVisit(::dirfd(dir), shown)) {
      ::closedir(dir);
      return;
    }
    // Folders are walked after this one is closed, so that a deep vault
    // holds one open descriptor at a time.
    std::vector<std::pair<std::string, std::string>> folders;
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
      const std::string_view name(entry->d_name);
      if (name == "." || name == "..") continue;
      if (name.front() == '.') {  // Hidden, and a hidden folder's contents with it.
        ++result_.ignored;
        continue;
      }
      std::string child = Join(absolute, name);
      std::string child_relative = Join(relative, name);
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) type = TypeOf(child, /*follow=*/false);
      if (type == DT_LNK) {
        if (!options_.follow_symlinks) {
          if (IsNoteFile(name) || TypeOf(child, /*follow=*/true) == DT_DIR) {
            result_.problems.push_back(
                {std::move(child_relative), 0, "symbolic link not followed (pass --follow-symlinks to follow)"});
          } else {
            ++result_.ignored;
          }
          continue;
        }
        type = TypeOf(child, /*follow=*/true);
      }
      if (type == DT_DIR) {
        folders.emplace_back(std::move(child), std::move(child_relative));
      } else if (type == DT_REG && IsNoteFile(name)) {
        result_.files.push_back({std::move(child), std::move(child_relative)});
      } else {
        ++result_.ignored;
      }
      errno = 0;
    }
    if (errno != 0) result_.problems.push_back({shown, 0, absl::StrCat("cannot read folder: ", std::strerror(errno))});
    ::closedir(dir);
    for (const auto& [folder, folder_relative] : folders) Walk(folder, folder_relative);
  }

 private:
  static std::string Join(const std::string& folder, std::string_view name) {
    std::string path;
    path.reserve(folder.size() + 1 + name.size());
    path += folder;
    if (!folder.empty() && folder.back() != '/') path += '/';
    path += name;
    return path;
  }

  // The entry type of `path` (DT_*), from lstat or stat; DT_UNKNOWN when
  // it cannot be stat'ed (a dangling link), which then counts as ignored.
  static unsigned char TypeOf(const std::string& path, bool follow) {
    struct stat st;
    if ((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0) return DT_UNKNOWN;
    if (S_ISDIR(st.st_mode)) return DT_DIR;
    if (S_ISREG(st.st_mode)) return DT_REG;
    if (S_ISLNK(st.st_mode)) return DT_LNK;
    return DT_UNKNOWN;
  }

  // Following links, a folder reached twice (a link to an ancestor) is
  // walked once, and the second way is reported.
  bool FirstVisit(int fd, const std::string& shown) {
    struct stat st;
    if (::fstat(fd, &st) != 0) return true;
    if (visited_.insert({st.st_dev, st.st_ino}).second) return true;
    result_.problems.push_back({shown, 0, "folder reached twice through links; walked once"});
    return false;
  }

  const WalkOptions& options_;
  WalkResult& result_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

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
      Walker(options, result).Walk(root_text, "");
    } else if (IsNoteFile(root.filename().string())) {
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
