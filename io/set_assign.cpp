// set_assign.cpp: --set PATH=VALUE (and lesson `set` entries): one parameter of the
// world, of every regime, or of regimes[N], checked against params.def.
#include "io/scenario_io.hpp"

namespace tl {
namespace {

[[noreturn]] void setFail(const std::string& path, const std::string& value, const std::string& msg) {
  throw ScenarioError({InputError{"--set " + path + "=" + value, 0, 0, "", msg}});
}

}  // namespace

void applySet(Scenario& s, const std::string& assignment) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos)
    throw ScenarioError(
        {InputError{"--set " + assignment, 0, 0, "", "expected path=value, e.g. appeal.cost=0.1"}});
  applySet(s, assignment.substr(0, eq), assignment.substr(eq + 1));
}

void applySet(Scenario& s, const std::string& path, const std::string& value) {
  std::string p = path;
  int regime = -1;
  const std::string prefix = "regimes[";
  if (p.compare(0, prefix.size(), prefix) == 0) {
    auto close = p.find(']');
    std::string idx = close == std::string::npos ? "" : p.substr(prefix.size(), close - prefix.size());
    if (idx.empty() || idx.find_first_not_of("0123456789") != std::string::npos || close + 1 >= p.size() ||
        p[close + 1] != '.')
      setFail(path, value, "expected regimes[N].stage.parameter with N counted from 0");
    regime = std::stoi(idx.substr(0, 6));
    if (regime >= static_cast<int>(s.regimes.size()))
      setFail(path, value,
              "there are only " + std::to_string(s.regimes.size()) + " regimes (regimes[0] to regimes[" +
                  std::to_string(static_cast<int>(s.regimes.size()) - 1) + "])");
    p = p.substr(close + 2);
  }
  const ParamDecl* world = findParam(Scope::World, p);
  const ParamDecl* reg = findParam(Scope::Regime, p);
  if (world && regime >= 0)
    setFail(path, value,
            "'" + p + "' is a world parameter shared by all regimes: write it without regimes[N]");
  if (!world && !reg) {
    std::vector<std::string> all;
    for (const auto& d : paramTable()) all.push_back(d.path);
    std::string near = closestMatch(p, all);
    setFail(path, value,
            "unknown parameter '" + p + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
                " (trustlab-cli params lists them all)");
  }
  const ParamDecl& d = world ? *world : *reg;
  std::string err;
  auto v = parseValue(d, value, &err);
  if (!v) setFail(path, value, err);
  if (world) {
    s.world[d.id] = *v;
  } else if (regime >= 0) {
    s.regimes[static_cast<size_t>(regime)].values[d.id] = *v;
  } else {
    if (s.regimes.empty()) setFail(path, value, "the scenario has no regimes");
    for (auto& r : s.regimes) r.values[d.id] = *v;
  }
}

}  // namespace tl
