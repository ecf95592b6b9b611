// layout.hpp: where the panels go for a window size: the text scale, which side panels fit beside
// the centre (or share one column, or give way), and the heights of the city, the outcome tiles
// and the charts. Pure arithmetic, so every projector size can be reasoned about (and tested).
#pragma once
#include <cstddef>

namespace tl::gui {

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
};

// Text scale for a window: 1 up to full HD, larger on bigger screens; presenter mode sizes text
// to the window height (about 38 lines of text), so it reads from the back of a room on any
// projector. Rounded to 1/8 so resizing does not rebuild the fonts at every pixel.
float uiScale(float width, float height, bool presenter);
// Text scale of the lesson and the notes, which the class reads from the back of the room: at least
// uiScale; in presenter mode about 34 lines of the window height, on a desk screen 1.5 times the
// text at 1920x1080 (both growing with the window), but never so large that the widest right column
// (0.36 of the width) holds fewer than about 30 characters a line. Rounded to 1/8 as uiScale.
float lessonScale(float width, float height, bool presenter);

struct LayoutInput {
  float width = 0, height = 0;  // the window
  float font = 16;              // font size in pixels
  float lesson_font = 0;        // the lesson's font size in pixels (0: the same as font)
  float top = 0;                // menu bar and toolbar height
  bool want_policy = true, want_right = true;
  bool presenter = false;
  float outcomes_h = 0;   // the outcome tiles as last drawn
  float city_min = 0;     // the least the city panel needs (titles, key, controls, smallest cells)
  size_t population = 0;  // citizens per pane, and panes: how much room the city needs
  int panes = 1;
  bool charts_wanted = false;  // the user asked for the charts although the city is then smaller
};

struct ScreenLayout {
  Box policy, right, centre;  // centre = city + outcomes + analysis
  Box city, outcomes, analysis;
  bool policy_shown = false, right_shown = false;
  bool stacked = false;             // policy shares the right column (as a tab) to leave the centre room
  bool analysis_tabs = false;       // charts, metrics and funnel as tabs (too narrow to sit side by side)
  bool analysis_collapsed = false;  // only a strip with a button: the city needs the height
};

// The narrowest centre the side panels may leave (below it they stack, then give way).
float minCentreWidth(float font);
ScreenLayout computeLayout(const LayoutInput& in);

}  // namespace tl::gui
