// atomic_file.cpp: temp-file-then-rename writes (rename is atomic within a directory).
#include "io/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace tl {
namespace {

// A temp name in the same directory (same file system, so rename is atomic) that a
// concurrent writer in another process cannot collide with.
std::string tempNameFor(const std::string& final_path) {
  static int counter = 0;
  fs::path p(final_path);
  std::string name =
      "." + p.filename().string() + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  return (p.parent_path() / name).string();
}

void writeWhole(const std::string& path, const std::string& content) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  ok = (std::fflush(f) == 0) && ok;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    int e = errno;
    std::remove(path.c_str());
    throw std::runtime_error("cannot write " + path + ": " + std::strerror(e));
  }
}

}  // namespace

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
  std::string temp = tempNameFor(path);
  writeWhole(temp, content);
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw std::runtime_error("cannot write " + path + ": " + ec.message());
  }
}

AtomicDir::AtomicDir(const std::string& dir) : dir_(dir) {
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    if (!fs::is_directory(dir_, ec)) throw std::runtime_error(dir_ + " exists and is not a directory");
    return;
  }
  if (!fs::create_directories(dir_, ec) || ec)
    throw std::runtime_error("cannot create directory " + dir_ + ": " + ec.message());
  created_ = true;
}

AtomicDir::~AtomicDir() {
  if (!committed_) discard();
}

void AtomicDir::write(const std::string& name, const std::string& content) {
  Pending p;
  p.final_path = (fs::path(dir_) / name).string();
  p.temp = tempNameFor(p.final_path);
  pending_.push_back(p);  // recorded first, so a failed write is still cleaned up
  writeWhole(p.temp, content);
}

void AtomicDir::commit() {
  for (const auto& p : pending_) {
    std::error_code ec;
    fs::rename(p.temp, p.final_path, ec);
    if (ec) throw std::runtime_error("cannot write " + p.final_path + ": " + ec.message());
  }
  committed_ = true;
}

void AtomicDir::discard() {
  std::error_code ec;
  for (const auto& p : pending_) fs::remove(p.temp, ec);
  pending_.clear();
  if (created_ && fs::is_empty(dir_, ec)) fs::remove(dir_, ec);
}

}  // namespace tl
