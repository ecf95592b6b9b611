// tradeoff_view.hpp: the trade-off view. Sweeps a parameter (from its slider's "Sweep this"
// action, the View menu, a lesson step or the command line) over a range, optionally with
// a second one (a grid), over replications; the sweep runs off the UI thread with a
// progress bar and Cancel; draws the frontier (gui/frontier_plot.hpp) of any two outcomes
// for a group; clicking a point sets the slider there. The numbers are the CLI's.
#pragma once
#include <imgui.h>

#include <string>

#include "gui/session.hpp"
#include "gui/tradeoff_worker.hpp"

namespace sf {
class RenderWindow;
}

namespace tl::gui {

class TradeoffView {
 public:
  // Opens set up to sweep a parameter of one pane (or the world: regime -1) around its value.
  void openFor(const Scenario& s, int regime, P id);
  // Opens with the last set-up (or the first pane's first parameter).
  void open(const Scenario& s);
  // Opens set up as a lesson step or the command line asks, and starts the sweep on `s`;
  // returns what is wrong with the request ("" = started).
  std::string openRequest(const Scenario& s, const LessonSweep& req);
  bool isOpen() const { return open_; }
  // Its window (when open); a click on a point changes the session.
  void draw(Session& s);
  bool running() const { return worker_.running(); }
  // The last sweep finished (successfully or not) since the request: scripted runs wait on it.
  bool settled() const { return settled_; }
  const std::string& error() const { return error_; }
  bool hasResult() const { return worker_.hasResult(); }
  // The finished sweep: its runs and their wall time (shown under the plot, printed by scripted runs).
  const SweepResult& result() const { return worker_.result(); }
  // The finished sweep's frontier.csv, as trustlab-cli sweep writes it.
  std::string frontierCsvText() const;
  // The picture's export: asks for a capture of the plot at the next frame, which the app
  // takes after drawing (captureIfAsked); returns "" or what went wrong.
  void requestPng(const std::string& path) { png_path_ = path, png_frames_ = 2; }
  bool pngPending() const { return !png_path_.empty(); }
  std::string captureIfAsked(sf::RenderWindow& window, std::string& saved);
  // Asked from the view's "Export PNG..." button: the app shows its file dialog.
  bool takePngDialogRequest() {
    bool r = want_png_dialog_;
    want_png_dialog_ = false;
    return r;
  }

 private:
  struct Axis {       // one swept parameter as set up on screen
    int param = -1;   // index into paramTable()
    int regime = -1;  // a pane, or -1 = every pane (regime parameters) / the world
    double lo = 0, hi = 1;
    int count = 11;
    std::string custom;  // values as written (a lesson's list); "" = lo, hi, count
  };
  void setAxis(Axis& a, const Scenario& s, int regime, P id);
  std::string axisPath(const Axis& a) const;
  std::string axisValues(const Axis& a, const Scenario& s, bool with_current) const;
  bool drawAxis(Axis& a, const Scenario& s, const char* id);
  std::string start(const Scenario& s, bool with_current);
  void drawSetup(Session& s);
  void drawPlot(Session& s, ImVec2 size);
  void pickPoint(Session& s, int pane, size_t value, size_t value2);

  bool open_ = false, focus_ = false, setup_open_ = true;
  Axis a1_, a2_;
  bool grid_ = false, with_current_ = true;
  int reps_ = 3;
  int x_ = 0, y_ = 1, group_ = 2;  // outcomes and group (0 A, 1 B, 2 all)
  TradeoffWorker worker_;
  bool settled_ = false;
  std::string error_, status_;
  std::string png_path_;
  int png_frames_ = 0;
  ImVec4 plot_rect_{0, 0, 0, 0};  // screen rectangle of the picture, for the PNG
  bool want_png_dialog_ = false;
};

}  // namespace tl::gui
