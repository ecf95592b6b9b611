// lesson_reader.cpp: a scenario's lesson steps (title, narrative, predict, set,
// watch, run_weeks), each `set` entry checked as --set would check it.
#include "io/lesson_reader.hpp"

#include "io/expect_reader.hpp"
#include "io/lesson_replay.hpp"
#include "io/lesson_sweep.hpp"
#include "io/scenario_io.hpp"

namespace tl {
namespace {

// Lesson `set` values are kept as the text --set would take ("true", "0.1", "opt_in").
std::string setValueText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace

void readLesson(const json& v, const std::string& ptr, Reporter& r, Scenario& s) {
  if (!v.is_array()) return r.value(ptr, "expected a list of lesson steps, got " + typeName(v));
  const std::vector<std::string> keys = {"title", "narrative", "predict", "set",
                                         "watch", "run_weeks", "expect",  "sweep"};
  for (size_t i = 0; i < v.size() && !r.full(); ++i) {
    std::string sp = ptr + "/" + std::to_string(i);
    const json& step = v[i];
    LessonStep st;
    if (!step.is_object()) {
      r.value(sp, "expected a lesson step object, got " + typeName(step));
      continue;
    }
    for (auto it = step.begin(); it != step.end() && !r.full(); ++it) {
      const std::string& k = it.key();
      std::string child = sp + "/" + pointerToken(k);
      if (k == "title")
        readString(it.value(), child, r, st.title);
      else if (k == "narrative")
        readString(it.value(), child, r, st.narrative);
      else if (k == "predict")
        readString(it.value(), child, r, st.predict);
      else if (k == "watch")
        readString(it.value(), child, r, st.watch);
      else if (k == "run_weeks") {
        const json& w = it.value();
        if (!w.is_number_integer() || w.get<long long>() < 0 || w.get<long long>() > 5200)
          r.value(child, "expected a whole number of weeks in [0, 5200]");
        else
          st.run_weeks = w.get<int>();
      } else if (k == "set") {
        const json& set = it.value();
        if (!set.is_object()) {
          r.value(child, "expected an object {\"path\": value}, got " + typeName(set));
          continue;
        }
        for (auto jt = set.begin(); jt != set.end() && !r.full(); ++jt) {
          std::string vp = child + "/" + pointerToken(jt.key());
          if (!jt.value().is_primitive() || jt.value().is_null()) {
            r.value(vp, "expected a number, true/false or a name, got " + typeName(jt.value()));
            continue;
          }
          std::string text = setValueText(jt.value());
          try {
            checkSet(s, jt.key(), text);  // must apply cleanly to the scenario as loaded
            st.set.emplace_back(jt.key(), text);
          } catch (const ScenarioError& e) {
            r.value(vp, e.errors.empty() ? "cannot apply" : e.errors.front().message);
          }
        }
      } else if (k == "sweep") {
        st.sweep = readLessonSweep(it.value(), child, r, s);
      } else if (k != "expect") {  // claims are read below, once every step's weeks are known
        r.key(child, "unknown key '" + k + "' in a lesson step" + didYouMean(k, keys));
      }
    }
    s.lesson.push_back(st);
  }
  if (s.lesson.size() != v.size()) return;  // a step is not an object (reported): claims cannot be placed
  // Claims are read against the lesson as written, not cut short by a shorter run.
  const std::vector<StepSpan> spans = lessonTimeline(s, false);
  for (size_t i = 0; i < v.size() && i < s.lesson.size(); ++i)
    if (v[i].is_object() && v[i].contains("expect"))
      s.lesson[i].expect =
          readExpects(v[i]["expect"], ptr + "/" + std::to_string(i) + "/expect",
                      {&s, static_cast<int>(i), !s.lesson[i].set.empty(), spans[i].begin, spans[i].end}, r);
}

}  // namespace tl
