// lesson_panel.cpp: the scenario's notes (What is it / How it works / ...) and its step-by-step lesson.
#include "gui/lesson_panel.hpp"

#include <imgui.h>

#include <algorithm>

namespace tl::gui {
namespace {
const ImVec4 kHeading(0.34f, 0.71f, 0.91f, 1);  // Okabe-Ito sky blue

void section(const char* title, const std::string& text) {
  if (text.empty()) return;
  ImGui::TextColored(kHeading, "%s", title);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::Spacing();
}
}  // namespace

void drawNotes(const Scenario& s) {
  if (!s.title.empty()) ImGui::TextWrapped("%s", s.title.c_str());
  if (!s.description.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", s.description.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  const Notes& n = s.notes;
  section("What is it", n.what_is_it);
  section("How it works", n.how_it_works);
  section("Things to notice", n.things_to_notice);
  section("Things to try", n.things_to_try);
  if (!n.passage.empty()) {
    ImGui::TextColored(kHeading, "From the essays");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", n.passage.c_str());
    ImGui::PopStyleColor();
  }
  if (n.what_is_it.empty() && n.how_it_works.empty() && n.things_to_notice.empty() && n.things_to_try.empty())
    ImGui::TextDisabled("This scenario has no notes.");
}

void LessonPanel::draw(Session& session, ModelWorker& worker, const Frame& frame) {
  const auto& lesson = session.loaded().lesson;
  if (lesson.empty()) {
    ImGui::TextWrapped(
        "This scenario has no lesson. Open a lesson scenario (File > Open) to be guided step by step.");
    return;
  }
  step_ = std::max(0, std::min(step_, static_cast<int>(lesson.size()) - 1));
  const LessonStep& st = lesson[static_cast<size_t>(step_)];
  ImGui::TextDisabled("Step %d of %zu", step_ + 1, lesson.size());
  ImGui::SameLine();
  if (ImGui::SmallButton("< back") && step_ > 0) goTo(step_ - 1);
  ImGui::SameLine();
  if (ImGui::SmallButton("next >") && step_ + 1 < static_cast<int>(lesson.size())) goTo(step_ + 1);
  ImGui::TextColored(kHeading, "%s", st.title.c_str());
  ImGui::TextWrapped("%s", st.narrative.c_str());
  ImGui::Spacing();
  if (!st.predict.empty()) {
    ImGui::TextColored(ImVec4(0.94f, 0.89f, 0.26f, 1), "Predict first");
    ImGui::TextWrapped("%s", st.predict.c_str());
    if (!revealed_) {
      ImGui::TextDisabled("Discuss, write down your prediction, then continue.");
      if (ImGui::Button("I have predicted: continue")) revealed_ = true;
      return;
    }
  }
  if (!st.set.empty()) {
    ImGui::Text("Changes in this step:");
    for (const auto& kv : st.set) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s = %s", kv.first.c_str(), kv.second.c_str());
    }
    if (!applied_) {
      if (ImGui::Button("Apply the changes") || auto_apply_) {
        auto_apply_ = false;
        error_ = session.applyAssignments(st.set);
        applied_ = error_.empty();
        if (applied_ && session.restartPending()) session.restart();
      }
    } else {
      ImGui::TextDisabled("Applied (Ctrl+Z undoes them).");
    }
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.84f, 0.37f, 0, 1), "%s", error_.c_str());
  }
  if (st.run_weeks > 0) {
    char label[64];
    std::snprintf(label, sizeof label, "Run %d weeks", st.run_weeks);
    if (ImGui::Button(label)) worker.step(st.run_weeks);
    ImGui::SameLine();
    ImGui::TextDisabled("now at week %d", frame.week);
  }
  if (!st.watch.empty()) {
    ImGui::Spacing();
    ImGui::TextColored(kHeading, "Watch");
    ImGui::TextWrapped("%s", st.watch.c_str());
  }
  ImGui::Spacing();
  if (step_ + 1 < static_cast<int>(lesson.size()) && ImGui::Button("Next step")) goTo(step_ + 1);
}

}  // namespace tl::gui
