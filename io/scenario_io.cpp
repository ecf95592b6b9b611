// scenario_io.cpp: the scenario/preset loader (checks every value against params.def
// and reports all errors with positions), --set, the writer and the scenario hash.
#include "io/scenario_io.hpp"
#include "io/param_docs.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

#include "io/atomic_file.hpp"
#include "io/embedded.hpp"
#include "io/json_positions.hpp"

namespace tl {
namespace {

using json = nlohmann::json;

const char* const kPerPersonMessage =
    "per-person data refused: scenarios hold distributions, never lists of people (BRIEF §6)";
const char* const kPresetDir = "scenarios/presets/";

std::string typeName(const json& v) {
  switch (v.type()) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "a list";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true/false";
    case json::value_t::null:
      return "null";
    default:
      return "a number";
  }
}

std::string joined(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string m = closestMatch(word, candidates);
  if (!m.empty()) return "; did you mean '" + m + "'?";
  return "; expected one of " + joined(candidates);
}

// Keys that name people or identify them. A scenario describes distributions, so
// such a key is refused wherever it appears, with the BRIEF §6 message.
bool looksPerPerson(const std::string& key) {
  static const std::set<std::string> words = {
      "citizens",   "citizen",   "people",    "person",      "persons",   "individuals", "individual",
      "records",    "residents", "resident",  "inhabitants", "members",   "users",       "subjects",
      "households", "names",     "surname",   "surnames",    "firstname", "lastname",    "fullname",
      "dob",        "birthday",  "birthdate", "birth",       "ssn",       "passport",    "phone",
      "email",      "address",   "addresses", "roster",      "microdata"};
  std::string lower;
  for (char c : key) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string token;
  for (size_t i = 0; i <= lower.size(); ++i) {
    char c = i < lower.size() ? lower[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c))) {
      token += c;
    } else {
      if (words.count(token)) return true;
      token.clear();
    }
  }
  std::string squashed;  // "first_name" -> "firstname"
  for (char c : lower)
    if (std::isalnum(static_cast<unsigned char>(c))) squashed += c;
  return words.count(squashed) > 0;
}

// Collects errors with positions for one text. `base` is where the scenario sits
// inside the text ("" or "/manifest/scenario" for a summary.json).
class Reporter {
 public:
  Reporter(std::string file, const JsonPositions& pos, std::string base, std::vector<InputError>& out)
      : file_(std::move(file)), pos_(pos), base_(std::move(base)), out_(out) {}

  void value(const std::string& ptr, const std::string& msg) { add(ptr, ptr, msg, false); }
  void key(const std::string& ptr, const std::string& msg) { add(ptr, ptr, msg, true); }
  // A missing member: point at the object that lacks it.
  void missing(const std::string& parent, const std::string& member, const std::string& msg) {
    add(parent, parent + "/" + pointerToken(member), msg, false);
  }
  void raw(const InputError& e) {
    if (room()) out_.push_back(e);
  }
  void flag(const std::string& ptr) { flagged_.push_back(ptr); }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  const JsonPositions& pos_;
  std::string base_;
  std::vector<InputError>& out_;
  std::vector<std::string> flagged_;  // per-person subtrees: already reported once

  bool room() {
    if (out_.size() < static_cast<size_t>(kMaxReportedErrors)) return true;
    if (out_.size() == static_cast<size_t>(kMaxReportedErrors))
      out_.push_back(
          {file_, 0, 0, "",
           "too many errors; only the first " + std::to_string(kMaxReportedErrors) + " are shown"});
    return false;
  }
  bool underFlagged(const std::string& ptr) const {
    for (const auto& f : flagged_)
      if (ptr == f || ptr.compare(0, f.size() + 1, f + "/") == 0) return true;
    return false;
  }
  void add(const std::string& at, const std::string& shown, const std::string& msg, bool at_key) {
    if (underFlagged(shown) || !room()) return;
    std::string full = base_ + at;
    TextPos p = at_key ? pos_.key(full) : pos_.value(full);
    std::string path = base_ + shown;
    out_.push_back({file_, p.line, p.col, path.empty() ? "/" : path, msg});
  }
};

