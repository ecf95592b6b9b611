// test_install.cpp: `cmake --install` into a scratch prefix installs the programs, the desktop entry
// and icon, the scenarios and the docs, and the installed CLI runs an installed scenario from
// outside the source and build trees.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "io/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = TRUSTLAB_SOURCE_DIR;

// Runs a shell command in `dir`; returns its exit code, with stdout+stderr in `out`.
int run(const std::string& cmd, const fs::path& dir, std::string& out) {
  fs::path log = dir / "command.log";
  std::string full = "cd \"" + dir.string() + "\" && " + cmd + " >\"" + log.string() + "\" 2>&1";
  int status = std::system(full.c_str());
  out.clear();
  tl::readTextFile(log.string(), out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const fs::path& p) {
  std::string s;
  REQUIRE_MESSAGE(tl::readTextFile(p.string(), s), "cannot read " << p.string());
  return s;
}

// The value of `key=` in a desktop entry, or "".
std::string desktopValue(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  return "";
}

// Installs once per process into a fresh prefix.
struct Installed {
  fs::path scratch, prefix;
  int code = -1;
  std::string log;
  Installed() {
    scratch = fs::temp_directory_path() / ("trustlab_test_install_" + std::to_string(::getpid()));
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    prefix = scratch / "prefix";
    code = run(std::string("\"") + TL_CMAKE + "\" --install \"" + TL_BUILD_DIR + "\" --prefix \"" +
                   prefix.string() + "\"",
               scratch, log);
  }
  ~Installed() {
    std::error_code ec;
    fs::remove_all(scratch, ec);
  }
};

const Installed& installed() {
  static Installed i;
  return i;
}

}  // namespace

TEST_CASE("cmake --install puts the programs in PREFIX/bin") {
  const auto& in = installed();
  REQUIRE_MESSAGE(in.code == 0, in.log);
  fs::path bin = in.prefix / "bin";
  CHECK(::access((bin / "trustlab-cli").c_str(), X_OK) == 0);
  if (TL_GUI_BUILT)
    CHECK(::access((bin / "trustlab").c_str(), X_OK) == 0);
  else
    CHECK_FALSE(fs::exists(bin / "trustlab"));
}

TEST_CASE("every shipped scenario is installed unchanged in PREFIX/share/trustlab/scenarios") {
  const auto& in = installed();
  REQUIRE(in.code == 0);
  fs::path src = kSource / "scenarios", dst = in.prefix / "share/trustlab/scenarios";
  int count = 0;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    if (e.path().extension() != ".json") continue;
    fs::path rel = fs::relative(e.path(), src);
    INFO(rel.string());
    REQUIRE(fs::exists(dst / rel));
    CHECK(slurp(dst / rel) == slurp(e.path()));
    ++count;
  }
  CHECK(count > 1);
  CHECK(fs::exists(dst / "default.json"));
  CHECK(fs::exists(in.prefix / "share/doc/trustlab/README.md"));
}

TEST_CASE("the desktop entry starts an installed program and names an installed icon") {
  const auto& in = installed();
  REQUIRE(in.code == 0);
  fs::path entry = in.prefix / "share/applications/trustlab.desktop";
  if (!TL_GUI_BUILT) {
    CHECK_FALSE(fs::exists(entry));
    return;
  }
  std::string text = slurp(entry);
  CHECK(text.rfind("[Desktop Entry]\n", 0) == 0);
  CHECK(desktopValue(text, "Type") == "Application");
  CHECK_FALSE(desktopValue(text, "Name").empty());
  std::string exec = desktopValue(text, "Exec");
  std::string program = exec.substr(0, exec.find(' '));
  CHECK(::access((in.prefix / "bin" / program).c_str(), X_OK) == 0);
  std::string icon = desktopValue(text, "Icon");
  REQUIRE_FALSE(icon.empty());
  fs::path hicolor = in.prefix / "share/icons/hicolor";
  CHECK(fs::exists(hicolor / "scalable/apps" / (icon + ".svg")));
  std::set<std::string> sizes;
  for (const auto& e : fs::directory_iterator(hicolor))
    if (fs::exists(e.path() / "apps" / (icon + ".png"))) {
      std::string png = slurp(e.path() / "apps" / (icon + ".png"));
      CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
      sizes.insert(e.path().filename().string());
    }
  CHECK(sizes.count("48x48") == 1);
  CHECK(sizes.count("256x256") == 1);
}

TEST_CASE("the installed CLI validates and runs the installed scenarios from any folder") {
  const auto& in = installed();
  REQUIRE(in.code == 0);
  std::string cli = "\"" + (in.prefix / "bin/trustlab-cli").string() + "\"";
  fs::path scenarios = in.prefix / "share/trustlab/scenarios";
  fs::path work = in.scratch / "elsewhere";
  fs::create_directories(work);
  std::string out;
  CHECK_MESSAGE(run(cli + " validate \"" + scenarios.string() + "\"/*.json", work, out) == 0, out);
  REQUIRE_MESSAGE(run(cli + " run \"" + (scenarios / "default.json").string() +
                          "\" --population 500 --weeks 8 --out result",
                      work, out) == 0,
                  out);
  std::string csv = slurp(work / "result/timeseries.csv");
  CHECK(csv.rfind("week,regime,group,", 0) == 0);
  CHECK(slurp(work / "result/summary.json").find("\"manifest\"") != std::string::npos);
  CHECK_MESSAGE(run(cli + " scenarios", work, out) == 0, out);
  CHECK(out.find("default") != std::string::npos);
}

TEST_CASE("the installed app starts from any folder (its usage, no display needed)") {
  const auto& in = installed();
  REQUIRE(in.code == 0);
  if (!TL_GUI_BUILT) return;
  fs::path work = in.scratch / "elsewhere";
  fs::create_directories(work);
  std::string out;
  CHECK_MESSAGE(run("\"" + (in.prefix / "bin/trustlab").string() + "\" --help", work, out) == 0, out);
  CHECK(out.rfind("usage: trustlab", 0) == 0);
}
