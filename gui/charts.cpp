// charts.cpp: live time series per pane, the per-group metrics table and the appeal funnel.
#include "gui/charts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "gui/palette.hpp"

namespace tl::gui {
namespace {

struct SeriesDef {
  const char* title;
  const char* help;
  bool percent;
  double (*get)(const WeekRow&);
};

double share(double a, double pop) { return pop > 0 ? a / pop : 0; }

const SeriesDef kSeries[] = {
    {"sanctioned", "Share of citizens with a sanction in force.", true,
     [](const WeekRow& r) { return share(r.sanctioned, r.population); }},
    {"wrongly sanctioned", "Share of citizens sanctioned although they are not what the regime targets.",
     true, [](const WeekRow& r) { return share(r.wrongly_sanctioned, r.population); }},
    {"benefited", "Share of citizens receiving benefits (rewards, discounts, priority).", true,
     [](const WeekRow& r) { return share(r.benefited, r.population); }},
    {"trust", "Mean trust in institutions (0 = none, 1 = full).", false,
     [](const WeekRow& r) { return r.trust_mean(); }},
    {"appeal backlog", "Appeals waiting in the reviewers' queue.", false,
     [](const WeekRow& r) { return r.appeal_backlog; }},
    {"benign behaviour", "Weekly rate of benign watched behaviour; it falls under surveillance (chilling).",
     true, [](const WeekRow& r) { return r.benign_behaviour_rate(); }},
};

std::string fmtValue(double v, bool percent) {
  char b[32];
  if (std::isnan(v)) return "n/a";
  if (percent)
    std::snprintf(b, sizeof b, v * 100 < 10 ? "%.2f%%" : "%.1f%%", v * 100);
  else if (std::fabs(v) >= 1000)
    std::snprintf(b, sizeof b, "%.0f", v);
  else
    std::snprintf(b, sizeof b, "%.3g", v);
  return b;
}

double niceCeil(double v) {
  if (v <= 0) return 1;
  double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * p >= v) return m * p;
  return 10 * p;
}

void plot(const SeriesDef& def, const std::vector<std::vector<float>>& series,
          const std::vector<int>& weeks_axis, int total_weeks, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(def.title, size);
  bool hovered = ImGui::IsItemHovered();
  float fs = ImGui::GetFontSize();
  ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg), 3);
  dl->AddText(ImVec2(o.x + 4, o.y + 2), text, def.title);
  double ymax = 0;
  for (const auto& s : series)
    for (float v : s) ymax = std::max(ymax, static_cast<double>(v));
  ymax = niceCeil(ymax * 1.05);
  if (def.percent && ymax > 1) ymax = 1;
  float left = o.x + fs * 3.2f, right = o.x + size.x - 6, top = o.y + fs * 1.5f,
        bottom = o.y + size.y - fs * 1.2f;
  if (right <= left + 10 || bottom <= top + 10) return;
  dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), dim);
  dl->AddLine(ImVec2(left, top), ImVec2(left, bottom), dim);
  for (int i = 0; i <= 2; ++i) {
    double v = ymax * i / 2.0;
    float y = bottom - static_cast<float>((bottom - top) * i / 2.0);
    std::string t = fmtValue(v, def.percent);
    ImVec2 ts = ImGui::CalcTextSize(t.c_str());
    dl->AddText(ImVec2(left - ts.x - 3, y - ts.y * 0.5f), dim, t.c_str());
    if (i) dl->AddLine(ImVec2(left, y), ImVec2(right, y), IM_COL32(128, 128, 128, 50));
  }
  // The axis grows a year at a time, so the first weeks are not squeezed into a corner.
  int last = weeks_axis.empty() ? 0 : weeks_axis.back();
  int wmax =
      std::max(1, std::min(std::max(total_weeks, 1), ((last + 51) / 52 + (last % 52 == 0 ? 1 : 0)) * 52));
  char wl[32];
  std::snprintf(wl, sizeof wl, "week %d", wmax);
  ImVec2 wls = ImGui::CalcTextSize(wl);
  dl->AddText(ImVec2(right - wls.x, bottom + 1), dim, wl);
  dl->AddText(ImVec2(left, bottom + 1), dim, "0");
  auto X = [&](int week) { return left + (right - left) * static_cast<float>(week) / wmax; };
  auto Y = [&](double v) { return bottom - static_cast<float>((bottom - top) * std::min(v / ymax, 1.0)); };
  dl->PushClipRect(ImVec2(left, top - 2), ImVec2(right + 1, bottom + 1), true);
  for (size_t p = 0; p < series.size(); ++p) {
    const auto& s = series[p];
    if (s.size() < 2) continue;
    std::vector<ImVec2> pts;
    size_t step = std::max<size_t>(1, s.size() / 600);
    for (size_t i = 0; i < s.size(); i += step) pts.push_back(ImVec2(X(weeks_axis[i]), Y(s[i])));
    pts.push_back(ImVec2(X(weeks_axis[s.size() - 1]), Y(s.back())));
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), paneColour(static_cast<int>(p)), 0, 2.0f);
  }
  dl->PopClipRect();
  if (hovered && !weeks_axis.empty()) {
    float mx = ImGui::GetIO().MousePos.x;
    int week = static_cast<int>(std::lround((mx - left) / (right - left) * wmax));
    auto it = std::lower_bound(weeks_axis.begin(), weeks_axis.end(), week);
    if (it == weeks_axis.end()) --it;
    size_t i = static_cast<size_t>(it - weeks_axis.begin());
    dl->AddLine(ImVec2(X(*it), top), ImVec2(X(*it), bottom), IM_COL32(255, 255, 255, 90));
    ImGui::BeginTooltip();
    ImGui::Text("%s, week %d", def.title, *it);
    ImGui::TextDisabled("%s", def.help);
    for (size_t p = 0; p < series.size(); ++p)
      if (i < series[p].size())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(static_cast<int>(p))), "pane %zu: %s",
                           p + 1, fmtValue(series[p][i], def.percent).c_str());
    ImGui::EndTooltip();
  }
}

