// lesson_panel.cpp: the scenario's notes and its step-by-step lesson (see lesson_panel.hpp).
#include "gui/lesson_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

#include "gui/change_words.hpp"
#include "gui/fonts.hpp"
#include "gui/layout_report.hpp"
#include "gui/outcome_tiles.hpp"
#include "gui/palette.hpp"
#include "gui/state_key.hpp"

namespace tl::gui {
namespace {

// Text wraps two pixels short of the edge: ImGui rounds a wrapped line's width up, and a line that
// just fits would stick out by a pixel (a sideways scroll of the whole panel).
struct WrapShort {
  WrapShort() { ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 2); }
  ~WrapShort() { ImGui::PopTextWrapPos(); }
  WrapShort(const WrapShort&) = delete;
  WrapShort& operator=(const WrapShort&) = delete;
};
// The lesson and the notes in their own, larger text (see lessonScale), wrapped as above.
struct LessonText {
  LessonText() {
    ImGui::PushFont(lessonFont());
    reportLessonFont(ImGui::GetFontSize());
  }
  ~LessonText() { ImGui::PopFont(); }
  LessonText(const LessonText&) = delete;
  LessonText& operator=(const LessonText&) = delete;
  WrapShort wrap;
};
const ImVec4 kHeading(0.34f, 0.71f, 0.91f, 1);  // Okabe-Ito sky blue
const ImVec4 kPredict(0.94f, 0.89f, 0.26f, 1);  // Okabe-Ito yellow, as the watched tiles
const ImVec4 kHolds(0.0f, 0.70f, 0.52f, 1);     // Okabe-Ito bluish green, lightened for a dark ground
const ImVec4 kFails(0.84f, 0.37f, 0.0f, 1);     // Okabe-Ito vermillion

// Wrapped at spaces only: ImGui's wrapping also breaks after '.' and ',', which splits numbers across
// lines ("1.\n142", "231,\n547"); a pane's number stays with its value ("2: 29"). Lines after the
// first start where the first did (after a bullet).
void wrappedWords(const std::string& text) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x - 2;
  ImGui::BeginGroup();
  const float width = std::max(ImGui::GetFontSize() * 4, right - ImGui::GetCursorScreenPos().x);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line;
    for (size_t i = start; i < end;) {
      size_t j = std::min(end, text.find(' ', i));
      const bool pane_label =
          j - i >= 2 && j - i <= 3 && text[j - 1] == ':' &&
          std::all_of(text.begin() + i, text.begin() + j - 1, [](char c) { return c >= '0' && c <= '9'; });
      if (pane_label && j < end) j = std::min(end, text.find(' ', j + 1));  // "2: 29" is one word
      std::string word = text.substr(i, j - i), longer = line.empty() ? word : line + " " + word;
      if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
        ImGui::TextUnformatted(line.c_str());
        line = word;
      } else {
        line = longer;
      }
      i = j + 1;
    }
    ImGui::TextUnformatted(line.c_str());
    start = end + 1;
  }
  ImGui::EndGroup();
}

void section(const char* title, const std::string& text) {
  if (text.empty()) return;
  ImGui::TextColored(kHeading, "%s", title);
  ImGui::TextWrapped("%s", text.c_str());
  drawStateKeyFor(text);
  ImGui::Spacing();
}

// Whether the tiles should count from a step's start: when one of its claims reads the step's own
// weeks (the default window of a step's claim: flows and episodes summed over the step, states and
// levels as their mean over it, which the tiles then show too), or when it has no claims and changes
// something. A step whose claims all read levels at a week, or the whole run, counts from the start
// of the run: its tiles show the levels now.
// Whether a claim compares an output with itself (same pane and group) at one earlier week: the
// tiles' row "then".
bool comparesWithEarlier(const Expect& e) {
  const ClaimWindow& w = e.other.window;
  return e.versus == Expect::Versus::Side && e.other.metric == e.side.metric &&
         e.other.regime == e.side.regime && e.other.group == e.side.group &&
         w.kind == ClaimWindow::Kind::Week && w.from == w.to;
}

bool countsOverStep(const LessonStep& st) {
  if (st.expect.empty()) return !st.set.empty();
  for (const Expect& e : st.expect) {
    const bool side = e.versus == Expect::Versus::Side;
    if (e.side.window.kind == ClaimWindow::Kind::Step ||
        (side && e.other.window.kind == ClaimWindow::Kind::Step))
      return true;
  }
  return false;
}

