// lesson_sweep.cpp: see lesson_sweep.hpp.
#include "io/lesson_sweep.hpp"

#include <algorithm>

#include "io/frontier.hpp"
#include "io/scenario_io.hpp"
#include "io/sweep_setup.hpp"

namespace tl {
namespace {

// A list of values as the text --values takes ("0.1,0.2", "true,false").
bool readValues(const json& v, const std::string& ptr, Reporter& r, std::string& out) {
  if (v.is_string()) {
    out = v.get<std::string>();
    return true;
  }
  if (!v.is_array() || v.empty()) {
    r.value(ptr, "expected \"FROM:TO:COUNT\" (e.g. \"0.01:0.5:11\") or a list of values, got " + typeName(v));
    return false;
  }
  out.clear();
  for (size_t i = 0; i < v.size(); ++i) {
    const json& x = v[i];
    if (!x.is_primitive() || x.is_null()) {
      r.value(ptr + "/" + std::to_string(i), "expected a number, true/false or a name, got " + typeName(x));
      return false;
    }
    out += (out.empty() ? "" : ",") + (x.is_string() ? x.get<std::string>() : x.dump());
  }
  return true;
}

}  // namespace

LessonSweep readLessonSweep(const json& v, const std::string& ptr, Reporter& r, const Scenario& s) {
  LessonSweep sw;
  if (!v.is_object()) {
    r.value(ptr, "expected a sweep object {\"param\": ..., \"values\": ...}, got " + typeName(v));
    return {};
  }
  const std::vector<std::string> keys = {"param", "values", "param2", "values2", "reps", "x", "y", "group"};
  bool ok = true;
  // A parameter and its values: each value must apply to the scenario as loaded.
  auto axis = [&](const char* pk, const char* vk, std::string& param, std::string& values) {
    std::string pp = ptr + "/" + pk, vp = ptr + "/" + vk;
    if (!v.contains(pk)) {
      r.missing(ptr, pk, std::string("a sweep needs \"") + pk + "\", the parameter path (as for --set)");
      return false;
    }
    if (!readString(v[pk], pp, r, param)) return false;
    SweepTarget t = sweepTarget(param);
    if (!t.decl || t.regime >= static_cast<int>(s.regimes.size())) {
      r.value(pp, "'" + param + "' is not a parameter of this scenario (trustlab-cli params lists them)");
      return false;
    }
    if (!v.contains(vk)) {
      r.missing(ptr, vk, std::string("a sweep needs \"") + vk + "\": \"FROM:TO:COUNT\" or a list of values");
      return false;
    }
    if (!readValues(v[vk], vp, r, values)) return false;
    std::vector<std::string> list;
    try {
      list = expandSweepValues(values);
    } catch (const SweepValuesError& e) {
      r.value(vp, e.what());
      return false;
    }
    for (const auto& x : list) {
      try {
        checkSet(s, param, x);
      } catch (const ScenarioError& e) {
        r.value(vp, "value " + x + ": " + (e.errors.empty() ? "cannot apply" : e.errors.front().message));
        return false;
      }
    }
    return true;
  };
  ok = axis("param", "values", sw.param, sw.values) && ok;
  if (v.contains("param2") || v.contains("values2")) {
    ok = axis("param2", "values2", sw.param2, sw.values2) && ok;
    if (ok && sw.param2 == sw.param) {
      r.value(ptr + "/param2", "the second parameter must differ from the first");
      ok = false;
    }
  }
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& k = it.key();
    std::string child = ptr + "/" + pointerToken(k);
    if (k == "reps") {
      const json& n = it.value();
      if (!n.is_number_integer() || n.get<long long>() < 1 || n.get<long long>() > 100)
        r.value(child, "expected a whole number of replications in [1, 100]"), ok = false;
      else
        sw.reps = n.get<int>();
    } else if (k == "x" || k == "y") {
      std::string name;
      if (!readString(it.value(), child, r, name)) {
        ok = false;
        continue;
      }
      if (outcomeIndex(name) < 0) {
        std::vector<std::string> names;
        for (const auto& o : frontierOutcomes()) names.push_back(o.name);
        r.value(child, "'" + name + "' is not an outcome" + didYouMean(name, names));
        ok = false;
        continue;
      }
      (k == "x" ? sw.x : sw.y) = name;
    } else if (k == "group") {
      std::string g;
      if (!readString(it.value(), child, r, g)) {
        ok = false;
        continue;
      }
      if (sweepGroup(s, g).empty()) {
        r.value(child, "expected \"A\", \"B\" or \"all\" (or the group labels " + s.label_a + ", " +
                           s.label_b + ")");
        ok = false;
        continue;
      }
      sw.group = g;
    } else if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      r.key(child, "unknown key '" + k + "' in a sweep" + didYouMean(k, keys));
      ok = false;
    }
  }
  return ok ? sw : LessonSweep{};
}

nlohmann::ordered_json lessonSweepToJson(const LessonSweep& sw) {
  nlohmann::ordered_json o;
  o["param"] = sw.param;
  o["values"] = sw.values;
  if (!sw.param2.empty()) {
    o["param2"] = sw.param2;
    o["values2"] = sw.values2;
  }
  o["reps"] = sw.reps;
  if (!sw.x.empty()) o["x"] = sw.x;
  if (!sw.y.empty()) o["y"] = sw.y;
  o["group"] = sw.group;
  return o;
}

}  // namespace tl
