// session.hpp: the scenario as loaded vs as edited, undo/redo of parameter changes, and pane changes.
#pragma once
#include <string>
#include <vector>

#include "gui/model_worker.hpp"
#include "sim/scenario.hpp"

namespace tl::gui {

// One parameter change (regime = -1 for a world parameter).
struct Change {
  int regime;
  P id;
  double before, after;
};
using Edit = std::vector<Change>;  // undone and redone as one step

// A change to the running model, marked on the charts at the week it took effect (the first row
// week it shapes) and described in words.
struct ChangeMark {
  int week;
  std::string text;
};

// A change made to the running model as it was applied: the week it took effect, the values, and
// why ("step 3"; empty for a slider). A counterfactual replays these.
struct TimedEdit {
  int week;
  Edit edit;
  std::string why;
};

class Session {
 public:
  explicit Session(ModelWorker& worker) : worker_(worker) {}

  // Replaces everything by a newly loaded scenario and starts a new Simulation.
  void load(const Scenario& s);
  // New Simulation from the current values (Reset): week 0, same seed unless changed.
  void restart();

  const Scenario& loaded() const { return loaded_; }
  // Exactly as loaded from the file (what the lesson's claims are checked on), and how many
  // scenarios have been loaded so far (a new one invalidates what was worked out for the old).
  const Scenario& file() const { return file_; }
  int loads() const { return loads_; }
  const Scenario& current() const { return current_; }
  double value(int regime, P id) const;
  double loadedValue(int regime, P id) const;
  bool changed(int regime, P id) const { return value(regime, id) != loadedValue(regime, id); }
  // World parameters that shape the population need a new Simulation (applied at Reset).
  static bool needsRestart(P id);
  bool restartPending() const { return restart_pending_; }

  // Sets a value now (e.g. while a slider is dragged) without recording it.
  void preview(int regime, P id, double value);
  // Records and applies an edit (after is the new value; before the one before the gesture).
  // `why` heads the change's mark on the charts ("step 3"); empty for a slider.
  void commit(const Edit& e, const std::string& why = "");
  void set(int regime, P id, double value) { commit({{regime, id, value_or(regime, id), value}}); }
  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }
  void undo();
  void redo();
  // Back to the scenario as loaded: one stage of one regime, or everything.
  void resetSection(int regime, const std::string& section);
  void resetAll();
  // What "regimes[1].appeal.available=true"-style assignments (lessons) would change, as an edit;
  // returns an error text (then the edit is empty).
  std::string diffAssignments(const std::vector<std::pair<std::string, std::string>>& set, Edit& out) const;
  // Every parameter the assignments set (even to its current value), with the value they set as
  // `after`: what a lesson step is about, listed first in the policy panel and in words.
  Edit assignmentTargets(const std::vector<std::pair<std::string, std::string>>& set) const;
  // Applies them as one edit; returns an error text.
  std::string applyAssignments(const std::vector<std::pair<std::string, std::string>>& set,
                               const std::string& why = "");
  // Marks the week now without a change (a lesson step that changes nothing begins): the charts
  // show it and the outcome tiles can count from it.
  void markWeek(const std::string& text);
  // This Simulation as it began (the values from week 0) and the changes made to it since, in order:
  // replayed without one of them, they give the same run without that change.
  const Scenario& runStart() const { return run_start_; }
  const std::vector<TimedEdit>& history() const { return history_; }
  // The changes made to this run so far, in order (cleared by a new run from week 0).
  const std::vector<ChangeMark>& marks() const { return marks_; }

  // Panes: add a regime from a preset, or remove one (a new Simulation on the same population).
  void addPane(const std::string& preset, int keep_week);
  void removePane(int pane, int keep_week);
  // Each pane's style slot (colour and dash pattern): a pane keeps its slot when another is removed.
  const std::vector<int>& paneSlots() const { return slots_; }
  void setSeed(double seed) { set(-1, P::seed, seed); }
  void setPopulation(double n) { set(-1, P::population_size, n); }

 private:
  double value_or(int regime, P id) const { return value(regime, id); }
  void applyValue(int regime, P id, double v);
  void rebuild(int keep_week);

  ModelWorker& worker_;
  Scenario file_;     // exactly as loaded from the file (Reset all with other panes returns here)
  Scenario loaded_;   // the baseline changes are marked against (file_ plus panes added since)
  Scenario current_;  // what runs
  std::vector<Edit> undo_, redo_;
  std::vector<ChangeMark> marks_;
  Scenario run_start_;
  std::vector<TimedEdit> history_;
  std::vector<int> slots_;
  bool restart_pending_ = false;
  int loads_ = 0;
  void mark(const Edit& e, const std::string& why);
};

}  // namespace tl::gui
