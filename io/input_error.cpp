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
  // Three rolling rows (the swap looks two rows back): no allocation per cell row.
  std::vector<size_t> before, prev, cur;
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  // Stops as soon as a row's minimum reaches `limit` (rows never decrease): the
  // candidate cannot beat the best one, and long garbage costs little.
  auto distance = [&](const std::string& a, const std::string& b, size_t limit) {
    before.assign(b.size() + 1, 0);
    prev.resize(b.size() + 1);
    cur.resize(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
      std::swap(before, prev);
      std::swap(prev, cur);
      if (*std::min_element(prev.begin(), prev.end()) >= limit) return limit;
    }
    return prev[b.size()];
  };
  std::string best;
  size_t best_d = std::max<size_t>(2, (word.size() + 2) / 3) + 1;
  for (const auto& c : candidates) {
    size_t gap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
    if (gap >= best_d) continue;  // the distance is at least the length difference
    size_t dd = distance(word, c, best_d);
    if (dd < best_d && dd < std::max(word.size(), c.size())) {
      best_d = dd;
      best = c;
    }
  }
  return best;
}

}  // namespace tl
