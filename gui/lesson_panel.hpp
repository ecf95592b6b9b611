// lesson_panel.hpp: the scenario's notes (What is it / How it works / ...) and its step-by-step
// lesson: the class's prediction recorded before the reveal and shown beside what happened, the
// step's changes in words, and the key of the states the texts name.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gui/claim_records.hpp"
#include "gui/outcome_tiles.hpp"
#include "gui/session.hpp"

namespace tl::gui {

void drawNotes(const Scenario& s);

// What the class predicted for a step: a pane (or "about the same"), and a number if they gave one.
struct Prediction {
  int choice = -1;  // a pane index, kSame, or -1 = none chosen
  std::string number;
  int week = 0;  // when it was recorded
  static constexpr int kSame = 100;
};

class LessonPanel {
 public:
  // `outcomes` are the watched outcomes now, one line each (OutcomeTiles::summaryLines).
  void draw(Session& session, ModelWorker& worker, const Frame& frame,
            const std::vector<std::string>& outcomes);
  // The notes, with the records of the claims they make.
  void drawNotesTab(const Session& session);
  // Runs in parallel when checking claims (the records do not depend on it).
  void setClaimThreads(int n) { claim_threads_ = n; }
  // Scripted screenshots wait for this: the revealed step's claims are still being checked.
  bool claimsPending(const Session& session);
  void restart() {
    step_ = 0, revealed_ = false, applied_ = false, error_.clear(), predictions_.clear();
    by_group_for_ = -1, pin_bottom_ = false;
  }
  void goTo(int step) {
    step_ = step, revealed_ = false, applied_ = false, auto_apply_ = false, error_.clear();
    pin_bottom_ = false;
  }
  // A step has begun (its changes applied, or its weeks first run): the outcome tiles count from
  // its start (1) when its claims read the step's own weeks, else from the start of the run (0), once;
  // -1 = no step began since the last call.
  int takeSinceRequest() {
    int r = since_request_;
    since_request_ = -1;
    return r;
  }
  void reveal() { revealed_ = true; }
  void applyOnNextDraw() { auto_apply_ = true; }  // scripted screenshots
  // Keeps the end of the panel (what happened, the claims' records) in view until the lecturer scrolls
  // or clicks in it (after a run; scripted screenshots).
  void scrollToReveal() { pin_bottom_ = true; }
  // Scripted screenshots: record this prediction for the current step (and reveal).
  void predict(const Prediction& p) {
    predictions_[step_] = p;
    revealed_ = true;
  }
  // The current step's `watch` text and the parameters it sets ("" / empty without a lesson).
  std::string currentWatch(const Session& session) const;
  Edit currentChanges(const Session& session) const;
  // The output names the current step's claims (`expect`) read: their tiles are shown and highlighted.
  std::set<std::string> currentClaimed(const Session& session) const;
  // Of those, the ones the step's claims read per member of the group (`per_capita`) and never need
  // as a count (against a number, in a difference, across groups), with the outputs they are
  // compared with as a ratio within a group: their tiles show per-member figures, not counts.
  std::set<std::string> currentPerCapita(const Session& session) const;
  // The current step's comparison with the same run without it (its claims with "vs": "without_step"),
  // once its changes are applied: the change to leave out (an index of the session's history; -1 =
  // none) and the panes the claims name.
  struct Without {
    int skip = -1, step = 0;
    std::set<int> panes;
  };
  Without currentWithout(const Session& session) const;
  // The earlier week the current step's claims compare a level at its end with (an output against
  // itself at one week: "vs": {"window": {"week": W}}), once the step has begun; week -1 = none.
  Earlier currentEarlier(const Session& session) const;
  // What the current step is about, for the outcome tiles.
  Watched currentWatched(const Session& session) const;
  // The outputs the current step's claims read at its end only (their tiles show the level now).
  std::set<std::string> currentAtEnd(const Session& session) const;
  int step() const { return step_; }
  // A step shown for the first time asks for the outcome tiles by group (1) or not (0), once;
  // -1 = no new step since the last call.
  int takeByGroupRequest() {
    int r = by_group_request_;
    by_group_request_ = -1;
    return r;
  }
  // The step's "Open the trade-off" button was pressed: once, the sweep it declares.
  bool takeSweepRequest(LessonSweep& out) {
    if (!want_sweep_) return false;
    want_sweep_ = false;
    out = sweep_;
    return true;
  }

 private:
  // The step shown (clamped to the lesson), nullptr without a lesson.
  const LessonStep* currentStep(const Session& session) const;
  void drawPrediction(const Session& session, const Frame& frame);
  // The step below its title (narrative, prediction, changes, watch, reveal, claims), scrolling.
  void drawBody(Session& session, ModelWorker& worker, const Frame& frame,
                const std::vector<std::string>& outcomes, const LessonStep& st, bool by_group);
  // A new scenario: forget the records of the old one.
  void syncClaims(const Session& session);
  // Each claim in words and, once checked, its record over ClaimRecords::kSeeds runs.
  void drawClaims(const Session& session, int step, const std::vector<Expect>& expect);
  // Begins the step: applies its changes, or marks its start when it has none.
  void begin(Session& session, const LessonStep& st);
  ClaimRecords claims_;
  int claims_loads_ = -1, claim_threads_ = 1;
  int step_ = 0;
  bool revealed_ = false, applied_ = false, auto_apply_ = false, pin_bottom_ = false;
  std::string error_;
  std::map<int, Prediction> predictions_;  // by step
  char number_buf_[32] = {};
  int choice_ = -1;
  bool want_sweep_ = false;
  int by_group_for_ = -1, by_group_request_ = -1;  // the step the request was made for
  int since_request_ = -1;
  LessonSweep sweep_;
};

}  // namespace tl::gui
