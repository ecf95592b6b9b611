// test_gui_screenshot.cpp: runs the trustlab app under xvfb-run, saves a screenshot and checks the
// city panes show the state colours in plausible proportions; also a broken scenario, presenter
// mode, the scripted CSV export and the bounded --inspect. Where the GUI, xvfb-run or stb is missing
// the tests skip, and FAIL in CI (env CI=true), where they must run.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gui_test_support.hpp"

#if __has_include(<stb/stb_image.h>)
#define TL_HAVE_STB 1
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#endif

namespace {

std::string guiBinary() { return gui_test::appPath(); }

bool fileExists(const std::string& p) { return std::ifstream(p).good(); }

std::string fileText(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream text;
  text << f.rdbuf();
  return text.str();
}

struct PaneRect {
  int index;
  float x, y, w, h;
  std::string name;
};

std::vector<PaneRect> readRects(const std::string& path) {
  std::vector<PaneRect> out;
  std::ifstream f(path);
  std::string line;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    PaneRect r;
    in >> r.index >> r.x >> r.y >> r.w >> r.h;
    std::getline(in, r.name);
    out.push_back(r);
  }
  return out;
}

// The state colours of gui/palette.cpp (Okabe-Ito + two greys), by CitizenView value.
constexpr std::array<std::array<int, 3>, 7> kStates = {{{72, 74, 84},
                                                        {160, 160, 160},
                                                        {0, 158, 115},
                                                        {240, 228, 66},
                                                        {0, 114, 178},
                                                        {213, 94, 0},
                                                        {204, 121, 167}}};

struct Counts {
  std::array<long, 7> state{};
  long pixels = 0;
  long known() const {
    long s = 0;
    for (long c : state) s += c;
    return s;
  }
};

Counts countColours(const unsigned char* img, int w, int h, const PaneRect& r) {
  Counts c;
  for (int y = static_cast<int>(r.y); y < static_cast<int>(r.y + r.h) && y < h; ++y)
    for (int x = static_cast<int>(r.x); x < static_cast<int>(r.x + r.w) && x < w; ++x) {
      const unsigned char* p = img + (static_cast<size_t>(y) * w + x) * 3;
      ++c.pixels;
      for (size_t s = 0; s < kStates.size(); ++s)
        if (std::abs(p[0] - kStates[s][0]) <= 2 && std::abs(p[1] - kStates[s][1]) <= 2 &&
            std::abs(p[2] - kStates[s][2]) <= 2)
          ++c.state[s];
    }
  return c;
}

}  // namespace

#ifdef TL_HAVE_STB
const char* kNoStb = "";
#else
const char* kNoStb = "stb_image.h (libstb-dev) is not installed";
#endif

TEST_CASE("the app's screenshot shows every pane's citizens in the state colours") {
  if (!gui_test::canRun(true, kNoStb)) return;
#ifdef TL_HAVE_STB
  std::string app = guiBinary();
  std::string png = "gui_screenshot_test.png", rects = "gui_screenshot_test.txt";
  std::remove(png.c_str());
  std::remove(rects.c_str());
  std::string cmd = gui_test::xvfbRun("1600x900") + "'" + app + "' --screenshot " + png +
                    " --after-weeks 156 --size 1600x900 --pane-rects " + rects +
                    " > gui_screenshot_test.log 2>&1";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  int w = 0, h = 0, n = 0;
  unsigned char* img = stbi_load(png.c_str(), &w, &h, &n, 3);
  REQUIRE(img != nullptr);
  CHECK(w == 1600);
  CHECK(h == 900);
  auto panes = readRects(rects);
  REQUIRE(panes.size() >= 2);
  bool saw_blacklist = false, saw_voluntary = false;
  for (const auto& pane : panes) {
    INFO("pane " << pane.index << ":" << pane.name << " at " << pane.x << "," << pane.y << " " << pane.w
                 << "x" << pane.h);
    REQUIRE(pane.w > 100);
    REQUIRE(pane.h > 100);
    Counts c = countColours(img, w, h, pane);
    INFO("pixels per state: " << c.state[0] << " " << c.state[1] << " " << c.state[2] << " " << c.state[3]
                              << " " << c.state[4] << " " << c.state[5] << " " << c.state[6] << " of "
                              << c.pixels);
    // Nothing blank: a good part of the pane is citizens drawn in a state colour (cells
    // have shapes and gaps, and blocks leave room for their labels, so never all of it).
    CHECK(c.known() > c.pixels * 0.15);
    double calm = static_cast<double>(c.state[0] + c.state[1] + c.state[2]);
    double sanctioned = static_cast<double>(c.state[4] + c.state[5]);
    // Plausible: sanctions are the exception, not the rule, three years in.
    CHECK(sanctioned < c.known() * 0.5);
    CHECK(calm > c.known() * 0.4);
    if (pane.name.find("lacklist") != std::string::npos) {
      saw_blacklist = true;
      CHECK(sanctioned > 0);  // the list sanctions someone
    }
    if (pane.name.find("oluntary") != std::string::npos) {
      saw_voluntary = true;
      CHECK(c.state[2] > c.known() * 0.02);  // the score rewards volunteers
      CHECK(sanctioned == 0);                // benefits only, no sanctions
    }
  }
  CHECK(saw_blacklist);
  CHECK(saw_voluntary);
  stbi_image_free(img);
#endif
}

