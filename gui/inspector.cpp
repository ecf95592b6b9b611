// inspector.cpp: one citizen up close: traits, state in every pane, history with wrong records marked.
#include "gui/inspector.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "gui/palette.hpp"

namespace tl::gui {
namespace {

const char* yes(bool b) { return b ? "yes" : "no"; }

// Status per week reconstructed from the regime's events (before the live track began).
struct Status {
  bool sanctioned = false, benefit = false, flagged = false, appeal = false;
};
CitizenView statusView(const Status& s, bool target_now) {
  if (s.appeal) return CitizenView::InAppeal;
  // Right or wrong is not in the events: judged by whether the citizen is a target now.
  if (s.sanctioned) return target_now ? CitizenView::RightlySanctioned : CitizenView::WronglySanctioned;
  if (s.flagged) return CitizenView::Flagged;
  if (s.benefit) return CitizenView::Rewarded;
  return CitizenView::Normal;
}

void timeline(const Frame& f, int pane, ImVec2 size) {
  const InspectData& in = f.inspect;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  int weeks = std::max(1, f.total_weeks);
  dl->AddRectFilled(o, ImVec2(o.x + size.x, o.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg));
  auto X = [&](int w) { return o.x + size.x * static_cast<float>(w) / weeks; };
  int track_from = f.week + 1;
  const auto& track = pane < static_cast<int>(in.track.size()) ? in.track[static_cast<size_t>(pane)]
                                                               : std::vector<TrackPoint>{};
  if (!track.empty()) track_from = track.front().week;
  // Before the live track: states rebuilt from events.
  Status st;
  size_t ei = 0;
  std::vector<Event> evs;
  for (const auto& e : in.events)
    if (e.regime == pane) evs.push_back(e);
  for (int w = 0; w < std::min(track_from, f.week); ++w) {
    for (; ei < evs.size() && evs[ei].week <= w; ++ei) {
      switch (evs[ei].kind) {
        case EventKind::Listed:
        case EventKind::Flagged:
          st.flagged = true;  // the system's recommendation; in force once confirmed
          break;
        case EventKind::SanctionStart:
          st.sanctioned = true;
          break;
        case EventKind::HumanOverride:
          st.sanctioned = false;  // stays flagged: the recommendation stands, not in force
          break;
        case EventKind::SanctionEnd:
        case EventKind::LeftScheme:
          st.sanctioned = st.flagged = st.appeal = false;
          break;
        case EventKind::BenefitStart:
          st.benefit = true;
          break;
        case EventKind::BenefitEnd:
          st.benefit = false;
          break;
        case EventKind::AppealFiled:
          st.appeal = true;
          break;
        case EventKind::AppealUpheld:
          st.appeal = false;
          break;
        case EventKind::AppealOverturned:
          st.sanctioned = st.flagged = st.appeal = false;
          break;
        default:
          break;
      }
    }
    bool target_now = pane < static_cast<int>(in.now.size()) && in.now[static_cast<size_t>(pane)].target;
    CitizenView v = statusView(st, target_now);
    if (v != CitizenView::Normal)
      dl->AddRectFilled(ImVec2(X(w), o.y + size.y * 0.3f), ImVec2(X(w + 1) + 0.5f, o.y + size.y),
                        stateColourU32(v, 170));
  }
  // The live track: the true state each week.
  for (const auto& t : track)
    dl->AddRectFilled(ImVec2(X(t.week - 1), o.y), ImVec2(X(t.week) + 0.5f, o.y + size.y),
                      stateColourU32(static_cast<CitizenView>(t.view)));
  // Score line when the regime keeps a score.
  bool any_score = false;
  std::vector<ImVec2> pts;
  for (const auto& t : track)
    if (t.score >= 0) {
      any_score = true;
      pts.push_back(ImVec2(X(t.week), o.y + size.y - size.y * std::min(1.0f, t.score / 1000.0f)));
    }
  if (any_score && pts.size() >= 2)
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(255, 255, 255, 230), 0, 2);
  dl->AddLine(ImVec2(X(f.week), o.y), ImVec2(X(f.week), o.y + size.y), IM_COL32(255, 255, 255, 120));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Full height: the state each week since you picked this citizen (white line: score 0-1000).\n"
        "Lower bars: earlier status rebuilt from the event log (sanction, benefit, flag, appeal);\n"
        "a sanction is coloured right or wrong by whether the citizen is a target now.");
}

}  // namespace

