// numbers_tables.hpp: the per-group error and fairness table and the appeal funnel.
#pragma once
#include <vector>

#include "gui/model_worker.hpp"

namespace tl::gui {

// Error and fairness rates per regime and group over the citizen-weeks from week `since` on
// (0 = the start), with disparate impact against the four-fifths line.
void drawMetricsTable(const std::vector<WeekRow>& rows, const Frame& frame, int since, const char* label_a,
                      const char* label_b);
// Wronged -> aware -> appealed -> decided -> overturned per regime and group, overturned of decided,
// and time to correction (over the whole run).
void drawFunnel(const Frame& frame, const char* label_a, const char* label_b);

}  // namespace tl::gui