std::string choiceText(const Prediction& p, const Frame& f) {
  if (p.choice == Prediction::kSame) return "about the same in every pane";
  if (p.choice >= 0 && p.choice < static_cast<int>(f.names.size()))
    return "pane " + std::to_string(p.choice + 1) + " (" + f.names[static_cast<size_t>(p.choice)] + ")";
  return "";
}
}  // namespace

void drawNotes(const Scenario& s) {
  // The title and summary wrap at spaces (wrappedWords): ImGui's wrapping split "1-in-10,000" after
  // its comma. (The sections keep ImGui's, which can break a long parameter path at its dots.)
  if (!s.title.empty()) wrappedWords(s.title);
  if (!s.description.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrappedWords(s.description);
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

const LessonStep* LessonPanel::currentStep(const Session& session) const {
  const auto& lesson = session.loaded().lesson;
  if (lesson.empty()) return nullptr;
  return &lesson[static_cast<size_t>(std::max(0, std::min(step_, static_cast<int>(lesson.size()) - 1)))];
}

std::string LessonPanel::currentWatch(const Session& session) const {
  const LessonStep* st = currentStep(session);
  return st ? st->watch : "";
}

std::set<std::string> LessonPanel::currentClaimed(const Session& session) const {
  std::set<std::string> out;
  if (const LessonStep* st = currentStep(session))
    for (const auto& e : st->expect) {
      out.insert(e.side.metric);
      if (e.versus == Expect::Versus::Side) out.insert(e.other.metric);
    }
  return out;
}

std::set<std::string> LessonPanel::currentPerCapita(const Session& session) const {
  std::set<std::string> yes, no;
  // Two outputs compared as a ratio within one group ("ten sanctioned per unpaid") read the same per
  // member as in counts, if both tiles show them alike.
  std::vector<std::pair<std::string, std::string>> linked;
  if (const LessonStep* st = currentStep(session))
    for (const auto& e : st->expect) {
      const bool side = e.versus == Expect::Versus::Side;
      if (e.per_capita) {
        yes.insert(e.side.metric);
        if (side) yes.insert(e.other.metric);
        continue;
      }
      const bool ratio_in_group =
          e.effect == Expect::Effect::Ratio &&
          (e.versus == Expect::Versus::WithoutStep || (side && e.other.group == e.side.group));
      if (ratio_in_group) {
        if (side && e.other.metric != e.side.metric) linked.emplace_back(e.side.metric, e.other.metric);
        continue;  // a ratio of one output (with and without the step, pane against pane): either way
      }
      no.insert(e.side.metric);  // a count compared with a number, in a difference or across groups
      if (side) no.insert(e.other.metric);
    }
  // Linked outputs read alike: a count keeps its partners counts, else a share makes them shares.
  auto spread = [&](std::set<std::string>& set) {
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& [a, b] : linked)
        for (const auto& [x, y] : {std::make_pair(a, b), std::make_pair(b, a)})
          if (set.count(x) && !set.count(y)) set.insert(y), grew = true;
    }
  };
  spread(no);
  for (const auto& n : no) yes.erase(n);
  spread(yes);
  return yes;
}

std::set<std::string> LessonPanel::currentAtEnd(const Session& session) const {
  std::set<std::string> end, over;  // read at the step's end; read over a span of weeks
  if (const LessonStep* st = currentStep(session))
    for (const auto& e : st->expect) {
      const bool side = e.versus == Expect::Versus::Side;
      // The other side of a comparison with the same output at an earlier week is the row "then"
      // (currentEarlier), not the pane's own tile.
      for (const ClaimSide* c : {&e.side, side && !comparesWithEarlier(e) ? &e.other : nullptr}) {
        if (!c) continue;
        (c->window.kind == ClaimWindow::Kind::End ? end : over).insert(c->metric);
      }
    }
  for (const auto& m : over) end.erase(m);
  return end;
}

Watched LessonPanel::currentWatched(const Session& session) const {
  std::set<std::string> all_groups;  // the outputs its claims read for all citizens
  if (const LessonStep* st = currentStep(session))
    for (const auto& e : st->expect) {
      if (e.side.group == 2) all_groups.insert(e.side.metric);
      if (e.versus == Expect::Versus::Side && e.other.group == 2) all_groups.insert(e.other.metric);
    }
  return Watched(currentWatch(session), currentClaimed(session), currentPerCapita(session),
                 currentAtEnd(session), all_groups);
}

