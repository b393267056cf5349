// Running the real binaries from end-to-end tests.
#ifndef KITH_TESTS_TESTING_SUBPROCESS_H_
#define KITH_TESTS_TESTING_SUBPROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace kith::testing {

struct RunResult {
  int exit_code = -1;  // -1 if the process did not exit normally.
  std::string out;
  std::string err;
};

// Runs argv[0] with the arguments and waits for it.
RunResult RunProcess(const std::vector<std::string>& argv);

// The arguments joined by spaces, for failure messages.
std::string JoinArgs(const std::vector<std::string>& argv);

// A process left running; the destructor kills it (SIGKILL) if still alive.
class Background {
 public:
  explicit Background(const std::vector<std::string>& argv);
  ~Background();
  // Reads one line of its stdout (blocking); "" at end of file.
  std::string ReadLine();
  // Sends `signal` and waits; returns the exit code (-1 if killed).
  int Stop(int signal);

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
};

}  // namespace kith::testing

#endif  // KITH_TESTS_TESTING_SUBPROCESS_H_
