// Turning API responses into what the user reads: text for people, JSON
// (--json) for scripts. Pure functions of the response, so embedded and
// --server runs print the same bytes.
#ifndef KITH_TOOLS_KITH_RENDER_H_
#define KITH_TOOLS_KITH_RENDER_H_

#include <string>

#include "kith/v1/kith.pb.h"

namespace kith::cli {

// Evidence lines shown per person in text output; JSON always has all.
inline constexpr int kTextEvidencePerPerson = 3;

std::string RenderWhoKnows(const v1::WhoKnowsResponse& response, bool json);
// JSON Lines (one object per fact) with --json; one line per fact otherwise.
std::string RenderFacts(const std::vector<v1::Fact>& facts, bool json);
// `format`: text (default), json (d3-org-chart's flat id/parentId nodes),
// dot or mermaid.
std::string RenderOrgChart(const v1::OrgChartResponse& chart, const std::string& format);
std::string RenderIntroductions(const v1::IntroductionsResponse& response, bool json);
std::string RenderHowMet(const v1::HowMetResponse& response, bool json);
std::string RenderTasks(const v1::TasksResponse& response, bool json);
std::string RenderSharedHistory(const v1::SharedHistoryResponse& response, bool json);
std::string RenderIntroPath(const v1::IntroPathResponse& response, int max_hops, bool json);
std::string RenderProfile(const v1::ProfileResponse& response, bool json);
std::string RenderStats(const v1::StatsResponse& response, bool json);
std::string RenderSearch(const v1::SearchResponse& response, bool json);
std::string RenderConnectors(const v1::ConnectorsResponse& response, bool json);
std::string RenderTimeline(const v1::TimelineResponse& response, bool json);
std::string RenderCheck(const v1::CheckResponse& response, bool json);
std::string RenderIngest(const v1::IngestResponse& response, bool json, bool verbose);

}  // namespace kith::cli

#endif  // KITH_TOOLS_KITH_RENDER_H_
