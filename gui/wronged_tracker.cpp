// wronged_tracker.cpp: people wrongly sanctioned, week by week (see wronged_tracker.hpp).
#include "gui/wronged_tracker.hpp"

namespace tl::gui {

void WrongedTracker::reset(const Simulation& sim) {
  last_.assign(static_cast<size_t>(sim.regimeCount()), std::vector<uint16_t>(sim.population(), 0));
  hist_.assign(static_cast<size_t>(sim.regimeCount()), {});
}

void WrongedTracker::afterWeek(const Simulation& sim) {
  const int week = sim.week() - 1;  // the row week of the step just taken
  const size_t n = sim.population();
  views_.resize(n);
  for (int r = 0; r < sim.regimeCount() && r < static_cast<int>(last_.size()); ++r) {
    sim.views(r, views_.data());
    auto& last = last_[static_cast<size_t>(r)];
    auto& hist = hist_[static_cast<size_t>(r)];
    for (auto& h : hist) h.resize(static_cast<size_t>(week) + 1, 0);
    for (size_t i = 0; i < n; ++i) {
      auto v = static_cast<CitizenView>(views_[i]);
      bool wronged = v == CitizenView::WronglySanctioned;
      if (v == CitizenView::InAppeal) {  // the view hides right or wrong while an appeal waits
        CitizenSnapshot s = sim.snapshot(r, static_cast<uint32_t>(i));
        wronged = s.sanctioned && !s.target;
      }
      if (!wronged) continue;
      int g = sim.traits(static_cast<uint32_t>(i)).group == Group::B ? 1 : 0;
      if (last[i]) {
        --hist[static_cast<size_t>(g)][last[i] - 1u];
        --hist[2][last[i] - 1u];
      }
      last[i] = static_cast<uint16_t>(week + 1);
      ++hist[static_cast<size_t>(g)][static_cast<size_t>(week)];
      ++hist[2][static_cast<size_t>(week)];
    }
  }
}

}  // namespace tl::gui
