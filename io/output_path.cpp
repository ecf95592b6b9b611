// output_path.cpp: probing a folder for writing, and whether a file lies in a folder.
#include "io/output_path.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace tl {

std::string whyUnwritable(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(path);
  if (path.empty()) return "an empty file name";
  if (fs::is_directory(p, ec)) return path + " is a folder; give a file name such as citizens.csv";
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) return "the folder " + dir.string() + " does not exist";
  // Try it: permissions alone do not say (root, read-only mounts).
  fs::path probe = dir / (".trustlab-probe-" + std::to_string(::getpid()));
  std::FILE* f = std::fopen(probe.c_str(), "wb");
  if (!f) return "cannot write in the folder " + dir.string();
  std::fclose(f);
  fs::remove(probe, ec);
  return "";
}

std::string fileNameIn(const std::string& file, const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path f = fs::absolute(file, ec);
  fs::path d = fs::absolute(folder, ec);
  if (ec || !f.has_filename()) return "";
  bool same = fs::weakly_canonical(f.parent_path(), ec) == fs::weakly_canonical(d, ec);
  return same && !ec ? f.filename().string() : "";
}

}  // namespace tl
