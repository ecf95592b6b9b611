// args.cpp: parses subcommand arguments; unknown options get a "did you mean".
#include "cli/args.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "io/scenario_io.hpp"

namespace tl::cli {

bool Args::has(const std::string& flag) const {
  return std::find(flags_.begin(), flags_.end(), flag) != flags_.end();
}

std::optional<std::string> Args::get(const std::string& opt) const {
  std::optional<std::string> v;
  for (const auto& kv : values_)
    if (kv.first == opt) v = kv.second;
  return v;
}

std::vector<std::string> Args::all(const std::string& opt) const {
  std::vector<std::string> v;
  for (const auto& kv : values_)
    if (kv.first == opt) v.push_back(kv.second);
  return v;
}

std::optional<long long> parseWhole(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return std::nullopt;
  return v;
}

long long Args::getInt(const std::string& opt, long long fallback, long long lo, long long hi) const {
  auto v = get(opt);
  if (!v) return fallback;
  auto n = parseWhole(*v);
  if (!n || *n < lo || *n > hi)
    throw UsageError(opt + " " + *v + ": expected a whole number in [" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "]");
  return *n;
}

Args parseArgs(const std::vector<std::string>& argv, const OptionSpec& spec) {
  Args a;
  auto known = [](const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  };
  for (size_t i = 0; i < argv.size(); ++i) {
    std::string arg = argv[i];
    if (arg.size() < 2 || arg.compare(0, 2, "--") != 0) {
      a.positional.push_back(arg);
      continue;
    }
    std::string name = arg, value;
    bool inline_value = false;
    auto eq = arg.find('=');
    if (eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      inline_value = true;
    }
    if (known(spec.flag_opts, name) && !inline_value) {
      a.flags_.push_back(name);
    } else if (known(spec.value_opts, name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) throw UsageError(name + ": expected a value after it");
        value = argv[++i];
      }
      a.values_.emplace_back(name, value);
    } else {
      std::vector<std::string> all = spec.value_opts;
      all.insert(all.end(), spec.flag_opts.begin(), spec.flag_opts.end());
      std::string near = closestMatch(name, all);
      throw UsageError("unknown option " + name + (near.empty() ? "" : "; did you mean " + near + "?") +
                       " (--help lists the options)");
    }
  }
  return a;
}

}  // namespace tl::cli
