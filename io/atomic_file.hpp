// atomic_file.hpp: whole-file reads and all-or-nothing writes, so a failed run or
// save never leaves a half-written file behind (BRIEF §6).
#pragma once
#include <string>
#include <vector>

namespace tl {

// Reads a whole file; false (and errno set) when it cannot.
bool readTextFile(const std::string& path, std::string& out);

// Writes content to a temp file beside `path`, then renames it into place.
// Throws std::runtime_error on failure (the temp is removed).
void writeFileAtomic(const std::string& path, const std::string& content);

// Several files that appear together or not at all: each is written to a temp file
// in the directory; commit() renames them into place. If the object is destroyed
// before commit() (an exception, an early return), the temps are removed, and the
// directory too when this object created it and it is empty.
class AtomicDir {
 public:
  explicit AtomicDir(const std::string& dir);  // creates dir (and parents) if missing; throws
  ~AtomicDir();
  AtomicDir(const AtomicDir&) = delete;
  AtomicDir& operator=(const AtomicDir&) = delete;

  void write(const std::string& name, const std::string& content);  // throws
  void commit();                                                    // throws
  const std::string& dir() const { return dir_; }

 private:
  struct Pending {
    std::string temp, final_path;
  };
  std::string dir_;
  bool created_ = false, committed_ = false;
  std::vector<Pending> pending_;
  void discard();
};

}  // namespace tl
