// json_read.hpp (internal to io/): the pieces every reader shares: parsing a text
// into JSON with positioned errors, the Reporter that collects errors, the
// per-person scan, and readers for strings, parameters and stage sections.
#pragma once
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "io/input_error.hpp"
#include "io/json_positions.hpp"
#include "sim/params.hpp"

namespace tl {

using json = nlohmann::json;

// "an object", "a list", "a number"... for messages.
std::string typeName(const json& v);
std::string joined(const std::vector<std::string>& v, const char* sep = ", ");
// "; did you mean 'x'?" or "; expected one of a, b, c".
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);
// The file's name without folder and extension (the scenario or preset name).
std::string fileStem(const std::string& path);
// The section names ("appeal", "population"...) of the parameters of one scope.
std::vector<std::string> sectionsOf(Scope scope);

// Parses `text`; throws ScenarioError with file:line:col when it is not JSON, is
// larger than kMaxInputBytes, nests deeper than kMaxJsonDepth, repeats a key or holds
// a number a double cannot hold.
json parseJsonText(const std::string& text, const std::string& file);

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
  // Marks a refused subtree: no further error is reported inside it.
  void flag(const std::string& ptr);
  const std::string& file() const { return file_; }
  // More errors than are shown: readers stop early (the input is refused anyway), so a
  // huge file of mistakes costs no more than reading it.
  bool full() const;
  // Where the scenario sits in the text, prefixed to every pointer ("" or "/manifest/scenario").
  void setBase(std::string base) { base_ = std::move(base); }

 private:
  std::string file_;
  const JsonPositions& pos_;
  std::string base_;
  std::vector<InputError>& out_;
  std::set<std::string> flagged_;  // full pointers of per-person subtrees, already reported once

  bool room();
  bool underFlagged(const std::string& full_ptr) const;
  void add(const std::string& at, const std::string& shown, const std::string& msg, bool at_key);
};

// Refuses per-person input anywhere in the text: keys naming people, and lists of
// objects other than the regimes, the lesson steps and the claims (`expect`).
void scanPerPerson(const json& root, Reporter& r);

bool readString(const json& v, const std::string& ptr, Reporter& r, std::string& out);
// One parameter value: numbers for REAL/INT, true/false for BOOL, a name for CHOICE.
void readParam(const ParamDecl& d, const json& v, const std::string& ptr, Reporter& r, ParamValues& out);
// A stage section such as {"appeal": {"cost": 0.1}} for the given scope.
void readSection(const std::string& section, const json& obj, const std::string& ptr, Scope scope,
                 Reporter& r, ParamValues& out);

}  // namespace tl
