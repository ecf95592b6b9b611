// simulation.hpp: the public face of the model. One synthetic population, 1-4
// regimes, weekly steps. Front ends (CLI, GUI, tests, bench) use only this.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/metrics.hpp"
#include "sim/scenario.hpp"

namespace tl {

// What a dot in the city shows (ordered by precedence when several hold).
enum class CitizenView : uint8_t {
  NotEnrolled = 0,  // outside an opt-in system (drawn dimmed)
  Normal = 1,
  Rewarded = 2,           // receiving benefits
  Flagged = 3,            // system says adverse, but not (yet) in force: grace, human override, suspended
  RightlySanctioned = 4,  // sanction in force and the citizen is what the regime targets
  WronglySanctioned = 5,  // sanction in force and the citizen is not
  InAppeal = 6,           // an appeal is waiting in the queue
};
constexpr int kViewCount = 7;

enum class Group : uint8_t { A = 0, B = 1 };

// Static, regime-independent attributes (drawn once from the scenario's distributions).
struct CitizenTraits {
  uint32_t id;
  Group group;
  bool rural;
  bool digital_access;
  bool harm_prone;
  float resources0;   // usual resource level
  float reliability;  // P(honours an obligation when able)
  float prosociality;
};

// Everything the inspector shows about one citizen under one regime, now.
struct CitizenSnapshot {
  CitizenView view;
  bool enrolled, target, sanctioned, flagged, listed, benefited, aware, appeal_pending, detained;
  bool judgement_outstanding, judgement_wilful, record_judgement, record_erroneous;
  int score;  // -1 when the regime has no score
  float resources, trust;
  int rec_infractions, rec_protected, rec_proxy, rec_prosocial;
  int wrongful_weeks;  // weeks wrongly sanctioned so far
};

// Notable events for the inspector's history (collected only when SimOptions::log_events).
enum class EventKind : uint8_t {
  ObligationPaid,
  ObligationUnable,
  ObligationUnwilling,
  Judgement,
  JudgementSettled,
  Infraction,
  ProsocialAct,
  ProtectedBehaviour,
  ProxyBehaviour,
  HarmfulAct,
  GamingAct,
  RecordCreated,
  RecordErroneous,
  RecordCleared,
  RecordExpired,
  Enrolled,
  Listed,
  Flagged,
  SanctionStart,
  SanctionEnd,
  Detained,
  BenefitStart,
  BenefitEnd,
  Notified,
  Discovered,
  AppealFiled,
  AppealUpheld,
  AppealOverturned,
  HumanOverride,
  LeftScheme,
  Count
};
const char* eventName(EventKind k);
struct Event {
  uint32_t citizen;
  uint16_t week;
  uint8_t regime;  // the regime (pane) it happened in; life events are logged once per regime
  EventKind kind;
  int32_t value;  // kind-specific (score after change, record type...)
};

// The weekly metrics, one field each, declared once in sim/metrics.def.
struct MetricCounts {
#define COUNT(id, when, contribution, unit, label, description) double id = 0;
#define MEAN(id, column, per, unit_divisor, contribution, unit, label, description) double id = 0;
#include "sim/metrics.def"
#undef COUNT
#undef MEAN
  MetricCounts& operator+=(const MetricCounts& o);
};

enum class Metric : uint8_t {
#define COUNT(id, when, contribution, unit, label, description) id,
#define MEAN(id, column, per, unit_divisor, contribution, unit, label, description) id,
#include "sim/metrics.def"
#undef COUNT
#undef MEAN
  Count
};

// One row of timeseries.csv: one week x regime x group (group 0 = A, 1 = B, 2 = all).
struct WeekRow : MetricCounts {
  int week = 0, regime = 0, group = 0;
  Confusion confusion;  // this week's target x selected
  double trust_mean() const;
  double resources_mean() const;
  double benign_behaviour_rate() const;
  double score_mean() const;
};

// What a metric counts (sim/metrics.def): citizens in a state at the week's end, events
// during the week, or a weekly mean (trust, score...).
enum class MetricWhen : uint8_t { state, event, mean };

// A metric as outputs and screens show it (generated from sim/metrics.def).
struct MetricDecl {
  Metric id;
  const char* column;  // the output name (timeseries.csv column, lesson `watch`/`expect`)
  const char* unit;
  const char* label;  // the name on screen
  const char* description;
  MetricWhen when;  // a state at week's end, an event in the week, or a weekly mean
  bool mean() const { return when == MetricWhen::mean; }
};
const std::vector<MetricDecl>& metricTable();
const MetricDecl* findMetric(const std::string& column);  // by output name; nullptr if none
// The output value of a metric in a row (a count, or the mean of a sum).
double metricValue(const WeekRow& r, Metric m);
// Column names of timeseries.csv after week,regime,group, in order, and their values.
std::vector<std::string> weekRowColumns();
std::vector<double> weekRowValues(const WeekRow& r);

// The appeal funnel over the whole run for one regime x group.
struct Funnel {
  double wronged = 0, aware = 0, appealed = 0, decided = 0, overturned = 0;
};

struct GroupSummary {
  Confusion confusion;  // summed over citizen-weeks
  Rates rates{};
  double disparate_impact = 0;  // selection rate B over A (same value on each group row)
  // Sanction and benefit rates (per citizen-week) and their ratios B over A, named so
  // that a punitive regime's sanction ratio is not read as a reward regime's benefit ratio.
  double sanction_rate = 0, benefit_rate = 0, sanction_ratio = 0, benefit_ratio = 0;
  MetricCounts totals;  // each weekly count summed over the run (means are not summed)
  WeekRow last;         // the last week's row
  double wrongful_sanction_weeks = 0;
  Funnel funnel;
  double median_weeks_to_correction = 0;  // NaN when nothing was corrected
  double corrections = 0;
};
struct RegimeSummary {
  std::string name, preset, target;
  GroupSummary group[3];  // A, B, all
};

struct SimOptions {
  int threads = 0;          // 0 = hardware concurrency
  bool log_events = false;  // keep the event log for the inspector
  // Count citizens to whom nothing can happen this week by class instead of one by one
  // (an optimisation only: off gives identical outputs, checked by test_golden).
  bool fast_path = true;
};

class Simulation {
 public:
  explicit Simulation(const Scenario& scenario, SimOptions options = {});
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  void step();          // one week for every regime
  void run(int weeks);  // several steps
  bool finished() const { return week() >= scenario().weeks(); }

