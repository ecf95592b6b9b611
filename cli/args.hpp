// args.hpp: a small command-line parser for the subcommands (--opt value, --opt=value, flags).
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tl::cli {

// Bad command-line input: the CLI prints it and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The outputs could not be written (a full disk, a folder that became read-only):
// the CLI prints it and exits 1; nothing was half-written.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::vector<std::string> value_opts;  // take a value: --seed 3 or --seed=3 (may repeat: --set)
  std::vector<std::string> flag_opts;   // take none: --quiet
};

class Args {
 public:
  std::vector<std::string> positional;
  bool has(const std::string& flag) const;
  std::optional<std::string> get(const std::string& opt) const;  // the last value given
  std::vector<std::string> all(const std::string& opt) const;    // every value, in order
  // A whole number in [lo, hi]; `fallback` when absent. Throws UsageError otherwise.
  long long getInt(const std::string& opt, long long fallback, long long lo, long long hi) const;

 private:
  friend Args parseArgs(const std::vector<std::string>&, const OptionSpec&);
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> flags_;
};

Args parseArgs(const std::vector<std::string>& argv, const OptionSpec& spec);
// Parses "123" strictly (no trailing text); nullopt when it is not a whole number.
std::optional<long long> parseWhole(const std::string& text);

}  // namespace tl::cli
