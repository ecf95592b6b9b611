// scripted.cpp: the --screenshot and --bench-frames modes, and capturing the window as a PNG.
#include "gui/scripted.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "gui/app_window.hpp"
#include "gui/layout_report.hpp"
#include "gui/png_writer.hpp"
#include "gui/sfml_compat.hpp"
#include "io/atomic_file.hpp"

namespace tl::gui {

std::string App::savePng(const std::string& path) {
  sf::Vector2u size = window_.getSize();
  sf::Texture tex;
  if (!sfc::createTexture(tex, size.x, size.y)) return "cannot write " + path + ": cannot capture the window";
  tex.update(window_);
  sf::Image img = tex.copyToImage();
  return writePng(path, size.x, size.y, img.getPixelsPtr());
}

std::string App::writePaneRects(const std::string& path) {
  std::ostringstream f;
  f << "# pane x y w h name (screen pixels of each city)\n";
  for (size_t p = 0; p < frame_.names.size(); ++p) {
    auto r = city_.rect(static_cast<int>(p));
    f << p << " " << r.x << " " << r.y << " " << r.w << " " << r.h << " " << frame_.names[p] << "\n";
  }
  try {
    writeFileAtomic(path, f.str());
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

int App::scriptedFrame(ScriptedRun& sr) {
  using Clock = ScriptedRun::Clock;
  // Scripted screenshot or export: wait until the worker has run the weeks, then settle a few frames.
  if (!opt_.screenshot.empty() || !opt_.export_csv.empty()) {
    // --apply-at-week / --lesson-replay: at each planned week (the model idle) go to the step and
    // apply it as its button does; once it shows in the marks (or after 30 frames: a step may change
    // nothing, or start a new run), run on to the next planned week or to --after-weeks.
    if (sr.apply_next < apply_plan_.size()) {
      const auto [week, step] = apply_plan_[sr.apply_next];
      if (sr.apply_phase == 0) {
        if (frame_.ready && worker_.idle() && frame_.week >= week) {
          lesson_.goTo(step);
          lesson_.reveal();
          lesson_.applyOnNextDraw();
          sr.marks_before = session_.marks().size();
          sr.apply_wait = 0;
          sr.apply_phase = 1;
        }
      } else {
        bool applied = session_.marks().size() != sr.marks_before;
        if ((applied || ++sr.apply_wait > 30) && frame_.ready && worker_.idle()) {
          sr.apply_phase = 0;
          int next =
              ++sr.apply_next < apply_plan_.size() ? apply_plan_[sr.apply_next].first : opt_.after_weeks;
          if (next > frame_.week) worker_.step(next - frame_.week);
          if (sr.apply_next == apply_plan_.size()) lesson_.scrollToReveal();
        }
      }
      return -1;
    }
    int target = std::min(opt_.after_weeks, frame_.total_weeks);
    bool model_done = frame_.ready && frame_.week >= target && worker_.idle() && !frame_.summary.empty() &&
                      rows_.size() >= static_cast<size_t>(frame_.week) * frame_.names.size() * 3;
    // A revealed lesson step shows its claims' records: wait for them (checked on their own thread).
    bool done = model_done && !lesson_.claimsPending(session_) && !ghostPending() &&
                (opt_.sweep.empty() || sr.sweep_written) &&
                (opt_.inspect < 0 || opt_.inspect == kInspectWronglySanctioned || frame_.inspect.valid);
    if (!frame_.error.empty() && frame_.ready == false) {
      std::cerr << "trustlab: " << frame_.error << "\n";
      return 1;
    }
    if (done && opt_.inspect == kInspectWronglySanctioned && selected_ < 0) {
      // --inspect wrongly: the first citizen wrongly sanctioned in any pane, picked now.
      for (size_t p = 0; p < frame_.views.size() && selected_ < 0; ++p)
        for (size_t i = 0; i < frame_.views[p].size(); ++i)
          if (frame_.views[p][i] == static_cast<uint8_t>(CitizenView::WronglySanctioned)) {
            inspect(static_cast<int64_t>(i));
            break;
          }
      done = false;
    }
    if (opt_.inspect == kInspectWronglySanctioned && selected_ >= 0 && !frame_.inspect.valid) done = false;
    sr.after_ready = done ? sr.after_ready + 1 : 0;
    // The model has run the weeks but what the picture waits for never comes: give up, bounded.
    // (A sweep still running is not a stall: it takes as long as it takes, with its progress bar.)
    if (model_done && !done && !lesson_.claimsPending(session_) && !ghostPending() &&
        (opt_.sweep.empty() || sr.sweep_written)) {
      if (sr.stalled_since < 0) sr.stalled_since = sr.seconds();
      if (sr.seconds() - sr.stalled_since > 30) {
        std::cerr << "trustlab: the model ran " << frame_.week << " weeks but the screen never became ready "
                  << "(no citizen to inspect?)\n";
        return 1;
      }
    } else {
      sr.stalled_since = -1;
    }
    if (sr.after_ready >= 4) {
      // The picture first: when it cannot be written, the files that describe it are left as they were.
      if (!opt_.screenshot.empty()) {
        std::string why = savePng(opt_.screenshot);
        if (!why.empty()) {
          std::cerr << "trustlab: " << why << "\n";
          return 1;
        }
      }
      if (!opt_.pane_rects.empty()) {
        std::string why = writePaneRects(opt_.pane_rects);
        if (!why.empty()) {
          std::cerr << "trustlab: " << why << "\n";
          return 1;
        }
      }
      if (!opt_.layout_report.empty()) {
        try {
          writeFileAtomic(opt_.layout_report, reportJson());
        } catch (const std::exception& e) {
          std::cerr << "trustlab: " << e.what() << "\n";
          return 1;
        }
      }
      if (!opt_.screenshot.empty()) {
        std::cout << "saved " << opt_.screenshot << " at week " << frame_.week << " (" << sr.frames
                  << " frames, " << sr.seconds() << " s; city cells " << city_.cellPixels(0) << " px, "
                  << city_.citizensPerCell(0) << " citizens per cell)\n";
      }
      if (!opt_.export_csv.empty()) {
        exportCsv(opt_.export_csv);
        if (show_errors_) {
          std::cerr << "trustlab: " << (errors_.empty() ? opt_.export_csv : errors_[0]) << "\n";
          return 1;
        }
        std::cout << "exported " << rows_.size() << " rows to " << opt_.export_csv << " at week "
                  << frame_.week << "\n";
      }
      return 0;
    }
    if (sr.seconds() > 900) {
      std::cerr << "trustlab: timed out waiting for the model\n";
      return 1;
    }
  }
  if (opt_.bench_frames > 0 && frame_.ready) {
    if (sr.bench_week0 < 0) {
      sr.bench_week0 = frame_.week;
      sr.bench_start = Clock::now();
    } else if (++sr.bench_frames >= opt_.bench_frames || frame_.week >= frame_.total_weeks) {
      double secs = std::chrono::duration<double>(Clock::now() - sr.bench_start).count();
      std::printf(
          "bench: %zu citizens x %zu panes, %u x %u window, %d model threads: %.1f frames/s, %.1f weeks/s "
          "(%d frames, %d weeks in %.2f s)\n",
          frame_.population, frame_.names.size(), window_.getSize().x, window_.getSize().y, frame_.threads,
          sr.bench_frames / secs, (frame_.week - sr.bench_week0) / secs, sr.bench_frames,
          frame_.week - sr.bench_week0, secs);
      std::printf("bench: per frame %.1f ms building the UI, %.1f ms drawing, %.1f ms presenting\n",
                  1000 * sr.ui_seconds / sr.frames, 1000 * sr.gl_seconds / sr.frames,
                  1000 * sr.swap_seconds / sr.frames);
      return 0;
    }
  }
  return -1;
}

}  // namespace tl::gui
