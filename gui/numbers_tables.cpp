// numbers_tables.cpp: the per-group error and fairness table (from the weekly rows, since the start
// or since a change) and the appeal funnel (whole run), with rates printed with enough digits.
#include "gui/numbers_tables.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "gui/layout_report.hpp"
#include "gui/number_format.hpp"
#include "gui/palette.hpp"
#include "sim/metrics.hpp"

namespace tl::gui {
namespace {
// A ratio such as the disparate impact with three significant digits (0.812, 1.25, 11.5, 115):
// a large one does not grow wider than the small ones.
std::string ratioText(double v) {
  if (!std::isfinite(v)) return "n/a";
  const double a = std::fabs(v);
  if (a < 10) return rateText(v);
  char b[48];
  std::snprintf(b, sizeof b, "%.*f", a < 100 ? 1 : 0, v);
  return b;
}
}  // namespace

void drawMetricsTable(const std::vector<WeekRow>& rows, const Frame& frame, int since, const char* label_a,
                      const char* label_b) {
  if (frame.summary.empty() || rows.empty()) {
    ImGui::TextDisabled("Run a few weeks to see the numbers.");
    return;
  }
  const int panes = static_cast<int>(frame.summary.size());
  // The confusion matrix over citizen-weeks from `since` on, per pane and group.
  std::vector<Confusion> conf(static_cast<size_t>(panes) * 3);
  for (const WeekRow& r : rows)
    if (r.week >= since && r.regime >= 0 && r.regime < panes && r.group >= 0 && r.group < 3)
      conf[static_cast<size_t>(r.regime) * 3 + static_cast<size_t>(r.group)] += r.confusion;
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled(
      "Over citizen-weeks %s. FPR: non-targets selected; FNR: targets missed; PPV: selected who are targets. "
      "DI (disparate impact) = selection rate %s / %s; the white line is the four-fifths rule (0.8 for "
      "benefits, 1.25 for sanctions).",
      since > 0 ? ("since week " + std::to_string(since)).c_str() : "since the start", label_b, label_a);
  ImGui::PopTextWrapPos();
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  for (int p = 0; p < panes; ++p) {
    const RegimeSummary& rs = frame.summary[static_cast<size_t>(p)];
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(p)), "%d %s", p + 1, rs.name.c_str());
    if (!rs.target.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("target: %s", rs.target.c_str());
    }
    ImGui::PushID(p);
    const char* heads[] = {"group", "base", "selected", "FPR", "FNR", "PPV", "DI"};
    Rates rg[3];
    for (int g = 0; g < 3; ++g) rg[g] = rates(conf[static_cast<size_t>(p) * 3 + static_cast<size_t>(g)]);
    const double di = disparateImpact(rg[1].selection_rate, rg[0].selection_rate);
    // The group column as wide as its longest label, the rate columns as wide as their widest
    // number (small rates such as 0.00014 need their digits), the DI column its number on a chip
    // and a little bar. When that is wider than the panel, the table's text shrinks until it fits
    // (down to 60 %; below, the columns share the width and a number that does not fit is reported).
    float group_w = 0, num_w = 0, di_w = 0, need = 0;
    const float cell_pad = 2 * ImGui::GetStyle().CellPadding.x + 1;
    auto measure = [&] {
      group_w = std::max(
          {ImGui::CalcTextSize("group").x, ImGui::CalcTextSize(label_a).x, ImGui::CalcTextSize(label_b).x});
      num_w = 0;
      for (int c = 1; c < 6; ++c) num_w = std::max(num_w, ImGui::CalcTextSize(heads[c]).x);
      for (const Rates& r : rg)
        for (double v : {r.base_rate, r.selection_rate, r.fpr, r.fnr, r.ppv})
          num_w = std::max(num_w, ImGui::CalcTextSize(rateText(v).c_str()).x);
      di_w = std::max(ImGui::CalcTextSize("0.000").x, ImGui::CalcTextSize(ratioText(di).c_str()).x) + 6 +
             ImGui::GetFontSize();
      need = group_w + cell_pad + 5 * (num_w + cell_pad) + di_w + cell_pad;
    };
    measure();
    const float avail_w = ImGui::GetContentRegionAvail().x;
    float scale = 1;
    if (need > avail_w) {
      scale = std::max(0.6f, avail_w / need);
      ImGui::SetWindowFontScale(scale);
      measure();
      while (need > avail_w && scale > 0.61f) {  // the font's sizes are not quite linear
        scale = std::max(0.6f, scale - 0.02f);
        ImGui::SetWindowFontScale(scale);
        measure();
      }
    }
    const bool fixed = need <= avail_w + 0.5f;
    if (!ImGui::BeginTable("metrics", 7, flags)) {
      if (scale != 1) ImGui::SetWindowFontScale(1);
      ImGui::PopID();
      continue;
    }
    ImGui::TableSetupColumn(heads[0], ImGuiTableColumnFlags_WidthFixed, group_w);
    for (int c = 1; c < 6; ++c)
      ImGui::TableSetupColumn(heads[c],
                              fixed ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                              fixed ? num_w : 1.0f);
    ImGui::TableSetupColumn(heads[6], ImGuiTableColumnFlags_WidthStretch, 1.6f);  // the rest: the bar
    ImGui::TableHeadersRow();
    for (int g = 0; g < 3; ++g) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      fittedText("metrics table", g == 0 ? label_a : g == 1 ? label_b : "all");
      for (double v : {rg[g].base_rate, rg[g].selection_rate, rg[g].fpr, rg[g].fnr, rg[g].ppv}) {
        ImGui::TableNextColumn();
        fittedText("metrics table", rateText(v).c_str());
      }
      ImGui::TableNextColumn();
      if (g != 2) continue;
      // For a reward (benefits) B is disadvantaged below 0.8; for a sanction, above
      // 1.25 (= 1 / 0.8: B is sanctioned more often). The bar runs from 0 to 2.
      const bool punitive = rs.target != "reliable";
      const bool adverse = !std::isnan(di) && (punitive ? di > 1.25 : di < 0.8);
      ImVec2 o = ImGui::GetCursorScreenPos();
      float w = std::max(10.f, ImGui::GetContentRegionAvail().x), h = ImGui::GetTextLineHeight();
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
      std::string b = ratioText(di) + (adverse ? (punitive ? " > 5/4" : " < 4/5") : "");
      float tw = ImGui::CalcTextSize(b.c_str()).x;
      if (tw + 6 > w + 0.5f) {  // the bar's colour and the white line say it too
        b = ratioText(di);
        tw = ImGui::CalcTextSize(b.c_str()).x;
      }
      if (tw + 6 > w + 0.5f) reportClipped("metrics table", b, tw + 6, w);
      // A dark chip under the number, so the white line and the bar never cross its digits.
      dl->AddRectFilled(o, ImVec2(std::min(o.x + w, o.x + tw + 6), o.y + h), IM_COL32(0, 0, 0, 170));
      dl->AddText(ImVec2(o.x + 3, o.y), IM_COL32(255, 255, 255, 255), b.c_str());
      ImGui::Dummy(ImVec2(w, h));
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            punitive ? "Sanction rate of %s divided by that of %s. The white line is 1.25 = 1/0.8: above "
                       "it %s is sanctioned disproportionately (the four-fifths rule, turned round for "
                       "a penalty)."
                     : "Benefit rate of %s divided by that of %s. The white line is 0.8 (the "
                       "four-fifths rule): below it %s is disadvantaged.",
            label_b, label_a, label_b);
    }
    ImGui::EndTable();
    if (scale != 1) ImGui::SetWindowFontScale(1);
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
  const float fs = ImGui::GetFontSize();
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled(
      "Wrongful episodes over the whole run: how many of the wrongly sanctioned knew, appealed, had an "
      "appeal decided and won it.");
  ImGui::PopTextWrapPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (size_t r = 0; r < frame.summary.size(); ++r) {
    const RegimeSummary& rs = frame.summary[r];
    const GroupSummary& all = rs.group[2];
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(static_cast<int>(r))), "%zu %s", r + 1,
                       rs.name.c_str());
    if (std::isnan(all.median_weeks_to_correction))
      ImGui::TextDisabled("no error corrected yet");
    else
      ImGui::Text("median %.1f weeks to correction (%s corrected)", all.median_weeks_to_correction,
                  countText(all.corrections).c_str());
    // One bar per stage for all citizens, with the numbers of each group beside it.
    const float label_w = std::max(ImGui::CalcTextSize("overturned").x + fs * 0.5f, fs * 5.5f);
    const float num_w = ImGui::CalcTextSize("000,000 (100%)").x;
    const float group_w = ImGui::CalcTextSize("B 000,000").x + fs * 0.5f;
    float bar_w = std::max(fs * 3, ImGui::GetContentRegionAvail().x - label_w - num_w - 2 * group_w - fs);
    const Funnel* fu[3] = {&rs.group[0].funnel, &rs.group[1].funnel, &all.funnel};
    auto stage = [](const Funnel& f, int k) {
      const double v[] = {f.wronged, f.aware, f.appealed, f.decided, f.overturned};
      return v[k];
    };
    double top = std::max(1.0, all.funnel.wronged);
    for (int k = 0; k < 5; ++k) {
      ImVec2 o = ImGui::GetCursorScreenPos();
      ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
      dl->AddText(o, text, stages[k]);
      double v = stage(all.funnel, k);
      float bw = static_cast<float>(bar_w * std::min(1.0, v / top));
      ImVec2 b0(o.x + label_w, o.y + 2);
      dl->AddRectFilled(b0, ImVec2(b0.x + bar_w, o.y + fs), ImGui::GetColorU32(ImGuiCol_FrameBg));
      dl->AddRectFilled(b0, ImVec2(b0.x + bw, o.y + fs), stateColourU32(stage_view[k]));
      std::string t = countText(v) + " (" +
                      (all.funnel.wronged > 0 ? percentText(v / all.funnel.wronged) : std::string("-")) + ")";
      float x = b0.x + bar_w + fs * 0.4f;
      dl->AddText(ImVec2(x, o.y), text, t.c_str());
      x += num_w;
      for (int g = 0; g < 2; ++g) {
        std::string gt = std::string(g == 0 ? label_a : label_b) + " " + countText(stage(*fu[g], k));
        dl->AddText(ImVec2(x + g * group_w, o.y), text, gt.c_str());
      }
      ImGui::Dummy(ImVec2(label_w + bar_w + num_w + 2 * group_w, fs + 3));
    }
    // Of the appeals decided, the share overturned: by group, as the lesson asks.
    for (int g : {2, 0, 1}) {
      const Funnel& f = *fu[g];
      std::string line =
          std::string(g == 2   ? "all"
                      : g == 0 ? label_a
                               : label_b) +
          ": overturned " + countText(f.overturned) + " of " + countText(f.decided) + " decided" +
          (f.decided > 0 ? " (" + percentText(f.overturned / f.decided) + ")" : std::string()) + ", of " +
          countText(f.wronged) + " wronged";
      ImGui::TextUnformatted(line.c_str());
    }
    ImGui::Separator();
  }
}

}  // namespace tl::gui
