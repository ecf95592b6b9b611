// wronged_tracker.hpp: people wrongly sanctioned, counted as people (not citizen-weeks): after each
// week, who is wrongly sanctioned now, kept as "the last week each citizen was seen wronged", so the
// number ever wrongly sanctioned since any week is a sum. The live run and its counterfactual keep one.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "sim/simulation.hpp"

namespace tl::gui {

// Per regime and group (A, B, all): how many citizens were last seen wrongly sanctioned at the end of
// each week (index = the row's week). Their sum is everyone ever wrongly sanctioned; the sum from week
// W on, those wrongly sanctioned since week W.
using WrongedHistory = std::vector<std::array<std::vector<uint32_t>, 3>>;

class WrongedTracker {
 public:
  void reset(const Simulation& sim);
  void afterWeek(const Simulation& sim);  // the week just taken
  const WrongedHistory& history() const { return hist_; }

 private:
  std::vector<std::vector<uint16_t>> last_;  // per regime, per citizen: last week wronged + 1 (0 = never)
  WrongedHistory hist_;
  std::vector<uint8_t> views_;
};

}  // namespace tl::gui
