// Where the store lives when the user does not say.
#ifndef KITH_ENGINE_UTIL_DB_PATH_H_
#define KITH_ENGINE_UTIL_DB_PATH_H_

#include <string>

namespace kith::util {

// `flag` if non-empty, else $KITH_DB, else $XDG_DATA_HOME/kith, else
// $HOME/.local/share/kith, else ./kith-db.
std::string ResolveDbPath(const std::string& flag);

}  // namespace kith::util

#endif  // KITH_ENGINE_UTIL_DB_PATH_H_
