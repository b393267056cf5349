// The org chart page's assets, linked into the binary at build time so that
// `kith org-chart --format html` writes a page that needs no network and no
// files beside the binary.
#ifndef KITH_TOOLS_KITH_VIZ_ASSETS_H_
#define KITH_TOOLS_KITH_VIZ_ASSETS_H_

#include <string_view>

namespace kith::cli::viz {

// The libraries, as the npm registry ships them (UMD builds that attach to
// a global `d3`), pinned by tools/kith/viz/package-lock.json.
std::string_view D3();
std::string_view D3Flextree();
std::string_view D3OrgChart();

// The page's own template and script (tools/kith/viz/).
std::string_view PageTemplate();
std::string_view PageScript();

}  // namespace kith::cli::viz

#endif  // KITH_TOOLS_KITH_VIZ_ASSETS_H_
