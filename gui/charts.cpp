// charts.cpp: live time series per pane (colour and dash pattern), axes that fit the data, and a
// labelled marker at each week the run was changed.
#include "gui/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "gui/layout_report.hpp"
#include "gui/number_format.hpp"
#include "gui/palette.hpp"

namespace tl::gui {
namespace {

struct SeriesDef {
  const char* title;
  const char* help;
  bool percent;
  bool from_zero;  // counts start the axis at 0; levels (trust, behaviour) fit their range
  double (*get)(const WeekRow&);
};

double share(double a, double pop) { return pop > 0 ? a / pop : 0; }

const SeriesDef kSeries[] = {
    {"sanctioned", "Share of citizens with a sanction in force.", true, true,
     [](const WeekRow& r) { return share(r.sanctioned, r.population); }},
    {"wrongly sanctioned", "Share of citizens sanctioned although they are not what the regime targets.",
     true, true, [](const WeekRow& r) { return share(r.wrongly_sanctioned, r.population); }},
    {"benefited", "Share of citizens receiving benefits (rewards, discounts, priority).", true, true,
     [](const WeekRow& r) { return share(r.benefited, r.population); }},
    {"trust", "Mean trust in institutions (0 = none, 1 = full); the axis shows the range reached.", false,
     false, [](const WeekRow& r) { return r.trust_mean(); }},
    {"appeal backlog", "Appeals waiting in the reviewers' queue.", false, true,
     [](const WeekRow& r) { return r.appeal_backlog; }},
    {"benign behaviour",
     "Weekly rate of benign watched behaviour; it falls under surveillance (chilling). The axis shows the "
     "range reached.",
     true, false, [](const WeekRow& r) { return r.benign_behaviour_rate(); }},
};
constexpr int kSeriesCount = sizeof(kSeries) / sizeof(kSeries[0]);

std::string fmtValue(double v, bool percent) {
  if (std::isnan(v)) return "n/a";
  if (percent) return percentText(v);
  char b[32];
  if (std::fabs(v) >= 1000)
    return countText(v);
  else
    std::snprintf(b, sizeof b, "%.3g", v);
  return b;
}

void plot(const SeriesDef& def, const std::vector<std::vector<float>>& series,
          const std::vector<int>& weeks_axis, int total_weeks, const std::vector<ChangeMark>& marks,
          ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(def.title, size);
  bool hovered = ImGui::IsItemHovered();
  float fs = ImGui::GetFontSize();
  ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg), 3);
  dl->AddText(ImVec2(o.x + 4, o.y + 2), text, def.title);
  // The axis fits the data: from 0 for counts and shares, the range reached for levels.
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& s : series)
    for (float v : s) lo = std::min(lo, static_cast<double>(v)), hi = std::max(hi, static_cast<double>(v));
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (def.from_zero) lo = std::min(0.0, lo);
  double span = hi - lo;
  if (span <= 0) span = hi != 0 ? std::fabs(hi) * 0.1 : def.percent ? 0.01 : 1;  // all zero: a low axis
  double step = niceStep(span * 1.05, 2);
  double ymin = std::floor(lo / step) * step, ymax = std::ceil(hi / step) * step;
  if (ymax <= ymin) ymax = ymin + step;
  if (def.percent && ymax > 1 && ymin >= 0) ymax = std::max(1.0, ymin + step);
  // Room for the longest tick label on the left.
  float label_w = 0;
  for (double v = ymin; v <= ymax + step * 0.5; v += step)
    label_w = std::max(label_w, ImGui::CalcTextSize(fmtValue(v, def.percent).c_str()).x);
  float left = o.x + label_w + 8, right = o.x + size.x - 6, top = o.y + fs * 1.5f,
        bottom = o.y + size.y - fs * 1.2f;
  if (right <= left + 10 || bottom <= top + 10) return;
  dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), dim);
  dl->AddLine(ImVec2(left, top), ImVec2(left, bottom), dim);
  auto Y = [&](double v) {
    return bottom -
           static_cast<float>((bottom - top) * std::min(std::max((v - ymin) / (ymax - ymin), 0.0), 1.0));
  };
  int n_ticks = static_cast<int>(std::lround((ymax - ymin) / step));
  int every = std::max(1, n_ticks / std::max(1, static_cast<int>((bottom - top) / (fs * 1.1f))));
  for (int i = 0; i <= n_ticks; i += every) {
    double v = ymin + step * i;
    float y = Y(v);
    std::string t = fmtValue(v, def.percent);
    ImVec2 ts = ImGui::CalcTextSize(t.c_str());
    dl->AddText(ImVec2(left - ts.x - 3, y - ts.y * 0.5f), dim, t.c_str());
    if (i) dl->AddLine(ImVec2(left, y), ImVec2(right, y), IM_COL32(128, 128, 128, 50));
  }
  // The x axis grows a year at a time, so the first weeks are not squeezed into a corner.
  int last = weeks_axis.empty() ? 0 : weeks_axis.back() + 1;
  int wmax = std::max(1, std::min(std::max(total_weeks, 1), std::max(52, (last + 51) / 52 * 52)));
  char wl[32];
  std::snprintf(wl, sizeof wl, "week %d", wmax);
  ImVec2 wls = ImGui::CalcTextSize(wl);
  dl->AddText(ImVec2(right - wls.x, bottom + 1), dim, wl);
  dl->AddText(ImVec2(left, bottom + 1), dim, "0");
  // A row of week w describes the state at the end of week w + 1.
  auto X = [&](int week) { return left + (right - left) * static_cast<float>(week) / wmax; };
  dl->PushClipRect(ImVec2(left, top - 2), ImVec2(right + 1, bottom + 1), true);
  // Changes: a vertical line at the week they took effect, numbered as in the list above.
  int prev_week = -1;
  for (size_t m = 0; m < marks.size(); ++m) {
    if (marks[m].week == prev_week) continue;
    prev_week = marks[m].week;
    float x = X(marks[m].week);
    for (float y = top; y < bottom; y += 6)
      dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 3, bottom)), text, 1.5f);
    char num[24];
    std::snprintf(num, sizeof num, "%zu", m + 1);
    ImVec2 ns = ImGui::CalcTextSize(num);
    float nx = std::min(x + 2, right - ns.x - 2);
    dl->AddRectFilled(ImVec2(nx - 1, top), ImVec2(nx + ns.x + 1, top + ns.y),
                      ImGui::GetColorU32(ImGuiCol_WindowBg));
    dl->AddText(ImVec2(nx, top), text, num);
  }
  for (size_t p = 0; p < series.size(); ++p) {
    const auto& s = series[p];
    if (s.size() < 2) continue;
    std::vector<ImVec2> pts;
    size_t stride = std::max<size_t>(1, s.size() / 600);
    for (size_t i = 0; i < s.size(); i += stride) pts.push_back(ImVec2(X(weeks_axis[i] + 1), Y(s[i])));
    pts.push_back(ImVec2(X(weeks_axis[s.size() - 1] + 1), Y(s.back())));
    addPaneLine(dl, pts.data(), static_cast<int>(pts.size()), static_cast<int>(p),
                std::max(2.0f, fs * 0.13f));
  }
  dl->PopClipRect();
  if (hovered && !weeks_axis.empty()) {
    float mx = ImGui::GetIO().MousePos.x;
    int week = static_cast<int>(std::lround((mx - left) / (right - left) * wmax)) - 1;
    auto it = std::lower_bound(weeks_axis.begin(), weeks_axis.end(), week);
    if (it == weeks_axis.end()) --it;
    size_t i = static_cast<size_t>(it - weeks_axis.begin());
    dl->AddLine(ImVec2(X(*it + 1), top), ImVec2(X(*it + 1), bottom), IM_COL32(255, 255, 255, 90));
    ImGui::BeginTooltip();
    ImGui::Text("%s, week %d", def.title, *it + 1);
    ImGui::PushTextWrapPos(fs * 24);
    ImGui::TextDisabled("%s", def.help);
    ImGui::PopTextWrapPos();
    for (size_t p = 0; p < series.size(); ++p)
      if (i < series[p].size())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(static_cast<int>(p))), "pane %zu: %s",
                           p + 1, fmtValue(series[p][i], def.percent).c_str());
    for (size_t m = 0; m < marks.size(); ++m)
      ImGui::Text("%zu: week %d, %s", m + 1, marks[m].week, marks[m].text.c_str());
    ImGui::EndTooltip();
  }
}