// Refuses per-person input anywhere: keys naming people, and lists of objects other
// than the regimes and the lesson steps.
void scanPerPerson(const json& j, const std::string& ptr, Reporter& r) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      std::string child = ptr + "/" + pointerToken(it.key());
      if (looksPerPerson(it.key())) {
        r.key(child, kPerPersonMessage);
        r.flag(child);
      } else {
        scanPerPerson(it.value(), child, r);
      }
    }
  } else if (j.is_array()) {
    bool has_object = std::any_of(j.begin(), j.end(), [](const json& e) { return e.is_object(); });
    if (has_object && ptr != "/regimes" && ptr != "/lesson") {
      r.value(ptr, kPerPersonMessage);
      r.flag(ptr);
      return;
    }
    for (size_t i = 0; i < j.size(); ++i) scanPerPerson(j[i], ptr + "/" + std::to_string(i), r);
  }
}

std::vector<std::string> sectionsOf(Scope scope) {
  std::vector<std::string> out;
  for (const auto& d : paramTable())
    if (d.scope == scope && std::string(d.path).find('.') != std::string::npos &&
        std::find(out.begin(), out.end(), d.section()) == out.end())
      out.push_back(d.section());
  return out;
}

bool readString(const json& v, const std::string& ptr, Reporter& r, std::string& out) {
  if (!v.is_string()) {
    r.value(ptr, "expected a string, got " + typeName(v));
    return false;
  }
  out = v.get<std::string>();
  return true;
}

// One parameter value: numbers for REAL/INT, true/false for BOOL, a name for CHOICE.
void readParam(const ParamDecl& d, const json& v, const std::string& ptr, Reporter& r, ParamValues& out) {
  double x = 0;
  if (d.type == ParamType::Bool) {
    if (!v.is_boolean()) return r.value(ptr, "expected true or false, got " + typeName(v));
    x = v.get<bool>() ? 1 : 0;
  } else if (d.type == ParamType::Choice) {
    if (!v.is_string()) return r.value(ptr, checkValue(d, -1) + ", got " + typeName(v));
    std::string name = v.get<std::string>();
    auto it = std::find(d.choices.begin(), d.choices.end(), name);
    if (it == d.choices.end()) {
      std::string near = closestMatch(name, d.choices);
      return r.value(ptr, checkValue(d, -1) + ", got \"" + name + "\"" +
                              (near.empty() ? "" : "; did you mean '" + near + "'?"));
    }
    x = static_cast<double>(it - d.choices.begin());
  } else {
    if (!v.is_number())
      return r.value(ptr, std::string("expected a number") +
                              (d.unit[0] ? std::string(" (") + d.unit + ")" : "") + ", got " + typeName(v));
    x = v.get<double>();
  }
  std::string err = checkValue(d, x);
  if (!err.empty()) return r.value(ptr, err);
  out[d.id] = x;
}

// A stage section such as {"appeal": {"cost": 0.1}} for the given scope.
void readSection(const std::string& section, const json& obj, const std::string& ptr, Scope scope,
                 Reporter& r, ParamValues& out) {
  if (!obj.is_object())
    return r.value(ptr, "expected an object of '" + section + "' parameters, got " + typeName(obj));
  std::vector<std::string> keys;
  for (const auto& d : paramTable())
    if (d.scope == scope && d.section() == section) keys.push_back(d.key());
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    std::string child = ptr + "/" + pointerToken(it.key());
    const ParamDecl* d = findParam(scope, section + "." + it.key());
    if (d)
      readParam(*d, it.value(), child, r, out);
    else
      r.key(child,
            "unknown parameter '" + it.key() + "' in section '" + section + "'" + didYouMean(it.key(), keys));
  }
}

// ---------------------------------------------------------------- presets

struct PresetEntry {
  std::string file;
  json doc;
  ParamValues values = ParamValues::defaults();
  std::vector<InputError> errors;
};

