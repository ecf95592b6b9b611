// sweep_setup.cpp: a sweep's values, checks and plot description (see sweep_setup.hpp).
#include "io/sweep_setup.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "io/csv_read.hpp"
#include "io/input_error.hpp"
#include "io/output.hpp"
#include "io/scenario_io.hpp"

namespace tl {
namespace {

// As the CLI's parseWhole: strtoll on the whole text.
bool wholeNumber(const std::string& s, long long& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtoll(s.c_str(), &end, 10);
  return errno == 0 && *end == '\0';
}

}  // namespace

std::vector<std::string> expandSweepValues(const std::string& list) {
  std::vector<std::string> out;
  for (const auto& item : splitList(list, ',')) {
    auto parts = splitList(item, ':');
    if (parts.size() == 1) {
      if (item.empty()) throw SweepValuesError(list + ": an empty value");
      out.push_back(item);
      continue;
    }
    char* e1 = nullptr;
    char* e2 = nullptr;
    double from = parts.size() == 3 ? std::strtod(parts[0].c_str(), &e1) : 0;
    double to = parts.size() == 3 ? std::strtod(parts[1].c_str(), &e2) : 0;
    long long count = 0;
    bool count_ok = parts.size() == 3 && wholeNumber(parts[2], count);
    if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || *e1 || *e2 || !std::isfinite(from) ||
        !std::isfinite(to) || !count_ok || count < 1 || count > 100000)
      throw SweepValuesError(item + ": expected FROM:TO:COUNT, e.g. 0.01:0.5:50 (COUNT in [1, 100000])");
    for (long long k = 0; k < count; ++k)
      out.push_back(
          jsonNumber(count == 1 ? from : from + (to - from) * static_cast<double>(k) / (count - 1)));
  }
  return out;
}

SweepTarget sweepTarget(const std::string& path) {
  SweepTarget t;
  std::string rest = path;
  if (path.rfind("regimes[", 0) == 0) {
    size_t close = path.find("].");
    long long idx = 0;
    if (close == std::string::npos || !wholeNumber(path.substr(8, close - 8), idx)) return t;
    t.regime = static_cast<int>(idx);
    t.decl = findParam(Scope::Regime, path.substr(close + 2));
    return t;
  }
  if ((t.decl = findParam(Scope::Regime, rest))) return t;
  t.decl = findParam(Scope::World, rest);
  t.world = t.decl != nullptr;
  return t;
}

std::string sweepPath(const ParamDecl& d, int regime) {
  if (d.scope == Scope::World || regime < 0) return d.path;
  return "regimes[" + std::to_string(regime) + "]." + d.path;
}

std::string currentSweepValue(const Scenario& s, const SweepTarget& t, int regime) {
  if (!t.changes(regime)) return "";
  double v = t.world ? s.world[t.decl->id] : s.regimes[static_cast<size_t>(regime)].values[t.decl->id];
  return formatValue(*t.decl, v);
}

void checkSweepValues(const SweepDef& d) {
  std::vector<InputError> errors;
  auto check = [&](const std::string& param, const std::vector<std::string>& values, const char* option) {
    for (const auto& v : values) {
      Scenario trial = d.base;
      try {
        applySet(trial, param, v);
      } catch (const ScenarioError& e) {
        for (auto err : e.errors) {
          err.file = std::string(option) + " " + param + " with value " + v;
          errors.push_back(err);
        }
      }
    }
  };
  check(d.param, d.values, "--param");
  if (!d.values2.empty()) check(d.param2, d.values2, "--param2");
  if (!errors.empty()) throw ScenarioError(errors);
}

int defaultOutcomeX() { return outcomeIndex("wrongful_sanction_weeks"); }
int defaultOutcomeY() { return outcomeIndex(outcomeIndex("unpaid") >= 0 ? "unpaid" : "missed"); }

std::string sweepGroup(const Scenario& s, const std::string& g) {
  if (g == "A" || g == s.label_a) return s.label_a;
  if (g == "B" || g == s.label_b) return s.label_b;
  if (g == "all") return "all";
  return "";
}

std::string withThousands(size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

FrontierPlot sweepPlot(const SweepDef& d, int x, int y, const std::string& group_label) {
  FrontierPlot p;
  p.x = x;
  p.y = y;
  p.group = group_label;
  const Scenario& s = d.base;
  p.param = d.param;
  p.param2 = d.param2;
  p.reps = d.reps;
  SweepTarget t1 = sweepTarget(d.param), t2 = sweepTarget(d.param2);
  p.param_label = t1.decl ? t1.decl->label : "";
  p.param2_label = t2.decl ? t2.decl->label : "";
  for (size_t r = 0; r < s.regimes.size(); ++r) {
    FrontierPlot::Regime reg;
    reg.name = s.regimes[r].name;
    int ri = static_cast<int>(r);
    reg.affected = t1.changes(ri) || (!d.param2.empty() && t2.changes(ri));
    reg.current = currentSweepValue(s, t1, ri);
    reg.current2 = d.param2.empty() ? "" : currentSweepValue(s, t2, ri);
    p.regimes.push_back(reg);
  }
  const auto& outs = frontierOutcomes();
  std::string xl = outs[static_cast<size_t>(p.x)].label;
  if (xl.size() > 1 && std::islower(static_cast<unsigned char>(xl[1])))
    xl[0] = static_cast<char>(std::tolower(xl[0]));
  p.title = outs[static_cast<size_t>(p.y)].label + " against " + xl +
            (p.group == "all" ? "" : ", group " + p.group);
  auto named = [](const std::string& label, const std::string& path) {
    return label.empty() ? path : label + " (" + path + ")";
  };
  std::string sweep = named(p.param_label, d.param) + ", " + std::to_string(d.values.size()) + " values";
  if (!d.param2.empty())
    sweep += " x " + named(p.param2_label, d.param2) + ", " + std::to_string(d.values2.size()) + " values";
  p.subtitle = (s.title.empty() ? s.name : s.title) + "\nSweep of " + sweep + ".\n" + std::to_string(d.reps) +
               " replications per point; " + withThousands(s.population()) + " citizens x " +
               std::to_string(s.weeks()) + " weeks; group " + p.group + ".";
  return p;
}

}  // namespace tl
