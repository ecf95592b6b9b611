// test_hostile_input.cpp: the hostile inputs of issue 11, each a regression test:
// every one gets a clear error with its position and exit 2, never a crash, a hang,
// unbounded memory or an "internal error". Samples live in tests/data/hostile/;
// large ones are generated here. Memory is checked by counting the bytes this test
// allocates (a deterministic measure, not a timing).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <new>
#include <string>

#include "io/input_file.hpp"
#include "io/json_positions.hpp"
#include "io/scenario_io.hpp"
#include "tests/cli_harness.hpp"

using namespace tl;
using namespace tl::test;

// ------------------------------------------------------------ allocation counter
// Replaces the global operator new/delete with malloc/free plus a byte count. GCC
// cannot see that both sides are replaced and warns that free() meets operator new.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
static std::atomic<size_t> g_allocated{0};

void* operator new(size_t n) {
  g_allocated += n;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t n) { return operator new(n); }
// The nothrow forms too (std::stable_sort's buffer uses them): left to the library they come from
// another allocator (AddressSanitizer's) while the deletes above free() them, which ASan reports
// as alloc-dealloc-mismatch.
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  g_allocated += n;
  return std::malloc(n ? n : 1);
}
void* operator new[](size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }

namespace {

const std::string kHostile = kData + "hostile/";

template <class F>
size_t bytesAllocatedBy(F&& f) {
  size_t before = g_allocated.load();
  f();
  return g_allocated.load() - before;
}

std::vector<InputError> errorsOf(const std::string& text, const std::string& name = "t.json") {
  try {
    parseScenario(text, name);
  } catch (const ScenarioError& e) {
    return e.errors;
  }
  return {};
}

std::vector<InputError> fileErrors(const std::string& path) {
  try {
    loadScenarioFile(path);
  } catch (const ScenarioError& e) {
    return e.errors;
  }
  return {};
}

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const std::string kRegime = R"("regimes": [{"name": "R", "preset": "no_system"}])";

}  // namespace

TEST_CASE("1: nesting 6,100 deep is refused at the level past the limit, without recursion") {
  for (char open : {'[', '{'}) {
    std::string text;
    for (int i = 0; i < 6100; ++i) text += open == '[' ? "[" : "{\"a\":";
    text += "1";
    for (int i = 0; i < 6100; ++i) text += open == '[' ? ']' : '}';
    std::vector<InputError> e;
    size_t bytes = bytesAllocatedBy([&] { e = errorsOf(text); });
    REQUIRE(e.size() == 1);
    CHECK(e[0].line == 1);
    CHECK(e[0].col == (open == '[' ? kMaxJsonDepth + 1 : 5 * kMaxJsonDepth + 1));
    CHECK(e[0].message.find("nested deeper than 64 levels") == 0);
    CHECK(bytes < 40 * text.size());  // no structure is built from the text
  }
  // The limit itself is accepted as JSON (and then read as a scenario).
  std::string ok = "{" + kRegime + ", \"notes\": ";
  for (int i = 1; i < kMaxJsonDepth; ++i) ok += "[";
  for (int i = 1; i < kMaxJsonDepth; ++i) ok += "]";
  auto e = errorsOf(ok + "}");
  REQUIRE(e.size() == 1);
  CHECK(e[0].message.find("expected an object of notes") == 0);
  // Through the CLI: exit 2 with the position, not a SIGSEGV.
  std::string deep = path("deep.json");
  writeFile(deep, std::string(6100, '[') + std::string(6100, ']'));
  Result r = cli("validate " + deep);
  CHECK(r.code == 2);
  CHECK(r.err.find("deep.json:1:65: ") != std::string::npos);
}

TEST_CASE("1, 6: a file larger than the limit is refused before it is parsed") {
  std::string big = path("big.json");
  {
    std::ofstream f(big, std::ios::binary);
    f << "{\"title\": \"" << std::string(kMaxInputBytes, 'x') << "\"}";
  }
  size_t bytes = bytesAllocatedBy([&] { CHECK(fileErrors(big).size() == 1); });
  CHECK(bytes < 1024 * 1024);  // not read at all: the size is checked first
  Result r = cli("validate " + big);
  CHECK(r.code == 2);
  CHECK(r.err.find("larger than 8 MiB") != std::string::npos);
  // Text handed over directly (the app's paste, a test) is held to the same limit.
  auto e = errorsOf("[" + std::string(kMaxInputBytes, ' ') + "]");
  REQUIRE(e.size() == 1);
  CHECK(e[0].message.find("larger than 8 MiB") != std::string::npos);
}

