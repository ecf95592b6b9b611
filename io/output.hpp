// output.hpp: the run's outputs — tidy timeseries.csv, summary.json with its
// reproducing manifest, and the readable summary table — shared by the CLI and GUI.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "sim/simulation.hpp"

namespace tl {

// Deterministic number text: whole numbers plainly, others with %.17g (round-trips
// exactly), NaN/inf as an empty field. The same bits always give the same text.
std::string formatNumber(double v);
// Quotes a CSV field when it holds a comma, quote or newline.
std::string csvField(const std::string& s);
// The group's label in outputs: the scenario's labels for 0 and 1, "all" for 2.
std::string groupLabel(const Scenario& s, int group);

// The scenario as the simulation holds it now (slider changes included).
Scenario effectiveScenario(const Simulation& sim);

// One row per week x regime x group: week,regime,group, then weekRowColumns().
std::string timeseriesCsv(const Simulation& sim);
// The same for rows copied out of a run of scenario s (the app's export); pane_column adds a last
// column "pane", the regime's 1-based number on screen (two panes may share a name).
std::string timeseriesCsv(const Scenario& s, const std::vector<WeekRow>& rows, bool pane_column = false);
// Per regime x group metrics (NaN -> null) plus "manifest".
nlohmann::ordered_json summaryJsonValue(const Simulation& sim);
std::string summaryJson(const Simulation& sim);
// Everything needed to reproduce the run: version, hash, seed, threads, every value.
nlohmann::ordered_json manifestJson(const Simulation& sim);
// A fixed-width table of the summary for a terminal.
std::string summaryTable(const Simulation& sim);

}  // namespace tl
