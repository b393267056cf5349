#include "tests/testing/subprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace kith::testing {
namespace {

pid_t Spawn(const std::vector<std::string>& argv, int out_fd, int err_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  return pid;
}

int WaitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Slurp(std::FILE* file) {
  std::string data;
  std::rewind(file);
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) data.append(buf, n);
  return data;
}

}  // namespace

RunResult RunProcess(const std::vector<std::string>& argv) {
  // Files, not pipes: a chatty child can never block on a full pipe.
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  RunResult result;
  result.exit_code = WaitFor(Spawn(argv, fileno(out), fileno(err)));
  result.out = Slurp(out);
  result.err = Slurp(err);
  std::fclose(out);
  std::fclose(err);
  return result;
}

Background::Background(const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  int err = open("/dev/null", O_WRONLY);
  pid_ = Spawn(argv, fds[1], err);
  close(fds[1]);
  close(err);
  out_fd_ = fds[0];
}

Background::~Background() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    WaitFor(pid_);
  }
  if (out_fd_ >= 0) close(out_fd_);
}

std::string Background::ReadLine() {
  std::string line;
  char c;
  while (read(out_fd_, &c, 1) == 1) {
    if (c == '\n') return line;
    line += c;
  }
  return line;
}

int Background::Stop(int signal) {
  kill(pid_, signal);
  int code = WaitFor(pid_);
  pid_ = -1;
  return code;
}

std::string JoinArgs(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& arg : argv) out += (out.empty() ? "" : " ") + arg;
  return out;
}

}  // namespace kith::testing