TEST_CASE("2: out-of-range numbers and invalid UTF-8 are positioned errors, exit 2") {
  struct Case {
    const char* file;
    int line, col;
    const char* path;
    const char* message;
  };
  for (const Case& c : {Case{"number_overflow.json", 2, 12, "/weeks", "number out of range"},
                        Case{"long_integer.json", 2, 11, "/seed", "number out of range"},
                        Case{"number_underflow.json", 2, 12, "/weeks", "number too small"},
                        Case{"invalid_utf8.json", 2, 16, "/", "malformed JSON: invalid UTF-8 byte 0xE9"}}) {
    CAPTURE(c.file);
    auto e = fileErrors(kHostile + c.file);
    REQUIRE(e.size() == 1);
    CHECK(e[0].line == c.line);
    CHECK(e[0].col == c.col);
    CHECK(e[0].path == c.path);
    CHECK(e[0].message.find(c.message) == 0);
    Result r = cli("validate " + kHostile + c.file);
    CHECK(r.code == 2);
    CHECK(r.err.find(std::string(c.file) + ":" + std::to_string(c.line) + ":" + std::to_string(c.col)) !=
          std::string::npos);
    CHECK(r.err.find("internal error") == std::string::npos);
    CHECK(cli("run --quiet " + kHostile + c.file).code == 2);
  }
  CHECK(errorsOf("{\"weeks\": -1e309, " + kRegime + "}").size() == 1);
}

TEST_CASE("2: validate checks every file and reports them all") {
  Result r = cli("validate " + kHostile + "number_overflow.json " + kData + "good.json " + kHostile +
                 "duplicate_weeks.json");
  CHECK(r.code == 2);
  CHECK(r.out.find("good.json: ok (2 regimes") != std::string::npos);
  CHECK(r.err.find("number_overflow.json:2:12: /weeks: number out of range") != std::string::npos);
  CHECK(r.err.find("duplicate_weeks.json:4:3: /weeks: duplicate key 'weeks'") != std::string::npos);
  CHECK(cli("validate " + kData + "good.json " + kData + "good.json").code == 0);
}

TEST_CASE("3: duplicate keys are refused at the second one, weeks included") {
  auto e = fileErrors(kHostile + "duplicate_weeks.json");
  REQUIRE(e.size() == 1);
  CHECK(e[0].line == 4);
  CHECK(e[0].col == 3);
  CHECK(e[0].path == "/weeks");
  CHECK(e[0].message.find("it is already at line 2, column 3") != std::string::npos);
  // At any depth, and when the keys are spelled differently but mean the same.
  auto d = errorsOf("{\"regimes\": [{\"name\": \"R\", \"appeal\": {\"cost\": 0.1, \"c\\u006fst\": 0.2}}]}");
  REQUIRE(d.size() == 1);
  CHECK(d[0].path == "/regimes/0/appeal/cost");
  // The same key in two different objects is fine.
  CHECK(errorsOf("{\"regimes\": [{\"name\": \"R\"}, {\"name\": \"S\"}]}").empty());
}

TEST_CASE("3: the per-person refusal covers the whole file, not only a manifest's scenario") {
  auto e = fileErrors(kHostile + "summary_with_people.json");
  REQUIRE(e.size() == 1);
  CHECK(e[0].path == "/citizens");
  CHECK(e[0].line == 4);
  CHECK(e[0].col == 3);
  CHECK(e[0].message.find("per-person data refused") == 0);
  // A real summary.json (results keyed by group labels, manifest lists) still loads.
  std::string out = path("rerun");
  REQUIRE(cli("run --quiet --population 500 --weeks 4 " + kData + "good.json --out " + out).code == 0);
  Result r = cli("validate " + out + "/summary.json");
  CHECK_MESSAGE(r.code == 0, r.err);
}

