// json_check.hpp (internal to io/): checks a JSON text before nlohmann parses it, for
// what nlohmann accepts silently or reports without a position: nesting deeper than
// kMaxJsonDepth, duplicate keys (nlohmann keeps the last), and numbers a double
// cannot hold (1e309, a 400-digit integer; 1e-400, which would become 0).
#pragma once
#include <string>
#include <vector>

#include "io/input_error.hpp"

namespace tl {

struct JsonCheck {
  std::vector<InputError> errors;  // positioned, in text order
  bool too_deep = false;           // the scan stopped there: do not parse the text
};

// Linear in the text, no recursion. Stops quietly at text that is not JSON.
JsonCheck checkJsonText(const std::string& text, const std::string& file);

}  // namespace tl
