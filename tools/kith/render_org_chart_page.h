// kith org-chart --format html: one self-contained page (d3-org-chart and
// its dependencies inlined, the data embedded) that opens from disk.
#ifndef KITH_TOOLS_KITH_RENDER_ORG_CHART_PAGE_H_
#define KITH_TOOLS_KITH_RENDER_ORG_CHART_PAGE_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "kith/v1/kith.pb.h"

namespace kith::cli {

// Above this many people the page opens collapsed below the second level.
inline constexpr int kLargeChartPeople = 200;

// `profiles` holds each charted person's profile, or why it could not be
// had (shown in the side panel rather than dropped).
std::string RenderOrgChartPage(const v1::OrgChartResponse& chart,
                               const std::map<std::string, absl::StatusOr<v1::ProfileResponse>>& profiles,
                               const std::string& title);

}  // namespace kith::cli

#endif  // KITH_TOOLS_KITH_RENDER_ORG_CHART_PAGE_H_
