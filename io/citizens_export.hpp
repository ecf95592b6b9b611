// citizens_export.hpp: the audit export. Follows a run week by week and writes the
// synthetic population with its ground truth and each regime's decisions, one row
// per citizen per regime (docs/audit.md), so students can audit a regime with the
// fairness tools they know. Summing its week counts per group gives exactly the
// confusion matrices behind summary.json's FPR, FNR and PPV.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace tl {

class CitizenAudit {
 public:
  // Call before the first step (throws std::invalid_argument otherwise). The appeal
  // columns count events: the simulation must keep its log (SimOptions::log_events).
  explicit CitizenAudit(const Simulation& sim);
  // Call after every step(): counts this week's decision for every citizen and regime.
  void observe(const Simulation& sim);
  // The CSV (header + population() x regimes rows, regime by regime, citizens in id order).
  std::string csv(const Simulation& sim) const;
  static std::vector<std::string> columns();

 private:
  struct Counts {
    uint32_t tp = 0, fp = 0, fn = 0, tn = 0;
    uint32_t sanctioned = 0, benefited = 0, flagged = 0, detained = 0, enrolled = 0;
    uint32_t appeals_filed = 0, appeals_upheld = 0, appeals_overturned = 0, human_overrides = 0;
  };
  int weeks_ = 0;
  size_t events_seen_ = 0;
  size_t population_ = 0;
  std::vector<Counts> counts_;  // regime-major: [regime * population + citizen]
};

// Runs the simulation to its end under an audit and returns the CSV (the CLI's
// --citizens-out). `sim` must be new and keep its event log.
std::string runWithCitizenAudit(Simulation& sim);

}  // namespace tl