LessonPanel::Without LessonPanel::currentWithout(const Session& session) const {
  Without out;
  const LessonStep* st = currentStep(session);
  if (!st || !applied_ || st->set.empty()) return out;
  for (const Expect& e : st->expect)
    if (e.versus == Expect::Versus::WithoutStep) out.panes.insert(e.side.regime);
  if (out.panes.empty()) return out;
  // The step's changes as applied (the latest, if it was applied again after an undo).
  const std::string why = "step " + std::to_string(step_ + 1);
  const auto& h = session.history();
  for (int i = static_cast<int>(h.size()) - 1; i >= 0 && out.skip < 0; --i)
    if (h[static_cast<size_t>(i)].why == why) out.skip = i;
  out.step = step_;
  if (out.skip < 0) out.panes.clear();
  return out;
}

Earlier LessonPanel::currentEarlier(const Session& session) const {
  Earlier out;
  const LessonStep* st = currentStep(session);
  if (!st || !applied_) return out;
  for (const Expect& e : st->expect) {
    const ClaimWindow& w = e.other.window;
    if (!comparesWithEarlier(e) || (out.week >= 0 && w.from != out.week))
      continue;  // one earlier week a step
    out.week = w.from;
    out.panes.insert(e.side.regime);
    out.names.insert(e.side.metric);
  }
  return out;
}

Edit LessonPanel::currentChanges(const Session& session) const {
  const LessonStep* st = currentStep(session);
  return st ? session.assignmentTargets(st->set) : Edit{};
}

void LessonPanel::drawPrediction(const Session& session, const Frame& frame) {
  // The class's prediction: which pane will show more of what the step asks about, and a number.
  ImGui::TextUnformatted("The class predicts:");
  for (int p = 0; p < static_cast<int>(frame.names.size()); ++p) {
    std::string l = "pane " + std::to_string(p + 1) + ": " + frame.names[static_cast<size_t>(p)];
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(paneColour(p)));
    if (ImGui::RadioButton(l.c_str(), choice_ == p)) choice_ = p;
    ImGui::PopStyleColor();
  }
  if (ImGui::RadioButton("about the same", choice_ == Prediction::kSame)) choice_ = Prediction::kSame;
  ImGui::TextUnformatted("a number (optional):");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4, ImGui::GetContentRegionAvail().x));
  ImGui::InputText("##prediction_number", number_buf_, sizeof number_buf_);
  bool have = choice_ >= 0 || number_buf_[0];
  ImGui::BeginDisabled(!have);
  if (ImGui::Button("Record and reveal")) {
    predictions_[step_] = Prediction{choice_, number_buf_, frame.week};
    revealed_ = true;
    choice_ = -1;
    number_buf_[0] = 0;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("reveal without").x + ImGui::GetFontSize())
    ImGui::NewLine();
  if (ImGui::SmallButton("reveal without")) revealed_ = true;
  (void)session;
}

void LessonPanel::syncClaims(const Session& session) {
  if (claims_loads_ == session.loads()) return;
  claims_loads_ = session.loads();
  claims_.reset(session.file(), claim_threads_);
}

bool LessonPanel::claimsPending(const Session& session) {
  const auto& lesson = session.file().lesson;
  if (!revealed_ || step_ < 0 || step_ >= static_cast<int>(lesson.size())) return false;
  if (lesson[static_cast<size_t>(step_)].expect.empty()) return false;
  syncClaims(session);
  claims_.request(step_);  // in case the lesson tab is not on screen
  auto state = claims_.status(step_).state;
  return state == ClaimRecords::State::None || state == ClaimRecords::State::Queued ||
         state == ClaimRecords::State::Running;
}

