// input_error.cpp: error text and the "did you mean" matcher.
#include "io/input_error.hpp"

#include <algorithm>
#include <cctype>

#include "io/input_file.hpp"

namespace tl {

// Printed escaped: file names are bytes, and keys may hold control characters (\u0000).
std::string InputError::str() const {
  std::string s = printable(file);
  if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(col);
  s += ": ";
  if (!path.empty()) s += printable(path) + ": ";
  return s + printable(message);
}

static std::string joinErrors(const std::vector<InputError>& errs) {
  std::string s;
  for (size_t i = 0; i < errs.size(); ++i) s += (i ? "\n" : "") + errs[i].str();
  return s;
}

ScenarioError::ScenarioError(std::vector<InputError> errs)
    : std::runtime_error(joinErrors(errs)), errors(std::move(errs)) {}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  // Optimal string alignment distance: typos, missing letters and swapped pairs cost 1.
  auto distance = [](const std::string& a, const std::string& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t cost = std::tolower(a[i - 1]) == std::tolower(b[j - 1]) ? 0 : 1;
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return d[a.size()][b.size()];
  };
  std::string best;
  size_t best_d = std::max<size_t>(2, (word.size() + 2) / 3) + 1;
  for (const auto& c : candidates) {
    size_t gap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
    if (gap >= best_d) continue;  // the distance is at least the length difference
    size_t dd = distance(word, c);
    if (dd < best_d && dd < std::max(word.size(), c.size())) {
      best_d = dd;
      best = c;
    }
  }
  return best;
}

}  // namespace tl
