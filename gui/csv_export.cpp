// csv_export.cpp: File > Export numbers (CSV) and --export-csv: the CLI's timeseries.csv writer
// (io/output) over the rows the app has, plus the pane number, written all-or-nothing.
#include "gui/app_window.hpp"
#include "io/atomic_file.hpp"
#include "io/output.hpp"

namespace tl::gui {

void App::exportCsv(const std::string& path) {
  // The rows belong to the run the frame shows: name its regimes as that run does (a pane
  // added a moment ago has no rows yet).
  Scenario s = session_.current();
  s.regimes.resize(frame_.names.size());
  for (size_t r = 0; r < frame_.names.size(); ++r) s.regimes[r].name = frame_.names[r];
  try {
    for (const WeekRow& row : rows_)
      if (row.regime < 0 || row.regime >= static_cast<int>(s.regimes.size()))
        throw std::runtime_error("the run is restarting; export again in a moment");
    writeFileAtomic(path, timeseriesCsv(s, rows_, true));
    status("Exported " + std::to_string(rows_.size()) + " rows to " + path);
  } catch (const std::exception& e) {
    showErrors("Not exported", {path + ": " + e.what()},
               "Nothing was overwritten. Choose another folder or name.");
  }
}

}  // namespace tl::gui
