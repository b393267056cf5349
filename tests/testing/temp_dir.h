// A fresh directory under $TMPDIR, removed with everything in it when the
// object goes out of scope.
#ifndef KITH_TESTS_TESTING_TEMP_DIR_H_
#define KITH_TESTS_TESTING_TEMP_DIR_H_

#include <string>

namespace kith::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `content` to path()/relative, creating folders on the way.
  std::string Write(const std::string& relative, const std::string& content) const;

 private:
  std::string path_;
};

}  // namespace kith::testing

#endif  // KITH_TESTS_TESTING_TEMP_DIR_H_