int g_first_chart = 0;  // the first chart shown when they do not all fit (kept between frames)

}  // namespace

void drawCharts(const std::vector<WeekRow>& rows, const Frame& frame, const std::vector<ChangeMark>& marks,
                ImVec2 size) {
  const int regimes = static_cast<int>(frame.names.size());
  const float fs = ImGui::GetFontSize();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float min_h = fs * 5.0f;  // below this a chart is not readable: page instead of squashing
  // Legend: each pane's number, line sample and name, when there is room for it and a row of
  // charts (the outcome tiles and the city titles name the panes too).
  const float pager_h = ImGui::GetFrameHeightWithSpacing();
  if (size.y - ImGui::GetTextLineHeightWithSpacing() * (marks.empty() ? 1 : 2) - pager_h >= min_h) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int r = 0; r < regimes; ++r) {
      std::string name = std::to_string(r + 1) + " " + frame.names[static_cast<size_t>(r)];
      float w = fs * 1.6f + ImGui::CalcTextSize(name.c_str()).x;
      if (r && ImGui::GetContentRegionAvail().x > w + ImGui::GetStyle().ItemSpacing.x * 2)
        ImGui::SameLine(0, fs);
      ImVec2 at = ImGui::GetCursorScreenPos();
      drawPaneDash(dl, ImVec2(at.x, at.y + fs * 0.6f), fs * 1.3f, r);
      ImGui::Dummy(ImVec2(fs * 1.5f, fs));
      ImGui::SameLine(0, 2);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(r)), "%s", name.c_str());
    }
    if (!marks.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("Change %zu at week %d: %s", marks.size(), marks.back().week,
                          marks.back().text.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  std::vector<int> weeks;
  for (const auto& row : rows)
    if (row.regime == 0 && row.group == 2) weeks.push_back(row.week);
  float used = ImGui::GetCursorScreenPos().y - start.y;
  float avail_h = size.y - used;
  float sp = ImGui::GetStyle().ItemSpacing.x;
  int cols = size.x > fs * 56 ? 3 : size.x > fs * 24 ? 2 : 1;
  int fit_rows = std::max(1, static_cast<int>((avail_h + sp) / (min_h + sp)));
  int rows_needed = (kSeriesCount + cols - 1) / cols;
  int shown = kSeriesCount;
  bool paged = fit_rows < rows_needed;
  if (paged) {
    avail_h -= ImGui::GetFrameHeightWithSpacing();  // the pager's line
    fit_rows = std::max(1, static_cast<int>((avail_h + sp) / (min_h + sp)));
    shown = std::min(kSeriesCount, fit_rows * cols);
    g_first_chart = std::min(std::max(0, g_first_chart), kSeriesCount - 1);
    if (ImGui::ArrowButton("##prev_charts", ImGuiDir_Left))
      g_first_chart = (g_first_chart - shown + kSeriesCount) % kSeriesCount;
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next_charts", ImGuiDir_Right))
      g_first_chart = (g_first_chart + shown) % kSeriesCount;
    ImGui::SameLine();
    ImGui::Text("charts %d-%d of %d", g_first_chart + 1, std::min(kSeriesCount, g_first_chart + shown),
                kSeriesCount);
  } else {
    g_first_chart = 0;
  }
  int rws = (shown + cols - 1) / cols;
  ImVec2 cell((size.x - sp * (cols - 1)) / cols, std::max(fs * 3.0f, (avail_h - sp * (rws - 1)) / rws));
  if (cell.y * rws + sp * (rws - 1) > avail_h + 0.5f)
    reportClipped("charts", "charts taller than their panel", cell.y * rws, avail_h);
  for (int k = 0; k < shown; ++k) {
    int idx = (g_first_chart + k) % kSeriesCount;
    std::vector<std::vector<float>> series(static_cast<size_t>(regimes));
    for (const auto& row : rows)
      if (row.group == 2 && row.regime >= 0 && row.regime < regimes)
        series[static_cast<size_t>(row.regime)].push_back(static_cast<float>(kSeries[idx].get(row)));
    if (k % cols) ImGui::SameLine();
    plot(kSeries[idx], series, weeks, frame.total_weeks, marks, cell);
  }
}

}  // namespace tl::gui