PresetEntry checkPreset(const std::string& name, const std::string& text, const std::string& file) {
  PresetEntry e;
  e.file = file;
  try {
    e.doc = json::parse(text);
  } catch (const json::parse_error& ex) {
    TextPos p = positionOfOffset(text, ex.byte > 0 ? ex.byte - 1 : 0);
    std::string what = ex.what();
    auto colon = what.find(": ");
    e.errors.push_back({file, p.line, p.col, "/",
                        "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2))});
    return e;
  }
  JsonPositions pos(text);
  Reporter r(file, pos, "", e.errors);
  scanPerPerson(e.doc, "", r);
  if (!e.doc.is_object()) {
    r.value("", "expected a preset object, got " + typeName(e.doc));
    return e;
  }
  const std::vector<std::string> regime_sections = sectionsOf(Scope::Regime);
  std::vector<std::string> known = {
      "preset",  "title",           "description", "summary", "target_description",
      "sources", "simplifications", "reasoned"};
  known.insert(known.end(), regime_sections.begin(), regime_sections.end());
  if (!e.doc.contains("preset"))
    r.missing("", "preset", "missing \"preset\": expected \"" + name + "\" (the file name)");
  for (auto it = e.doc.begin(); it != e.doc.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    std::string ptr = "/" + pointerToken(k);
    std::string s;
    if (k == "preset") {
      if (readString(v, ptr, r, s) && s != name)
        r.value(ptr, "expected \"" + name + "\" (the file name), got \"" + s + "\"");
    } else if (k == "title" || k == "description" || k == "summary" || k == "target_description") {
      readString(v, ptr, r, s);
    } else if (k == "sources" || k == "simplifications") {
      if (!v.is_array())
        r.value(ptr, "expected a list of strings, got " + typeName(v));
      else
        for (size_t i = 0; i < v.size(); ++i) readString(v[i], ptr + "/" + std::to_string(i), r, s);
    } else if (k == "reasoned") {
      if (!v.is_object()) {
        r.value(ptr, "expected an object {\"stage.parameter\": \"why\"}, got " + typeName(v));
        continue;
      }
      std::vector<std::string> paths;
      for (const auto& d : paramTable())
        if (d.scope == Scope::Regime) paths.push_back(d.path);
      for (auto jt = v.begin(); jt != v.end(); ++jt) {
        std::string child = ptr + "/" + pointerToken(jt.key());
        if (!findParam(Scope::Regime, jt.key()))
          r.key(child, "unknown regime parameter '" + jt.key() + "'" + didYouMean(jt.key(), paths));
        readString(jt.value(), child, r, s);
      }
    } else if (std::find(regime_sections.begin(), regime_sections.end(), k) != regime_sections.end()) {
      readSection(k, v, ptr, Scope::Regime, r, e.values);
    } else {
      r.key(ptr, "unknown key '" + k + "' in a preset" + didYouMean(k, known));
    }
  }
  std::stable_sort(e.errors.begin(), e.errors.end(), [](const InputError& a, const InputError& b) {
    return std::make_pair(a.line == 0 ? 1 << 30 : a.line, a.col) <
           std::make_pair(b.line == 0 ? 1 << 30 : b.line, b.col);
  });
  return e;
}

struct Registry {
  std::mutex m;
  std::map<std::string, PresetEntry> presets;
};

Registry& registry() {
  static Registry* reg = [] {
    auto* r = new Registry;  // never destroyed: references handed out stay valid at exit
    const std::string dir = kPresetDir;
    for (int i = 0; i < embedded_scenarios_count; ++i) {
      std::string path = embedded_scenarios[i].path;
      if (path.compare(0, dir.size(), dir) != 0 || path.size() < 5 || path.substr(path.size() - 5) != ".json")
        continue;
      std::string name = path.substr(dir.size(), path.size() - dir.size() - 5);
      r->presets[name] =
          checkPreset(name, std::string(embedded_scenarios[i].data, embedded_scenarios[i].size), path);
    }
    return r;
  }();
  return *reg;
}

const PresetEntry* findPreset(const std::string& name) {
  Registry& reg = registry();
  std::lock_guard<std::mutex> lock(reg.m);
  auto it = reg.presets.find(name);
  return it == reg.presets.end() ? nullptr : &it->second;
}

std::string unknownPresetMessage(const std::string& name) {
  std::vector<std::string> names = presetNames();
  std::string near = closestMatch(name, names);
  return "unknown preset '" + name + "'; expected one of " +
         (names.empty() ? std::string("(none)") : joined(names)) +
         (near.empty() ? "" : " (did you mean '" + near + "'?)");
}

// ---------------------------------------------------------------- scenario

RegimeSpec readRegime(const json& v, const std::string& ptr, Reporter& r) {
  RegimeSpec spec;
  spec.values = ParamValues::defaults();
  if (!v.is_object()) {
    r.value(ptr,
            "expected a regime object {\"name\": ..., \"preset\": ..., stage sections}, got " + typeName(v));
    return spec;
  }
  if (!v.contains("name"))
    r.missing(ptr, "name", "missing \"name\": every regime needs a name (the pane title)");
  // The preset comes first: the regime's own sections override it.
  if (v.contains("preset")) {
    std::string p = ptr + "/preset";
    if (readString(v["preset"], p, r, spec.preset)) {
      const PresetEntry* e = findPreset(spec.preset);
      if (!e) {
        r.value(p, unknownPresetMessage(spec.preset));
      } else if (!e->errors.empty()) {
        for (const auto& err : e->errors) r.raw(err);
        r.value(p, "preset '" + spec.preset + "' has errors (listed above, in " + e->file + ")");
      } else {
        spec.values = e->values;
      }
    }
  }
  const std::vector<std::string> regime_sections = sectionsOf(Scope::Regime);
  const std::vector<std::string> world_sections = sectionsOf(Scope::World);
  std::vector<std::string> known = {"name", "preset", "description"};
  known.insert(known.end(), regime_sections.begin(), regime_sections.end());
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& k = it.key();
    std::string child = ptr + "/" + pointerToken(k);
    std::string ignored;
    if (k == "name") {
      if (readString(it.value(), child, r, spec.name) && spec.name.empty())
        r.value(child, "expected a non-empty name (the pane title)");
    } else if (k == "preset") {
      continue;
    } else if (k == "description") {
      readString(it.value(), child, r, ignored);
    } else if (std::find(regime_sections.begin(), regime_sections.end(), k) != regime_sections.end()) {
      readSection(k, it.value(), child, Scope::Regime, r, spec.values);
    } else if (std::find(world_sections.begin(), world_sections.end(), k) != world_sections.end()) {
      r.key(child,
            "'" + k + "' is a world section shared by all regimes: put it at the top level of the scenario");
    } else {
      r.key(child, "unknown key '" + k + "' in a regime" + didYouMean(k, known));
    }
  }
  return spec;
}

void readNotes(const json& v, const std::string& ptr, Reporter& r, Notes& n) {
  if (!v.is_object()) return r.value(ptr, "expected an object of notes, got " + typeName(v));
  const std::vector<std::string> keys = {"what_is_it", "how_it_works", "things_to_notice", "things_to_try",
                                         "passage"};
  std::string* fields[] = {&n.what_is_it, &n.how_it_works, &n.things_to_notice, &n.things_to_try, &n.passage};
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string child = ptr + "/" + pointerToken(it.key());
    auto k = std::find(keys.begin(), keys.end(), it.key());
    if (k == keys.end())
      r.key(child, "unknown note '" + it.key() + "'" + didYouMean(it.key(), keys));
    else
      readString(it.value(), child, r, *fields[k - keys.begin()]);
  }
}

