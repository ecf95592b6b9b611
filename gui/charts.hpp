// charts.hpp: live time series, one line per pane (colour and dash pattern), with a labelled
// marker at each week the run was changed.
#pragma once
#include <imgui.h>

#include <vector>

#include "gui/model_worker.hpp"
#include "gui/session.hpp"

namespace tl::gui {

// Six small charts (sanctioned, wrongly sanctioned, benefited, trust, appeal backlog, benign
// behaviour) over the weeks run so far. When they do not all fit `size` at a readable height,
// as many as fit are shown with buttons to page through the rest.
void drawCharts(const std::vector<WeekRow>& rows, const Frame& frame, const std::vector<ChangeMark>& marks,
                ImVec2 size);

}  // namespace tl::gui
