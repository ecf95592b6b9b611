// param_docs.hpp: the parameter table as JSON and Markdown (docs/parameters.md,
// `trustlab-cli params`), and parameter values as a scenario file writes them.
#pragma once
#include <string>

#include "sim/params.hpp"

namespace tl {

// A value as a scenario file writes it (true/false, the choice's name, a whole number or
// a real), for any nlohmann JSON type (the loader's json, the outputs' ordered_json).
template <class Json>
Json paramJsonValue(const ParamDecl& d, double v) {
  switch (d.type) {
    case ParamType::Bool:
      return Json(v != 0.0);
    case ParamType::Choice:
      return Json(formatValue(d, v));
    case ParamType::Int:
      return Json(static_cast<long long>(v));
    default:
      return Json(v);
  }
}

// The generated parameter reference (docs/parameters.md) and `params --json`.
std::string parametersMarkdown();
std::string parametersJson();

}  // namespace tl
