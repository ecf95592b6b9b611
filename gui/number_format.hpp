// number_format.hpp: numbers as the class reads them: counts with thousands separators, changes
// with a sign, and rates and shares with enough digits that a small one is not shown as 0.
#pragma once
#include <cstddef>
#include <string>

namespace tl::gui {

// 20000 -> "20,000" (rounded to a whole number; a minus sign for negatives).
std::string countText(double v);
// A rate in 0..1 with three decimals, or two significant digits when smaller than 0.01
// (0.0001 -> "0.00010"), "n/a" for NaN.
std::string rateText(double v);
// A share in 0..1 as a percentage, with two significant digits when under 1 % ("0.020%").
std::string percentText(double v);
// A round step (1, 2, 2.5 or 5 times a power of ten) for about `ticks` intervals over span.
double niceStep(double span, int ticks);

}  // namespace tl::gui