// Lesson `set` values are kept as the text --set would take ("true", "0.1", "opt_in").
std::string setValueText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

void readLesson(const json& v, const std::string& ptr, Reporter& r, Scenario& s) {
  if (!v.is_array()) return r.value(ptr, "expected a list of lesson steps, got " + typeName(v));
  const std::vector<std::string> keys = {"title", "narrative", "predict", "set", "watch", "run_weeks"};
  for (size_t i = 0; i < v.size(); ++i) {
    std::string sp = ptr + "/" + std::to_string(i);
    const json& step = v[i];
    LessonStep st;
    if (!step.is_object()) {
      r.value(sp, "expected a lesson step object, got " + typeName(step));
      continue;
    }
    for (auto it = step.begin(); it != step.end(); ++it) {
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
        for (auto jt = set.begin(); jt != set.end(); ++jt) {
          std::string vp = child + "/" + pointerToken(jt.key());
          if (!jt.value().is_primitive() || jt.value().is_null()) {
            r.value(vp, "expected a number, true/false or a name, got " + typeName(jt.value()));
            continue;
          }
          std::string text = setValueText(jt.value());
          Scenario trial = s;  // the step must apply cleanly to the scenario as loaded
          try {
            applySet(trial, jt.key(), text);
            st.set.emplace_back(jt.key(), text);
          } catch (const ScenarioError& e) {
            r.value(vp, e.errors.empty() ? "cannot apply" : e.errors.front().message);
          }
        }
      } else {
        r.key(child, "unknown key '" + k + "' in a lesson step" + didYouMean(k, keys));
      }
    }
    s.lesson.push_back(st);
  }
}

