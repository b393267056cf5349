#include "engine/util/db_path.h"

#include <cstdlib>

namespace kith::util {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

std::string ResolveDbPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (std::string db = Env("KITH_DB"); !db.empty()) return db;
  if (std::string xdg = Env("XDG_DATA_HOME"); !xdg.empty()) return xdg + "/kith";
  if (std::string home = Env("HOME"); !home.empty()) return home + "/.local/share/kith";
  return "kith-db";
}

}  // namespace kith::util
