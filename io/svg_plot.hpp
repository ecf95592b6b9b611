// svg_plot.hpp: a report-ready SVG of a sweep's frontier: one outcome against
// another for one group, one curve per regime, 95 % intervals both ways, every
// point labelled with its swept value, the current setting ringed. No dependencies.
#pragma once
#include <string>
#include <vector>

#include "io/frontier.hpp"

namespace tl {

struct FrontierPlot {
  std::string title, subtitle;            // subtitle: lines separated by \n
  int x = 0, y = 1;                       // indices into frontierOutcomes()
  std::string group;                      // rows whose group equals this are drawn
  std::string param;                      // the swept parameter (labels "param = value")
  std::string param2;                     // grids: a curve per regime x value2; "" otherwise
  std::string param_label, param2_label;  // their names on screen (params.def labels); "" if unknown
  int reps = 0;                           // replications per point (legend text)
  // Per regime, in curve order: its name, whether the swept parameter(s) change it,
  // and its current (scenario's) values of param and param2 ("" when unknown).
  struct Regime {
    std::string name;
    bool affected = true;
    std::string current, current2;
  };
  std::vector<Regime> regimes;
};

// The whole SVG document.
std::string frontierSvg(const std::vector<FrontierRow>& rows, const FrontierPlot& plot);

// True when two value texts name the same setting ("0.050" and "0.05", "true" and "true").
bool sameValue(const std::string& a, const std::string& b);

}  // namespace tl