void LessonPanel::drawClaims(const Session& session, int step, const std::vector<Expect>& expect) {
  ClaimRecords::Status st = claims_.status(step);
  const Scenario& file = session.file();
  // Wrapped: at 1024 px in presenter mode the heading is wider than the panel.
  ImGui::PushStyleColor(ImGuiCol_Text, kHeading);
  ImGui::TextWrapped("%s claim%s, checked in %d runs", step < 0 ? "The notes'" : "The lesson's",
                     expect.size() > 1 ? "s" : "", ClaimRecords::kSeeds);
  ImGui::PopStyleColor();
  for (size_t i = 0; i < expect.size(); ++i) {
    const float top = ImGui::GetCursorScreenPos().y;
    // A claim naming one state has that state's swatch as its bullet (a key line under it would
    // cost a line a claim, and at 1280x800 presenter a step's claims then no longer fit).
    const bool keyed = drawStateBullet(expect[i].says);
    if (!keyed) ImGui::Bullet();
    wrappedWords(expect[i].says);
    if (!keyed) drawStateKeyFor(expect[i].says);
    if (st.state != ClaimRecords::State::Done || i >= st.results.size()) continue;
    const ClaimResult& r = st.results[i];
    std::string rec = recordText(r);
    ImGui::Indent();
    ImGui::PushStyleColor(ImGuiCol_Text, r.passes() ? kHolds : kFails);
    wrappedWords(rec);
    ImGui::PopStyleColor();
    ImGui::Unindent();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "%s\nRuns with seeds %llu to %llu. The same check: trustlab-cli check-lessons %s --seeds %d",
          describeClaim(r.expect, file).c_str(), static_cast<unsigned long long>(claims_.firstSeed()),
          static_cast<unsigned long long>(claims_.firstSeed() + static_cast<uint64_t>(r.runs()) - 1),
          file.source_file.c_str(), ClaimRecords::kSeeds);
    reportClaim(step, expect[i].says, rec, r.held(), r.runs(), top, ImGui::GetItemRectMax().y);
  }
  switch (st.state) {
    case ClaimRecords::State::None:
    case ClaimRecords::State::Queued:
    case ClaimRecords::State::Running: {
      char label[64];
      std::snprintf(label, sizeof label, "checking: %d of %d runs", st.runs_done, st.runs);
      float stop_w = ImGui::CalcTextSize("stop").x + ImGui::GetStyle().FramePadding.x * 2 +
                     ImGui::GetStyle().ItemSpacing.x;
      ImGui::ProgressBar(
          static_cast<float>(st.runs_done) / static_cast<float>(std::max(1, st.runs)),
          ImVec2(std::max(ImGui::GetFontSize() * 4, ImGui::GetContentRegionAvail().x - stop_w), 0), label);
      ImGui::SameLine();
      if (ImGui::SmallButton("stop")) claims_.stop(step);
      break;
    }
    case ClaimRecords::State::Stopped:
      ImGui::TextDisabled("The check was stopped.");
      ImGui::SameLine();
      if (ImGui::SmallButton("check again")) claims_.retry(step);
      break;
    case ClaimRecords::State::Failed:
      ImGui::PushStyleColor(ImGuiCol_Text, kFails);
      ImGui::TextWrapped("The claims could not be checked: %s", st.error.c_str());
      ImGui::PopStyleColor();
      break;
    case ClaimRecords::State::Done:
      break;
  }
}

void LessonPanel::begin(Session& session, const LessonStep& st) {
  auto_apply_ = false;
  const std::string why = "step " + std::to_string(step_ + 1);
  if (st.set.empty()) {
    session.markWeek(why + " begins");
    applied_ = true;
  } else {
    error_ = session.applyAssignments(st.set, why);
    applied_ = error_.empty();
    if (applied_ && session.restartPending()) session.restart();
  }
  if (applied_) since_request_ = countsOverStep(st) ? 1 : 0;
}

void LessonPanel::drawNotesTab(const Session& session) {
  LessonText text;
  drawNotes(session.loaded());
  syncClaims(session);
  if (session.file().expect.empty()) return;
  claims_.request(-1);
  ImGui::Spacing();
  drawClaims(session, -1, session.file().expect);
}

void LessonPanel::draw(Session& session, ModelWorker& worker, const Frame& frame,
                       const std::vector<std::string>& outcomes) {
  LessonText text;
  const auto& lesson = session.loaded().lesson;
  if (lesson.empty()) {
    ImGui::TextWrapped(
        "This scenario has no lesson. Open a lesson scenario (File > Open) to be guided step by step.");
    return;
  }
  step_ = std::max(0, std::min(step_, static_cast<int>(lesson.size()) - 1));
  const LessonStep& st = lesson[static_cast<size_t>(step_)];
  // Checked while the class predicts, shown after the reveal.
  syncClaims(session);
  if (!st.expect.empty()) claims_.request(step_);
  const bool by_group = asksByGroup(st.watch, st.expect);
  if (by_group_for_ != step_) by_group_for_ = step_, by_group_request_ = by_group ? 1 : 0;
  ImGui::TextDisabled("Step %d of %zu", step_ + 1, lesson.size());
  ImGui::SameLine();
  if (ImGui::SmallButton("< back") && step_ > 0) goTo(step_ - 1);
  ImGui::SameLine();
  if (ImGui::SmallButton("next >") && step_ + 1 < static_cast<int>(lesson.size())) goTo(step_ + 1);
  ImGui::TextColored(kHeading, "%s", st.title.c_str());
  // The step's number and title stay in view; the rest scrolls beneath them (after a run it keeps
  // its end, the records, in view: the class still sees which step they belong to).
  ImGui::BeginChild("lesson_body");
  // Any scroll or click in it hands the scrolling back to the lecturer.
  if (pin_bottom_ && ImGui::IsWindowHovered() && (ImGui::GetIO().MouseWheel != 0 || ImGui::IsMouseClicked(0)))
    pin_bottom_ = false;
  {
    WrapShort wrap;  // the body's own wrapping edge (a text wrap position belongs to one window)
    drawBody(session, worker, frame, outcomes, st, by_group);
  }
  reportPanel("lesson body", true, "details");
  ImGui::EndChild();
}

