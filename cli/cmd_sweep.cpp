// cmd_sweep.cpp: `sweep` (replications over values of one or two parameters,
// optionally one shard of the job list), `merge` (shards back into one sweep) and
// `plot` (another view of a finished sweep). All three summarise from the text of a
// complete jobs.csv by the same code, so a merged sweep is byte-identical to an
// unsharded one.
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "cli/sweep_jobs.hpp"
#include "io/atomic_file.hpp"
#include "io/frontier.hpp"
#include "io/input_file.hpp"
#include "io/output_path.hpp"
#include "io/svg_plot.hpp"

namespace tl::cli {
namespace {

using ojson = nlohmann::ordered_json;

std::unique_ptr<AtomicDir> openOut(const Args& a) {
  auto dir = a.get("--out");
  if (!dir) throw UsageError("--out DIR is required");
  try {
    // sweep.csv: what earlier versions wrote, so their folders can be replaced too.
    return std::make_unique<AtomicDir>(
        *dir, std::vector<std::string>{"jobs.csv", "sweep.json", "frontier.csv", "plot.svg", "sweep.csv"});
  } catch (const std::exception& e) {
    throw UsageError(std::string("--out: ") + e.what());
  }
}

using Files = std::vector<std::pair<std::string, std::string>>;  // name, content

// frontier.csv and plot.svg of a complete sweep.
void addSummary(Files& files, const std::string& dir, const SweepDef& d, const FrontierPlot& plot,
                const std::string& jobs) {
  auto rows = frontier(parseJobs(jobs, dir + "/jobs.csv"));
  files.emplace_back("frontier.csv", frontierCsv(rows, d.param, d.param2));
  files.emplace_back("plot.svg", frontierSvg(rows, plot));
}

// Writes the files and replaces the folder with them; a failure there (full disk) is an
// output error (exit 1), after the input has been accepted.
void commitAll(AtomicDir& out, const Files& files) {
  try {
    for (const auto& [name, content] : files) out.write(name, content);
    out.commit();
  } catch (const std::runtime_error& e) {
    throw OutputError(e.what());
  }
}

// A sweep folder's definition and jobs (as written by sweep or merge).
struct SweepFolder {
  ojson def;
  std::string jobs, def_path, jobs_path;
};

SweepFolder readFolder(const std::string& dir) {
  SweepFolder f;
  f.def_path = (std::filesystem::path(dir) / "sweep.json").string();
  f.jobs_path = (std::filesystem::path(dir) / "jobs.csv").string();
  std::string def_text;
  if (!readInputFile(f.def_path, def_text).empty() || !readTextFile(f.jobs_path, f.jobs))
    throw UsageError(printable(dir) + ": not a sweep folder (needs sweep.json and jobs.csv)");
  f.def = ojson::parse(def_text, nullptr, false);
  if (f.def.is_discarded() || !f.def.is_object() || !f.def.contains("shard"))
    throw UsageError(printable(f.def_path) + ": not a sweep definition");
  return f;
}

}  // namespace

int cmdSweep(const Args& a) {
  SweepDef d = sweepFromArgs(a);
  int shard = 0, shards = 1;
  if (auto text = a.get("--shard")) {
    auto parts = splitList(*text, '/');
    auto i = parts.size() == 2 ? parseWhole(parts[0]) : std::nullopt;
    auto n = parts.size() == 2 ? parseWhole(parts[1]) : std::nullopt;
    if (!i || !n || *n < 1 || *i < 0 || *i >= *n || *n > 100000)
      throw UsageError("--shard " + *text + ": expected I/N with 0 <= I < N, e.g. 0/4");
    shard = static_cast<int>(*i);
    shards = static_cast<int>(*n);
  }
  FrontierPlot plot = plotFromArgs(a, d);  // bad plot options fail before the runs
  int threads = static_cast<int>(a.getInt("--threads", 0, 0, 1024));
  auto out = openOut(a);
  std::vector<int> mine;
  for (int j = shard; j < d.jobs(); j += shards) mine.push_back(j);
  std::string jobs =
      jobsHeader() +
      runJobs(d, mine, threads, a.has("--no-batch") ? RunMode::PerJob : RunMode::Batched, !a.has("--quiet"));
  Files files = {{"jobs.csv", jobs}, {"sweep.json", sweepJson(d, shard, shards).dump(2) + "\n"}};
  if (shards == 1) addSummary(files, out->dir(), d, plot, jobs);
  commitAll(*out, files);
  if (!a.has("--quiet"))
    std::cout << "wrote " << out->dir()
              << (shards == 1 ? "/frontier.csv, plot.svg, jobs.csv, sweep.json\n"
                              : "/jobs.csv, sweep.json (merge the shards with trustlab-cli merge)\n");
  return 0;
}

int cmdMerge(const Args& a) {
  if (a.positional.empty()) throw UsageError("merge: expected the shard folders DIR1 DIR2...");
  ojson reference;
  std::map<int, std::string> by_job;  // job -> its rows of jobs.csv, verbatim
  std::map<int, size_t> source;       // job -> the folder it came from
  std::string header;
  for (size_t d = 0; d < a.positional.size(); ++d) {
    const std::string& dir = a.positional[d];
    SweepFolder f = readFolder(dir);
    ojson same = f.def;
    same.erase("shard");
    if (reference.is_null())
      reference = same;
    else if (same != reference)
      throw UsageError(dir + ": a shard of a different sweep (its sweep.json differs)");
    auto lines = splitList(f.jobs, '\n');
    if (lines[0] + "\n" != jobsHeader())
      throw UsageError(f.jobs_path +
                       ": its columns are not this trustlab-cli's; merge shards made by the same version");
    header = lines[0] + "\n";
    for (size_t i = 1; i < lines.size(); ++i) {
      if (lines[i].empty()) continue;
      auto job = parseWhole(csvFields(lines[i])[0]);
      if (!job) throw UsageError(f.jobs_path + ":" + std::to_string(i + 1) + ": malformed line");
      auto from = source.emplace(static_cast<int>(*job), d).first;
      if (from->second != d)
        throw UsageError("merge: job " + std::to_string(*job) + " is in both " + a.positional[from->second] +
                         " and " + dir);
      by_job[static_cast<int>(*job)] += lines[i] + "\n";
    }
  }
  SweepDef def = sweepFromJson(reference, a.positional[0] + "/sweep.json");
  FrontierPlot plot = plotFromArgs(a, def);
  int total = def.jobs();
  std::string jobs = header;
  std::vector<int> missing;
  for (int j = 0; j < total; ++j) {
    if (!by_job.count(j))
      missing.push_back(j);
    else
      jobs += by_job[j];
  }
  if (!missing.empty())
    throw UsageError("merge: " + std::to_string(missing.size()) + " of " + std::to_string(total) +
                     " jobs are missing (first: job " + std::to_string(missing[0]) +
                     "); give every shard's folder");
  if (static_cast<int>(by_job.size()) != total) throw UsageError("merge: jobs beyond the sweep's job list");
  auto out = openOut(a);
  ojson merged;
  for (auto it = reference.begin(); it != reference.end(); ++it) {
    if (it.key() == "scenario") merged["shard"] = "0/1";  // same key order as an unsharded sweep.json
    merged[it.key()] = it.value();
  }
  Files files = {{"jobs.csv", jobs}, {"sweep.json", merged.dump(2) + "\n"}};
  addSummary(files, out->dir(), def, plot, jobs);
  commitAll(*out, files);
  std::cout << "merged " << a.positional.size() << " shards (" << total << " jobs) into " << out->dir()
            << "/frontier.csv and plot.svg\n";
  return 0;
}

int cmdPlot(const Args& a) {
  if (a.positional.size() != 1) throw UsageError("plot: expected one sweep folder DIR");
  SweepFolder f = readFolder(a.positional[0]);
  if (f.def.value("shard", "") != "0/1")
    throw UsageError(f.def_path + ": one shard of a sweep; merge the shards first (trustlab-cli merge)");
  SweepDef d = sweepFromJson(f.def, f.def_path);
  FrontierPlot plot = plotFromArgs(a, d);
  auto file = a.get("--out");
  if (!file) throw UsageError("plot: --out FILE.svg is required");
  std::string why = whyUnwritable(*file);
  if (!why.empty()) throw UsageError("--out " + *file + ": " + why);
  auto rows = frontier(parseJobs(f.jobs, f.jobs_path));
  try {
    writeFileAtomic(*file, frontierSvg(rows, plot));
  } catch (const std::runtime_error& e) {
    throw OutputError(e.what());
  }
  std::cout << "wrote " << printable(*file) << "\n";
  return 0;
}

}  // namespace tl::cli