std::string rate(double v) {
  if (std::isnan(v)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

}  // namespace

void drawCharts(const std::vector<WeekRow>& rows, const Frame& frame, ImVec2 size) {
  int regimes = static_cast<int>(frame.names.size());
  // Legend: pane colours.
  for (int r = 0; r < regimes; ++r) {
    if (r) ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(r)), "\xE2\x94\x81 %d %s", r + 1,
                       frame.names[static_cast<size_t>(r)].c_str());
  }
  constexpr int kN = sizeof(kSeries) / sizeof(kSeries[0]);
  std::vector<int> weeks;
  for (const auto& row : rows)
    if (row.regime == 0 && row.group == 2) weeks.push_back(row.week);
  float avail_h = size.y - ImGui::GetFrameHeightWithSpacing();
  int cols = size.x > ImGui::GetFontSize() * 56 ? 3 : size.x > ImGui::GetFontSize() * 24 ? 2 : 1;
  int rws = (kN + cols - 1) / cols;
  float sp = ImGui::GetStyle().ItemSpacing.x;
  float min_h = ImGui::GetFontSize() * 6;  // below this, scroll rather than squash
  float width = size.x - (min_h * rws > avail_h ? ImGui::GetStyle().ScrollbarSize : 0);
  ImVec2 cell((width - sp * (cols - 1)) / cols, std::max(min_h, (avail_h - sp * (rws - 1)) / rws));
  for (int k = 0; k < kN; ++k) {
    std::vector<std::vector<float>> series(static_cast<size_t>(regimes));
    for (const auto& row : rows)
      if (row.group == 2 && row.regime >= 0 && row.regime < regimes)
        series[static_cast<size_t>(row.regime)].push_back(static_cast<float>(kSeries[k].get(row)));
    if (k % cols) ImGui::SameLine();
    plot(kSeries[k], series, weeks, frame.total_weeks, cell);
  }
}

