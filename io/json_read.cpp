// json_read.cpp: parsing with positioned errors, the error Reporter, the per-person
// scan and the readers of strings, parameter values and stage sections.
#include "io/json_read.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <set>

#include "io/input_file.hpp"
#include "io/json_check.hpp"

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

// The claims (`expect`) of the notes or of a lesson step ("/lesson/2/expect"), under
// `base` ("" in a scenario, "/manifest/scenario" in a summary.json).
bool isClaimList(const std::string& ptr, const std::string& base) {
  const std::string pre = base + "/lesson/", post = "/expect";
  if (ptr == base + post) return true;
  if (ptr.size() <= pre.size() + post.size() || ptr.compare(0, pre.size(), pre) != 0 ||
      ptr.compare(ptr.size() - post.size(), post.size(), post) != 0)
    return false;
  std::string step = ptr.substr(pre.size(), ptr.size() - pre.size() - post.size());
  return step.find_first_not_of("0123456789") == std::string::npos;
}

// Where a list of objects belongs: the regimes, lesson steps and claims of a scenario,
// and in a summary.json the results per regime and the manifest's copies.
bool listOfObjectsAllowed(const std::string& ptr) {
  static const std::set<std::string> allowed = {"/regimes", "/lesson", "/manifest/regimes",
                                                "/manifest/scenario/regimes", "/manifest/scenario/lesson"};
  return allowed.count(ptr) > 0 || isClaimList(ptr, "") || isClaimList(ptr, "/manifest/scenario");
}

// A summary.json's results are keyed by the scenario's group labels ("/regimes/0/groups"),
// which name groups, not people.
bool holdsGroupLabels(const std::string& ptr) {
  const std::string head = "/regimes/", tail = "/groups";
  if (ptr.size() <= head.size() + tail.size() || ptr.compare(0, head.size(), head) != 0 ||
      ptr.compare(ptr.size() - tail.size(), tail.size(), tail) != 0)
    return false;
  std::string index = ptr.substr(head.size(), ptr.size() - head.size() - tail.size());
  return index.find_first_not_of("0123456789") == std::string::npos;
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
  if (text.size() > kMaxInputBytes)
    throw ScenarioError({InputError{file, 0, 0, "",
                                    "the text is larger than " + std::to_string(kMaxInputBytes >> 20) +
                                        " MiB, the limit for a scenario, preset or summary file"}});
  // Depth first: a text nested too deep is refused before anything is built from it.
  JsonCheck check = checkJsonText(text, file);
  if (check.too_deep) throw ScenarioError(check.errors);
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& ex) {
    // nlohmann reports a bad UTF-8 sequence where it noticed it; point at its first byte.
    size_t bad = firstInvalidUtf8(text);
    if (bad != std::string::npos && bad < ex.byte) {
      TextPos p = positionOfOffset(text, bad);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
      throw ScenarioError({InputError{
          file, p.line, p.col, "/",
          std::string("malformed JSON: invalid UTF-8 byte ") + hex + " (save the file as UTF-8)"}});
    }
    TextPos p = positionOfOffset(text, ex.byte > 0 ? ex.byte - 1 : 0);
    std::string what = ex.what();
    auto colon = what.find(": ");  // drop nlohmann's own "[json.exception...] parse error at ..." prefix
    throw ScenarioError(
        {InputError{file, p.line, p.col, "/",
                    "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2))}});
  } catch (const json::exception& ex) {
    // Out-of-range numbers: the check above found them with their positions.
    if (!check.errors.empty()) throw ScenarioError(check.errors);
    throw ScenarioError({InputError{file, 0, 0, "/", std::string("malformed JSON: ") + ex.what()}});
  }
  if (!check.errors.empty()) throw ScenarioError(check.errors);
  return root;
}

bool Reporter::room() {
  if (out_.size() < static_cast<size_t>(kMaxReportedErrors)) return true;
  if (out_.size() == static_cast<size_t>(kMaxReportedErrors))
    out_.push_back({file_, 0, 0, "",
                    "too many errors; only the first " + std::to_string(kMaxReportedErrors) + " are shown"});
  return false;
}

bool Reporter::full() const { return out_.size() > static_cast<size_t>(kMaxReportedErrors); }

void Reporter::flag(const std::string& ptr) {
  if (!full()) flagged_.insert(base_ + ptr);
}

// The pointer or one of its ancestors was flagged (a set lookup per level).
bool Reporter::underFlagged(const std::string& full_ptr) const {
  if (flagged_.empty()) return false;
  for (size_t end = full_ptr.size();; end = full_ptr.rfind('/', end - 1)) {
    if (flagged_.count(full_ptr.substr(0, end))) return true;
    if (end == 0 || end == std::string::npos) return false;
  }
}

void Reporter::add(const std::string& at, const std::string& shown, const std::string& msg, bool at_key) {
  if (full() || underFlagged(base_ + shown) || !room()) return;
  std::string full_at = base_ + at;
  TextPos p = at_key ? pos_.key(full_at) : pos_.value(full_at);
  std::string path = base_ + shown;
  out_.push_back({file_, p.line, p.col, path.empty() ? "/" : path, msg});
}

void scanPerPerson(const json& root, Reporter& r) {
  // Each frame walks one object or list; depth is bounded by kMaxJsonDepth.
  struct Frame {
    const json* v;
    std::string ptr;
    json::const_iterator it;
    size_t index;
  };
  std::vector<Frame> stack;
  auto enter = [&](const json& v, std::string ptr) {
    if (v.is_array() && !listOfObjectsAllowed(ptr) &&
        std::any_of(v.begin(), v.end(), [](const json& e) { return e.is_object(); })) {
      r.value(ptr, kPerPersonMessage);
      r.flag(ptr);
    } else if (v.is_structured()) {
      stack.push_back({&v, std::move(ptr), v.cbegin(), 0});
    }
  };
  enter(root, "");
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.it == f.v->cend()) {
      stack.pop_back();
      continue;
    }
    const json& child = *f.it;
    std::string child_ptr;
    bool refused = false;
    if (f.v->is_object()) {
      child_ptr = f.ptr + "/" + pointerToken(f.it.key());
      // A number or a boolean holds no person ("records_erroneous": 12 is a count);
      // a list, an object or a text under such a key may.
      refused = !holdsGroupLabels(f.ptr) && !child.is_number() && !child.is_boolean() && looksPerPerson(f.it.key());
    } else {
      child_ptr = f.ptr + "/" + std::to_string(f.index);
    }
    ++f.it;
    ++f.index;
    if (refused) {
      r.key(child_ptr, kPerPersonMessage);
      r.flag(child_ptr);
    } else {
      enter(child, std::move(child_ptr));  // may reallocate the stack: f is not used after
    }
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
  for (auto it = obj.begin(); it != obj.end() && !r.full(); ++it) {
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
