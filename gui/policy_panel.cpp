// policy_panel.cpp: every parameter of paramTable() as a slider/switch, per regime and stage, with help.
#include "gui/policy_panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "gui/palette.hpp"

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
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void PolicyPanel::drawParam(Session& s, int regime, const ParamDecl& d) {
  ImGui::PushID(static_cast<int>(d.id));
  bool changed = s.changed(regime, d.id);
  double v = s.value(regime, d.id);
  // Label line: a dot and colour mark values changed from the scenario as loaded.
  if (changed) {
    ImGui::TextColored(kChanged, "\xE2\x97\x8F %s", d.label);
  } else {
    ImGui::Text("   %s", d.label);
  }
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
  if (force_open) ImGui::SetNextItemOpen(true);
  ImGuiTreeNodeFlags flags =
      (section == "appeal" || section == "transparency") ? ImGuiTreeNodeFlags_DefaultOpen : 0;
  if (!ImGui::CollapsingHeader(title, flags)) return;
  ImGui::PushID(section.c_str());
  // Always there (greyed out when nothing changed), so rows do not jump while a slider is dragged.
  ImGui::BeginDisabled(n_changed == 0);
  if (ImGui::SmallButton("reset this stage")) s.resetSection(regime, section);
  ImGui::EndDisabled();
  for (const auto& d : paramTable())
    if ((d.scope == Scope::World) == (regime < 0) && d.section() == section) drawParam(s, regime, d);
  ImGui::PopID();
  ImGui::Spacing();
}

void PolicyPanel::draw(Session& s) {
  const Scenario& sc = s.current();
  if (ImGui::Button("Undo")) s.undo();
  ImGui::SameLine();
  if (ImGui::Button("Redo")) s.redo();
  ImGui::SameLine();
  if (ImGui::Button("Reset all")) s.resetAll();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every parameter back to the scenario as loaded (undoable).");
  if (s.restartPending()) {
    ImGui::TextColored(kChanged, "Population or seed changed: press Reset (R) to apply.");
  }
  if (ImGui::BeginTabBar("regimes", ImGuiTabBarFlags_FittingPolicyScroll)) {
    for (int r = 0; r < static_cast<int>(sc.regimes.size()); ++r) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(paneColour(r)));
      char label[160];
      std::snprintf(label, sizeof label, "%d %s###regime%d", r + 1,
                    sc.regimes[static_cast<size_t>(r)].name.c_str(), r);
      ImGuiTabItemFlags tf =
          (!force_path_.empty() && force_regime_ == r && !scrolled_) ? ImGuiTabItemFlags_SetSelected : 0;
      bool open = ImGui::BeginTabItem(label, nullptr, tf);
      ImGui::PopStyleColor();
      if (open) {
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