TEST_CASE("9: a byte order mark and \\u-escaped keys keep line:col; a NUL in a key is printed escaped") {
  auto bom = fileErrors(kHostile + "bom.json");
  REQUIRE(bom.size() == 1);
  CHECK(bom[0].path == "/weeks");
  CHECK(bom[0].line == 2);
  CHECK(bom[0].col == 12);
  auto first_line = errorsOf("\xEF\xBB\xBF{\"weeks\": ,}");
  REQUIRE(first_line.size() == 1);
  CHECK(first_line[0].col == 11);  // as without the mark: the mark takes no column
  CHECK(errorsOf("{\"weeks\": ,}")[0].col == 11);

  auto esc = fileErrors(kHostile + "escaped_keys.json");
  REQUIRE(esc.size() == 1);
  CHECK(esc[0].path == "/regimes/0/appeal/cost");
  CHECK(esc[0].line == 3);
  CHECK(esc[0].col == 34);
  std::string text;
  REQUIRE(readTextFile(kHostile + "escaped_keys.json", text));
  JsonPositions pos(text);
  CHECK(pos.key("/regimes/0/appeal").col == 5);

  auto nul = fileErrors(kHostile + "nul_key.json");
  REQUIRE(nul.size() == 1);
  CHECK(nul[0].line == 3);
  CHECK(nul[0].col == 3);
  CHECK(nul[0].path == std::string("/x\0y", 4));
  CHECK(nul[0].str().find('\0') == std::string::npos);
  CHECK(nul[0].str().find("/x\\u0000y: unknown key 'x\\u0000y'") != std::string::npos);
  Result r = cli("validate " + kHostile + "nul_key.json");
  CHECK(r.code == 2);
  CHECK(r.err.find('\0') == std::string::npos);
  CHECK(r.err.find("x\\u0000y") != std::string::npos);
}

TEST_CASE("6: a device, a folder or a FIFO as a scenario: a clear error, no hang") {
  std::string fifo = path("fifo.json");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  struct Case {
    std::string file, says;
  };
  for (const Case& c :
       {Case{"/dev/zero", "it is a device"}, Case{kData, "it is a folder"}, Case{fifo, "it is a FIFO"}}) {
    CAPTURE(c.file);
    auto e = fileErrors(c.file);
    REQUIRE(e.size() == 1);
    CHECK(e[0].message == "cannot read the file: " + c.says +
                              (c.says == "it is a folder" ? ", not a file"
                               : c.says == "it is a FIFO" ? " (a pipe), not a regular file"
                                                          : ", not a regular file"));
    for (const char* cmd : {"validate ", "run --quiet ", "run --quiet --manifest "}) {
      Result r = cli(cmd + c.file, "timeout 20");  // a hang fails with 124
      CHECK(r.code == 2);
      CHECK(r.err.find(c.says) != std::string::npos);
    }
  }
}

TEST_CASE("7: a file name that is not UTF-8 is bytes: validate and run agree, messages escape it") {
  std::string good, bad;
  REQUIRE(readTextFile(kData + "good.json", good));
  REQUIRE(readTextFile(kData + "bad_syntax.json", bad));
  std::string name = path("caf\xE9.json"), broken = path("br\xFFoken.json");
  writeFile(name, good);
  writeFile(broken, bad);
  Result v = cli("validate '" + name + "'");
  CHECK(v.code == 0);
  CHECK(v.out.find("caf\\xE9.json: ok") != std::string::npos);
  std::string out = path("out_latin1");
  Result run = cli("run --quiet --population 500 --weeks 4 '" + name + "' --out " + out);
  REQUIRE_MESSAGE(run.code == 0, run.err);
  std::string summary = file(fs::path(out) / "summary.json");
  CHECK(summary.find("caf\\\\xE9.json") != std::string::npos);  // JSON-escaped backslash
  auto parsed = nlohmann::json::parse(summary);                 // valid UTF-8 throughout
  CHECK(parsed["manifest"]["source_file"].get<std::string>().find("caf\\xE9.json") != std::string::npos);
  Result e = cli("validate '" + broken + "'");
  CHECK(e.code == 2);
  CHECK(e.err.find("br\\xFFoken.json:5:3: ") != std::string::npos);
  CHECK(e.err.find("\xFF") == std::string::npos);
}

