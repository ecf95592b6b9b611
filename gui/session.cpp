// session.cpp: the scenario as loaded vs as edited, undo/redo of parameter changes, and pane changes.
#include "gui/session.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include "gui/change_words.hpp"
#include "io/scenario_io.hpp"

namespace tl::gui {

void Session::load(const Scenario& s) {
  ++loads_;
  file_ = s;
  loaded_ = s;
  current_ = s;
  undo_.clear();
  redo_.clear();
  slots_.clear();
  for (size_t i = 0; i < s.regimes.size(); ++i) slots_.push_back(static_cast<int>(i));
  rebuild(0);
}

void Session::restart() { rebuild(0); }

void Session::rebuild(int keep_week) {
  restart_pending_ = false;
  // A new run from week 0 has no changes yet; one that keeps its week (a pane added or removed)
  // keeps the marks up to that week.
  while (!marks_.empty() && (keep_week == 0 || marks_.back().week > keep_week)) marks_.pop_back();
  std::vector<int> keep_at;  // the totals at the marks kept, for counting since them
  for (const auto& m : marks_) keep_at.push_back(m.week);
  worker_.rebuild(current_, keep_week, keep_at);
  run_start_ = current_;  // a rebuild runs the current values from week 0
  history_.clear();
}

double Session::value(int regime, P id) const {
  if (regime < 0) return current_.world[id];
  if (regime >= static_cast<int>(current_.regimes.size())) return decl(id).def;
  return current_.regimes[static_cast<size_t>(regime)].values[id];
}
double Session::loadedValue(int regime, P id) const {
  if (regime < 0) return loaded_.world[id];
  if (regime >= static_cast<int>(loaded_.regimes.size())) return decl(id).def;
  return loaded_.regimes[static_cast<size_t>(regime)].values[id];
}

bool Session::needsRestart(P id) {
  std::string sec = decl(id).section();
  return sec == "population" || id == P::seed || id == P::weeks;
}

void Session::applyValue(int regime, P id, double v) {
  if (regime < 0) {
    current_.world[id] = v;
    if (needsRestart(id))
      restart_pending_ = true;
    else
      worker_.setWorldParam(id, v);
  } else if (regime < static_cast<int>(current_.regimes.size())) {
    current_.regimes[static_cast<size_t>(regime)].values[id] = v;
    worker_.setRegimeParam(regime, id, v);
  }
}

void Session::preview(int regime, P id, double v) {
  if (regime < 0 && needsRestart(id)) {
    current_.world[id] = v;
    restart_pending_ = true;
    return;
  }
  applyValue(regime, id, v);
}

void Session::mark(const Edit& e, const std::string& why) {
  // World changes that wait for Reset do not change this run.
  Edit live;
  for (const auto& c : e)
    if (!(c.regime < 0 && needsRestart(c.id))) live.push_back(c);
  if (live.empty()) return;
  std::string text = why.empty() ? "" : why + ": ";
  if (live.size() == 1)
    text += changeInWords(current_, live[0]);
  else
    text += std::to_string(live.size()) + " changes (" + changeInWords(current_, live[0]) + ", ...)";
  history_.push_back({worker_.publishedWeek(), live, why});
  markWeek(text);
}

void Session::markWeek(const std::string& text) {
  marks_.push_back({worker_.publishedWeek(), text});
  worker_.keepSummary();
}

void Session::commit(const Edit& e, const std::string& why) {
  Edit real;
  for (const auto& c : e)
    if (c.before != c.after) real.push_back(c);
  for (const auto& c : e) applyValue(c.regime, c.id, c.after);
  if (real.empty()) return;
  undo_.push_back(real);
  redo_.clear();
  mark(real, why);
}

void Session::undo() {
  if (undo_.empty()) return;
  Edit e = undo_.back();
  undo_.pop_back();
  for (auto it = e.rbegin(); it != e.rend(); ++it) applyValue(it->regime, it->id, it->before);
  redo_.push_back(e);
  Edit back;
  for (const auto& c : e) back.push_back({c.regime, c.id, c.after, c.before});
  mark(back, "undo");
}

void Session::redo() {
  if (redo_.empty()) return;
  Edit e = redo_.back();
  redo_.pop_back();
  for (const auto& c : e) applyValue(c.regime, c.id, c.after);
  undo_.push_back(e);
  mark(e, "redo");
}

void Session::resetSection(int regime, const std::string& section) {
  Edit e;
  for (const auto& d : paramTable()) {
    if ((regime < 0) != (d.scope == Scope::World) || d.section() != section) continue;
    if (changed(regime, d.id)) e.push_back({regime, d.id, value(regime, d.id), loadedValue(regime, d.id)});
  }
  commit(e);
}

void Session::resetAll() {
  bool same_panes = current_.regimes.size() == file_.regimes.size();
  for (size_t r = 0; same_panes && r < file_.regimes.size(); ++r)
    same_panes = current_.regimes[r].preset == file_.regimes[r].preset &&
                 current_.regimes[r].name == file_.regimes[r].name;
  if (!same_panes) {
    // panes were added or removed: back to the panes of the file and a fresh run
    load(file_);
    return;
  }
  Edit e;
  for (const auto& d : paramTable()) {
    if (d.scope == Scope::World) {
      if (changed(-1, d.id)) e.push_back({-1, d.id, value(-1, d.id), loadedValue(-1, d.id)});
    } else {
      for (int r = 0; r < static_cast<int>(current_.regimes.size()); ++r)
        if (changed(r, d.id)) e.push_back({r, d.id, value(r, d.id), loadedValue(r, d.id)});
    }
  }
  commit(e);
}

std::string Session::diffAssignments(const std::vector<std::pair<std::string, std::string>>& set,
                                     Edit& e) const {
  e.clear();
  Scenario next = current_;
  try {
    for (const auto& kv : set) applySet(next, kv.first, kv.second);
  } catch (const ScenarioError& err) {
    std::string msg;
    for (const auto& x : err.errors) msg += x.str() + "\n";
    return msg;
  } catch (const std::exception& err) {
    return err.what();
  }
  for (const auto& d : paramTable()) {
    if (d.scope == Scope::World) {
      if (next.world[d.id] != current_.world[d.id])
        e.push_back({-1, d.id, current_.world[d.id], next.world[d.id]});
    } else {
      for (size_t r = 0; r < current_.regimes.size() && r < next.regimes.size(); ++r) {
        double a = current_.regimes[r].values[d.id], b = next.regimes[r].values[d.id];
        if (a != b) e.push_back({static_cast<int>(r), d.id, a, b});
      }
    }
  }
  return {};
}

Edit Session::assignmentTargets(const std::vector<std::pair<std::string, std::string>>& set) const {
  // Applied to a copy whose every value is NaN: whatever is a number afterwards was assigned.
  Scenario marked = current_;
  const double nan = std::nan("");
  for (auto& v : marked.world.v) v = nan;
  for (auto& r : marked.regimes)
    for (auto& v : r.values.v) v = nan;
  Edit out;
  try {
    for (const auto& kv : set) applySet(marked, kv.first, kv.second);
  } catch (const std::exception&) {
    return out;  // the lesson panel shows the error when the step is applied
  }
  for (const auto& d : paramTable()) {
    if (d.scope == Scope::World) {
      if (!std::isnan(marked.world[d.id]))
        out.push_back({-1, d.id, current_.world[d.id], marked.world[d.id]});
    } else {
      for (size_t r = 0; r < marked.regimes.size(); ++r)
        if (!std::isnan(marked.regimes[r].values[d.id]))
          out.push_back(
              {static_cast<int>(r), d.id, current_.regimes[r].values[d.id], marked.regimes[r].values[d.id]});
    }
  }
  return out;
}

std::string Session::applyAssignments(const std::vector<std::pair<std::string, std::string>>& set,
                                      const std::string& why) {
  Edit e;
  std::string err = diffAssignments(set, e);
  if (!err.empty()) return err;
  commit(e, why);
  return {};
}

void Session::addPane(const std::string& preset, int keep_week) {
  if (current_.regimes.size() >= static_cast<size_t>(kMaxPanes)) return;
  RegimeSpec r;
  r.preset = preset;
  r.values = presetValues(preset);
  r.name = preset;
  try {
    const auto& j = presetJson(preset);
    // The preset's title without its parenthesised sources: "Blacklist with joint sanctions".
    if (j.contains("title") && j["title"].is_string()) {
      std::string t = j["title"].get<std::string>();
      auto paren = t.find(" (");
      r.name = paren == std::string::npos ? t : t.substr(0, paren);
    }
  } catch (const std::exception&) {
  }
  current_.regimes.push_back(r);
  loaded_.regimes.push_back(r);
  int slot = 0;  // the first style no pane uses
  while (std::find(slots_.begin(), slots_.end(), slot) != slots_.end()) ++slot;
  slots_.push_back(slot);
  undo_.clear();
  redo_.clear();
  rebuild(keep_week);
  marks_.push_back({keep_week, "pane " + std::to_string(current_.regimes.size()) + " added: " + r.name});
  worker_.keepSummary();  // runs after the rebuild, at keep_week
}

void Session::removePane(int pane, int keep_week) {
  if (current_.regimes.size() <= 1 || pane < 0 || pane >= static_cast<int>(current_.regimes.size())) return;
  std::string name = current_.regimes[static_cast<size_t>(pane)].name;
  if (pane < static_cast<int>(slots_.size())) slots_.erase(slots_.begin() + pane);
  current_.regimes.erase(current_.regimes.begin() + pane);
  if (pane < static_cast<int>(loaded_.regimes.size())) loaded_.regimes.erase(loaded_.regimes.begin() + pane);
  undo_.clear();
  redo_.clear();
  rebuild(keep_week);
  marks_.push_back({keep_week, "pane " + std::to_string(pane + 1) + " removed: " + name});
  worker_.keepSummary();  // runs after the rebuild, at keep_week
}

}  // namespace tl::gui