  int week() const;  // weeks simulated so far
  int threads() const;
  const Scenario& scenario() const;
  int regimeCount() const;
  size_t population() const;
  const CitizenTraits& traits(uint32_t citizen) const;

  // Change a parameter between weeks (the GUI's sliders). World parameters that
  // shape the population (population.*, seed) need a new Simulation instead.
  void setRegimeParam(int regime, P id, double value);
  void setWorldParam(P id, double value);
  const ParamValues& regimeParams(int regime) const;
  const ParamValues& worldParams() const;

  void views(int regime, uint8_t* out) const;  // population() bytes
  CitizenSnapshot snapshot(int regime, uint32_t citizen) const;

  const std::vector<WeekRow>& rows() const;  // regimes x 3 rows appended each week
  std::vector<RegimeSummary> summary() const;
  const std::vector<Event>& events() const;
  std::vector<Event> eventsOf(uint32_t citizen) const;

  uint64_t stateHash() const;  // hash of every per-citizen state array (determinism tests)
  static size_t bytesPerCitizenPerRegime();
  static size_t bytesPerCitizenShared();

  // Seconds spent in each named phase of the week so far (bench and profiling).
  struct PhaseTimes {
    double life_and_assessment = 0, appeals = 0, bookkeeping = 0;
  };
  PhaseTimes phaseTimes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tl
