// policy_panel.hpp: every parameter of paramTable() as a slider/switch, per regime and stage, with help.
#pragma once
#include <string>

#include "gui/session.hpp"

namespace tl::gui {

class PolicyPanel {
 public:
  // Draws the panel's contents inside the current window; `step` lists the parameters the current
  // lesson step sets (shown first).
  void draw(Session& session, const Edit& step);
  // Screenshot/doc helper: opens the stage of this parameter path and shows its tooltip.
  void forceTooltip(const std::string& path, int regime) { force_path_ = path, force_regime_ = regime; }
  // A parameter's "Sweep this..." action was chosen (its context menu): once, its regime and id.
  bool takeSweepRequest(int& regime, P& id) {
    if (sweep_regime_ < -1) return false;
    regime = sweep_regime_, id = sweep_id_, sweep_regime_ = -2;
    return true;
  }

 private:
  void drawSection(Session& s, int regime, const std::string& section);
  void drawParam(Session& s, int regime, const ParamDecl& d, const char* prefix = nullptr);
  void drawStepParams(Session& s, const Edit& step);
  bool show_all_ = false;  // also the parameters that do not matter for the regime's choices

  double drag_before_ = 0;  // value when the current slider gesture began
  std::string force_path_;
  int force_regime_ = 0;
  bool scrolled_ = false;
  int sweep_regime_ = -2;  // -2 = no request
  P sweep_id_ = P::seed;
};

// A "?" marker (a button-sized target) whose tooltip shows the text (wrapped).
void helpMarker(const char* text);

}  // namespace tl::gui
