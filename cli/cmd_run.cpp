// cmd_run.cpp: `trustlab-cli run` — one scenario, summary table, optional CSV + JSON.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "io/atomic_dir.hpp"
#include "io/input_file.hpp"
#include "io/output.hpp"
#include "sim/simulation.hpp"

namespace tl::cli {

int cmdRun(const Args& a) {
  Scenario s = scenarioFromArgs(a);
  SimOptions opt;
  opt.threads = static_cast<int>(a.getInt("--threads", 0, 0, 1024));
  // Check the output folder before the run, so a bad --out fails at once; the folder
  // is replaced as a whole only when the whole run has succeeded (io/atomic_dir.hpp).
  std::unique_ptr<AtomicDir> out;
  if (auto dir = a.get("--out")) {
    try {
      out = std::make_unique<AtomicDir>(*dir, std::vector<std::string>{"timeseries.csv", "summary.json"});
    } catch (const std::runtime_error& e) {
      throw UsageError(std::string("--out: ") + e.what());
    }
  }
  Simulation sim(s, opt);
  sim.run(s.weeks());
  if (!a.has("--quiet")) std::cout << summaryTable(sim);
  if (out) {
    try {
      out->write("timeseries.csv", timeseriesCsv(sim));
      out->write("summary.json", summaryJson(sim));
      out->commit();
    } catch (const std::runtime_error& e) {
      throw OutputError(e.what());
    }
    if (!a.has("--quiet"))
      std::cout << "\nwrote " << printable(out->dir()) << "/timeseries.csv and " << printable(out->dir())
                << "/summary.json\n";
  }
  return 0;
}

}  // namespace tl::cli
