// frontier.hpp: the outcomes a sweep records per run and their summary over
// replications (mean, sd, t-based 95 % interval) per swept value x regime x group.
// Front-end neutral: the CLI's sweep and the app's trade-off view both use it.
#pragma once
#include <string>
#include <vector>

#include "sim/simulation.hpp"

namespace tl {

// One outcome of a run, per regime x group; docs/metrics.md §11 defines each.
struct Outcome {
  std::string name;   // column stem in jobs.csv and frontier.csv: "wrongful_sanction_weeks"
  std::string label;  // on an axis: "Wrongful sanction-weeks"
  std::string unit;   // on an axis: "citizen-weeks"
};
// The outcomes this build records, in column order. Whole-run counts come from the
// weekly rows by column name, so a count the model adds to them ("unpaid") can be
// listed here without other code changes; it is included only when the model has it.
const std::vector<Outcome>& frontierOutcomes();
// Index into frontierOutcomes(), or -1.
int outcomeIndex(const std::string& name);
// Names of frontierOutcomes(), for messages ("expected one of ...").
std::string outcomeNames();

// The outcomes of a finished (or stopped) run: [regime][group 0 A, 1 B, 2 all][outcome].
std::vector<std::vector<std::vector<double>>> runOutcomes(const Simulation& sim);

// One run's outcomes for one regime x group, tagged with the swept values.
struct RunResult {
  std::string value, value2;  // value2 empty for a one-parameter sweep
  std::string regime, group;
  std::vector<double> outcomes;  // as frontierOutcomes(); NaN where undefined (n/a)
};

// Mean, sample sd and the two-sided 95 % Student-t interval for the mean over the
// replications where the outcome is defined. sd and the interval are NaN for n < 2.
struct Estimate {
  double mean, sd, low, high;
  int n;
};
Estimate estimate(const std::vector<double>& samples);
// The Student t quantile: P(T <= t) = p for T with df degrees of freedom (df >= 1).
double studentTQuantile(double p, int df);

struct FrontierRow {
  std::string value, value2, regime, group;
  int runs = 0;                    // replications of this point
  std::vector<Estimate> outcomes;  // as frontierOutcomes()
};
// Groups runs by (value, value2, regime, group) in order of first appearance and
// summarises each outcome; samples are taken in the order of `runs`.
std::vector<FrontierRow> frontier(const std::vector<RunResult>& runs);

// frontier.csv: param,value,param2,value2,regime,group,runs, then per outcome
// <name>_mean,<name>_sd,<name>_ci95_low,<name>_ci95_high,<name>_n. n/a is an empty field.
std::string frontierCsv(const std::vector<FrontierRow>& rows, const std::string& param,
                        const std::string& param2);

}  // namespace tl
