// set_assign.cpp: --set PATH=VALUE (and lesson `set` entries): one parameter of the
// world, of every regime, or of regimes[N], checked against params.def. Strict: the
// index is a plain decimal (regimes[01] is refused, not read as regime 1 or 0) and a
// number is written as JSON writes it, within what a double holds.
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "io/scenario_io.hpp"

namespace tl {
namespace {

[[noreturn]] void setFail(const std::string& path, const std::string& value, const std::string& msg) {
  throw ScenarioError({InputError{"--set " + path + "=" + value, 0, 0, "", msg}});
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? (no hex, no
// spaces, no leading '+' or '.', no inf or nan).
bool jsonNumberText(const std::string& t) {
  size_t i = 0, n = t.size();
  auto digits = [&] {
    size_t start = i;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i;
    return i > start;
  };
  if (i < n && t[i] == '-') ++i;
  if (i < n && t[i] == '0')
    ++i;
  else if (!digits())
    return false;
  if (i < n && t[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == n;
}

// Where an assignment goes and the value it puts there.
struct SetTarget {
  const ParamDecl* decl = nullptr;
  int regime = -1;  // -1: the world parameter, or every regime
  double value = 0;
};

SetTarget resolveSet(const Scenario& s, const std::string& path, const std::string& value) {
  SetTarget t;
  std::string p = path;
  const std::string prefix = "regimes[";
  if (p.compare(0, prefix.size(), prefix) == 0) {
    auto close = p.find(']');
    std::string idx = close == std::string::npos ? "" : p.substr(prefix.size(), close - prefix.size());
    bool plain = !idx.empty() && idx.size() <= 6 &&
                 idx.find_first_not_of("0123456789") == std::string::npos && (idx == "0" || idx[0] != '0');
    if (!plain || close + 1 >= p.size() || p[close + 1] != '.')
      setFail(path, value,
              "expected regimes[N].stage.parameter with N a plain whole number counted from 0 (no leading "
              "zeros)");
    t.regime = std::stoi(idx);
    if (t.regime >= static_cast<int>(s.regimes.size()))
      setFail(path, value,
              "there are only " + std::to_string(s.regimes.size()) + " regimes (regimes[0] to regimes[" +
                  std::to_string(static_cast<int>(s.regimes.size()) - 1) + "])");
    p = p.substr(close + 2);
  }
  const ParamDecl* world = findParam(Scope::World, p);
  const ParamDecl* reg = findParam(Scope::Regime, p);
  if (world && t.regime >= 0)
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
  t.decl = world ? world : reg;
  if (!world && t.regime < 0 && s.regimes.empty()) setFail(path, value, "the scenario has no regimes");
  if (t.decl->type == ParamType::Real || t.decl->type == ParamType::Int) {
    if (!jsonNumberText(value))
      setFail(path, value, "expected a number written plainly, e.g. 12, 0.25 or 1e-3, got \"" + value + "\"");
    errno = 0;
    double x = std::strtod(value.c_str(), nullptr);
    if (!std::isfinite(x) || (errno == ERANGE && x == 0))
      setFail(path, value, "number out of range: \"" + value + "\" cannot be held as a double");
  }
  std::string err;
  auto v = parseValue(*t.decl, value, &err);
  if (!v) setFail(path, value, err);
  t.value = *v;
  return t;
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
  SetTarget t = resolveSet(s, path, value);
  if (t.decl->scope == Scope::World) {
    s.world[t.decl->id] = t.value;
  } else if (t.regime >= 0) {
    s.regimes[static_cast<size_t>(t.regime)].values[t.decl->id] = t.value;
  } else {
    for (auto& r : s.regimes) r.values[t.decl->id] = t.value;
  }
}

void checkSet(const Scenario& s, const std::string& path, const std::string& value) {
  resolveSet(s, path, value);
}

}  // namespace tl
