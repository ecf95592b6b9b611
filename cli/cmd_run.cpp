// cmd_run.cpp: `trustlab-cli run` — one scenario, summary table, optional CSV + JSON.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "io/output.hpp"
#include "sim/simulation.hpp"

namespace tl::cli {

int cmdRun(const Args& a) {
  Scenario s = scenarioFromArgs(a);
  SimOptions opt;
  opt.threads = static_cast<int>(a.getInt("--threads", 0, 0, 1024));
  // Open (create) the output folder before the run, so a bad --out fails fast;
  // nothing appears in it unless the whole run succeeds.
  std::unique_ptr<AtomicDir> out;
  if (auto dir = a.get("--out")) {
    try {
      out = std::make_unique<AtomicDir>(*dir);
    } catch (const std::exception& e) {
      throw UsageError(std::string("--out: ") + e.what());
    }
  }
  Simulation sim(s, opt);
  sim.run(s.weeks());
  if (!a.has("--quiet")) std::cout << summaryTable(sim);
  if (out) {
    out->write("timeseries.csv", timeseriesCsv(sim));
    out->write("summary.json", summaryJson(sim));
    out->commit();
    if (!a.has("--quiet"))
      std::cout << "\nwrote " << out->dir() << "/timeseries.csv and " << out->dir() << "/summary.json\n";
  }
  return 0;
}

}  // namespace tl::cli
