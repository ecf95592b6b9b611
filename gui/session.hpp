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

class Session {
 public:
  explicit Session(ModelWorker& worker) : worker_(worker) {}

  // Replaces everything by a newly loaded scenario and starts a new Simulation.
  void load(const Scenario& s);
  // New Simulation from the current values (Reset): week 0, same seed unless changed.
  void restart();

  const Scenario& loaded() const { return loaded_; }
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
  void commit(const Edit& e);
  void set(int regime, P id, double value) { commit({{regime, id, value_or(regime, id), value}}); }
  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }
  void undo();
  void redo();
  // Back to the scenario as loaded: one stage of one regime, or everything.
  void resetSection(int regime, const std::string& section);
  void resetAll();
  // Applies "regimes[1].appeal.available=true"-style assignments (lessons); returns an error text.
  std::string applyAssignments(const std::vector<std::pair<std::string, std::string>>& set);

  // Panes: add a regime from a preset, or remove one (a new Simulation on the same population).
  void addPane(const std::string& preset, int keep_week);
  void removePane(int pane, int keep_week);
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
  bool restart_pending_ = false;
};

}  // namespace tl::gui
