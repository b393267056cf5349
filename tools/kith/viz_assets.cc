// `.incbin` copies each file's bytes into .rodata verbatim: nothing is
// escaped, re-encoded or read at run time. The paths come from CMake
// (KITH_VIZ_* definitions), which installs the npm packages first.
#include "tools/kith/viz_assets.h"

#define KITH_EMBED(symbol, path)                                                        \
  asm(".section .rodata\n.balign 16\n.global " #symbol "_begin\n" #symbol "_begin:\n" \
      ".incbin \"" path "\"\n.global " #symbol "_end\n" #symbol "_end:\n.byte 0\n.previous\n");   \
  extern "C" const char symbol##_begin[];                                               \
  extern "C" const char symbol##_end[];

KITH_EMBED(kith_viz_d3, KITH_VIZ_D3)
KITH_EMBED(kith_viz_d3_flextree, KITH_VIZ_D3_FLEXTREE)
KITH_EMBED(kith_viz_d3_org_chart, KITH_VIZ_D3_ORG_CHART)
KITH_EMBED(kith_viz_page_template, KITH_VIZ_PAGE_TEMPLATE)
KITH_EMBED(kith_viz_page_script, KITH_VIZ_PAGE_SCRIPT)

namespace kith::cli::viz {

std::string_view D3() { return {kith_viz_d3_begin, size_t(kith_viz_d3_end - kith_viz_d3_begin)}; }
std::string_view D3Flextree() {
  return {kith_viz_d3_flextree_begin, size_t(kith_viz_d3_flextree_end - kith_viz_d3_flextree_begin)};
}
std::string_view D3OrgChart() {
  return {kith_viz_d3_org_chart_begin, size_t(kith_viz_d3_org_chart_end - kith_viz_d3_org_chart_begin)};
}
std::string_view PageTemplate() {
  return {kith_viz_page_template_begin, size_t(kith_viz_page_template_end - kith_viz_page_template_begin)};
}
std::string_view PageScript() {
  return {kith_viz_page_script_begin, size_t(kith_viz_page_script_end - kith_viz_page_script_begin)};
}

}  // namespace kith::cli::viz
