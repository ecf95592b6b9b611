// input_error.hpp: how bad input is reported: one InputError per problem (file,
// line:col, JSON path, what was expected), all of them thrown together.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace tl {

struct InputError {
  std::string file;
  int line = 0, col = 0;    // 0 = no position (e.g. a --set argument)
  std::string path;         // JSON pointer, e.g. /regimes/1/appeal/cost
  std::string message;      // what was expected
  std::string str() const;  // "file:line:col: /json/path: message"
};

// Bad input: a scenario, preset or --set that cannot be used. Front ends exit 2.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<InputError> errs);
  std::vector<InputError> errors;
};

constexpr int kMaxReportedErrors = 20;

// Closest candidate by edit distance, or "" when nothing is close ("did you mean").
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace tl
