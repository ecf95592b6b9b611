// main.cpp: trustlab-cli entry point — picks the subcommand, prints help, maps
// failures to exit codes (0 ok, 2 bad input, 1 internal error).
#include <cstring>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "io/input_file.hpp"
#include "io/scenario_io.hpp"

namespace tl::cli {
namespace {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"run",
       "run a scenario; print a summary table, optionally write CSV + JSON",
       "usage: trustlab-cli run [SCENARIO] [options]\n"
       "  SCENARIO            a scenario file, an embedded scenario name, or a summary.json to rerun\n"
       "                      (none: the embedded default scenario)\n"
       "  --manifest FILE     rerun exactly the run recorded in FILE (a summary.json)\n"
       "  --seed N            random seed\n"
       "  --weeks N           weeks to simulate\n"
       "  --population N      number of synthetic citizens\n"
       "  --set PATH=VALUE    change a parameter (repeatable): population.size=5000,\n"
       "                      appeal.cost=0.1 (every regime), regimes[1].appeal.cost=0.1 (one regime)\n"
       "  --threads N         worker threads (0 = all cores; results do not depend on it)\n"
       "  --out DIR           write DIR/timeseries.csv and DIR/summary.json; DIR is replaced as a\n"
       "                      whole, only when the run succeeds (it may hold only outputs)\n"
       "  --citizens-out FILE write the synthetic population with ground truth and decisions, one row\n"
       "                      per citizen per regime, for an audit (docs/audit.md)\n"
       "  --quiet             do not print the summary table\n",
       {{"--manifest", "--seed", "--weeks", "--population", "--set", "--threads", "--out", "--citizens-out"},
        {"--quiet"}},
       cmdRun},
      {"validate",
       "check scenario or preset files and report every error",
       "usage: trustlab-cli validate FILE...\n"
       "  Prints \"FILE: ok (N regimes: ...)\" or each error as file:line:col: json/path: message.\n"
       "  Exit status 2 when any file has an error.\n",
       {{}, {}},
       cmdValidate},
      {"params",
       "list every parameter (name, unit, default, range, description, source)",
       "usage: trustlab-cli params [--json | --markdown]\n"
       "  (no flag)   a table for the terminal\n"
       "  --json      machine-readable list\n"
       "  --markdown  the reference page: trustlab-cli params --markdown > docs/parameters.md\n",
       {{}, {"--json", "--markdown"}},
       cmdParams},
      {"metrics",
       "list every metric of timeseries.csv (name on screen, unit, what it counts)",
       "usage: trustlab-cli metrics [--markdown]\n"
       "  (no flag)   a table for the terminal\n"
       "  --markdown  the column table of docs/metrics.md section 8 (generated from sim/metrics.def)\n",
       {{}, {"--markdown"}},
       cmdMetrics},
      {"presets",
       "list the regime presets with their titles and targets",
       "usage: trustlab-cli presets\n",
       {{}, {}},
       cmdPresets},
      {"scenarios",
       "list the scenarios compiled into the binary",
       "usage: trustlab-cli scenarios\n",
       {{}, {}},
       cmdScenarios},
      {"bench",
       "measure speed (citizen-weeks per second) and memory per citizen",
       "usage: trustlab-cli bench [options]\n"
       "  --population N          citizens (default 1000000)\n"
       "  --weeks N               weeks (default 52)\n"
       "  --threads N             worker threads (0 = all cores)\n"
       "  --regimes-from SCENARIO take the regimes from this scenario instead of the default's\n"
       "  --scaling               run 10^4, 10^5, 10^6 and 10^7 citizens (--weeks each, default 26;\n"
       "                          small sizes repeated) and print ns per citizen-week\n"
       "  --sweep                 time issue 10's reference sweep instead: default scenario,\n"
       "                          regimes[1].transparency.discovery_rate = 0.01:0.5:50 x 3 reps at\n"
       "                          20000 citizens x 104 weeks (--values N, --reps R, --population,\n"
       "                          --weeks change it); prints the wall time and a hash of frontier.csv\n"
       "  --no-batch              with --sweep: one simulation per job (no shared panes), in parallel\n"
       "  --serial                with --sweep: one simulation per job, one at a time, threads inside\n",
       {{"--population", "--weeks", "--threads", "--regimes-from", "--values", "--reps"},
        {"--scaling", "--sweep", "--serial", "--no-batch"}},
       cmdBench},
      {"sweep",
       "replicate a scenario over values of one or two parameters; frontier CSV and plot",
       "usage: trustlab-cli sweep SCENARIO --param PATH --values A,B,C --out DIR [options]\n"
       "  --param PATH        the parameter to vary (as in --set; regimes[N]. for one regime)\n"
       "  --values LIST       the values to try: A,B,C, or FROM:TO:COUNT (evenly spaced), or both\n"
       "  --param2 PATH       a second parameter: every value x every value2 (a grid)\n"
       "  --values2 LIST      its values\n"
       "  --reps R            replications per point, seeds seed-base..seed-base+R-1 (default 10)\n"
       "  --seed-base S       first seed (default 1)\n"
       "  --shard I/N         run only jobs I, I+N, I+2N... (0-based) for a cluster job array;\n"
       "                      combine shard folders with trustlab-cli merge (docs/sweeps.md)\n"
       "  --x OUTCOME         plot.svg's horizontal axis (default wrongful_sanction_weeks)\n"
       "  --y OUTCOME         its vertical axis (default unpaid where the model counts it, else missed)\n"
       "  --group A|B|all     the group plotted (default all)\n"
       "  --threads N         threads (0 = all cores): simulations run in parallel; same results\n"
       "  --no-batch          one simulation per job (by default each distinct pane runs once and the\n"
       "                      panes of one seed share simulations: the same numbers, faster)\n"
       "  --set, --weeks, --population   as for run\n"
       "  Writes DIR/jobs.csv (one row per job x regime x group), DIR/sweep.json (the sweep's\n"
       "  definition) and, unsharded, DIR/frontier.csv (per value x regime x group: mean, sd and\n"
       "  95% t-interval of every outcome) and DIR/plot.svg. Outcomes: see docs/metrics.md.\n",
       {{"--param", "--values", "--param2", "--values2", "--reps", "--seed-base", "--shard", "--x", "--y",
         "--group", "--set", "--weeks", "--population", "--threads", "--out"},
        {"--quiet", "--no-batch"}},
       cmdSweep},
      {"merge",
       "combine sweep shards into one sweep (identical to an unsharded sweep)",
       "usage: trustlab-cli merge DIR1 DIR2... --out DIR [--x OUTCOME --y OUTCOME --group A|B|all]\n"
       "  Writes DIR/jobs.csv, sweep.json, frontier.csv and plot.svg, byte for byte as an unsharded sweep.\n",
       {{"--out", "--x", "--y", "--group"}, {}},
       cmdMerge},
      {"plot",
       "draw another frontier plot (SVG) from a finished sweep folder",
       "usage: trustlab-cli plot DIR --out FILE.svg [--x OUTCOME] [--y OUTCOME] [--group A|B|all]\n"
       "  DIR is a sweep or merge output folder; nothing is rerun.\n",
       {{"--out", "--x", "--y", "--group"}, {}},
       cmdPlot},
      {"validate-model",
       "run the calibration and validation checks of docs/validation.md; PASS/FAIL each",
       "usage: trustlab-cli validate-model [--quick] [--threads N]\n  Runs every check (model figure, source "
       "figure, tolerance, PASS/FAIL); exit 1 if any fails.\n  --quick      smaller populations (about 10 "
       "s)\n  --threads N  worker threads (0 = all cores; results do not depend on it)\n",
       {{"--threads"}, {"--quick"}},
       cmdValidateModel},
      {"check-lessons",
       "check every claim of the scenarios' notes and lessons over several seeds",
       "usage: trustlab-cli check-lessons [SCENARIO...] [options]\n"
       "  SCENARIO          scenario files or embedded names (none: every embedded scenario)\n"
       "  --seeds N         runs per claim (default 10), seeds S, S+1, ... S+N-1\n"
       "  --seed-base S     first seed (default: each scenario's own seed)\n"
       "  --population N    citizens (default: each scenario's population)\n"
       "  --threads N       runs in parallel (0 = all cores; results do not depend on it)\n"
       "  Replays each lesson as the app does (each step's `set` applied mid-run, then its\n"
       "  run_weeks) and prints each claim: holds in k of N runs, effect mean ± sd. A claim\n"
       "  fails when it holds in fewer than ceil(0.9 N) runs (9 of 10). Exit status 0 when\n"
       "  every claim holds, 1 when one fails or a scenario states none, 2 on bad input.\n",
       {{"--seeds", "--seed-base", "--population", "--threads"}, {}},
       cmdCheckLessons},
  };
  return table;
}

