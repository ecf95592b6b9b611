// atomic_dir.cpp: a whole output folder written beside its place, then swapped in
// with one rename (see atomic_dir.hpp for the guarantee).
#include "io/atomic_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "io/atomic_file.hpp"
#include "io/input_file.hpp"

namespace fs = std::filesystem;

namespace tl {
namespace {

const char* const kNewTag = ".trustlab-new-";
const char* const kOldTag = ".trustlab-old-";

[[noreturn]] void fail(const std::string& what, int err) {
  throw std::runtime_error(what + ": " + std::strerror(err));
}

// Test hook: TRUSTLAB_TEST_KILL_AT=<point> kills the process there (SIGKILL, as a
// power cut or `kill -9` would), so tests can check what a kill leaves behind.
void killPoint(const char* point) {
  const char* at = std::getenv("TRUSTLAB_TEST_KILL_AT");
  if (at && std::strcmp(at, point) == 0) std::raise(SIGKILL);
}

bool processRuns(long pid) { return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM; }

// The PID in ".NAME<tag>PID", or -1 when `entry` is not such a name.
long leftoverPid(const std::string& entry, const std::string& base, const char* tag) {
  std::string head = "." + base + tag;
  if (entry.size() <= head.size() || entry.compare(0, head.size(), head) != 0) return -1;
  std::string digits = entry.substr(head.size());
  if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::atol(digits.c_str());
}

// Atomically swaps two paths (Linux renameat2). False with errno when it cannot.
bool exchange(const std::string& a, const std::string& b) {
#ifdef SYS_renameat2
  if (std::getenv("TRUSTLAB_TEST_NO_EXCHANGE")) {  // test hook: exercise the fallback
    errno = EINVAL;
    return false;
  }
  return ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), 2 /* RENAME_EXCHANGE */) == 0;
#else
  errno = ENOSYS;
  return false;
#endif
}

}  // namespace

AtomicDir::AtomicDir(const std::string& dir, std::vector<std::string> names)
    : dir_(dir), names_(std::move(names)) {
  const std::string shown = printable(dir_);
  std::error_code ec;
  fs::path p = fs::absolute(dir_, ec).lexically_normal();
  if (p.has_parent_path() && p.filename().empty()) p = p.parent_path();  // "out/" -> "out"
  struct stat link {};
  if (::lstat(p.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) p = fs::canonical(p, ec);  // what it points to
  if (ec || p == p.root_path() || p.filename() == "..")
    throw std::runtime_error(shown + ": not a folder that can be replaced");
  final_ = p.string();
  parent_ = p.parent_path().string();
  base_ = p.filename().string();

  // Leftovers of killed runs: put an old folder back if nothing took its place,
  // remove the rest. Folders of a process that still runs are left alone.
  std::vector<std::pair<std::string, bool>> leftovers;  // path, is an old folder
  for (const auto& e : fs::directory_iterator(parent_, ec)) {
    std::string n = e.path().filename().string();
    long pid_new = leftoverPid(n, base_, kNewTag), pid_old = leftoverPid(n, base_, kOldTag);
    long pid = std::max(pid_new, pid_old);
    if (pid > 0 && pid != ::getpid() && !processRuns(pid))
      leftovers.emplace_back(e.path().string(), pid_old > 0);
  }
  std::stable_partition(leftovers.begin(), leftovers.end(), [](const auto& l) { return l.second; });
  for (const auto& l : leftovers) {
    if (l.second && !fs::exists(final_, ec) && ::rename(l.first.c_str(), final_.c_str()) == 0) continue;
    fs::remove_all(l.first, ec);
  }

  // An existing folder is replaced as a whole: it may hold only outputs.
  struct stat st {};
  if (::lstat(final_.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) throw std::runtime_error(shown + " exists and is not a folder");
    std::error_code list_ec;  // its own: earlier clean-up errors do not matter here
    for (const auto& e : fs::directory_iterator(final_, list_ec)) {
      std::string n = e.path().filename().string();
      std::error_code type_ec;
      if (!e.is_regular_file(type_ec) || std::find(names_.begin(), names_.end(), n) == names_.end())
        throw std::runtime_error(shown + " holds '" + printable(n) +
                                 "', which is not an output of this command; the folder is replaced as a "
                                 "whole, so give a new or empty folder (or remove it)");
    }
    if (list_ec) fail("cannot read the folder " + shown, list_ec.value());
  }

  // Probe: can a folder be made where this one (or its missing parents) will go?
  fs::path existing = fs::path(parent_);
  while (!fs::exists(existing, ec) && existing.has_parent_path() && existing != existing.root_path())
    existing = existing.parent_path();
  if (!fs::is_directory(existing, ec))
    throw std::runtime_error(shown + ": " + printable(existing.string()) + " is not a folder");
  std::string probe = (existing / (".trustlab-probe-" + std::to_string(::getpid()))).string();
  if (::mkdir(probe.c_str(), 0700) != 0)
    fail("cannot write in " + printable(existing.string()) + " (for " + shown + ")", errno);
  ::rmdir(probe.c_str());
}

AtomicDir::~AtomicDir() {
  if (!committed_) discard();
}

void AtomicDir::openTemp() {
  if (!temp_.empty()) return;
  std::error_code ec;
  // Missing parents are created now (and removed again if the output is abandoned).
  std::vector<fs::path> missing;
  for (fs::path p = parent_; !fs::exists(p, ec) && p.has_parent_path() && p != p.root_path();
       p = p.parent_path())
    missing.push_back(p);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0777) != 0 && errno != EEXIST)
      fail("cannot create the folder " + printable(it->string()), errno);
    made_parents_.push_back(it->string());
  }
  std::string temp = (fs::path(parent_) / ("." + base_ + kNewTag + std::to_string(::getpid()))).string();
  fs::remove_all(temp, ec);  // an earlier AtomicDir of this process that was abandoned
  if (::mkdir(temp.c_str(), 0777) != 0)
    fail("cannot write in " + printable(parent_) + " (for " + printable(dir_) + ")", errno);
  temp_ = temp;
}

