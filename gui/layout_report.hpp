// layout_report.hpp: what the screen looks like in numbers, for `--layout-report OUT.json` (the
// layout test): each panel's rectangle and whether its content overflows, each city's cell size,
// the outcome tiles' text size, and every text that did not fit its place. Collected while a
// frame is drawn (one collector for the whole app, cleared when a frame begins).
#pragma once
#include <imgui.h>

#include <cstddef>
#include <string>
#include <vector>

namespace tl::gui {

// Clears what the previous frame reported.
void reportBeginFrame(float width, float height, float font, bool presenter);
// Call before ImGui::End() of a panel: records its rectangle, overflow and the lines of text its
// bottom edge cuts through (drawn in part). A scrollable panel may overflow (its scroll bar shows);
// any other overflow is clipped content.
// `inside`: the panel it is a part of (a scrolling body within a side panel), or none.
void reportPanel(const char* name, bool scrollable, const char* inside = nullptr);
// The text lines the current window's bottom edge cuts through (the top of each, screen pixels).
std::vector<float> textCutAtBottom();
// A city pane: screen rectangle, screen pixels per cell and citizens per cell; the wrongly
// sanctioned citizens and the cells that show them.
void reportCity(int pane, ImVec2 pos, ImVec2 size, float cell_px, int citizens_per_cell, size_t wrongly,
                size_t wrongly_cells);
// The highlighted state's count a pane shows beside the city controls (a key without counts).
void reportCityCount(int pane, const char* state, const std::string& shown, ImVec2 pos, ImVec2 size);
// An outcome tile's number as shown (by group: "A | B"): its rectangle and text height in pixels.
void reportTile(int pane, const char* metric, const std::string& shown, ImVec2 pos, ImVec2 size,
                float number_px, bool by_group);
// A lesson claim's record as shown (step -1: the notes'), with how often it held, and whether the
// claim and its record, from top to bottom (screen pixels), are wholly in view in their panel.
void reportClaim(int step, const std::string& says, const std::string& record, int held, int runs, float top,
                 float bottom);
// The size of the lesson's (or notes') text, in pixels.
void reportLessonFont(float px);
// A text that was cut (or would overflow) where it was drawn.
void reportClipped(const char* where, const std::string& text, float need_px, float have_px);
// The report as JSON.
std::string reportJson();

// Text that must fit the width left on its line (table cells, legends): drawn, and reported
// when it does not fit.
void fittedText(const char* where, const char* text);

}  // namespace tl::gui
