// Where commands' results go: standard output, a file, or an error on
// standard error.
#include <fstream>
#include <iostream>

#include "tools/kith/commands.h"

namespace kith::cli {

int Fail(const absl::Status& status) {
  std::cerr << "kith: " << status.message() << "\n";
  return kExitError;
}

int WriteOutput(const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::cout << text;
    return kExitOk;
  }
  std::ofstream out(path, std::ios::binary);
  if (!(out << text) || !out.flush()) return Fail(absl::UnavailableError("cannot write " + path));
  return kExitOk;
}

}  // namespace kith::cli