void readGroupLabels(const json& v, const std::string& ptr, Reporter& r, Scenario& s) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_string() || !v[1].is_string())
    return r.value(ptr, "expected two group labels, e.g. [\"A\", \"B\"]");
  std::string a = v[0].get<std::string>(), b = v[1].get<std::string>();
  if (a.empty() || b.empty() || a == b || a == "all" || b == "all")
    return r.value(
        ptr, "expected two different, non-empty labels other than \"all\" (used for the whole population)");
  s.label_a = a;
  s.label_b = b;
}

void readScenario(const json& root, Reporter& r, Scenario& s) {
  scanPerPerson(root, "", r);
  if (!root.is_object())
    return r.value("", "expected a scenario object {\"regimes\": [...], ...}, got " + typeName(root));
  const std::vector<std::string> world_sections = sectionsOf(Scope::World);
  const std::vector<std::string> regime_sections = sectionsOf(Scope::Regime);
  std::vector<std::string> known = {"title", "description", "group_labels", "weeks",
                                    "seed",  "regimes",     "notes",        "lesson"};
  known.insert(known.end(), world_sections.begin(), world_sections.end());
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    std::string ptr = "/" + pointerToken(k);
    if (k == "title")
      readString(v, ptr, r, s.title);
    else if (k == "description")
      readString(v, ptr, r, s.description);
    else if (k == "group_labels")
      readGroupLabels(v, ptr, r, s);
    else if (k == "weeks" || k == "seed")
      readParam(*findParam(Scope::World, k), v, ptr, r, s.world);
    else if (k == "notes")
      readNotes(v, ptr, r, s.notes);
    else if (k == "regimes" || k == "lesson")
      continue;  // below, in order
    else if (std::find(world_sections.begin(), world_sections.end(), k) != world_sections.end())
      readSection(k, v, ptr, Scope::World, r, s.world);
    else if (std::find(regime_sections.begin(), regime_sections.end(), k) != regime_sections.end())
      r.key(ptr, "'" + k + "' is a regime stage: put it inside a regime object in \"regimes\"");
    else
      r.key(ptr, "unknown key '" + k + "'" + didYouMean(k, known));
  }
  if (!root.contains("regimes")) {
    r.missing("", "regimes",
              "missing \"regimes\": expected a list of 1 to " + std::to_string(kMaxRegimes) + " regimes");
  } else {
    const json& regs = root["regimes"];
    if (!regs.is_array()) {
      r.value("/regimes",
              "expected a list of 1 to " + std::to_string(kMaxRegimes) + " regimes, got " + typeName(regs));
    } else if (regs.empty()) {
      r.value("/regimes", "expected 1 to " + std::to_string(kMaxRegimes) + " regimes, got none");
    } else {
      std::set<std::string> names;
      for (size_t i = 0; i < regs.size(); ++i) {
        std::string ptr = "/regimes/" + std::to_string(i);
        if (i >= static_cast<size_t>(kMaxRegimes)) {
          r.value(ptr, "at most " + std::to_string(kMaxRegimes) +
                           " regimes can run side by side; this scenario has " + std::to_string(regs.size()));
          break;
        }
        RegimeSpec spec = readRegime(regs[i], ptr, r);
        if (!spec.name.empty() && !names.insert(spec.name).second)
          r.value(ptr + "/name",
                  "expected a name different from the other regimes' (\"" + spec.name + "\" is used twice)");
        s.regimes.push_back(spec);
      }
    }
  }
  if (root.contains("lesson")) readLesson(root["lesson"], "/lesson", r, s);
}

