// citizens_export.cpp: per-citizen week counts read through the public Simulation
// API (snapshot() after each step, the event log for appeals); no model internals.
#include "io/citizens_export.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "io/output.hpp"

namespace tl {
namespace {

// Reward regimes select by benefits, punitive ones (and "none") by sanctions in force:
// the same rule as the model's confusion matrix (docs/metrics.md §2).
bool punitive(const Simulation& sim, int r) {
  return static_cast<TargetKind>(sim.regimeParams(r).i(P::target_kind)) != TargetKind::Reliable;
}

std::string real(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

}  // namespace

CitizenAudit::CitizenAudit(const Simulation& sim) : population_(sim.population()) {
  if (sim.week() != 0) throw std::invalid_argument("CitizenAudit: start it before the first week");
  counts_.resize(population_ * static_cast<size_t>(sim.regimeCount()));
}

void CitizenAudit::observe(const Simulation& sim) {
  if (sim.week() != weeks_ + 1)
    throw std::invalid_argument("CitizenAudit: observe() must follow every step()");
  weeks_ = sim.week();
  for (int r = 0; r < sim.regimeCount(); ++r) {
    const bool by_sanction = punitive(sim, r);
    Counts* c = &counts_[static_cast<size_t>(r) * population_];
    for (uint32_t i = 0; i < population_; ++i) {
      CitizenSnapshot x = sim.snapshot(r, i);
      const bool selected = by_sanction ? x.sanctioned : x.benefited;
      ++(x.target ? (selected ? c[i].tp : c[i].fn) : (selected ? c[i].fp : c[i].tn));
      c[i].sanctioned += x.sanctioned;
      c[i].benefited += x.benefited;
      c[i].flagged += x.flagged;
      c[i].detained += x.sanctioned && x.detained;
      c[i].enrolled += x.enrolled;
    }
  }
  const auto& events = sim.events();
  for (; events_seen_ < events.size(); ++events_seen_) {
    const Event& e = events[events_seen_];
    Counts& c = counts_[static_cast<size_t>(e.regime) * population_ + e.citizen];
    switch (e.kind) {
      case EventKind::AppealFiled:
        ++c.appeals_filed;
        break;
      case EventKind::AppealUpheld:
        ++c.appeals_upheld;
        break;
      case EventKind::AppealOverturned:
        ++c.appeals_overturned;
        break;
      case EventKind::HumanOverride:
        ++c.human_overrides;
        break;
      default:
        break;
    }
  }
}

std::vector<std::string> CitizenAudit::columns() {
  return {"regime",
          "target_kind",
          "citizen_id",
          "group",
          "region",
          "digital_access",
          "harm_prone",
          "usual_resources",
          "reliability",
          "prosociality",
          "weeks",
          "target_weeks",
          "selected_weeks",
          "tp_weeks",
          "fp_weeks",
          "fn_weeks",
          "tn_weeks",
          "ever_target",
          "ever_selected",
          "ever_wrongly_selected",
          "target_at_end",
          "selected_at_end",
          "sanctioned_weeks",
          "wrongful_sanction_weeks",
          "benefited_weeks",
          "flagged_weeks",
          "detained_weeks",
          "enrolled_weeks",
          "appeals_filed",
          "appeals_upheld",
          "appeals_overturned",
          "human_overrides",
          "trust_at_end",
          "resources_at_end",
          "score_at_end"};
}

std::string CitizenAudit::csv(const Simulation& sim) const {
  const Scenario& s = sim.scenario();
  const char* kinds[] = {"wilful_defaulter", "harm_prone", "reliable", "none"};
  std::string out;
  for (const auto& c : columns()) out += (out.empty() ? "" : ",") + c;
  out += "\n";
  out.reserve(out.size() + counts_.size() * 160);
  for (int r = 0; r < sim.regimeCount(); ++r) {
    const bool by_sanction = punitive(sim, r);
    const std::string head = csvField(s.regimes[static_cast<size_t>(r)].name) + "," +
                             kinds[std::min(3, sim.regimeParams(r).i(P::target_kind))] + ",";
    for (uint32_t i = 0; i < population_; ++i) {
      const Counts& c = counts_[static_cast<size_t>(r) * population_ + i];
      const CitizenTraits& t = sim.traits(i);
      CitizenSnapshot x = sim.snapshot(r, i);
      const bool selected_now = by_sanction ? x.sanctioned : x.benefited;
      auto n = [](uint32_t v) { return std::to_string(v); };
      auto b = [](bool v) { return v ? std::string("1") : std::string("0"); };
      out += head + n(t.id) + "," + csvField(groupLabel(s, static_cast<int>(t.group))) + "," +
             (t.rural ? "rural" : "urban") + "," + b(t.digital_access) + "," + b(t.harm_prone) + "," +
             real(t.resources0) + "," + real(t.reliability) + "," + real(t.prosociality) + "," + n(weeks_) +
             "," + n(c.tp + c.fn) + "," + n(c.tp + c.fp) + "," + n(c.tp) + "," + n(c.fp) + "," + n(c.fn) +
             "," + n(c.tn) + "," + b(c.tp + c.fn > 0) + "," + b(c.tp + c.fp > 0) + "," + b(c.fp > 0) + "," +
             b(x.target) + "," + b(selected_now) + "," + n(c.sanctioned) + "," +
             std::to_string(x.wrongful_weeks) + "," + n(c.benefited) + "," + n(c.flagged) + "," +
             n(c.detained) + "," + n(c.enrolled) + "," + n(c.appeals_filed) + "," + n(c.appeals_upheld) +
             "," + n(c.appeals_overturned) + "," + n(c.human_overrides) + "," + real(x.trust) + "," +
             real(x.resources) + "," + (x.score >= 0 ? std::to_string(x.score) : std::string()) + "\n";
    }
  }
  return out;
}

std::string runWithCitizenAudit(Simulation& sim) {
  CitizenAudit audit(sim);
  while (!sim.finished()) {
    sim.step();
    audit.observe(sim);
  }
  return audit.csv(sim);
}

}  // namespace tl
