// policy_panel.hpp: every parameter of paramTable() as a slider/switch, per regime and stage, with help.
#pragma once
#include <string>

#include "gui/session.hpp"

namespace tl::gui {

class PolicyPanel {
 public:
  // Draws the panel's contents inside the current window.
  void draw(Session& session);
  // Screenshot/doc helper: opens the stage of this parameter path and shows its tooltip.
  void forceTooltip(const std::string& path, int regime) { force_path_ = path, force_regime_ = regime; }

 private:
  void drawSection(Session& s, int regime, const std::string& section);
  void drawParam(Session& s, int regime, const ParamDecl& d);

  double drag_before_ = 0;  // value when the current slider gesture began
  std::string force_path_;
  int force_regime_ = 0;
  bool scrolled_ = false;
};

// A "(?)" marker whose tooltip shows the text (wrapped).
void helpMarker(const char* text);

}  // namespace tl::gui
