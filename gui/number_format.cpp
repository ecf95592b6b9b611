// number_format.cpp: numbers as the class reads them (see number_format.hpp).
#include "gui/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tl::gui {
namespace {
const char* kMinus = "\xE2\x88\x92";  // U+2212, the typographic minus
// Decimals that keep two significant digits of a value under 1 (at least `min`).
int decimalsFor(double v, int min) {
  if (v == 0 || !std::isfinite(v)) return min;
  int d = 1 - static_cast<int>(std::floor(std::log10(std::fabs(v))));
  return std::max(min, std::min(d, 12));
}
}  // namespace

std::string countText(double v) {
  if (!std::isfinite(v)) return "n/a";
  double r = std::round(v);
  std::string s = std::to_string(static_cast<long long>(std::fabs(r)));
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return (r < 0 ? std::string(kMinus) : std::string()) + s;
}

std::string rateText(double v) {
  if (!std::isfinite(v)) return "n/a";
  char b[48];
  std::snprintf(b, sizeof b, "%.*f", std::fabs(v) >= 0.01 ? 3 : decimalsFor(v, 3), v);
  return b;
}

std::string percentText(double v) {
  if (!std::isfinite(v)) return "n/a";
  double p = v * 100;
  char b[48];
  std::snprintf(b, sizeof b, "%.*f%%", std::fabs(p) >= 10 ? 1 : decimalsFor(p, 1), p);
  return b;
}

double niceStep(double span, int ticks) {
  double raw = span / std::max(1, ticks);
  if (raw <= 0) return 1;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * p >= raw) return m * p;
  return 10 * p;
}

}  // namespace tl::gui
