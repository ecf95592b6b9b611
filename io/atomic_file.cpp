// atomic_file.cpp: temp-file + fsync + rename writes (rename is atomic within a folder).
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "io/input_file.hpp"

namespace fs = std::filesystem;

namespace tl {

namespace atomic_detail {

void writeNewFileSynced(const std::string& path, const std::string& content, unsigned mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) throw std::runtime_error(std::strerror(errno));
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = n < 0 ? errno : ENOSPC;
      ::close(fd);
      ::unlink(path.c_str());
      throw std::runtime_error(std::strerror(e));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int e = errno;
    ::unlink(path.c_str());
    throw std::runtime_error(std::strerror(e));
  }
}

void syncFolder(const std::string& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(std::strerror(errno));
  int rc = ::fsync(fd);
  int e = errno;
  ::close(fd);
  // Some file systems cannot sync a folder (EINVAL); the rename itself is still atomic.
  if (rc != 0 && e != EINVAL) throw std::runtime_error(std::strerror(e));
}

}  // namespace atomic_detail

bool readTextFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  out = ss.str();
  return true;
}

void writeFileAtomic(const std::string& path, const std::string& content) {
  static std::atomic<int> counter{0};
  std::error_code ec;
  fs::path target(path);
  if (fs::is_symlink(target, ec)) target = fs::weakly_canonical(target, ec);
  if (ec == std::errc::no_such_file_or_directory) ec.clear();  // a new file (libstdc++ reports ENOENT)
  if (ec || target.filename().empty())
    throw std::runtime_error("cannot write " + printable(path) + ": not a file name");
  unsigned mode = 0666;  // a new file: then umask, as for any new file
  bool existed = false;
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw std::runtime_error("cannot write " + printable(path) + ": it is a folder");
    mode = st.st_mode & 07777;
    existed = true;
  }
  fs::path temp = target.parent_path() / ("." + target.filename().string() + ".trustlab-tmp-" +
                                          std::to_string(::getpid()) + "-" + std::to_string(counter++));
  try {
    atomic_detail::writeNewFileSynced(temp.string(), content, mode);
    if (existed && ::chmod(temp.c_str(), static_cast<mode_t>(mode)) != 0)
      throw std::runtime_error(std::strerror(errno));  // keep the original's permissions, umask aside
    if (::rename(temp.c_str(), target.c_str()) != 0) throw std::runtime_error(std::strerror(errno));
  } catch (const std::exception& e) {
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot write " + printable(path) + ": " + e.what() +
                             " (the file was left as it was)");
  }
  try {
    atomic_detail::syncFolder(target.parent_path().string());
  } catch (const std::exception&) {
    // The new file is in place; only its folder entry may not be on disk yet.
  }
}

}  // namespace tl
