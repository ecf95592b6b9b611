// json_read.cpp: parsing with positioned errors, the error Reporter, the per-person
// scan and the readers of strings, parameter values and stage sections.
#include "io/json_read.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace tl {
namespace {

const char* const kPerPersonMessage =
    "per-person data refused: scenarios hold distributions, never lists of people (BRIEF §6)";

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

}  // namespace

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

std::string joined(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string m = closestMatch(word, candidates);
  if (!m.empty()) return "; did you mean '" + m + "'?";
  return "; expected one of " + joined(candidates);
}

std::string fileStem(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? path : stem;
}

std::vector<std::string> sectionsOf(Scope scope) {
  std::vector<std::string> out;
  for (const auto& d : paramTable())
    if (d.scope == scope && std::string(d.path).find('.') != std::string::npos &&
        std::find(out.begin(), out.end(), d.section()) == out.end())
      out.push_back(d.section());
  return out;
}

json parseJsonText(const std::string& text, const std::string& file) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& ex) {
    TextPos p = positionOfOffset(text, ex.byte > 0 ? ex.byte - 1 : 0);
    std::string what = ex.what();
    auto colon = what.find(": ");  // drop nlohmann's own "[json.exception...] parse error at ..." prefix
    throw ScenarioError(
        {InputError{file, p.line, p.col, "/",
                    "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2))}});
  }
}

bool Reporter::room() {
  if (out_.size() < static_cast<size_t>(kMaxReportedErrors)) return true;
  if (out_.size() == static_cast<size_t>(kMaxReportedErrors))
    out_.push_back({file_, 0, 0, "",
                    "too many errors; only the first " + std::to_string(kMaxReportedErrors) + " are shown"});
  return false;
}

bool Reporter::underFlagged(const std::string& ptr) const {
  for (const auto& f : flagged_)
    if (ptr == f || ptr.compare(0, f.size() + 1, f + "/") == 0) return true;
  return false;
}

void Reporter::add(const std::string& at, const std::string& shown, const std::string& msg, bool at_key) {
  if (underFlagged(shown) || !room()) return;
  std::string full = base_ + at;
  TextPos p = at_key ? pos_.key(full) : pos_.value(full);
  std::string path = base_ + shown;
  out_.push_back({file_, p.line, p.col, path.empty() ? "/" : path, msg});
}

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

}  // namespace tl