TEST_CASE("10: --set is strict about indices and numbers") {
  Scenario s = loadScenarioFile(kData + "good.json");
  const Scenario before = s;
  auto message = [&](const std::string& a) -> std::string {
    try {
      applySet(s, a);
    } catch (const ScenarioError& e) {
      REQUIRE(e.errors.size() == 1);
      return e.errors[0].message;
    }
    return "no error";
  };
  for (const char* a :
       {"regimes[0000001].appeal.cost=0.9", "regimes[01].appeal.cost=0.9", "regimes[ 1].appeal.cost=0.9",
        "regimes[+1].appeal.cost=0.9", "regimes[0x1].appeal.cost=0.9", "regimes[].appeal.cost=0.9"}) {
    CAPTURE(a);
    CHECK(message(a).find("expected regimes[N].stage.parameter") == 0);
  }
  for (const char* a :
       {"appeal.cost=0x1", "appeal.cost= 0.5", "appeal.cost=0.5 ", "appeal.cost=+0.5", "appeal.cost=.5",
        "appeal.cost=inf", "appeal.cost=nan", "appeal.cost=1.", "appeal.cost=", "population.size=00100"}) {
    CAPTURE(a);
    CHECK(message(a).find("expected a number written plainly") == 0);
  }
  CHECK(message("appeal.cost=1e-400").find("number out of range") == 0);
  CHECK(message("population.size=1e400").find("number out of range") == 0);
  CHECK(s.regimes[0].values == before.regimes[0].values);  // nothing was changed by a refused --set
  CHECK(s.regimes[1].values == before.regimes[1].values);
  CHECK(message("regimes[1].appeal.cost=0.9") == "no error");
  CHECK(s.regimes[1].values[P::appeal_cost] == doctest::Approx(0.9));
  CHECK(message("appeal.cost=1e-3") == "no error");
  CHECK(message("appeal.cost=-0") == "no error");
  Result r = cli("run --quiet --population 100 --weeks 1 --set regimes[0000001].appeal.cost=0.9");
  CHECK(r.code == 2);
  CHECK(r.err.find("no leading zeros") != std::string::npos);
}

TEST_CASE("11: lesson validation is linear: 4,800 set entries, no copy of the scenario each") {
  std::string text = "{" + kRegime + ",\n\"lesson\": [";
  for (int i = 0; i < 4800; ++i)
    text += std::string(i ? "," : "") + "\n{\"title\": \"s" + std::to_string(i) +
            "\", \"set\": {\"appeal.cost\": 0.1, \"regimes[0].appeal.available\": true}}";
  text += "]}";
  Scenario s;
  size_t bytes = bytesAllocatedBy([&] { s = parseScenario(text, "lesson.json"); });
  REQUIRE(s.lesson.size() == 4800);
  CHECK(s.lesson[4799].set.size() == 2);
  // Copying the scenario (its source text) per entry allocated over 1,000 times the
  // text; reading it once allocates about 45 times.
  CAPTURE(bytes);
  CAPTURE(text.size());
  CHECK(bytes < 100 * text.size());
}

TEST_CASE("a file made of mistakes costs no more than reading it: checking stops once 20 are found") {
  std::string text = "{" + kRegime + ",\n\"lesson\": [{\"title\": \"t\", \"set\": {";
  for (int i = 0; i < 100000; ++i) text += std::string(i ? "," : "") + "\"zz.q" + std::to_string(i) + "\": 1";
  text += "}}]}";
  std::vector<InputError> e;
  size_t bytes = bytesAllocatedBy([&] { e = errorsOf(text); });
  REQUIRE(e.size() == static_cast<size_t>(kMaxReportedErrors) + 1);
  CHECK(e.back().message.find("too many errors") == 0);
  // Each further error would build its "did you mean" list over all parameters.
  CHECK(bytes < 60 * text.size());
}
