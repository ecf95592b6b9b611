// cmd_run.cpp: `trustlab-cli run` — one scenario, summary table, optional CSV + JSON.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "io/atomic_dir.hpp"
#include "io/atomic_file.hpp"
#include "io/citizens_export.hpp"
#include "io/input_file.hpp"
#include "io/output.hpp"
#include "io/output_path.hpp"
#include "sim/simulation.hpp"

namespace tl::cli {

int cmdRun(const Args& a) {
  Scenario s = scenarioFromArgs(a);
  SimOptions opt;
  opt.threads = static_cast<int>(a.getInt("--threads", 0, 0, 1024));
  // Check the output folder before the run, so a bad --out fails at once; the folder
  // is replaced as a whole only when the whole run has succeeded (io/atomic_dir.hpp).
  // A --citizens-out file inside it is one of its files, replaced with it.
  auto citizens_out = a.get("--citizens-out");
  std::vector<std::string> names{"timeseries.csv", "summary.json"};
  std::string citizens_name;  // the export's name inside --out, if it goes there
  std::unique_ptr<AtomicDir> out;
  if (auto dir = a.get("--out")) {
    if (citizens_out) citizens_name = fileNameIn(*citizens_out, *dir);
    if (citizens_name == names[0] || citizens_name == names[1])
      throw UsageError("--citizens-out " + *citizens_out + ": would overwrite the run's " + citizens_name);
    if (!citizens_name.empty()) names.push_back(citizens_name);
    try {
      out = std::make_unique<AtomicDir>(*dir, names);
    } catch (const std::runtime_error& e) {
      throw UsageError(std::string("--out: ") + e.what());
    }
  }
  if (citizens_out) {
    std::string why = citizens_name.empty() ? whyUnwritable(*citizens_out) : "";
    if (!why.empty()) throw UsageError("--citizens-out " + *citizens_out + ": " + why);
    opt.log_events = true;  // the appeal columns count the log's events
  }
  Simulation sim(s, opt);
  std::string citizens;
  if (citizens_out)
    citizens = runWithCitizenAudit(sim);
  else
    sim.run(s.weeks());
  if (!a.has("--quiet")) std::cout << summaryTable(sim);
  if (citizens_out && citizens_name.empty()) {
    try {
      writeFileAtomic(*citizens_out, citizens);
    } catch (const std::runtime_error& e) {
      throw OutputError(e.what());
    }
    if (!a.has("--quiet"))
      std::cout << "\nwrote " << printable(*citizens_out) << " (synthetic citizens, docs/audit.md)\n";
  }
  if (out) {
    try {
      out->write("timeseries.csv", timeseriesCsv(sim));
      out->write("summary.json", summaryJson(sim));
      if (!citizens_name.empty()) out->write(citizens_name, citizens);
      out->commit();
    } catch (const std::runtime_error& e) {
      throw OutputError(e.what());
    }
    if (!a.has("--quiet"))
      std::cout << "\nwrote " << printable(out->dir()) << "/timeseries.csv and " << printable(out->dir())
                << "/summary.json" << (citizens_name.empty() ? "" : " and " + printable(citizens_name))
                << "\n";
  }
  return 0;
}

}  // namespace tl::cli