TEST_CASE("the app refuses a broken scenario with exit code 2 and the errors on stderr") {
  if (!gui_test::canRun(false)) return;
  std::string app = guiBinary();
  {
    std::ofstream bad("gui_bad_scenario.json");
    bad << "{\"population\": {\"size\": -5}, \"regimes\": [{\"name\": \"x\", \"preset\": \"nope\"}]}\n";
  }
  // No window is opened for a scenario that does not load, so no display is needed.
  std::string cmd = "'" + app + "' gui_bad_scenario.json --screenshot gui_bad.png 2> gui_bad_scenario.err";
  int rc = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 2);
  const std::string err = fileText("gui_bad_scenario.err");
  CHECK(err.find("gui_bad_scenario.json:1:") != std::string::npos);
  CHECK(err.find("/population/size") != std::string::npos);
  CHECK(err.find("nope") != std::string::npos);
  CHECK_FALSE(fileExists("gui_bad.png"));
}

TEST_CASE("presenter mode with the inspector renders a full-size picture") {
  if (!gui_test::canRun(true, kNoStb)) return;
#ifdef TL_HAVE_STB
  std::string app = guiBinary();
  std::remove("gui_presenter_test.png");
  std::string cmd = gui_test::xvfbRun("1920x1080") + "'" + app +
                    "' --screenshot gui_presenter_test.png --after-weeks 52 --presenter --size 1920x1080 "
                    "--inspect wrongly --panel inspector > gui_presenter_test.log 2>&1";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  int w = 0, h = 0, n = 0;
  unsigned char* img = stbi_load("gui_presenter_test.png", &w, &h, &n, 3);
  REQUIRE(img != nullptr);
  CHECK(w == 1920);
  CHECK(h == 1080);
  // High contrast: a black ground with white text somewhere on it.
  long black = 0, white = 0;
  for (long i = 0; i < static_cast<long>(w) * h; ++i) {
    const unsigned char* p = img + i * 3;
    if (p[0] == 0 && p[1] == 0 && p[2] == 0) ++black;
    if (p[0] > 245 && p[1] > 245 && p[2] > 245) ++white;
  }
  CHECK(black > static_cast<long>(w) * h / 5);
  CHECK(white > 1000);
  stbi_image_free(img);
#endif
}

TEST_CASE("--export-csv writes the CLI's timeseries columns plus the pane, without a click") {
  if (!gui_test::canRun(true)) return;
  std::string app = guiBinary();
  std::remove("gui_export_test.csv");
  std::string cmd =
      gui_test::xvfbRun("1024x768") + "'" + app +
      "' --export-csv gui_export_test.csv --after-weeks 12 --size 1024x768 > gui_export_test.log 2>&1";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream f("gui_export_test.csv");
  REQUIRE(f.good());
  std::string header, line;
  std::getline(f, header);
  CHECK(header.rfind("week,regime,group,population,", 0) == 0);
  CHECK(header.size() > 6);
  CHECK(header.substr(header.size() - 5) == ",pane");
  size_t rows = 0;
  bool saw_blacklist = false, saw_b = false;
  while (std::getline(f, line)) {
    ++rows;
    if (line.find("Blacklist") != std::string::npos && line.substr(line.size() - 2) == ",2")
      saw_blacklist = true;
    if (line.find(",B,") != std::string::npos) saw_b = true;
  }
  CHECK(rows == 12u * 2u * 3u);  // weeks x panes x groups (A, B, all)
  CHECK(saw_blacklist);          // the regime column names the pane; the pane column numbers it
  CHECK(saw_b);
}

