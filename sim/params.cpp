// params.cpp: builds the parameter table from params.def; checks, formats and parses values.
#include "sim/params.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace tl {
namespace {

// Choice lists live here, keyed by the parameter they belong to.
const std::map<P, std::vector<std::string>>& choiceLists() {
  static const std::map<P, std::vector<std::string>> m = {
      {P::target_kind, {"wilful_defaulter", "harm_prone", "reliable", "none"}},
      {P::enrolment_mode, {"none", "mandatory", "opt_in"}},
      {P::assessment_kind, {"none", "score", "list", "risk"}},
  };
  return m;
}

std::vector<ParamDecl> buildTable() {
  // The table's bare words (WORLD, REAL, ...) name these constants.
  constexpr Scope WORLD = Scope::World, REGIME = Scope::Regime;
  constexpr ParamType REAL = ParamType::Real, INT = ParamType::Int, BOOL = ParamType::Bool,
                      CHOICE = ParamType::Choice;
  (void)WORLD, (void)REGIME, (void)REAL, (void)INT, (void)BOOL, (void)CHOICE;
  std::vector<ParamDecl> t;
#define X(scope, id, path, type, unit, def, lo, hi, label, desc, src) \
  t.push_back(ParamDecl{P::id,                                        \
                        scope,                                        \
                        path,                                         \
                        type,                                         \
                        unit,                                         \
                        static_cast<double>(def),                     \
                        static_cast<double>(lo),                      \
                        static_cast<double>(hi),                      \
                        label,                                        \
                        desc,                                         \
                        src,                                          \
                        {}});
#include "sim/params.def"
#undef X
  for (auto& d : t) {
    auto it = choiceLists().find(d.id);
    if (it != choiceLists().end()) d.choices = it->second;
  }
  return t;
}

}  // namespace

std::string jsonNumber(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) {
    char b[32];
    std::snprintf(b, sizeof b, "%.0f", v);
    return b;
  }
  char b[32];
  std::snprintf(b, sizeof b, "%.10g", v);
  return b;
}

std::string ParamDecl::section() const {
  std::string p = path;
  auto dot = p.find('.');
  return dot == std::string::npos ? std::string("run") : p.substr(0, dot);
}
std::string ParamDecl::key() const {
  std::string p = path;
  auto dot = p.find('.');
  return dot == std::string::npos ? p : p.substr(dot + 1);
}

const std::vector<ParamDecl>& paramTable() {
  static const std::vector<ParamDecl> t = buildTable();
  return t;
}

const ParamDecl& decl(P id) { return paramTable()[static_cast<size_t>(id)]; }

const ParamDecl* findParam(Scope scope, const std::string& path) {
  for (const auto& d : paramTable())
    if (d.scope == scope && path == d.path) return &d;
  return nullptr;
}

ParamValues ParamValues::defaults() {
  ParamValues pv;
  for (const auto& d : paramTable()) pv.v[static_cast<size_t>(d.id)] = d.def;
  return pv;
}

std::string formatValue(const ParamDecl& d, double value) {
  switch (d.type) {
    case ParamType::Bool:
      return value != 0.0 ? "true" : "false";
    case ParamType::Choice: {
      int i = static_cast<int>(value);
      if (i >= 0 && i < static_cast<int>(d.choices.size())) return d.choices[static_cast<size_t>(i)];
      return jsonNumber(value);
    }
    default:
      return jsonNumber(value);
  }
}

std::string checkValue(const ParamDecl& d, double value) {
  if (!std::isfinite(value)) return "expected a finite number";
  if (d.type == ParamType::Int && std::floor(value) != value) return "expected a whole number";
  if (d.type == ParamType::Choice) {
    int i = static_cast<int>(value);
    if (std::floor(value) != value || i < 0 || i >= static_cast<int>(d.choices.size())) {
      std::string s = "expected one of ";
      for (size_t k = 0; k < d.choices.size(); ++k) s += (k ? ", " : "") + ("\"" + d.choices[k] + "\"");
      return s;
    }
    return {};
  }
  if (value < d.lo || value > d.hi)
    return "expected a value in [" + jsonNumber(d.lo) + ", " + jsonNumber(d.hi) + "]" +
           (d.unit[0] ? std::string(" ") + d.unit : std::string()) + ", got " + jsonNumber(value);
  return {};
}

std::optional<double> parseValue(const ParamDecl& d, const std::string& text, std::string* error) {
  auto fail = [&](const std::string& e) -> std::optional<double> {
    if (error) *error = e;
    return std::nullopt;
  };
  double v = 0;
  if (d.type == ParamType::Bool) {
    if (text == "true" || text == "1" || text == "on")
      v = 1;
    else if (text == "false" || text == "0" || text == "off")
      v = 0;
    else
      return fail("expected true or false, got \"" + text + "\"");
  } else if (d.type == ParamType::Choice) {
    bool found = false;
    for (size_t k = 0; k < d.choices.size(); ++k)
      if (d.choices[k] == text) {
        v = static_cast<double>(k);
        found = true;
      }
    if (!found) return fail(checkValue(d, -1) + ", got \"" + text + "\"");
  } else {
    char* end = nullptr;
    v = std::strtod(text.c_str(), &end);
    if (text.empty() || end == nullptr || *end != '\0')
      return fail("expected a number, got \"" + text + "\"");
  }
  std::string e = checkValue(d, v);
  if (!e.empty()) return fail(e);
  return v;
}

}  // namespace tl