std::string fileStem(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? path : stem;
}

// Lesson values back to their JSON type, so saved files read like hand-written ones.
nlohmann::ordered_json typedSetValue(const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_discarded() && parsed.is_number() && parsed.dump() == text) return parsed;
  return text;
}

[[noreturn]] void setFail(const std::string& path, const std::string& value, const std::string& msg) {
  throw ScenarioError({InputError{"--set " + path + "=" + value, 0, 0, "", msg}});
}

}  // namespace

// ---------------------------------------------------------------- public API

std::string InputError::str() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(col);
  s += ": ";
  if (!path.empty()) s += path + ": ";
  return s + message;
}

static std::string joinErrors(const std::vector<InputError>& errs) {
  std::string s;
  for (size_t i = 0; i < errs.size(); ++i) s += (i ? "\n" : "") + errs[i].str();
  return s;
}

ScenarioError::ScenarioError(std::vector<InputError> errs)
    : std::runtime_error(joinErrors(errs)), errors(std::move(errs)) {}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  // Optimal string alignment distance: typos, missing letters and swapped pairs cost 1.
  auto distance = [](const std::string& a, const std::string& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t cost = std::tolower(a[i - 1]) == std::tolower(b[j - 1]) ? 0 : 1;
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return d[a.size()][b.size()];
  };
  std::string best;
  size_t best_d = std::max<size_t>(2, (word.size() + 2) / 3) + 1;
  for (const auto& c : candidates) {
    size_t dd = distance(word, c);
    if (dd < best_d && dd < std::max(word.size(), c.size())) {
      best_d = dd;
      best = c;
    }
  }
  return best;
}