TEST_CASE(
    "the app refuses what would hang or swamp it: a citizen who does not exist, absurd threads, no display") {
  if (!gui_test::canRun(false)) return;
  std::string app = guiBinary();
  // No window is opened: the arguments are checked first (exit 2, a message, bounded).
  int rc = std::system(
      ("'" + app + "' --population 20000 --screenshot gui_x.png --inspect 20000 2> gui_inspect.err").c_str());
  REQUIRE(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 2);
  const std::string err = fileText("gui_inspect.err");
  CHECK(err.find("0 to 19999") != std::string::npos);
  // A negative id is no citizen either (inside the app -2 stands for "wrongly").
  for (const char* id : {"-1", "-2", "-7"}) {
    CAPTURE(id);
    rc = std::system(("'" + app + "' --screenshot gui_x.png --inspect " + id + " 2> /dev/null").c_str());
    REQUIRE(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 2);
  }
  for (const char* n : {"100000", "0", "-3", "257"}) {
    CAPTURE(n);
    rc = std::system(("'" + app + "' --threads " + n + " --screenshot gui_x.png 2> gui_threads.err").c_str());
    REQUIRE(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 2);
    const std::string threads_err = fileText("gui_threads.err");
    CHECK(threads_err.find("--threads: expected 1 to 256, got " + std::string(n)) != std::string::npos);
  }
  // No display: a message saying what to do, not SFML's abort().
  rc = std::system(("env -u DISPLAY '" + app + "' --screenshot gui_x.png 2> gui_nodisplay.err").c_str());
  REQUIRE(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 1);
  const std::string display_err = fileText("gui_nodisplay.err");
  CHECK(display_err.find("no display") != std::string::npos);
  CHECK_FALSE(fileExists("gui_x.png"));
}

TEST_CASE("--export-csv on a full disk leaves the existing file as it was, exit 1, naming it") {
  if (!gui_test::canRun(true)) return;
  std::string app = guiBinary();
  // The app alone may write at most 2 kB per file (sh's ulimit -f counts 512-byte blocks);
  // SIGXFSZ ignored, so a write past it fails with EFBIG as on a full disk.
  REQUIRE(
      std::system(
          "rm -rf gui_full_disk && mkdir gui_full_disk && printf 'keep\\n' > gui_full_disk/numbers.csv") ==
      0);
  std::string cmd = gui_test::xvfbRun("1024x768") + "sh -c \"trap '' XFSZ; ulimit -f 4; exec '" + app +
                    "' --export-csv gui_full_disk/numbers.csv --after-weeks 12 --size 1024x768\" "
                    "> gui_full_disk.log 2>&1";
  INFO(cmd);
  int rc = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 1);
  const std::string err = fileText("gui_full_disk.log");
  INFO(err);
  CHECK(err.find("gui_full_disk/numbers.csv") != std::string::npos);
  CHECK(err.find("left as it was") != std::string::npos);
  const std::string kept = fileText("gui_full_disk/numbers.csv");
  CHECK(kept == "keep\n");
  // No temp file is left beside it.
  CHECK(std::system("test \"$(ls -A gui_full_disk)\" = numbers.csv") == 0);
}

TEST_CASE("the key draws each state in its own colour (the 'rewarded' diamond is not painted blue)") {
  if (!gui_test::canRun(true, kNoStb)) return;
#ifdef TL_HAVE_STB
  // Neither regime rewards anyone and the charts tab is shown, so the only pixels in the
  // 'rewarded' colour are the key's diamond. Software GL once painted that anti-aliased diamond in
  // the colour of an earlier shape (issue 9), in this very window.
  std::string app = guiBinary();
  std::remove("gui_key_test.png");
  std::string cmd =
      gui_test::xvfbRun("1024x768") + "'" + app + "' '" + TRUSTLAB_SOURCE_DIR +
      "/scenarios/due_process_vs_blacklist.json' --screenshot gui_key_test.png --after-weeks 26 "
      "--size 1024x768 --numbers charts > gui_key_test.log 2>&1";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  int w = 0, h = 0, n = 0;
  unsigned char* img = stbi_load("gui_key_test.png", &w, &h, &n, 3);
  REQUIRE(img != nullptr);
  long green = 0;
  for (long i = 0; i < static_cast<long>(w) * h; ++i) {
    const unsigned char* p = img + i * 3;
    if (p[0] == kStates[2][0] && p[1] == kStates[2][1] && p[2] == kStates[2][2]) ++green;
  }
  CHECK(green >= 20);
  stbi_image_free(img);
#endif
}

