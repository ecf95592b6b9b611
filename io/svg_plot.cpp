// svg_plot.cpp: draws the frontier as SVG text. Sizes are for print: 960 x 640 user
// units, 13-20 px type, colours from the Okabe-Ito palette (safe for colour-blind
// readers) plus a marker shape per regime and a dash per second value (safe in grey).
#include "io/svg_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace tl {
namespace {

constexpr double kW = 960, kH = 640;
constexpr double kLeft = 100, kRight = 700, kTop = 106, kBottom = 560;  // the plot area
const char* const kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
const char* const kDashes[] = {"", "7,4", "2,3", "9,3,2,3", "14,4", "4,2,4,6"};

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

bool parseDouble(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end && *end == '\0' && std::isfinite(out);
}

// Axis ticks at 1, 2 or 5 x 10^k covering [lo, hi].
struct Axis {
  double lo, hi, step;
  int decimals;
};

Axis niceAxis(double lo, double hi) {
  if (!(hi > lo)) {
    double pad = std::fabs(lo) > 0 ? std::fabs(lo) * 0.1 : 1.0;
    lo -= pad;
    hi += pad;
  }
  double pad = (hi - lo) * 0.06;
  // Counts and rates cannot be negative: do not invent a negative axis for them.
  double lo_p = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
  double hi_p = hi + pad;
  double raw = (hi_p - lo_p) / 6;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  Axis a;
  a.lo = std::floor(lo_p / step) * step;
  a.hi = std::ceil(hi_p / step) * step;
  a.step = step;
  a.decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  if (std::fabs(step / std::pow(10.0, -a.decimals) - 2.5) < 1e-9) ++a.decimals;  // 0.25
  return a;
}

// A tick label: thousands separated, decimals as the step needs.
std::string tickText(double v, int decimals) {
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", decimals, std::fabs(v) < 1e-12 ? 0.0 : v);
  std::string s = b;
  size_t dot = s.find('.');
  size_t int_end = dot == std::string::npos ? s.size() : dot;
  size_t first = (s[0] == '-') ? 1 : 0;
  for (int i = static_cast<int>(int_end) - 3; i > static_cast<int>(first); i -= 3)
    s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string marker(int shape, double x, double y, double r, const std::string& fill,
                   const std::string& stroke) {
  std::string style = " fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"1.5\"/>\n";
  switch (shape % 4) {
    case 0:
      return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\"" + style;
    case 1:
      return "<rect x=\"" + num(x - r) + "\" y=\"" + num(y - r) + "\" width=\"" + num(2 * r) +
             "\" height=\"" + num(2 * r) + "\"" + style;
    case 2:
      return "<path d=\"M" + num(x) + "," + num(y - r * 1.2) + " L" + num(x + r * 1.1) + "," +
             num(y + r * 0.8) + " L" + num(x - r * 1.1) + "," + num(y + r * 0.8) + " Z\"" + style;
    default:
      return "<path d=\"M" + num(x) + "," + num(y - r * 1.3) + " L" + num(x + r * 1.1) + "," + num(y) + " L" +
             num(x) + "," + num(y + r * 1.3) + " L" + num(x - r * 1.1) + "," + num(y) + " Z\"" + style;
  }
}

// Text with a white halo so it stays legible over lines and error bars.
std::string label(double x, double y, const std::string& text, int size, const std::string& anchor,
                  const std::string& extra = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + std::to_string(size) +
         "\" text-anchor=\"" + anchor + "\"" + extra + ">" + esc(text) + "</text>\n";
}

struct Point {
  double x, y, xlo, xhi, ylo, yhi;
  std::string value;
  bool current;
};

struct Curve {
  int regime;
  int dash;
  std::string value2;
  std::vector<Point> points;
};

struct Box {
  double x, y, w, h;
  bool overlaps(const Box& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
};

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> out(1);
  for (char c : text) c == '\n' ? out.push_back("") : out.back().push_back(c);
  return out;
}

// A parameter path in lines of at most `width` characters, broken after dots.
std::vector<std::string> wrapPath(const std::string& path, size_t width) {
  std::vector<std::string> lines(1);
  size_t start = 0;
  while (start < path.size()) {
    size_t dot = path.find('.', start);
    std::string piece = path.substr(start, dot == std::string::npos ? std::string::npos : dot + 1 - start);
    if (!lines.back().empty() && lines.back().size() + piece.size() > width) lines.emplace_back();
    lines.back() += piece;
    start += piece.size();
  }
  return lines;
}

std::string axisTitle(const Outcome& o) { return o.label + " (" + o.unit + ")"; }

}  // namespace

bool sameValue(const std::string& a, const std::string& b) {
  double x, y;
  if (parseDouble(a, x) && parseDouble(b, y))
    return x == y || std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x));
  return a == b;
}

