// params.hpp: typed access to the one parameter table in params.def.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tl {

enum class Scope : uint8_t { World, Regime };
enum class ParamType : uint8_t { Real, Int, Bool, Choice };

// Every parameter has an id; world ones index WorldParams, regime ones RegimeParams.
enum class P : uint16_t {
#define X(scope, id, path, type, unit, def, lo, hi, label, desc, src) id,
#include "sim/params.def"
#undef X
  Count
};
constexpr int kParamCount = static_cast<int>(P::Count);

struct ParamDecl {
  P id;
  Scope scope;
  const char* path;  // JSON path inside the scenario (world) or inside a regime
  ParamType type;
  const char* unit;
  double def, lo, hi;
  const char* label;  // the short name on screen ("sanction suspended during appeal")
  const char* description;
  const char* source;
  std::vector<std::string> choices;  // for Choice: the allowed names, index = value
  // The stage this parameter belongs to ("population", "appeal", ...): the text before the first dot.
  std::string section() const;
  // The key after the section ("size" for "population.size"); whole path when no dot.
  std::string key() const;
};

const std::vector<ParamDecl>& paramTable();
const ParamDecl& decl(P id);
const ParamDecl* findParam(Scope scope, const std::string& path);

// Choice values, named so model code reads as the UI does.
enum class TargetKind : int { WilfulDefaulter = 0, HarmProne = 1, Reliable = 2, None = 3 };
enum class EnrolmentMode : int { None = 0, Mandatory = 1, OptIn = 2 };
enum class AssessmentKind : int { None = 0, Score = 1, List = 2, Risk = 3 };

// A full set of values, indexed by P (only the entries of one scope are meaningful).
struct ParamValues {
  std::array<double, kParamCount> v{};
  double operator[](P p) const { return v[static_cast<int>(p)]; }
  double& operator[](P p) { return v[static_cast<int>(p)]; }
  bool flag(P p) const { return v[static_cast<int>(p)] != 0.0; }
  int i(P p) const { return static_cast<int>(v[static_cast<int>(p)]); }
  static ParamValues defaults();
  bool operator==(const ParamValues& o) const { return v == o.v; }
  bool operator!=(const ParamValues& o) const { return !(v == o.v); }
};

// Checks a value against its declaration; returns an error text ("expected ...") or empty.
std::string checkValue(const ParamDecl& d, double value);
// Renders a value as the user writes it (choice name, true/false, number).
std::string formatValue(const ParamDecl& d, double value);
// Parses a value as written on the command line ("0.3", "true", "opt_in").
std::optional<double> parseValue(const ParamDecl& d, const std::string& text, std::string* error);

// A number as a person writes it: whole numbers plainly, others with up to 10 digits.
std::string jsonNumber(double v);

}  // namespace tl