namespace {
// The first week whose row differs between two exports of the same run (-1: none).
int firstDifferentWeek(const std::string& a, const std::string& b) {
  std::ifstream fa(a), fb(b);
  std::string la, lb;
  std::getline(fa, la), std::getline(fb, lb);  // headers
  while (std::getline(fa, la) && std::getline(fb, lb))
    if (la != lb) return std::stoi(la.substr(0, la.find(',')));
  return -1;
}
}  // namespace

TEST_CASE("--apply-at-week applies the lesson step at that week, and the app checks its options") {
  if (!gui_test::canRun(true)) return;
  std::string app = guiBinary();
  {
    // Step 2 cuts the right pane's agencies to one: its harm changes from the very next week.
    std::ofstream sc("gui_apply_at_week.json");
    sc << R"({"weeks": 60, "population": {"size": 4000},
 "regimes": [{"name": "Left", "preset": "blacklist_joint_sanctions"},
             {"name": "Right", "preset": "blacklist_joint_sanctions"}],
 "lesson": [{"title": "Run a while", "narrative": "n", "run_weeks": 12},
            {"title": "Fewer agencies", "narrative": "n", "set": {"regimes[1].consequences.agencies": 1},
             "run_weeks": 20}]})";
  }
  auto run = [&](const std::string& extra, const std::string& csv) {
    std::remove(csv.c_str());
    std::string cmd = gui_test::xvfbRun("1024x768") + "'" + app +
                      "' gui_apply_at_week.json --size 1024x768 --after-weeks 40 --export-csv " + csv + " " +
                      extra + " > " + csv + ".log 2>&1";
    INFO(cmd);
    REQUIRE(std::system(cmd.c_str()) == 0);
  };
  run("", "gui_apply_none.csv");
  run("--lesson-step 2 --apply-at-week 12", "gui_apply_12.csv");
  run("--lesson-step 2 --apply-at-week 25", "gui_apply_25.csv");
  // The lesson played as the class plays it: step 1's 12 weeks, then step 2 applied at week 12.
  run("--lesson-replay 2 --after-weeks 0", "gui_replay_2.csv");  // 0: stop where the step ends
  int d12 = firstDifferentWeek("gui_apply_none.csv", "gui_apply_12.csv");
  int d25 = firstDifferentWeek("gui_apply_none.csv", "gui_apply_25.csv");
  CHECK(d12 >= 12);
  CHECK(d12 <= 14);
  CHECK(d25 >= 25);
  CHECK(d25 <= 27);
  // The replay stops after step 2's 20 weeks (week 32) and is the same run as step 2 at week 12.
  {
    std::ifstream a("gui_apply_12.csv"), b("gui_replay_2.csv");
    std::string la, lb;
    size_t rows = 0, same = 0;
    std::getline(a, la), std::getline(b, lb);
    while (std::getline(b, lb) && std::getline(a, la)) ++rows, same += la == lb ? 1 : 0;
    CHECK(rows == 32u * 2u * 3u);
    CHECK(same == rows);
  }
  // Without a lesson step, a week past --after-weeks, or an unknown state: refused, exit 2.
  for (const char* bad : {"--apply-at-week 5", "--lesson-step 1 --apply-at-week 50", "--highlight purple",
                          "--city upside_down", "--lesson-replay 3", "--lesson-replay 0"}) {
    INFO(bad);
    int rc =
        std::system(("'" + app + "' gui_apply_at_week.json --after-weeks 40 --screenshot gui_bad_opt.png " +
                     bad + " 2> gui_bad_opt.err")
                        .c_str());
    REQUIRE(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 2);
    CHECK_FALSE(fileExists("gui_bad_opt.png"));
  }
}
