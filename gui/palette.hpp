// palette.hpp: colours and shapes of citizen states (Okabe-Ito + pattern), and the two UI styles.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace tl::gui {

struct Rgb {
  uint8_t r, g, b;
};

// The colour of each CitizenView, indexed by its value (Okabe-Ito where it matters).
Rgb stateColour(CitizenView v);
ImU32 stateColourU32(CitizenView v, uint8_t alpha = 255);
ImVec4 stateColourVec(CitizenView v);
// The second cue beside colour: what a citizen cell looks like when cells are big enough.
enum class Glyph : uint8_t { Dot, Square, Ring, Cross, Hatch, Diamond, Bars };
Glyph stateGlyph(CitizenView v);
const char* glyphName(Glyph g);
// Short label shown in the legend ("wrongly sanctioned").
const char* stateLabel(CitizenView v);
// The state a command-line name means ("wrongly_sanctioned": the label with _ for spaces and
// punctuation); -1 if none.
int stateFromName(const std::string& name);
// Every state's command-line name, comma-separated (for an error message).
std::string stateNames();
// Draws a legend swatch (colour + glyph) at p with side s.
void drawSwatch(ImDrawList* dl, ImVec2 p, float s, CitizenView v);

// Accent colours for charts, one per pane, and for group A / B lines. A pane keeps its colour and
// dash pattern when another is removed: panes map to style slots (Session::paneSlots), set once
// per frame here because every panel that names a pane draws with them.
void setPaneSlots(const std::vector<int>& slots);
ImU32 paneColour(int pane);
// Chart lines differ without colour too: pane 1 solid, then dashed, dotted, dash-dot (by slot).
// Lengths of the on/off runs in font-size units; empty = solid.
std::vector<float> paneDash(int pane);
// A polyline in the pane's colour and dash pattern.
void addPaneLine(ImDrawList* dl, const ImVec2* pts, int n, int pane, float thickness);
// The dash pattern of a style slot (0 solid, 1 dashed, 2 dotted, 3 dash-dot; as paneDash), and a
// polyline in any colour and pattern (the trade-off view's grid: a pattern per second value).
std::vector<float> slotDash(int slot);
void addDashedLine(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, const std::vector<float>& dash,
                   float thickness);
// A short horizontal sample of the pane's line (legends).
void drawPaneDash(ImDrawList* dl, ImVec2 from, float length, int pane);
ImU32 groupColour(int group);

// Applies the normal dark style or the presenter (high-contrast) style, scaled.
void applyStyle(bool presenter, float scale);
// Background colour of the window (outside the panels).
Rgb backgroundColour(bool presenter);

}  // namespace tl::gui
