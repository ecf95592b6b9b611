// policy_panel.cpp: every parameter of paramTable() as a slider/switch, per regime and stage, with help.
#include "gui/policy_panel.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "gui/change_words.hpp"
#include "gui/palette.hpp"
#include "gui/param_relevance.hpp"

namespace tl::gui {
namespace {

const ImVec4 kChanged(0.94f, 0.89f, 0.26f, 1.0f);  // Okabe-Ito yellow

// Stage titles in pipeline order (BRIEF §2); sections not listed keep table order.
std::string stageTitle(const std::string& sec) {
  if (sec == "enrolment") return "1 enrolment";
  if (sec == "data") return "data layer";
  if (sec == "assessment") return "2 assessment";
  if (sec == "consequences") return "3 consequences";
  if (sec == "transparency") return "4 transparency";
  if (sec == "appeal") return "5 appeal";
  if (sec == "exit") return "6 exit";
  return sec;
}

std::vector<std::string> sectionsOf(Scope scope) {
  std::vector<std::string> out;
  for (const auto& d : paramTable())
    if (d.scope == scope && (out.empty() || out.back() != d.section())) out.push_back(d.section());
  return out;
}

std::string tooltipText(const Session& s, int regime, const ParamDecl& d) {
  // The label is on screen; the tooltip names the key a scenario file and --set use.
  std::string t = std::string("Scenario key: ") + d.path + "\n\n" + d.description;
  t += "\n\n";
  if (d.type == ParamType::Choice) {
    t += "Choices: ";
    for (size_t k = 0; k < d.choices.size(); ++k) t += (k ? ", " : "") + d.choices[k];
  } else if (d.type == ParamType::Bool) {
    t += "Switch: on or off";
  } else {
    t += "Range: " + formatValue(d, d.lo) + " to " + formatValue(d, d.hi) +
         (d.unit[0] ? std::string(" ") + d.unit : "");
  }
  t += "\nDefault: " + formatValue(d, d.def);
  t += "\nAs loaded: " + formatValue(d, s.loadedValue(regime, d.id));
  t += "\nSource: " + std::string(d.source);
  if (regime < 0 && Session::needsRestart(d.id))
    t += "\n\nApplies when you press Reset (R): a new population.";
  return t;
}

}  // namespace

void helpMarker(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  ImGui::SmallButton("?");
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void PolicyPanel::drawParam(Session& s, int regime, const ParamDecl& d, const char* prefix) {
  ImGui::PushID(static_cast<int>(d.id) + 1000 * (regime + 1));
  bool changed = s.changed(regime, d.id);
  double v = s.value(regime, d.id);
  std::string name = prefix ? std::string(prefix) + ": " + d.label : std::string(d.label);
  // Label line: a dot and colour mark values changed from the scenario as loaded.
  ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 1.5f);
  if (changed) {
    ImGui::TextColored(kChanged, "\xE2\x97\x8F %s", name.c_str());
  } else {
    ImGui::Text("   %s", name.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::SameLine();
  std::string tip = tooltipText(s, regime, d);
  bool forced = !force_path_.empty() && force_path_ == d.path && force_regime_ == regime;
  if (forced) {
    ImGui::TextDisabled("(?)");
    if (!scrolled_) {
      ImGui::SetScrollHereY(0.3f);
      scrolled_ = true;
    }
    ImVec2 at = ImGui::GetItemRectMax();
    bool lower_half = at.y > ImGui::GetIO().DisplaySize.y * 0.5f;  // then open upwards, to stay on screen
    ImGui::SetNextWindowPos(ImVec2(at.x + 8, lower_half ? at.y - ImGui::GetItemRectSize().y : at.y), 0,
                            ImVec2(0, lower_half ? 1.0f : 0.0f));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(tip.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  } else {
    helpMarker(tip.c_str());
  }
  // The control sits to the right of its name when there is room, else below it.
  // A long name pushes the control right (narrower) rather than onto a line of its own,
  // unless too little room would be left for it.
  float right_x = ImGui::GetWindowWidth() * 0.52f;
  float name_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
  float room = ImGui::GetWindowContentRegionMax().x - std::max(right_x, name_end);
  if (room >= ImGui::GetFontSize() * 6.0f) ImGui::SameLine(std::max(right_x, name_end));
  ImGui::SetNextItemWidth(-1);
  if (changed) ImGui::PushStyleColor(ImGuiCol_Text, kChanged);
  switch (d.type) {
    case ParamType::Bool: {
      bool b = v != 0.0;
      if (ImGui::Checkbox(b ? "on" : "off", &b)) s.set(regime, d.id, b ? 1.0 : 0.0);
      break;
    }
    case ParamType::Choice: {
      int i = static_cast<int>(v);
      const char* preview =
          i >= 0 && i < static_cast<int>(d.choices.size()) ? d.choices[static_cast<size_t>(i)].c_str() : "?";
      if (ImGui::BeginCombo("##c", preview)) {
        for (size_t k = 0; k < d.choices.size(); ++k)
          if (ImGui::Selectable(d.choices[k].c_str(), static_cast<int>(k) == i))
            s.set(regime, d.id, static_cast<double>(k));
        ImGui::EndCombo();
      }
      break;
    }
    default: {
      double lo = d.lo, hi = d.hi;
      char fmt[64];
      std::string unit = d.unit;
      std::string esc;
      for (char c : unit) esc += c == '%' ? std::string("%%") : std::string(1, c);
      std::snprintf(fmt, sizeof fmt, d.type == ParamType::Int ? "%%.0f %s" : "%%.4g %s", esc.c_str());
      ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp;
      if (hi - lo > 2000 && lo >= 0) flags |= ImGuiSliderFlags_Logarithmic;
      double nv = v;
      bool edited;
      if (d.id == P::seed) {
        edited = ImGui::InputDouble("##v", &nv, 1, 100, "%.0f");
        nv = std::floor(std::fabs(nv));
        if (nv > hi) nv = hi;
      } else {
        edited = ImGui::SliderScalar("##v", ImGuiDataType_Double, &nv, &lo, &hi, fmt, flags);
      }
      if (ImGui::IsItemActivated()) drag_before_ = v;
      if (edited) {
        if (d.type == ParamType::Int) nv = std::round(nv);
        if (!checkValue(d, nv).empty()) nv = std::min(std::max(nv, lo), hi);
        s.preview(regime, d.id, nv);
      }
      if (ImGui::IsItemDeactivatedAfterEdit())
        s.commit({{regime, d.id, drag_before_, s.value(regime, d.id)}});
      break;
    }
  }
  if (changed) ImGui::PopStyleColor();
  // Right-click: sweep this parameter in the trade-off view (gui/tradeoff_view.hpp).
  if (d.id != P::seed && ImGui::BeginPopupContextItem("sweep_menu")) {
    if (ImGui::MenuItem("Sweep this... (trade-off view)")) sweep_regime_ = regime, sweep_id_ = d.id;
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

void PolicyPanel::drawSection(Session& s, int regime, const std::string& section) {
  int n_changed = 0;
  for (const auto& d : paramTable())
    if ((d.scope == Scope::World) == (regime < 0) && d.section() == section && s.changed(regime, d.id))
      ++n_changed;
  char title[128];
  if (n_changed)
    std::snprintf(title, sizeof title, "%s  \xE2\x97\x8F %d changed###%s", stageTitle(section).c_str(),
                  n_changed, section.c_str());
  else
    std::snprintf(title, sizeof title, "%s###%s", stageTitle(section).c_str(), section.c_str());
  bool force_open = false;
  if (!force_path_.empty() && force_regime_ == regime) {
    const ParamDecl* fd = findParam(regime < 0 ? Scope::World : Scope::Regime, force_path_);
    force_open = fd && fd->section() == section;
  }
  // Only the parameters that matter for this regime's choices (a score's points are no use to a
  // list), unless "show every parameter" is ticked.
  const ParamValues& world = s.current().world;
  const ParamValues& values = regime < 0 ? world : s.current().regimes[static_cast<size_t>(regime)].values;
  int shown = 0, hidden = 0;
  for (const auto& d : paramTable())
    if ((d.scope == Scope::World) == (regime < 0) && d.section() == section)
      (paramMatters(d, values, world) ? shown : hidden)++;
  if (shown == 0 && !show_all_ && !force_open) return;
  if (force_open) ImGui::SetNextItemOpen(true);
  ImGuiTreeNodeFlags flags =
      (section == "appeal" || section == "transparency") ? ImGuiTreeNodeFlags_DefaultOpen : 0;
  if (!ImGui::CollapsingHeader(title, flags)) return;
  ImGui::PushID(section.c_str());
  // Always there (greyed out when nothing changed), so rows do not jump while a slider is dragged.
  ImGui::BeginDisabled(n_changed == 0);
  if (ImGui::SmallButton("reset this stage")) s.resetSection(regime, section);
  ImGui::EndDisabled();
  std::string reasons;
  for (const auto& d : paramTable()) {
    if ((d.scope == Scope::World) != (regime < 0) || d.section() != section) continue;
    bool forced = !force_path_.empty() && force_path_ == d.path && force_regime_ == regime;
    if (show_all_ || forced || paramMatters(d, values, world)) {
      drawParam(s, regime, d);
    } else {
      std::string why = std::string(d.label) + ": " + whyHidden(d, values, world);
      reasons += (reasons.empty() ? "" : "\n") + why;
    }
  }
  if (hidden && !show_all_) {
    ImGui::TextDisabled("   %d more not used by this %s", hidden, regime < 0 ? "setting" : "regime");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", reasons.c_str());
  }
  ImGui::PopID();
  ImGui::Spacing();
}

void PolicyPanel::drawStepParams(Session& s, const Edit& step) {
  if (step.empty()) return;
  if (!ImGui::CollapsingHeader("This lesson step###lesson_step_params", ImGuiTreeNodeFlags_DefaultOpen))
    return;
  ImGui::PushID("lesson_step_params");
  for (const auto& c : step) {
    std::string where = paneInWords(s.current(), c.regime);
    where[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(where[0])));
    drawParam(s, c.regime, decl(c.id), where.c_str());
  }
  ImGui::PopID();
  ImGui::Spacing();
}

void PolicyPanel::draw(Session& s, const Edit& step) {
  const Scenario& sc = s.current();
  // The buttons flow onto another row in a narrow panel instead of running off its edge.
  auto next = [](const char* label, float extra) {
    float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2 + extra;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
  };
  if (ImGui::Button("Undo")) s.undo();
  next("Redo", 0);
  if (ImGui::Button("Redo")) s.redo();
  next("Reset all", 0);
  if (ImGui::Button("Reset all")) s.resetAll();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every parameter back to the scenario as loaded (undoable).");
  next("all", ImGui::GetFrameHeight());
  ImGui::Checkbox("all", &show_all_);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Show every parameter, also those that do not matter for a regime's choices");
  if (s.restartPending()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kChanged, "Population or seed changed: press Reset (R) to apply.");
    ImGui::PopTextWrapPos();
  }
  drawStepParams(s, step);
  // Tabs named in full when they fit, else by pane number (the selected one's name is shown below
  // them): a tab bar never hides a tab off its edge.
  const ImGuiStyle& st = ImGui::GetStyle();
  float tabs_w = ImGui::CalcTextSize("World").x + st.FramePadding.x * 2;
  for (size_t r = 0; r < sc.regimes.size(); ++r)
    tabs_w += ImGui::CalcTextSize((std::to_string(r + 1) + " " + sc.regimes[r].name).c_str()).x +
              st.FramePadding.x * 2 + st.ItemInnerSpacing.x;
  const bool full_names = tabs_w <= ImGui::GetContentRegionAvail().x;
  if (ImGui::BeginTabBar("regimes", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
    for (int r = 0; r < static_cast<int>(sc.regimes.size()); ++r) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(paneColour(r)));
      char label[160];
      if (full_names)
        std::snprintf(label, sizeof label, "%d %s###regime%d", r + 1,
                      sc.regimes[static_cast<size_t>(r)].name.c_str(), r);
      else
        std::snprintf(label, sizeof label, " %d ###regime%d", r + 1, r);
      ImGuiTabItemFlags tf =
          (!force_path_.empty() && force_regime_ == r && !scrolled_) ? ImGuiTabItemFlags_SetSelected : 0;
      bool open = ImGui::BeginTabItem(label, nullptr, tf);
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", sc.regimes[static_cast<size_t>(r)].name.c_str());
      if (open) {
        if (!full_names) {
          ImGui::PushTextWrapPos(0);
          ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(r)), "%d %s", r + 1,
                             sc.regimes[static_cast<size_t>(r)].name.c_str());
          ImGui::PopTextWrapPos();
        }
        ImGui::BeginChild("params", ImVec2(0, 0), false);
        for (const auto& sec : sectionsOf(Scope::Regime)) drawSection(s, r, sec);
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    }
    ImGuiTabItemFlags wf =
        (!force_path_.empty() && force_regime_ < 0 && !scrolled_) ? ImGuiTabItemFlags_SetSelected : 0;
    if (ImGui::BeginTabItem("World", nullptr, wf)) {
      ImGui::BeginChild("world", ImVec2(0, 0), false);
      ImGui::TextWrapped("The synthetic population and how citizens behave: shared by every pane.");
      for (const auto& sec : sectionsOf(Scope::World)) drawSection(s, -1, sec);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace tl::gui
