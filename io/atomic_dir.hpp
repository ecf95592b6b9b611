// atomic_dir.hpp: an output folder replaced as a whole (a run's timeseries.csv and
// summary.json, a sweep's files): a kill at any point leaves either the old outputs
// or the new ones, never a mix, never an empty or half-written folder.
//
// How: the files are written into a new sibling folder, .NAME.trustlab-new-PID, each
// fsynced, then the folder; one rename puts it in place (for an existing folder an
// atomic exchange, renameat2 RENAME_EXCHANGE, then the old one is removed; where the
// file system cannot exchange, the old folder is first renamed aside to
// .NAME.trustlab-old-PID). Nothing is created before the first write, so a run killed
// before its end leaves nothing. A folder left by a killed process (its PID no longer
// runs) is removed by the next AtomicDir for the same path; an old folder left aside
// with no folder in place is put back.
#pragma once
#include <string>
#include <vector>

namespace tl {

class AtomicDir {
 public:
  // Checks at once, before any work is done, that `dir` can be written: the nearest
  // existing folder above it is writable (probed by creating and removing a folder
  // there), and an existing `dir` is a folder holding nothing but files named in
  // `names` (a previous output: it will be replaced as a whole, so anything else in it
  // is refused rather than destroyed). Cleans up leftovers of killed runs. Throws
  // std::runtime_error naming the folder and the reason.
  AtomicDir(const std::string& dir, std::vector<std::string> names);
  ~AtomicDir();  // before commit(): removes what was written, and the folders it created
  AtomicDir(const AtomicDir&) = delete;
  AtomicDir& operator=(const AtomicDir&) = delete;

  void write(const std::string& name, const std::string& content);  // one of `names`; throws
  void commit();  // the written files replace the folder's content as a whole; throws
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;                        // as the user wrote it (messages)
  std::string final_, parent_, base_;      // resolved path, its folder, its name
  std::vector<std::string> names_;         // what an output folder may hold
  std::string temp_;                       // the new folder, once the first file is written
  std::vector<std::string> made_parents_;  // folders created above final_, deepest last
  bool committed_ = false;
  void openTemp();  // creates the missing parents and the new folder, once
  void discard();
};

}  // namespace tl