std::string frontierSvg(const std::vector<FrontierRow>& rows, const FrontierPlot& plot) {
  const auto& outcomes = frontierOutcomes();
  const size_t xi = static_cast<size_t>(plot.x), yi = static_cast<size_t>(plot.y);
  const bool grid = !plot.param2.empty();

  // Second values in order of appearance: one dash pattern each.
  std::vector<std::string> values2;
  for (const auto& r : rows)
    if (std::find(values2.begin(), values2.end(), r.value2) == values2.end()) values2.push_back(r.value2);

  // Curves: per regime (x value2), points in the order of the swept values.
  std::vector<Curve> curves;
  for (size_t ri = 0; ri < plot.regimes.size(); ++ri) {
    const auto& reg = plot.regimes[ri];
    for (size_t v2 = 0; v2 < values2.size(); ++v2) {
      Curve c{static_cast<int>(ri), static_cast<int>(v2), values2[v2], {}};
      for (const auto& r : rows) {
        if (r.regime != reg.name || r.group != plot.group || r.value2 != values2[v2]) continue;
        const Estimate& ex = r.outcomes[xi];
        const Estimate& ey = r.outcomes[yi];
        if (!std::isfinite(ex.mean) || !std::isfinite(ey.mean)) continue;  // n/a: nothing to place
        bool cur = reg.affected && !reg.current.empty() && sameValue(r.value, reg.current) &&
                   (!grid || (!reg.current2.empty() && sameValue(r.value2, reg.current2)));
        c.points.push_back({ex.mean, ey.mean, std::isfinite(ex.low) ? ex.low : ex.mean,
                            std::isfinite(ex.high) ? ex.high : ex.mean,
                            std::isfinite(ey.low) ? ey.low : ey.mean,
                            std::isfinite(ey.high) ? ey.high : ey.mean, r.value, cur});
      }
      // Join the points in the order of the swept values when they are numbers.
      bool numeric = std::all_of(c.points.begin(), c.points.end(), [](const Point& p) {
        double d;
        return parseDouble(p.value, d);
      });
      if (numeric)
        std::stable_sort(c.points.begin(), c.points.end(), [](const Point& a, const Point& b) {
          return std::strtod(a.value.c_str(), nullptr) < std::strtod(b.value.c_str(), nullptr);
        });
      curves.push_back(std::move(c));
    }
  }

  // Axes fit the curves the sweep changes (with their intervals); a regime it does not
  // change is drawn as a reference when it falls inside, and said to be off the chart otherwise.
  bool any_affected = false;
  for (const auto& c : curves)
    if (plot.regimes[static_cast<size_t>(c.regime)].affected && !c.points.empty()) any_affected = true;
  double xmin = std::numeric_limits<double>::infinity(), xmax = -xmin, ymin = xmin, ymax = -xmin;
  size_t placed = 0;
  for (const auto& c : curves) {
    if (any_affected && !plot.regimes[static_cast<size_t>(c.regime)].affected) continue;
    for (const auto& p : c.points) {
      xmin = std::min(xmin, p.xlo), xmax = std::max(xmax, p.xhi);
      ymin = std::min(ymin, p.ylo), ymax = std::max(ymax, p.yhi);
      ++placed;
    }
  }
  if (!placed) xmin = 0, xmax = 1, ymin = 0, ymax = 1;
  Axis ax = niceAxis(xmin, xmax), ay = niceAxis(ymin, ymax);
  auto px = [&](double v) { return kLeft + (v - ax.lo) / (ax.hi - ax.lo) * (kRight - kLeft); };
  auto py = [&](double v) { return kBottom - (v - ay.lo) / (ay.hi - ay.lo) * (kBottom - kTop); };

  std::string s;
  s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(kW) + "\" height=\"" + num(kH) +
       "\" viewBox=\"0 0 " + num(kW) + " " + num(kH) +
       "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" fill=\"#222\">\n";
  s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  s += label(kLeft - 70, 30, plot.title, 20, "start", " font-weight=\"bold\"");
  double sy = 52;
  for (const std::string& line : splitLines(plot.subtitle)) {
    s += label(kLeft - 70, sy, line, 13, "start", " fill=\"#444\"");
    sy += 17;
  }

  // Grid, ticks and axis titles.
  s += "<g stroke=\"#ddd\" stroke-width=\"1\">\n";
  for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step)
    s += "<line x1=\"" + num(px(t)) + "\" y1=\"" + num(kTop) + "\" x2=\"" + num(px(t)) + "\" y2=\"" +
         num(kBottom) + "\"/>\n";
  for (double t = ay.lo; t <= ay.hi + ay.step * 1e-6; t += ay.step)
    s += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(py(t)) + "\" x2=\"" + num(kRight) + "\" y2=\"" +
         num(py(t)) + "\"/>\n";
  s += "</g>\n";
  s += "<rect x=\"" + num(kLeft) + "\" y=\"" + num(kTop) + "\" width=\"" + num(kRight - kLeft) +
       "\" height=\"" + num(kBottom - kTop) + "\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.2\"/>\n";
  for (double t = ax.lo; t <= ax.hi + ax.step * 1e-6; t += ax.step)
    s += label(px(t), kBottom + 20, tickText(t, ax.decimals), 13, "middle");
  for (double t = ay.lo; t <= ay.hi + ay.step * 1e-6; t += ay.step)
    s += label(kLeft - 8, py(t) + 4.5, tickText(t, ay.decimals), 13, "end");
  s += label((kLeft + kRight) / 2, kBottom + 48, axisTitle(outcomes[xi]), 15, "middle");
  s += "<text transform=\"translate(" + num(kLeft - 70) + "," + num((kTop + kBottom) / 2) +
       ") rotate(-90)\" font-size=\"15\" text-anchor=\"middle\">" + esc(axisTitle(outcomes[yi])) +
       "</text>\n";
  if (!placed)
    s += label((kLeft + kRight) / 2, (kTop + kBottom) / 2, "no defined values (n/a) for this group", 15,
               "middle", " fill=\"#888\"");

  // Curves: line, then error bars, then markers, then value labels (so labels stay on top).
  std::string lines, bars, marks, texts;
  std::vector<bool> off_chart(plot.regimes.size(), false);
  struct Wanted {
    double x, y;
    std::string text, colour;
    int rank;  // placed in rank order, 0 first
    bool current() const { return rank == 0; }
  };
  std::vector<Wanted> wanted;
  std::vector<Box> taken;
  for (const auto& c : curves) {
    if (c.points.empty()) continue;
    const auto& reg = plot.regimes[static_cast<size_t>(c.regime)];
    bool inside = std::all_of(c.points.begin(), c.points.end(), [&](const Point& p) {
      return p.x >= ax.lo && p.x <= ax.hi && p.y >= ay.lo && p.y <= ay.hi;
    });
    if (!inside) {
      off_chart[static_cast<size_t>(c.regime)] = true;
      continue;
    }
    std::string colour = kColours[c.regime % 6];
    std::string dash = kDashes[c.dash % 6];
    std::string path;
    for (const auto& p : c.points) path += (path.empty() ? "M" : " L") + num(px(p.x)) + "," + num(py(p.y));
    lines += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
             (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + " stroke-linejoin=\"round\"/>\n";
    // Every point asks for a label with a priority: the current setting, the ends, about
    // ten evenly spaced, then the rest (placed while there is room). A regime the
    // parameter does not change gets none: its points are all the same.
    size_t n = c.points.size();
    size_t every = std::max<size_t>(1, (n + 9) / 10);
    for (size_t i = 0; i < n; ++i) {
      const Point& p = c.points[i];
      double x = px(p.x), y = py(p.y);
      const double cap = 3.5;
      if (p.xhi > p.xlo)
        bars += "<path d=\"M" + num(px(p.xlo)) + "," + num(y) + " H" + num(px(p.xhi)) + " M" +
                num(px(p.xlo)) + "," + num(y - cap) + " V" + num(y + cap) + " M" + num(px(p.xhi)) + "," +
                num(y - cap) + " V" + num(y + cap) + "\" stroke=\"" + colour +
                "\" stroke-opacity=\"0.45\" stroke-width=\"1\"/>\n";
      if (p.yhi > p.ylo)
        bars += "<path d=\"M" + num(x) + "," + num(py(p.ylo)) + " V" + num(py(p.yhi)) + " M" + num(x - cap) +
                "," + num(py(p.ylo)) + " H" + num(x + cap) + " M" + num(x - cap) + "," + num(py(p.yhi)) +
                " H" + num(x + cap) + "\" stroke=\"" + colour +
                "\" stroke-opacity=\"0.45\" stroke-width=\"1\"/>\n";
      marks += marker(c.regime, x, y, 4, "white", colour);
      if (p.current)
        marks += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) +
                 "\" r=\"10\" fill=\"none\" stroke=\"#111\" stroke-width=\"2.2\"/>\n";
      int rank = p.current ? 0 : (i == 0 || i + 1 == n) ? 1 : i % every == 0 ? 2 : 3;
      if (reg.affected) wanted.push_back({x, y, p.current ? p.value + " (current)" : p.value, colour, rank});
    }
  }
  // Labels in rank order; one that would overlap a label
  // already placed tries the other three corners of its point, then is left out.
  std::stable_sort(wanted.begin(), wanted.end(),
                   [](const Wanted& a, const Wanted& b) { return a.rank < b.rank; });
  for (const Wanted& l : wanted) {
    int size = l.current() ? 12 : 11;
    double w = 0.62 * size * static_cast<double>(l.text.size()), h = size;
    const double gap = l.current() ? 12 : 7;  // clear of the ring around the current point
    const double dx[] = {gap, gap, -gap - w, -gap - w}, dy[] = {-gap, gap + h, -gap, gap + h};
    for (int k = 0; k < 4; ++k) {
      Box b{l.x + dx[k], l.y + dy[k] - h, w, h};
      bool clear = b.x >= kLeft && b.x + b.w <= kRight && b.y >= kTop && b.y + b.h <= kBottom;
      for (const Box& o : taken) clear = clear && !b.overlaps(o);
      if (!clear && !(l.current() && k == 3)) continue;
      taken.push_back(b);
      texts += label(b.x, b.y + h - 1, l.text, size, "start",
                     std::string(" fill=\"") + (l.current() ? "#111" : l.colour) +
                         "\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"" +
                         (l.current() ? " font-weight=\"bold\"" : ""));
      break;
    }
  }
  s += "<defs><clipPath id=\"area\"><rect x=\"" + num(kLeft) + "\" y=\"" + num(kTop) + "\" width=\"" +
       num(kRight - kLeft) + "\" height=\"" + num(kBottom - kTop) + "\"/></clipPath></defs>\n";
  s += "<g clip-path=\"url(#area)\">\n" + lines + bars + marks + "</g>\n" + texts;

  // Legend on the right.
  double lx = kRight + 24, ly = kTop + 6;
  s += label(lx, ly, "Regime (pane)", 14, "start", " font-weight=\"bold\"");
  ly += 22;
  for (size_t ri = 0; ri < plot.regimes.size(); ++ri) {
    const auto& reg = plot.regimes[ri];
    std::string colour = kColours[ri % 6];
    s += "<line x1=\"" + num(lx) + "\" y1=\"" + num(ly - 4) + "\" x2=\"" + num(lx + 30) + "\" y2=\"" +
         num(ly - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"2\"/>\n";
    s += marker(static_cast<int>(ri), lx + 15, ly - 4, 4, "white", colour);
    std::string name = reg.name.size() > 28 ? reg.name.substr(0, 27) + "…" : reg.name;
    s += label(lx + 38, ly, name, 13, "start");
    if (!reg.affected) {
      ly += 16;
      s += label(lx + 38, ly, "(not changed by the sweep)", 11, "start", " fill=\"#666\"");
    }
    if (off_chart[ri]) {
      ly += 16;
      s += label(lx + 38, ly, "(off the chart)", 11, "start", " fill=\"#666\"");
    }
    ly += 22;
  }
  if (grid) {
    ly += 6;
    if (!plot.param2_label.empty()) {
      s += label(lx, ly, plot.param2_label, 13, "start", " font-weight=\"bold\"");
      ly += 17;
    }
    for (const std::string& line : wrapPath(plot.param2, 34)) {
      s += label(lx, ly, line, 12, "start", " fill=\"#444\"");
      ly += 16;
    }
    ly += 4;
    for (size_t v = 0; v < values2.size(); ++v) {
      std::string dash = kDashes[v % 6];
      s += "<line x1=\"" + num(lx) + "\" y1=\"" + num(ly - 4) + "\" x2=\"" + num(lx + 30) + "\" y2=\"" +
           num(ly - 4) + "\" stroke=\"#444\" stroke-width=\"2\"" +
           (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
      s += label(lx + 38, ly, "= " + values2[v], 13, "start");
      ly += 20;
    }
  }
  ly += 10;
  s += "<circle cx=\"" + num(lx + 15) + "\" cy=\"" + num(ly - 4) +
       "\" r=\"10\" fill=\"none\" stroke=\"#111\" stroke-width=\"2.2\"/>\n";
  s += label(lx + 38, ly, "current setting", 13, "start");
  ly += 26;
  s += "<path d=\"M" + num(lx + 3) + "," + num(ly - 4) + " H" + num(lx + 27) + " M" + num(lx + 3) + "," +
       num(ly - 8) + " V" + num(ly) + " M" + num(lx + 27) + "," + num(ly - 8) + " V" + num(ly) +
       "\" stroke=\"#444\" stroke-width=\"1.2\"/>\n";
  s += label(lx + 38, ly, "95 % interval of the mean", 13, "start");
  ly += 17;
  s += label(lx + 38, ly, "(Student t, " + std::to_string(plot.reps) + " replications)", 11, "start",
             " fill=\"#444\"");
  ly += 26;
  s += label(lx, ly, "Point labels: the value of", 12, "start", " fill=\"#444\"");
  if (!plot.param_label.empty()) {
    ly += 16;
    s += label(lx, ly, plot.param_label, 12, "start", " fill=\"#444\" font-weight=\"bold\"");
  }
  for (const std::string& line : wrapPath(plot.param, 34)) {
    ly += 16;
    s += label(lx, ly, line, 12, "start", " fill=\"#444\"");
  }
  s += label(kW - 12, kH - 12, "trustlab: synthetic citizens only", 11, "end", " fill=\"#888\"");
  s += "</svg>\n";
  return s;
}

}  // namespace tl