void AtomicDir::write(const std::string& name, const std::string& content) {
  if (std::find(names_.begin(), names_.end(), name) == names_.end())
    throw std::logic_error("AtomicDir: '" + name + "' is not one of the names it was opened with");
  openTemp();
  try {
    atomic_detail::writeNewFileSynced((fs::path(temp_) / name).string(), content, 0666);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot write " + printable(dir_) + "/" + name + ": " + e.what() +
                             " (the folder was left as it was)");
  }
}

void AtomicDir::commit() {
  const std::string shown = printable(dir_);
  openTemp();  // nothing written: the output is an empty folder
  auto failed = [&](const std::string& what, int err) {
    fail("cannot put the new " + shown + " in place (" + what + "; the old content was left as it was)", err);
  };
  try {
    atomic_detail::syncFolder(temp_);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot write " + shown + ": " + e.what() + " (the folder was left as it was)");
  }
  killPoint("written");
  struct stat st {};
  if (::lstat(final_.c_str(), &st) == 0) {
    if (exchange(temp_, final_)) {
      killPoint("exchanged");
    } else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
      // No atomic exchange here: old aside, new in, and the old back if that fails.
      std::string aside = (fs::path(parent_) / ("." + base_ + kOldTag + std::to_string(::getpid()))).string();
      std::error_code ec;
      fs::remove_all(aside, ec);
      if (::rename(final_.c_str(), aside.c_str()) != 0) failed("renaming it aside", errno);
      killPoint("aside");
      if (::rename(temp_.c_str(), final_.c_str()) != 0) {
        int e = errno;
        ::rename(aside.c_str(), final_.c_str());
        failed("renaming the new folder in", e);
      }
      killPoint("exchanged");
      temp_ = aside;  // removed below, with the old content
    } else {
      failed("exchanging the folders", errno);
    }
    std::error_code ec;
    fs::remove_all(temp_, ec);  // the old content
  } else {
    if (::rename(temp_.c_str(), final_.c_str()) != 0) failed("renaming the new folder in", errno);
    killPoint("exchanged");
  }
  temp_.clear();
  committed_ = true;
  try {
    atomic_detail::syncFolder(parent_);
  } catch (const std::exception&) {
    // The new folder is in place; only the rename may not be on disk yet.
  }
}

void AtomicDir::discard() {
  std::error_code ec;
  if (!temp_.empty()) fs::remove_all(temp_, ec);
  temp_.clear();
  for (auto it = made_parents_.rbegin(); it != made_parents_.rend(); ++it) ::rmdir(it->c_str());  // if empty
  made_parents_.clear();
}

}  // namespace tl