void printOverview(std::ostream& o) {
  o << "trustlab-cli " TRUSTLAB_VERSION ": the headless trustlab simulation (synthetic citizens only).\n"
    << "usage: trustlab-cli COMMAND [options]   (trustlab-cli COMMAND --help for details)\n\ncommands:\n";
  for (const auto& c : commands()) {
    std::string n = c.name;
    o << "  " << n << std::string(n.size() < 11 ? 11 - n.size() : 1, ' ') << c.summary << "\n";
  }
  o << "\nexit status: 0 ok, 2 bad input (scenario or arguments), 1 outputs not written or internal error\n";
}

int dispatch(int argc, char** argv) {
  if (argc < 2) {
    printOverview(std::cerr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    printOverview(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "trustlab-cli " TRUSTLAB_VERSION "\n";
    return 0;
  }
  std::vector<std::string> rest(argv + 2, argv + argc);
  for (const auto& c : commands()) {
    if (name != c.name) continue;
    for (const auto& r : rest)
      if (r == "--help" || r == "-h") {
        std::cout << c.usage;
        return 0;
      }
    return c.run(parseArgs(rest, c.options));
  }
  std::vector<std::string> names;
  for (const auto& c : commands()) names.push_back(c.name);
  std::string near = closestMatch(name, names);
  throw UsageError("unknown command '" + name + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
                   " (trustlab-cli --help lists them)");
}

}  // namespace
}  // namespace tl::cli

int main(int argc, char** argv) {
  try {
    return tl::cli::dispatch(argc, argv);
  } catch (const tl::ScenarioError& e) {
    for (const auto& err : e.errors) std::cerr << err.str() << "\n";
    return 2;
  } catch (const tl::cli::UsageError& e) {  // may quote arguments: printed escaped
    std::cerr << "trustlab-cli: " << tl::printable(e.what()) << "\n";
    return 2;
  } catch (const tl::cli::OutputError& e) {
    std::cerr << "trustlab-cli: " << tl::printable(e.what()) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "trustlab-cli: internal error: " << tl::printable(e.what()) << "\n";
    return 1;
  }
}
