// charts.hpp: live time series per pane, the per-group metrics table and the appeal funnel.
#pragma once
#include <imgui.h>

#include <vector>

#include "gui/model_worker.hpp"

namespace tl::gui {

// Six small charts (sanctioned, wrongly sanctioned, benefited, trust, appeal backlog,
// benign behaviour) with one line per pane, over the weeks run so far.
void drawCharts(const std::vector<WeekRow>& rows, const Frame& frame, ImVec2 size);
// Error and fairness rates per regime and group, with disparate impact against the 4/5 line.
void drawMetricsTable(const Frame& frame, const char* label_a, const char* label_b);
// Wronged -> aware -> appealed -> decided -> overturned per regime, with time to correction.
void drawFunnel(const Frame& frame, const char* label_a, const char* label_b);

}  // namespace tl::gui
