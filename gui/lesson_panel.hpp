// lesson_panel.hpp: the scenario's notes (What is it / How it works / ...) and its step-by-step lesson.
#pragma once
#include <string>

#include "gui/session.hpp"

namespace tl::gui {

void drawNotes(const Scenario& s);

class LessonPanel {
 public:
  void draw(Session& session, ModelWorker& worker, const Frame& frame);
  void restart() { step_ = 0, revealed_ = false, applied_ = false, error_.clear(); }
  void goTo(int step) { step_ = step, revealed_ = false, applied_ = false, error_.clear(); }
  void reveal() { revealed_ = true; }
  void applyOnNextDraw() { auto_apply_ = true; }  // scripted screenshots

 private:
  int step_ = 0;
  bool revealed_ = false, applied_ = false, auto_apply_ = false;
  std::string error_;
};

}  // namespace tl::gui
