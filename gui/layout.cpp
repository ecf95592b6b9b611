// layout.cpp: where the panels go for a window size (see layout.hpp).
#include "gui/layout.hpp"

#include <algorithm>
#include <cmath>

namespace tl::gui {

float uiScale(float w, float h, bool presenter) {
  float s = presenter ? std::max(1.25f, h / 600.0f) : std::max(1.0f, std::min(w / 1920.0f, h / 1080.0f));
  // Never so large that the toolbar's essentials stop fitting in two rows.
  s = std::min(s, std::max(1.0f, w / 640.0f));
  return std::round(s * 8.0f) / 8.0f;
}

float lessonScale(float w, float h, bool presenter) {
  auto round8 = [](float s) { return std::round(s * 8.0f) / 8.0f; };
  float s = presenter ? round8(h / 544.0f) : round8(std::min(w / 1280.0f, h / 720.0f));
  s = std::min(s, std::floor(w / 768.0f * 8.0f) / 8.0f);  // w / 48 px: about 30 characters in 0.36 w
  return std::max(uiScale(w, h, presenter), s);
}

float minCentreWidth(float font) { return font * 40.0f; }

ScreenLayout computeLayout(const LayoutInput& in) {
  ScreenLayout L;
  const float fs = in.font, W = in.width;
  const float avail_h = std::max(0.0f, in.height - in.top);
  float lw = std::min(std::max(W * 0.2f, fs * 17), W * 0.34f);
  float rw = std::min(std::max(W * 0.22f, fs * 19), W * 0.36f);
  const float cmin = std::min(minCentreWidth(fs), W * 0.6f);
  // Larger lesson text widens the right column to about 34 characters a line, as far as the centre
  // keeps 40 lines of text wide (the outcome tiles' numbers shrink with it: at 1280x800 presenter the
  // column stays as it was, 29 characters of 24 px text).
  if (in.lesson_font > fs) {
    const float beside = in.want_policy ? lw : 0;
    rw = std::max(rw, std::min({in.lesson_font * 20, W - beside - minCentreWidth(fs), W * 0.36f}));
  }
  L.policy_shown = in.want_policy;
  L.right_shown = in.want_right;
  if (L.policy_shown && L.right_shown && W - lw - rw < cmin) {
    L.stacked = true;  // one side column, policy as its first tab
    L.policy_shown = false;
  }
  float left = L.policy_shown ? lw : 0;
  float right = L.right_shown ? rw : 0;
  if (L.policy_shown && !L.right_shown && W - left < cmin) left = std::max(0.0f, W - cmin);
  if (L.right_shown && W - left - right < cmin) right = std::max(fs * 12, W - left - cmin);
  L.policy = {0, in.top, left, avail_h};
  L.right = {W - right, in.top, right, avail_h};
  L.centre = {left, in.top, std::max(0.0f, W - left - right), avail_h};
  // The centre, top to bottom: the city, the outcome tiles (as tall as they need), the charts.
  // The charts keep room for one row of plots and their tab bar; the city takes the rest up to a
  // share of the height (it shrinks to what it uses, see CityPanel).
  float analysis_min = fs * (in.presenter ? 7.5f : 9.0f);
  // The folded charts: one button (the text and its padding) and the panel's padding, both of which
  // grow with the text (the style is scaled as the font: 3 and 8 pixels a side at 16 px), and borders.
  const float strip = fs * (1 + 22.0f / 16.0f) + 4;
  // The tiles get the height they need, up to what leaves the city ten lines (or what its key and
  // smallest cells need) and the charts their strip, or their row of plots when the lecturer opened
  // them (then the tiles' numbers shrink to fit; at 1024x768 presenter the open charts had crushed
  // the city to one row of cells and cut its key).
  const float charts_h = in.charts_wanted ? analysis_min : strip;
  float outcomes =
      std::min(in.outcomes_h, std::min(avail_h * 0.6f, avail_h - std::max(fs * 10, in.city_min) - charts_h));
  float city_pref = std::floor(avail_h * (in.presenter ? 0.58f : 0.5f));
  // The height that gives every citizen a 2-pixel cell: the cells, plus about eight lines of
  // titles, block labels, key and controls. When the charts would leave less, they fold into a
  // strip (a button brings them back).
  float pane_w = std::max(1.0f, (L.centre.w - fs) / std::max(1, in.panes));
  float city_need = static_cast<float>(in.population) * 4.0f * 1.2f / pane_w + fs * 8.0f;
  if (!in.charts_wanted && avail_h - outcomes - analysis_min < std::min(city_need, city_pref)) {
    L.analysis_collapsed = true;
    analysis_min = strip;
    city_pref = avail_h - outcomes - analysis_min;
  }
  float city = std::max(fs * 6, std::min(city_pref, avail_h - outcomes - analysis_min));
  L.city = {L.centre.x, in.top, L.centre.w, city};
  L.outcomes = {L.centre.x, in.top + city, L.centre.w, outcomes};
  L.analysis = {L.centre.x, in.top + city + outcomes, L.centre.w, std::max(0.0f, avail_h - city - outcomes)};
  L.analysis_tabs = L.centre.w < fs * 62;
  return L;
}

}  // namespace tl::gui