void LessonPanel::drawBody(Session& session, ModelWorker& worker, const Frame& frame,
                           const std::vector<std::string>& outcomes, const LessonStep& st, bool by_group) {
  const auto& lesson = session.loaded().lesson;
  wrappedWords(st.narrative);
  drawStateKeyFor(st.narrative);
  ImGui::Spacing();
  if (!st.predict.empty()) {
    ImGui::TextColored(kPredict, "Predict first");
    wrappedWords(st.predict);
    drawStateKeyFor(st.predict);
    if (!revealed_) {
      drawPrediction(session, frame);
      return;
    }
  }
  Edit changes = session.assignmentTargets(st.set);
  if (!st.set.empty()) {
    ImGui::Text("Changes in this step:");
    for (const auto& c : changes) {
      ImGui::Bullet();
      std::string words = changeInWords(session.current(), c);
      wrappedWords(words);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", decl(c.id).path);
    }
    if (!applied_) {
      if (ImGui::Button("Apply the changes") || auto_apply_) begin(session, st);
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("Applied at week %d (Ctrl+Z undoes them).",
                         session.marks().empty() ? frame.week : session.marks().back().week);
      ImGui::PopStyleColor();
    }
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.84f, 0.37f, 0, 1), "%s", error_.c_str());
  } else if (auto_apply_) {
    begin(session, st);
  }
  if (st.run_weeks > 0) {
    char label[64];
    std::snprintf(label, sizeof label, "Run %d weeks", st.run_weeks);
    if (ImGui::Button(label)) {
      if (st.set.empty() && !applied_) begin(session, st);
      worker.step(st.run_weeks);
      pin_bottom_ = true;  // the class now looks at what happens
    }
    ImGui::SameLine();
    char now[48];
    std::snprintf(now, sizeof now, "now at week %d", frame.week);
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(now).x) ImGui::NewLine();
    ImGui::TextDisabled("%s", now);
  }
  if (!st.sweep.empty() && ImGui::Button("Open the trade-off")) want_sweep_ = true, sweep_ = st.sweep;
  if (!st.sweep.empty() && ImGui::IsItemHovered())
    ImGui::SetTooltip("Sweeps %s over %s (%d replications) in the trade-off view", st.sweep.param.c_str(),
                      st.sweep.values.c_str(), st.sweep.reps);
  if (!st.watch.empty()) {
    ImGui::Spacing();
    ImGui::TextColored(kHeading, "Watch");
    wrappedWords(st.watch);
    drawStateKeyFor(st.watch);
    if (by_group) ImGui::TextDisabled("The outcome tiles show this step by group.");
  }
  // The reveal: what the class predicted beside what happened.
  auto pred = predictions_.find(step_);
  if (pred != predictions_.end() || !outcomes.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, kPredict);
    ImGui::TextWrapped("Predicted, and what happened by week %d", frame.week);
    ImGui::PopStyleColor();
    if (pred != predictions_.end()) {
      std::string c = choiceText(pred->second, frame);
      if (!c.empty()) ImGui::TextWrapped("Predicted: %s", c.c_str());
      if (!pred->second.number.empty())
        ImGui::TextWrapped("Predicted number: %s", pred->second.number.c_str());
    } else if (!st.predict.empty()) {
      ImGui::TextDisabled("No prediction was recorded.");
    }
    for (const auto& line : outcomes) {
      ImGui::Bullet();
      wrappedWords(line);
    }
  }
  // What the lesson claims, and how often it holds in other runs (as trustlab-cli check-lessons).
  if (!st.expect.empty()) {
    ImGui::Spacing();
    drawClaims(session, step_, st.expect);
  }
  ImGui::Spacing();
  if (step_ + 1 < static_cast<int>(lesson.size()) && ImGui::Button("Next step")) goTo(step_ + 1);
  // What happened and the claims' records are at the end: keep the end in view while the run goes on
  // and the records come in (a longer step's top scrolls out of view, not its records).
  if (pin_bottom_) ImGui::SetScrollHereY(1.0f);
}

}  // namespace tl::gui
