// cli_harness.hpp: runs trustlab-cli from a test (exit code, stdout, stderr) in a
// scratch folder of its own per test process. Shared by the CLI-level tests.
#pragma once
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "io/atomic_file.hpp"

namespace tl::test {

namespace fs = std::filesystem;

inline const std::string kSource = TRUSTLAB_SOURCE_DIR;
inline const std::string kData = kSource + "/tests/data/";

// A fresh scratch folder per test process, named after `tag`.
inline const fs::path& scratch(const char* tag = "trustlab_test_cli_") {
  static const fs::path dir = [tag] {
    fs::path d = fs::temp_directory_path() / (tag + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

struct Result {
  int code;
  std::string out, err;
};

// Runs trustlab-cli with the arguments (shell words); captures exit code, stdout and
// stderr. `wrapper` runs it through another command, e.g. "timeout 20".
inline Result cli(const std::string& args, const std::string& wrapper = "") {
  static int n = 0;
  std::string base = (scratch() / ("cmd" + std::to_string(n++))).string();
  std::string cmd = wrapper + " \"" + TRUSTLAB_CLI + "\" " + args + " >" + base + ".out 2>" + base + ".err";
  int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  readTextFile(base + ".out", r.out);
  readTextFile(base + ".err", r.err);
  return r;
}

inline std::string file(const fs::path& p) {
  std::string s;
  REQUIRE_MESSAGE(readTextFile(p.string(), s), "cannot read " << p.string());
  return s;
}

inline std::string path(const std::string& name) { return (scratch() / name).string(); }

}  // namespace tl::test