Scenario parseScenario(const std::string& text, const std::string& file) {
  std::vector<InputError> errors;
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& ex) {
    TextPos p = positionOfOffset(text, ex.byte > 0 ? ex.byte - 1 : 0);
    std::string what = ex.what();
    auto colon = what.find(": ");  // drop nlohmann's own "[json.exception...] parse error at ..." prefix
    throw ScenarioError(
        {InputError{file, p.line, p.col, "/",
                    "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2))}});
  }
  Scenario s;
  s.name = fileStem(file);
  s.source_file = file;
  s.source_text = text;
  JsonPositions pos(text);
  // A summary.json: reproduce the run from its manifest's effective scenario.
  std::string base;
  const json* scen = &root;
  if (root.is_object() && root.contains("manifest") && root["manifest"].is_object() &&
      root["manifest"].contains("scenario")) {
    base = "/manifest/scenario";
    scen = &root["manifest"]["scenario"];
  }
  Reporter r(file, pos, base, errors);
  readScenario(*scen, r, s);
  // Text order reads best; a broken preset's own errors come before the line that uses it.
  auto rank = [&](const InputError& e) {
    int where = e.line == 0 && e.path.empty() ? 2 : e.file == file ? 1 : 0;  // 2: the "too many" note
    return std::make_tuple(where, e.line, e.col);
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const InputError& a, const InputError& b) { return rank(a) < rank(b); });
  if (!errors.empty()) throw ScenarioError(errors);
  return s;
}

Scenario loadScenarioFile(const std::string& path) {
  std::string text;
  if (!readTextFile(path, text))
    throw ScenarioError(
        {InputError{path, 0, 0, "", std::string("cannot read the file: ") + std::strerror(errno)}});
  return parseScenario(text, path);
}

std::vector<std::string> embeddedScenarioPaths() {
  std::vector<std::string> out;
  for (int i = 0; i < embedded_scenarios_count; ++i) {
    std::string p = embedded_scenarios[i].path;
    if (p.compare(0, std::strlen(kPresetDir), kPresetDir) != 0) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Scenario loadScenario(const std::string& path_or_name) {
  std::error_code ec;
  if (std::filesystem::exists(path_or_name, ec)) return loadScenarioFile(path_or_name);
  for (const std::string& p :
       {path_or_name, "scenarios/" + path_or_name, "scenarios/" + path_or_name + ".json"}) {
    if (const EmbeddedFile* f = findEmbedded(p)) return parseScenario(std::string(f->data, f->size), p);
  }
  std::vector<std::string> names;
  for (const auto& p : embeddedScenarioPaths()) names.push_back(fileStem(p));
  throw ScenarioError(
      {InputError{path_or_name, 0, 0, "",
                  "no such file, and no embedded scenario of that name (embedded: " + joined(names) + ")"}});
}

Scenario defaultScenario() {
  const EmbeddedFile* f = findEmbedded("scenarios/default.json");
  if (!f) throw std::runtime_error("scenarios/default.json is not embedded in this build");
  Scenario s = parseScenario(std::string(f->data, f->size), "scenarios/default.json");
  s.name = "default";
  return s;
}

std::vector<std::string> presetNames() {
  Registry& reg = registry();
  std::lock_guard<std::mutex> lock(reg.m);
  std::vector<std::string> out;
  for (const auto& kv : reg.presets) out.push_back(kv.first);
  return out;
}

static const PresetEntry& checkedPreset(const std::string& name) {
  const PresetEntry* e = findPreset(name);
  if (!e) throw ScenarioError({InputError{"preset", 0, 0, "", unknownPresetMessage(name)}});
  if (!e->errors.empty()) throw ScenarioError(e->errors);
  return *e;
}

const nlohmann::json& presetJson(const std::string& name) { return checkedPreset(name).doc; }
const ParamValues& presetValues(const std::string& name) { return checkedPreset(name).values; }

void registerPreset(const std::string& name, const std::string& text, const std::string& file) {
  PresetEntry e = checkPreset(name, text, file);
  Registry& reg = registry();
  std::lock_guard<std::mutex> lock(reg.m);
  reg.presets[name] = std::move(e);
}

std::vector<InputError> checkPresetFile(const std::string& path) {
  std::string text;
  if (!readTextFile(path, text))
    return {InputError{path, 0, 0, "", std::string("cannot read the file: ") + std::strerror(errno)}};
  return checkPreset(fileStem(path), text, path).errors;
}

void applySet(Scenario& s, const std::string& assignment) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos)
    throw ScenarioError(
        {InputError{"--set " + assignment, 0, 0, "", "expected path=value, e.g. appeal.cost=0.1"}});
  applySet(s, assignment.substr(0, eq), assignment.substr(eq + 1));
}

void applySet(Scenario& s, const std::string& path, const std::string& value) {
  std::string p = path;
  int regime = -1;
  const std::string prefix = "regimes[";
  if (p.compare(0, prefix.size(), prefix) == 0) {
    auto close = p.find(']');
    std::string idx = close == std::string::npos ? "" : p.substr(prefix.size(), close - prefix.size());
    if (idx.empty() || idx.find_first_not_of("0123456789") != std::string::npos || close + 1 >= p.size() ||
        p[close + 1] != '.')
      setFail(path, value, "expected regimes[N].stage.parameter with N counted from 0");
    regime = std::stoi(idx.substr(0, 6));
    if (regime >= static_cast<int>(s.regimes.size()))
      setFail(path, value,
              "there are only " + std::to_string(s.regimes.size()) + " regimes (regimes[0] to regimes[" +
                  std::to_string(static_cast<int>(s.regimes.size()) - 1) + "])");
    p = p.substr(close + 2);
  }
  const ParamDecl* world = findParam(Scope::World, p);
  const ParamDecl* reg = findParam(Scope::Regime, p);
  if (world && regime >= 0)
    setFail(path, value,
            "'" + p + "' is a world parameter shared by all regimes: write it without regimes[N]");
  if (!world && !reg) {
    std::vector<std::string> all;
    for (const auto& d : paramTable()) all.push_back(d.path);
    std::string near = closestMatch(p, all);
    setFail(path, value,
            "unknown parameter '" + p + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
                " (trustlab-cli params lists them all)");
  }
  const ParamDecl& d = world ? *world : *reg;
  std::string err;
  auto v = parseValue(d, value, &err);
  if (!v) setFail(path, value, err);
  if (world) {
    s.world[d.id] = *v;
  } else if (regime >= 0) {
    s.regimes[static_cast<size_t>(regime)].values[d.id] = *v;
  } else {
    if (s.regimes.empty()) setFail(path, value, "the scenario has no regimes");
    for (auto& r : s.regimes) r.values[d.id] = *v;
  }
}

nlohmann::ordered_json scenarioToJsonValue(const Scenario& s, bool every_value) {
  nlohmann::ordered_json j;
  if (!s.title.empty()) j["title"] = s.title;
  if (!s.description.empty()) j["description"] = s.description;
  if (every_value || s.label_a != "A" || s.label_b != "B") j["group_labels"] = {s.label_a, s.label_b};
  const ParamValues defaults = ParamValues::defaults();
  for (const auto& d : paramTable()) {
    if (d.scope != Scope::World) continue;
    double v = s.world[d.id];
    bool always =
        d.id == P::weeks || d.id == P::seed || d.id == P::population_size;  // readers look for these
    if (!(every_value || always || v != defaults[d.id])) continue;
    if (d.section() == "run")
      j[d.path] = paramJsonValue<json>(d, v);
    else
      j[d.section()][d.key()] = paramJsonValue<json>(d, v);
  }
  nlohmann::ordered_json regs = nlohmann::ordered_json::array();
  for (const auto& r : s.regimes) {
    nlohmann::ordered_json o;
    o["name"] = r.name;
    const ParamValues* base = &defaults;
    if (!r.preset.empty()) {
      o["preset"] = r.preset;
      if (const PresetEntry* e = findPreset(r.preset)) base = &e->values;
    }
    for (const auto& d : paramTable())
      if (d.scope == Scope::Regime && (every_value || r.values[d.id] != (*base)[d.id]))
        o[d.section()][d.key()] = paramJsonValue<json>(d, r.values[d.id]);
    regs.push_back(o);
  }
  j["regimes"] = regs;
  const Notes& n = s.notes;
  if (!(n.what_is_it + n.how_it_works + n.things_to_notice + n.things_to_try + n.passage).empty())
    j["notes"] = {{"what_is_it", n.what_is_it},
                  {"how_it_works", n.how_it_works},
                  {"things_to_notice", n.things_to_notice},
                  {"things_to_try", n.things_to_try},
                  {"passage", n.passage}};
  if (!s.lesson.empty()) {
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const auto& st : s.lesson) {
      nlohmann::ordered_json o;
      o["title"] = st.title;
      o["narrative"] = st.narrative;
      o["predict"] = st.predict;
      nlohmann::ordered_json set = nlohmann::ordered_json::object();
      for (const auto& kv : st.set) set[kv.first] = typedSetValue(kv.second);
      o["set"] = set;
      o["watch"] = st.watch;
      o["run_weeks"] = st.run_weeks;
      steps.push_back(o);
    }
    j["lesson"] = steps;
  }
  return j;
}

std::string scenarioToJson(const Scenario& s, bool every_value) {
  return scenarioToJsonValue(s, every_value).dump(2) + "\n";
}

uint64_t scenarioHash(const Scenario& s) {
  std::string canon = "trustlab-scenario-v1\nlabels=" + s.label_a + "|" + s.label_b + "\n";
  char buf[64];
  auto add = [&](const ParamDecl& d, double v) {
    std::snprintf(buf, sizeof buf, "=%.17g\n", v);
    canon += d.path;
    canon += buf;
  };
  for (const auto& d : paramTable())
    if (d.scope == Scope::World) add(d, s.world[d.id]);
  for (const auto& r : s.regimes) {
    canon += "regime=" + r.name + "|" + r.preset + "\n";
    for (const auto& d : paramTable())
      if (d.scope == Scope::Regime) add(d, r.values[d.id]);
  }
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  for (unsigned char c : canon) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string scenarioHashHex(const Scenario& s) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(scenarioHash(s)));
  return buf;
}

}  // namespace tl