void drawMetricsTable(const Frame& frame, const char* label_a, const char* label_b) {
  if (frame.summary.empty()) {
    ImGui::TextDisabled("Run a few weeks to see the numbers.");
    return;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled(
      "Over citizen-weeks so far. FPR: non-targets selected; FNR: targets missed; PPV: selected who "
      "are targets. DI (disparate impact) = selection rate %s / %s; the white line is the four-fifths rule "
      "(0.8 for benefits, 1.25 for sanctions).",
      label_b, label_a);
  ImGui::PopTextWrapPos();
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  for (size_t r = 0; r < frame.summary.size(); ++r) {
    const RegimeSummary& rs = frame.summary[r];
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(static_cast<int>(r))), "%zu %s", r + 1,
                       rs.name.c_str());
    if (!rs.target.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("target: %s", rs.target.c_str());
    }
    ImGui::PushID(static_cast<int>(r));
    if (!ImGui::BeginTable("metrics", 7, flags)) {
      ImGui::PopID();
      continue;
    }
    const char* heads[] = {"group", "base rate", "selected", "FPR", "FNR", "PPV", "DI"};
    for (int c = 0; c < 7; ++c) ImGui::TableSetupColumn(heads[c], 0, c == 6 ? 2.2f : 1.0f);
    ImGui::TableHeadersRow();
    for (int g = 0; g < 3; ++g) {
      const GroupSummary& gs = rs.group[g];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(g == 0 ? label_a : g == 1 ? label_b : "all");
      for (double v :
           {gs.rates.base_rate, gs.rates.selection_rate, gs.rates.fpr, gs.rates.fnr, gs.rates.ppv}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(rate(v).c_str());
      }
      ImGui::TableNextColumn();
      if (g != 2) continue;
      double di = gs.disparate_impact;
      // For a reward (benefits) B is disadvantaged below 0.8; for a sanction, above
      // 1.25 (= 1 / 0.8: B is sanctioned more often). The bar runs from 0 to 2.
      const bool punitive = rs.target != "reliable";
      const bool adverse = !std::isnan(di) && (punitive ? di > 1.25 : di < 0.8);
      ImVec2 o = ImGui::GetCursorScreenPos();
      float w = std::max(40.f, ImGui::GetContentRegionAvail().x), h = ImGui::GetTextLineHeight();
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg));
      if (!std::isnan(di)) {
        float f = static_cast<float>(std::min(di, 2.0) / 2.0);
        ImU32 col =
            adverse ? stateColourU32(CitizenView::WronglySanctioned) : stateColourU32(CitizenView::Rewarded);
        dl->AddRectFilled(o, ImVec2(o.x + w * f, o.y + h), col);
      }
      const float line = punitive ? 1.25f : 0.8f;
      float xl = o.x + w * line / 2.0f;
      dl->AddLine(ImVec2(xl, o.y - 2), ImVec2(xl, o.y + h + 2), IM_COL32(255, 255, 255, 255), 2);
      char b[48];
      std::snprintf(b, sizeof b, "%s%s", rate(di).c_str(), adverse ? (punitive ? " > 5/4" : " < 4/5") : "");
      dl->AddText(ImVec2(o.x + 3, o.y), IM_COL32(255, 255, 255, 255), b);
      ImGui::Dummy(ImVec2(w, h));
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            punitive
                ? "Sanction rate of %s divided by that of %s. The white line is 1.25 = 1/0.8: above it %s "
                  "is sanctioned disproportionately (the four-fifths rule, turned round for a penalty)."
                : "Benefit rate of %s divided by that of %s. The white line is 0.8 (the four-fifths "
                  "rule): below it %s is disadvantaged.",
            label_b, label_a, label_b);
    }
    ImGui::EndTable();
    ImGui::PopID();
  }
}

void drawFunnel(const Frame& frame, const char* label_a, const char* label_b) {
  if (frame.summary.empty()) {
    ImGui::TextDisabled("Run a few weeks to see the appeal funnel.");
    return;
  }
  const char* stages[] = {"wronged", "aware", "appealed", "decided", "overturned"};
  const CitizenView stage_view[] = {CitizenView::WronglySanctioned, CitizenView::Flagged,
                                    CitizenView::InAppeal, CitizenView::RightlySanctioned,
                                    CitizenView::Rewarded};
  float fs = ImGui::GetFontSize();
  for (size_t r = 0; r < frame.summary.size(); ++r) {
    const RegimeSummary& rs = frame.summary[r];
    const GroupSummary& all = rs.group[2];
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(static_cast<int>(r))), "%zu %s", r + 1,
                       rs.name.c_str());
    ImGui::SameLine();
    if (std::isnan(all.median_weeks_to_correction))
      ImGui::TextDisabled("  no error corrected yet");
    else
      ImGui::Text("  median %.1f weeks to correction (%.0f corrected)", all.median_weeks_to_correction,
                  all.corrections);
    const Funnel& fu = all.funnel;
    double vals[] = {fu.wronged, fu.aware, fu.appealed, fu.decided, fu.overturned};
    double top = std::max(1.0, fu.wronged);
    float label_w = fs * 6.0f, w = std::max(50.f, ImGui::GetContentRegionAvail().x - label_w - fs * 9);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int k = 0; k < 5; ++k) {
      ImVec2 o = ImGui::GetCursorScreenPos();
      dl->AddText(o, ImGui::GetColorU32(ImGuiCol_Text), stages[k]);
      float bw = static_cast<float>(w * std::min(1.0, vals[k] / top));
      ImVec2 b0(o.x + label_w, o.y + 2), b1(o.x + label_w + bw, o.y + fs);
      dl->AddRectFilled(b0, ImVec2(o.x + label_w + w, o.y + fs), ImGui::GetColorU32(ImGuiCol_FrameBg));
      dl->AddRectFilled(b0, b1, stateColourU32(stage_view[k]));
      char t[64];
      std::snprintf(t, sizeof t, "%.0f  (%.0f%%)", vals[k],
                    fu.wronged > 0 ? 100.0 * vals[k] / fu.wronged : 0.0);
      dl->AddText(ImVec2(o.x + label_w + w + 6, o.y), ImGui::GetColorU32(ImGuiCol_Text), t);
      ImGui::Dummy(ImVec2(label_w + w + fs * 8, fs + 2));
    }
    const Funnel& fa = rs.group[0].funnel;
    const Funnel& fb = rs.group[1].funnel;
    ImGui::TextDisabled("overturned / wronged: %s %.0f of %.0f, %s %.0f of %.0f", label_a, fa.overturned,
                        fa.wronged, label_b, fb.overturned, fb.wronged);
    ImGui::Separator();
  }
}

}  // namespace tl::gui
