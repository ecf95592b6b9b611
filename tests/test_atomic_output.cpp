// test_atomic_output.cpp: outputs are all or nothing (issue 11 items 4, 5, 8, 13). A run's
// output folder is replaced as a whole; a kill at any point leaves the old outputs or
// the new ones; an interrupted run leaves nothing; --out is checked before the run;
// writeFileAtomic (the app's Save and Export) never destroys the original.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "io/atomic_file.hpp"
#include "tests/cli_harness.hpp"

using namespace tl::test;
using tl::AtomicDir;

namespace {

const std::vector<std::string> kRunFiles = {"timeseries.csv", "summary.json"};
const std::string kRun = "run --quiet --population 500 --weeks 8 ";

// Every entry of a folder, hidden ones included, sorted.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The outputs of a folder (both files), or "" for a file that is missing.
std::string outputs(const fs::path& dir) {
  std::string all;
  for (const auto& n : kRunFiles) {
    std::string s;
    if (!tl::readTextFile((dir / n).string(), s)) return "";
    all += s;
  }
  return all;
}

void writeFile(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

}  // namespace

TEST_CASE("AtomicDir: nothing exists before commit; abandoned output leaves nothing, parents included") {
  fs::path root = scratch() / "atomic1";
  fs::create_directories(root);
  fs::path dir = root / "deep" / "out";
  {
    AtomicDir d(dir.string(), {"a.csv", "b.json"});
    d.write("a.csv", "1\n");
    d.write("b.json", "{}\n");
    CHECK(!fs::exists(dir));
  }  // destroyed without commit(), as when a run throws midway
  CHECK(entries(root).empty());
  {
    AtomicDir d(dir.string(), {"a.csv", "b.json"});
    d.write("a.csv", "2\n");
    d.commit();
  }
  CHECK(entries(dir) == std::vector<std::string>{"a.csv"});
  CHECK(entries(root / "deep") == std::vector<std::string>{"out"});  // no temp folder beside it
}

TEST_CASE("AtomicDir: an existing output folder is replaced as a whole") {
  fs::path dir = scratch() / "atomic2";
  {
    AtomicDir d(dir.string(), {"a.csv", "b.json"});
    d.write("a.csv", "old\n");
    d.write("b.json", "old\n");
    d.commit();
  }
  {
    AtomicDir d(dir.string(), {"a.csv", "b.json"});
    d.write("a.csv", "new\n");
    d.commit();
  }
  CHECK(entries(dir) == std::vector<std::string>{"a.csv"});  // no old b.json mixed in
  CHECK(file(dir / "a.csv") == "new\n");
  const auto beside = entries(scratch());
  CHECK(std::none_of(beside.begin(), beside.end(),
                     [](const std::string& n) { return n.find(".atomic2.") == 0; }));
}

TEST_CASE("4: a folder that holds anything but outputs is refused before the run, untouched") {
  fs::path dir = scratch() / "mixed";
  fs::create_directories(dir / "summary.json");  // a folder where a file goes (the case)
  writeFile(dir / "timeseries.csv", "keep\n");
  Result r = cli("run --population 500 --weeks 8 --out " + dir.string());
  CHECK(r.code == 2);
  CHECK(r.err.find("holds 'summary.json'") != std::string::npos);
  CHECK(r.out.find("citizens") == std::string::npos);  // refused before the run: no summary table
  CHECK(entries(dir) == std::vector<std::string>{"summary.json", "timeseries.csv"});
  CHECK(file(dir / "timeseries.csv") == "keep\n");
  fs::path notes = scratch() / "notes";
  fs::create_directories(notes);
  writeFile(notes / "thesis.txt", "mine\n");
  CHECK(cli(kRun + "--out " + notes.string()).code == 2);
  CHECK(file(notes / "thesis.txt") == "mine\n");
  CHECK_THROWS_AS(AtomicDir((notes / "thesis.txt").string(), kRunFiles), std::runtime_error);  // a file
}

TEST_CASE("4, 13: a kill at any point leaves the old outputs or the new ones; the next run cleans up") {
  // Reference outputs of two seeds.
  fs::path old_ref = scratch() / "ref_old", new_ref = scratch() / "ref_new";
  REQUIRE(cli(kRun + "--seed 1 --out " + old_ref.string()).code == 0);
  REQUIRE(cli(kRun + "--seed 2 --out " + new_ref.string()).code == 0);
  const std::string old_out = outputs(old_ref), new_out = outputs(new_ref);
  REQUIRE(!old_out.empty());
  REQUIRE(old_out != new_out);
  struct Case {
    const char* point;
    bool exchange;  // false: the rename-aside fallback of file systems without RENAME_EXCHANGE
    bool existing;  // an old output folder is there
  };
  for (const Case& c :
       {Case{"written", true, true}, Case{"exchanged", true, true}, Case{"written", false, true},
        Case{"aside", false, true}, Case{"exchanged", false, true}, Case{"written", true, false},
        Case{"exchanged", true, false}}) {
    CAPTURE(c.point);
    CAPTURE(c.exchange);
    CAPTURE(c.existing);
    fs::path parent = scratch() / ("kill_" + std::string(c.point) + (c.exchange ? "_x" : "_f") +
                                   (c.existing ? "_old" : "_new"));
    fs::path out = parent / "out";
    fs::create_directories(parent);
    if (c.existing) REQUIRE(cli(kRun + "--seed 1 --out " + out.string()).code == 0);
    std::string env =
        std::string("TRUSTLAB_TEST_KILL_AT=") + c.point + (c.exchange ? "" : " TRUSTLAB_TEST_NO_EXCHANGE=1");
    Result killed = cli(kRun + "--seed 2 --out " + out.string(), "env " + env);
    CHECK((killed.code == -1 || killed.code == 137));  // killed by SIGKILL
    std::string now = outputs(out);
    if (std::string(c.point) == "aside") {
      // Between the two renames of the fallback the folder is aside; any next use of
      // the path puts it back before doing anything else.
      CHECK(!fs::exists(out));
      { AtomicDir probe(out.string(), kRunFiles); }
      now = outputs(out);
    }
    if (std::string(c.point) == "exchanged")
      CHECK(now == new_out);
    else if (c.existing)
      CHECK(now == old_out);
    else
      CHECK(!fs::exists(out));  // a new folder appears whole or not at all
    // The next run removes the killed run's leftovers and writes normally.
    Result next = cli(kRun + "--seed 2 --out " + out.string());
    CHECK_MESSAGE(next.code == 0, next.err);
    CHECK(outputs(out) == new_out);
    CHECK(entries(parent) == std::vector<std::string>{"out"});
  }
}

TEST_CASE("13: a run killed before its end leaves nothing behind, not even an empty folder") {
  fs::path parent = scratch() / "interrupted";
  fs::create_directories(parent);
  // Far longer than the kill delay: the kill lands during the simulation.
  Result r = cli("run --quiet --population 300000 --weeks 5200 --out " + (parent / "out").string(),
                 "timeout -s KILL 2");
  CHECK((r.code == -1 || r.code == 137));  // killed, not finished
  CHECK(entries(parent).empty());
}

TEST_CASE("8: --out on a folder that cannot be written is refused before the run, naming the folder") {
  // /proc refuses new folders even to root; a long run shows the check comes first
  // (the timeout would end it with 124 otherwise).
  Result r = cli("run --population 1000000 --weeks 5200 --out /proc/trustlab_out", "timeout 120");
  CHECK(r.code == 2);
  CHECK(r.err.find("--out: cannot write in /proc (for /proc/trustlab_out)") != std::string::npos);
  CHECK(r.out.empty());
  if (::geteuid() != 0) {  // permissions bind only when not root
    fs::path ro = scratch() / "read_only";
    fs::create_directories(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    Result p = cli(kRun + "--out " + (ro / "out").string());
    fs::permissions(ro, fs::perms::owner_all);
    CHECK(p.code == 2);
    CHECK(p.err.find("cannot write in " + ro.string()) != std::string::npos);
  }
  CHECK(cli("sweep " + kData + "good.json --param appeal.cost --values 0.1 --reps 1 --out /proc/trustlab_s")
            .code == 2);
}

TEST_CASE("5: writeFileAtomic replaces a file or leaves it as it was (full disk, folder, permissions)") {
  fs::path dir = scratch() / "save";
  fs::create_directories(dir);
  fs::path f = dir / "scenario.json";
  const std::string original = "{\"title\": \"mine\"}\n";
  writeFile(f, original);
  ::chmod(f.c_str(), 0640);
  // A full disk: the child may write at most 1,000 bytes per file (RLIMIT_FSIZE).
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim {
      1000, 1000
    };
    ::setrlimit(RLIMIT_FSIZE, &lim);
    int code = 3;
    try {
      tl::writeFileAtomic(f.string(), std::string(5000, 'x'));
      code = 1;  // should have failed
    } catch (const std::runtime_error& e) {
      std::string m = e.what();
      code = m.find(f.string()) != std::string::npos && m.find("left as it was") != std::string::npos ? 0 : 2;
    }
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(file(f) == original);                                        // the original was not truncated
  CHECK(entries(dir) == std::vector<std::string>{"scenario.json"});  // no temp left
  // A file that does not exist yet is created (with the usual permissions, umask applied).
  tl::writeFileAtomic((dir / "export.csv").string(), "a,b\n");
  CHECK(file(dir / "export.csv") == "a,b\n");
  fs::remove(dir / "export.csv");
  // A successful save keeps the file's permissions and follows a symbolic link.
  tl::writeFileAtomic(f.string(), "{}\n");
  CHECK(file(f) == "{}\n");
  CHECK((fs::status(f).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  fs::create_symlink(f, dir / "link.json");
  tl::writeFileAtomic((dir / "link.json").string(), "{\"v\": 2}\n");
  CHECK(fs::is_symlink(dir / "link.json"));
  CHECK(file(f) == "{\"v\": 2}\n");
  // A folder in the way, or a folder that refuses new files: an error, nothing changed.
  CHECK_THROWS_AS(tl::writeFileAtomic(dir.string(), "x"), std::runtime_error);
  CHECK_THROWS_AS(tl::writeFileAtomic("/proc/trustlab_export.csv", "x"), std::runtime_error);
  CHECK(entries(dir) == std::vector<std::string>{"link.json", "scenario.json"});
}
