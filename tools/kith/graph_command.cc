// kith graph NAME: a person's neighbourhood as DOT, or drawn by Graphviz
// (svg, png). Edge width is the tie's strength, colour its strongest
// stated relation; people are clustered by their current organisation.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "tools/kith/commands.h"
#include "tools/kith/render_export.h"

extern char** environ;

namespace kith::cli {
namespace {

const char* RelationColour(const std::string& relation) {
  if (relation == "reporting line") return "#1f77b4";
  if (relation == "worked together") return "#2ca02c";
  if (relation == "family") return "#9467bd";
  if (relation == "know each other") return "#ff7f0e";
  if (relation == "introduced") return "#8c564b";
  return "#999999";  // Shared meetings only.
}

std::string Dot(const v1::NeighbourhoodResponse& hood) {
  std::string out = absl::StrCat("graph ", DotQuoted("neighbourhood of " + hood.center()), " {\n",
                                 "  graph [layout=dot, rankdir=LR, fontname=\"Helvetica\", label=",
                                 DotQuoted("Who " + hood.center() + " knows"), "];\n",
                                 "  node [fontname=\"Helvetica\", shape=ellipse];\n");
  std::map<std::string, std::vector<const v1::NeighbourPerson*>> by_org;
  for (const v1::NeighbourPerson& p : hood.people()) by_org[p.organization()].push_back(&p);
  int cluster = 0;
  for (const auto& [org, people] : by_org) {
    std::string indent = "  ";
    if (!org.empty()) {
      absl::StrAppend(&out, "  subgraph cluster_", cluster++, " {\n    label=", DotQuoted(org),
                      "; style=rounded; color=\"#cccccc\";\n");
      indent = "    ";
    }
    for (const v1::NeighbourPerson* p : people) {
      absl::StrAppend(&out, indent, DotQuoted(p->name()),
                      p->distance() == 0 ? " [penwidth=3, style=filled, fillcolor=\"#fff2cc\"]" : "", ";\n");
    }
    if (!org.empty()) out += "  }\n";
  }
  for (const v1::NeighbourTie& t : hood.ties()) {
    absl::StrAppend(&out, "  ", DotQuoted(t.a()), " -- ", DotQuoted(t.b()), " [penwidth=",
                    std::round((0.5 + 4.5 * t.strength()) * 10) / 10, ", color=\"", RelationColour(t.relation()),
                    "\", tooltip=",
                    DotQuoted(absl::StrCat("strength ", std::round(t.strength() * 1000) / 1000, ", ", t.meetings(),
                                        t.meetings() == 1 ? " meeting" : " meetings",
                                        t.relation().empty() ? "" : ", " + t.relation())),
                    "];\n");
  }
  return out + "}\n";
}

std::string Json(const v1::NeighbourhoodResponse& hood) {
  nlohmann::ordered_json people = nlohmann::ordered_json::array(), ties = nlohmann::ordered_json::array();
  for (const v1::NeighbourPerson& p : hood.people()) {
    people.push_back({{"name", p.name()}, {"distance", p.distance()}, {"organization", p.organization()}});
  }
  for (const v1::NeighbourTie& t : hood.ties()) {
    ties.push_back({{"a", t.a()}, {"b", t.b()}, {"strength", std::round(t.strength() * 1000) / 1000},
                    {"meetings", t.meetings()}, {"relation", t.relation()}});
  }
  return nlohmann::ordered_json{{"center", hood.center()}, {"people", people}, {"ties", ties}}.dump(2) + "\n";
}

// Runs Graphviz's dot on `dot_file`, writing `format` to `output`. No shell
// is involved, so paths need no quoting.
absl::Status RenderWithGraphviz(const std::string& dot_file, const std::string& format, const std::string& output) {
  std::vector<std::string> args = {"dot", "-T" + format, "-o", output, dot_file};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ) != 0) {
    return absl::FailedPreconditionError("Graphviz's dot is not installed (Debian package graphviz)");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return absl::InternalError("Graphviz's dot failed");
  return absl::OkStatus();
}

}  // namespace

int RunGraph(Client& client, const GlobalFlags& global, const GraphFlags& flags) {
  v1::NeighbourhoodRequest request;
  request.set_name(flags.name);
  request.set_depth(flags.depth);
  request.set_limit(flags.limit);
  if (global.strength) *request.mutable_strength() = *global.strength;
  absl::StatusOr<v1::NeighbourhoodResponse> hood = client.Neighbourhood(request);
  if (!hood.ok()) return Fail(hood.status());
  std::string format = global.json ? "json" : flags.format;
  if (format == "dot" || format == "json") {
    return WriteOutput(format == "dot" ? Dot(*hood) : Json(*hood), flags.output);
  }
  // svg or png: Graphviz draws from a temporary DOT file.
  std::filesystem::path temp = std::filesystem::temp_directory_path() / ("kith-graph-" + std::to_string(getpid()));
  std::filesystem::create_directories(temp);
  std::string dot_file = (temp / "graph.dot").string();
  std::ofstream(dot_file) << Dot(*hood);
  std::string output = flags.output.empty() ? (temp / ("graph." + format)).string() : flags.output;
  absl::Status drawn = RenderWithGraphviz(dot_file, format, output);
  if (drawn.ok() && flags.output.empty()) {
    std::ifstream in(output, std::ios::binary);
    std::cout << in.rdbuf();
  }
  std::filesystem::remove_all(temp);
  if (!drawn.ok()) return Fail(drawn);
  return kExitOk;
}

}  // namespace kith::cli
