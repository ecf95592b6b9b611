// state_key.hpp: where a text names citizen states ("wrongly sanctioned", "flagged"...), the key of
// those states (swatch, shape and name) drawn under it, so notes and lessons name states and the
// screen shows what they look like (texts never need to name colours).
#pragma once
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace tl::gui {

// The states a text names, in palette order (case-insensitive; "normal" is too common a word).
std::vector<CitizenView> statesNamedIn(const std::string& text);
// Draws "[swatch] wrongly sanctioned  [swatch] flagged" for the states the text names (nothing
// when it names none), wrapping to the window width.
void drawStateKeyFor(const std::string& text);
// Where the text names exactly one state: draws its swatch as a bullet (as ImGui::Bullet, the text
// follows on the same line) and returns true; otherwise draws nothing and returns false.
bool drawStateBullet(const std::string& text);

}  // namespace tl::gui
