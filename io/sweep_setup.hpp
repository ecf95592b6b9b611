// sweep_setup.hpp: setting a sweep up from a front end's choices, shared by
// trustlab-cli sweep / plot and the app's trade-off view (and lesson steps that declare
// a sweep), so both expand the same values, check them the same way and describe the
// same picture: the values of "FROM:TO:COUNT", every value tried on the scenario, and
// the frontier plot's axes, group, panes and current settings.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "io/svg_plot.hpp"
#include "io/sweep_run.hpp"
#include "sim/params.hpp"

namespace tl {

// A values list the user wrote was malformed; what() starts with the offending text.
struct SweepValuesError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};
// "0.01:0.5:50" is 50 evenly spaced values from 0.01 to 0.5 (as jsonNumber writes them);
// other comma-separated items are taken as written.
std::vector<std::string> expandSweepValues(const std::string& list);

// The parameter a sweep path names: a world one, or a regime one for every regime
// (regime -1, "appeal.cost") or for one ("regimes[1].appeal.cost"). decl null: unknown.
struct SweepTarget {
  const ParamDecl* decl = nullptr;
  bool world = false;
  int regime = -1;
  bool changes(int r) const { return decl && (world || regime < 0 || regime == r); }
};
SweepTarget sweepTarget(const std::string& path);
// The path of a parameter of one regime (regime >= 0), of every regime (-1) or of the world.
std::string sweepPath(const ParamDecl& d, int regime);
// The parameter's value in regime r (or the world) as the sweep's values write it; "" when
// the path does not change regime r.
std::string currentSweepValue(const Scenario& s, const SweepTarget& t, int regime);

// Every value applied to a copy of the base scenario: throws ScenarioError naming the
// parameter and value when one does not apply (before any job runs).
void checkSweepValues(const SweepDef& d);

// The outcome a name means (frontierOutcomes), or -1; the default axes: wrongful
// sanction-weeks against unpaid, or missed where the model does not count unpaid.
int defaultOutcomeX();
int defaultOutcomeY();
// "A", "B", a group label or "all" as the label frontier rows use; "" when none matches.
std::string sweepGroup(const Scenario& s, const std::string& group);

// The plot of a sweep's frontier: x and y outcomes, the group's label, titles, and per
// regime whether the sweep changes it and its current value(s).
FrontierPlot sweepPlot(const SweepDef& d, int x, int y, const std::string& group_label);

// 20000 -> "20,000".
std::string withThousands(size_t n);

}  // namespace tl
