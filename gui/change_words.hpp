// change_words.hpp: a parameter change in words, as the class reads it on screen:
// "right pane: sanction suspended during appeal: off" (labels from sim/params.def).
#pragma once
#include <string>

#include "gui/session.hpp"

namespace tl::gui {

// "left pane" / "right pane" with two panes, "pane 3" otherwise, "everyone" for a world parameter.
std::string paneInWords(const Scenario& s, int regime);
// A value as words: on / off, a choice with spaces ("opt in"), a number with its unit.
std::string valueInWords(const ParamDecl& d, double v);
// "right pane: sanction suspended during appeal: off".
std::string changeInWords(const Scenario& s, const Change& c);

}  // namespace tl::gui
