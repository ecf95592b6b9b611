// change_words.cpp: a parameter change in words (see change_words.hpp).
#include "gui/change_words.hpp"

#include <cstdio>

namespace tl::gui {

std::string paneInWords(const Scenario& s, int regime) {
  if (regime < 0) return "everyone";
  if (s.regimes.size() == 2) return regime == 0 ? "left pane" : "right pane";
  return "pane " + std::to_string(regime + 1);
}

std::string valueInWords(const ParamDecl& d, double v) {
  if (d.type == ParamType::Bool) return v != 0.0 ? "on" : "off";
  std::string t = formatValue(d, v);
  if (d.type == ParamType::Choice) {
    for (char& c : t)
      if (c == '_') c = ' ';
    return t;
  }
  if (d.unit[0] && d.unit != std::string("x")) t += std::string(" ") + d.unit;
  if (d.unit == std::string("x")) t += "x";
  return t;
}

std::string changeInWords(const Scenario& s, const Change& c) {
  const ParamDecl& d = decl(c.id);
  return paneInWords(s, c.regime) + ": " + d.label + ": " + valueInWords(d, c.after);
}

}  // namespace tl::gui
