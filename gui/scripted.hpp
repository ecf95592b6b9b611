// scripted.hpp: the scripted modes (--screenshot: run N weeks, save the window, exit; --bench-frames:
// play and print frames/s): what they keep between frames.
#pragma once
#include <chrono>

namespace tl::gui {

struct ScriptedRun {
  using Clock = std::chrono::steady_clock;
  Clock::time_point start = Clock::now();
  int frames = 0;             // frames drawn so far
  int after_ready = 0;        // frames drawn since the screenshot's conditions held
  double stalled_since = -1;  // when the model had run the weeks but the screen was not ready
  size_t apply_next = 0;      // --apply-at-week / --lesson-replay: the next lesson step to apply
  int apply_phase = 0;        // 0 running to its week, 1 applying it
  int apply_wait = 0;         // frames spent applying
  size_t marks_before = 0;    // change marks before it was applied
  int bench_frames = 0, bench_week0 = -1;
  bool sweep_started = false, sweep_written = false, citizens_started = false;  // --sweep, --export-citizens
  int sweep_frames = 0;  // frames drawn since it settled
  int click_frame = -1;  // --sweep-click: the frame the mouse moved to the point
  struct {
    float x = 0, y = 0;
  } click_at;  // and where it is
  Clock::time_point bench_start;
  double ui_seconds = 0, gl_seconds = 0, swap_seconds = 0;  // where a frame's time goes (bench)
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start).count(); }
};

}  // namespace tl::gui