int64_t Inspector::draw(const Frame& f, const std::string& label_a, const std::string& label_b) {
  int64_t chosen = -1;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt("##id", &typed_id_, 1, 100);
  typed_id_ = std::max(0, std::min(typed_id_, static_cast<int>(f.population > 0 ? f.population - 1 : 0)));
  ImGui::SameLine();
  if (ImGui::Button("Inspect")) chosen = typed_id_;
  if (ImGui::Button("Find someone wrongly sanctioned") && !f.views.empty()) {
    // Search each pane in turn, starting after the last one found.
    size_t n = f.population;
    for (size_t p = 0; p < f.views.size() && chosen < 0; ++p)
      for (size_t k = 0; k < n; ++k) {
        size_t i = (static_cast<size_t>(search_from_) + k) % n;
        if (f.views[p][i] == static_cast<uint8_t>(CitizenView::WronglySanctioned)) {
          chosen = static_cast<int64_t>(i);
          search_from_ = static_cast<int>(i + 1);
          break;
        }
      }
  }
  const InspectData& in = f.inspect;
  if (!in.valid) {
    ImGui::TextWrapped(
        "Click a citizen in a city pane (or type an id) to see their traits, their state under every "
        "regime, and their history.");
    return chosen;
  }
  if (chosen < 0 && typed_id_ != static_cast<int>(in.id) && !ImGui::IsAnyItemActive())
    typed_id_ = static_cast<int>(in.id);
  const CitizenTraits& t = in.traits;
  ImGui::Text("Citizen #%u", in.id);
  ImGui::TextDisabled("group %s, %s, %s digital access%s",
                      t.group == Group::A ? label_a.c_str() : label_b.c_str(), t.rural ? "rural" : "urban",
                      t.digital_access ? "with" : "no", t.harm_prone ? ", harm-prone" : "");
  ImGui::TextDisabled("usual resources %.2f, reliability %.2f, prosociality %.2f", t.resources0,
                      t.reliability, t.prosociality);

  // The same citizen under each regime, side by side.
  int n = static_cast<int>(in.now.size());
  ImGuiTableFlags tf = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (n > 0 && ImGui::BeginTable("now", n + 1, tf)) {
    ImGui::TableSetupColumn("now", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("listed / flagged").x);
    for (int r = 0; r < n; ++r) {
      char h[96];
      std::snprintf(h, sizeof h, "%d %s", r + 1,
                    r < static_cast<int>(f.names.size()) ? f.names[static_cast<size_t>(r)].c_str() : "");
      ImGui::TableSetupColumn(h);
    }
    ImGui::TableHeadersRow();
    auto row = [&](const char* name, auto fn) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(name);
      if (ImGui::IsItemHovered() && std::strcmp(name, "weeks wronged") == 0)
        ImGui::SetTooltip("Weeks wrongly sanctioned so far");
      for (int r = 0; r < n; ++r) {
        ImGui::TableNextColumn();
        fn(in.now[static_cast<size_t>(r)]);
      }
    };
    row("state", [](const CitizenSnapshot& s) {
      ImVec2 p = ImGui::GetCursorScreenPos();
      float sz = ImGui::GetTextLineHeight() * 0.8f;
      drawSwatch(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + 2), sz, s.view);
      ImGui::Dummy(ImVec2(sz + 2, sz));
      ImGui::SameLine();
      ImGui::TextUnformatted(stateLabel(s.view));
    });
    row("is a target", [](const CitizenSnapshot& s) { ImGui::TextUnformatted(yes(s.target)); });
    row("enrolled", [](const CitizenSnapshot& s) { ImGui::TextUnformatted(yes(s.enrolled)); });
    row("score", [](const CitizenSnapshot& s) {
      if (s.score < 0)
        ImGui::TextDisabled("no score");
      else
        ImGui::Text("%d", s.score);
    });
    row("listed / flagged",
        [](const CitizenSnapshot& s) { ImGui::Text("%s / %s", yes(s.listed), yes(s.flagged)); });
    row("sanctioned", [](const CitizenSnapshot& s) {
      ImGui::Text("%s%s", yes(s.sanctioned), s.detained ? " (detained)" : "");
    });
    row("benefits", [](const CitizenSnapshot& s) { ImGui::TextUnformatted(yes(s.benefited)); });
    row("knows / appeals",
        [](const CitizenSnapshot& s) { ImGui::Text("%s / %s", yes(s.aware), yes(s.appeal_pending)); });
    row("judgement", [](const CitizenSnapshot& s) {
      ImGui::Text("%s%s", s.judgement_outstanding ? "owes one" : "none",
                  s.judgement_outstanding && s.judgement_wilful ? " (wilful)" : "");
    });
    row("record", [](const CitizenSnapshot& s) {
      if (s.record_erroneous)
        ImGui::TextColored(stateColourVec(CitizenView::WronglySanctioned),
                           "\xE2\x9C\x97 holds a wrong record");
      else
        ImGui::TextUnformatted(s.record_judgement ? "judgement on file" : "clean");
    });
    row("records i/p/x/+", [](const CitizenSnapshot& s) {
      ImGui::Text("%d/%d/%d/%d", s.rec_infractions, s.rec_protected, s.rec_proxy, s.rec_prosocial);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Recorded infractions / protected-category behaviours / proxy behaviours / prosocial acts");
    });
    row("resources/trust",
        [](const CitizenSnapshot& s) { ImGui::Text("%.2f / %.2f", s.resources, s.trust); });
    row("weeks wronged", [](const CitizenSnapshot& s) { ImGui::Text("%d", s.wrongful_weeks); });
    ImGui::EndTable();
  }

  ImGui::Text("Status over time");
  for (int r = 0; r < n; ++r) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(r)), "%d", r + 1);
    ImGui::SameLine();
    timeline(f, r, ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeight() * 1.3f));
  }

  ImGui::Text("History");
  if (!f.log_events) {
    ImGui::TextWrapped(
        "The event log is off at this population size (it would need too much memory); only the "
        "weeks since you picked this citizen are shown above.");
    return chosen;
  }
  if (ImGui::BeginTable("events", 4, tf | ImGuiTableFlags_ScrollY,
                        ImVec2(0, std::max(120.f, ImGui::GetContentRegionAvail().y)))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    float fs = ImGui::GetFontSize();
    ImGui::TableSetupColumn("week", ImGuiTableColumnFlags_WidthFixed, fs * 2.6f);
    ImGui::TableSetupColumn("pane", ImGuiTableColumnFlags_WidthFixed, fs * 2.4f);
    ImGui::TableSetupColumn("event", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, fs * 2.2f);
    ImGui::TableHeadersRow();
    for (auto it = in.events.rbegin(); it != in.events.rend(); ++it) {
      const Event& e = *it;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", e.week);
      ImGui::TableNextColumn();
      if (e.regime == 255)
        ImGui::TextDisabled("life");
      else
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(paneColour(e.regime)), "%d", e.regime + 1);
      ImGui::TableNextColumn();
      bool wrong = e.kind == EventKind::RecordErroneous;
      if (wrong)
        ImGui::TextColored(stateColourVec(CitizenView::WronglySanctioned), "\xE2\x9C\x97 %s (wrong record)",
                           eventName(e.kind));
      else if (e.kind == EventKind::AppealOverturned)
        ImGui::TextColored(stateColourVec(CitizenView::Rewarded), "%s", eventName(e.kind));
      else
        ImGui::TextUnformatted(eventName(e.kind));
      ImGui::TableNextColumn();
      if (e.value != 0) ImGui::Text("%d", e.value);
    }
    ImGui::EndTable();
  }
  return chosen;
}

}  // namespace tl::gui
