// expect_reader.cpp: the `expect` list of a scenario's notes or lesson step
// (docs/scenarios.md, "Claims"). Strict: an unknown key, metric, regime, group or
// a window outside the weeks the claim can see is refused with its position.
#include "io/expect_reader.hpp"

#include <algorithm>

#include "io/claim_metrics.hpp"

namespace tl {
namespace {

bool wholeNumber(const json& v) {
  return v.is_number_integer() ||
         (v.is_number_float() && v.get<double>() == static_cast<long long>(v.get<double>()));
}

class ExpectReader {
 public:
  ExpectReader(const ExpectContext& ctx, Reporter& r) : c_(ctx), r_(r) {}

  bool regime(const json& v, const std::string& p, int& out) {
    const int n = static_cast<int>(c_.scenario->regimes.size());
    if (!wholeNumber(v) || v.get<double>() < 0 || v.get<double>() >= n)
      return fail(p, "expected a regime index from 0 to " + std::to_string(n - 1) + " (this scenario has " +
                         std::to_string(n) + " regime" + (n == 1 ? "" : "s") + ")");
    out = static_cast<int>(v.get<double>());
    return true;
  }

  bool group(const json& v, const std::string& p, int& out) {
    const std::vector<std::string> labels = {c_.scenario->label_a, c_.scenario->label_b, "all"};
    if (!v.is_string()) return fail(p, "expected a group: " + joined(labels));
    auto it = std::find(labels.begin(), labels.end(), v.get<std::string>());
    if (it == labels.end())
      return fail(p,
                  "unknown group '" + v.get<std::string>() + "'" + didYouMean(v.get<std::string>(), labels));
    out = static_cast<int>(it - labels.begin());
    return true;
  }

  bool metric(const json& v, const std::string& p, std::string& out) {
    if (!v.is_string())
      return fail(p, "expected a metric name (a timeseries.csv column or a summary.json field)");
    const std::string name = v.get<std::string>();
    if (!findClaimMetric(name))
      return fail(p, "unknown metric '" + name + "'" + didYouMean(name, claimMetricNames()));
    out = name;
    return true;
  }

  bool week(const json& v, const std::string& p, int& out) {
    const int lo = 0, hi = c_.end - 1;
    if (!wholeNumber(v) || v.get<double>() < lo || v.get<double>() > hi)
      return fail(p, "expected a week from " + std::to_string(lo) + " to " + std::to_string(hi) +
                         (c_.step < 0 ? " (the run's weeks)" : " (weeks run by the end of this step)"));
    out = static_cast<int>(v.get<double>());
    return true;
  }

  bool window(const json& v, const std::string& p, ClaimWindow& out) {
    if (v.is_string()) {
      const std::string w = v.get<std::string>();
      std::vector<std::string> names = {"run", "end"};
      if (c_.step >= 0) names.push_back("step");
      if (w == "run")
        out.kind = ClaimWindow::Kind::Run;
      else if (w == "end")
        out.kind = ClaimWindow::Kind::End;
      else if (w == "step" && c_.step >= 0)
        out.kind = ClaimWindow::Kind::Step;
      else if (w == "step")
        return fail(p,
                    "\"step\" is a window of a lesson step's claims; the notes' claims read the whole run");
      else
        return fail(p, "unknown window '" + w + "'" + didYouMean(w, names) +
                           ", or {\"week\": N} or {\"weeks\": [A, B]}");
      if (c_.end <= c_.begin && out.kind != ClaimWindow::Kind::Run)
        return fail(p, "this step runs no weeks, so it has no weeks of its own to read");
      return true;
    }
    if (!v.is_object() || v.size() != 1 || !(v.contains("week") || v.contains("weeks")))
      return fail(p, "expected \"run\", \"end\"" + std::string(c_.step >= 0 ? ", \"step\"" : "") +
                         ", {\"week\": N} or {\"weeks\": [A, B]}");
    if (v.contains("week")) {
      out.kind = ClaimWindow::Kind::Week;
      if (!week(v["week"], p + "/week", out.from)) return false;
      out.to = out.from;
      return true;
    }
    const json& ab = v["weeks"];
    if (!ab.is_array() || ab.size() != 2) return fail(p + "/weeks", "expected [first week, last week]");
    out.kind = ClaimWindow::Kind::Weeks;
    if (!week(ab[0], p + "/weeks/0", out.from) || !week(ab[1], p + "/weeks/1", out.to)) return false;
    if (out.to < out.from) return fail(p + "/weeks", "expected the first week before the last");
    return true;
  }

  // The metric's kind limits the windows it can be read over.
  bool windowSuits(const ClaimSide& side, const std::string& p) {
    const ClaimMetric* m = findClaimMetric(side.metric);
    if (!m) return false;
    const auto k = side.window.kind;
    if (m->kind == MetricKind::Episode && k != ClaimWindow::Kind::Run && k != ClaimWindow::Kind::Step)
      return fail(
          p, "'" + side.metric +
                 "' counts episodes from week 0 or over a lesson step: use the window \"run\" or \"step\"");
    if (m->kind == MetricKind::Median && k != ClaimWindow::Kind::Run)
      return fail(
          p, "'" + side.metric + "' is a median over every correction from week 0: use the window \"run\"");
    return true;
  }

  Expect read(const json& v, const std::string& p, bool& ok) {
    Expect e;
    e.side.window.kind = c_.step >= 0 ? ClaimWindow::Kind::Step : ClaimWindow::Kind::Run;
    if (!v.is_object()) {
      ok = fail(p, "expected a claim object {\"says\", \"metric\", \"vs\", \"direction\", \"by\", ...}");
      return e;
    }
    const std::vector<std::string> keys = {"says",       "metric", "regime", "group",     "window",
                                           "per_capita", "vs",     "effect", "direction", "by"};
    for (auto it = v.begin(); it != v.end(); ++it)
      if (std::find(keys.begin(), keys.end(), it.key()) == keys.end())
        ok = failKey(p + "/" + pointerToken(it.key()),
                     "unknown key '" + it.key() + "' in a claim" + didYouMean(it.key(), keys));
    for (const char* required : {"says", "metric", "vs", "direction", "by"})
      if (!v.contains(required))
        ok = fail(p, std::string("missing \"") + required + "\"" + requiredWhy(required));
    if (!ok) return e;

    if (!v["says"].is_string() || v["says"].get<std::string>().empty())
      ok = fail(p + "/says", "expected the claim in words (a non-empty string)");
    else
      e.says = v["says"].get<std::string>();
    ok = metric(v["metric"], p + "/metric", e.side.metric) && ok;
    if (v.contains("regime")) ok = regime(v["regime"], p + "/regime", e.side.regime) && ok;
    if (v.contains("group")) ok = group(v["group"], p + "/group", e.side.group) && ok;
    if (v.contains("window"))
      ok = window(v["window"], p + "/window", e.side.window) && ok;
    else if (c_.step >= 0 && c_.end <= c_.begin)
      ok = fail(p, "this step runs no weeks: give a \"window\" of earlier weeks") && ok;
    if (ok) ok = windowSuits(e.side, p + (v.contains("window") ? "/window" : "/metric"));
    if (v.contains("per_capita")) {
      if (!v["per_capita"].is_boolean())
        ok = fail(p + "/per_capita", "expected true or false");
      else
        e.per_capita = v["per_capita"].get<bool>();
    }
    if (ok && e.per_capita) {
      const MetricKind k = findClaimMetric(e.side.metric)->kind;
      if (k != MetricKind::State && k != MetricKind::Flow && k != MetricKind::Episode)
        ok = fail(p + "/per_capita",
                  "'" + e.side.metric + "' is already a rate or a mean: per_capita applies to counts");
    }
    e.other = e.side;
    // "vs" starts from the side: read it only when the side itself is sound.
    if (ok) ok = versus(v["vs"], p + "/vs", e);

    if (v.contains("effect")) {
      const std::string eff = v["effect"].is_string() ? v["effect"].get<std::string>() : "";
      if (eff == "difference")
        e.effect = Expect::Effect::Difference;
      else if (eff == "ratio")
        e.effect = Expect::Effect::Ratio;
      else
        ok = fail(p + "/effect", "expected \"difference\" (side - vs) or \"ratio\" (side / vs)");
    }
    const std::string dir = v["direction"].is_string() ? v["direction"].get<std::string>() : "";
    if (dir == "higher")
      e.direction = Expect::Direction::Higher;
    else if (dir == "lower")
      e.direction = Expect::Direction::Lower;
    else if (dir == "same")
      e.direction = Expect::Direction::Same;
    else
      ok = fail(p + "/direction", "expected \"higher\", \"lower\" or \"same\"");
    const json& by = v["by"];
    if (!by.is_number() || by.get<double>() < 0)
      ok = fail(p + "/by", "expected the smallest effect that counts: a number >= 0");
    else if (e.effect == Expect::Effect::Ratio && e.direction == Expect::Direction::Same &&
             by.get<double>() < 1)
      ok = fail(p + "/by",
                "expected a factor >= 1 for \"same\" as a ratio (1.1: between 1/1.1 and 1.1 times)");
    else if (e.effect == Expect::Effect::Ratio && by.get<double>() <= 0)
      ok = fail(p + "/by", "expected the bound of the ratio: a number > 0 (lower 0.8: at most 0.8 times)");
    else
      e.by = by.get<double>();
    return e;
  }

  bool versus(const json& v, const std::string& p, Expect& e) {
    if (v.is_number()) {
      e.versus = Expect::Versus::Value;
      e.value = v.get<double>();
      return true;
    }
    if (v.is_string() && v.get<std::string>() == "without_step") {
      if (c_.step < 0)
        return fail(p,
                    "\"without_step\" compares a lesson step with the same step run without its `set`; the "
                    "notes have no step");
      if (!c_.step_has_set)
        return fail(p, "\"without_step\": this step has no `set`, so there is nothing to leave out");
      e.versus = Expect::Versus::WithoutStep;
      return true;
    }
    const std::vector<std::string> keys = {"value", "metric", "regime", "group", "window"};
    if (!v.is_object() || v.empty())
      return fail(
          p,
          "expected a number, \"without_step\", or an object changing any of metric, regime, group, window");
    bool ok = true;
    for (auto it = v.begin(); it != v.end(); ++it)
      if (std::find(keys.begin(), keys.end(), it.key()) == keys.end())
        ok = failKey(p + "/" + pointerToken(it.key()),
                     "unknown key '" + it.key() + "' in \"vs\"" + didYouMean(it.key(), keys));
    if (!ok) return false;
    if (v.contains("value")) {
      if (v.size() != 1)
        return fail(p, "\"value\" compares with a number: it cannot be combined with other keys");
      if (!v["value"].is_number()) return fail(p + "/value", "expected a number");
      e.versus = Expect::Versus::Value;
      e.value = v["value"].get<double>();
      return true;
    }
    e.versus = Expect::Versus::Side;
    if (v.contains("metric")) ok = metric(v["metric"], p + "/metric", e.other.metric) && ok;
    if (v.contains("regime")) ok = regime(v["regime"], p + "/regime", e.other.regime) && ok;
    if (v.contains("group")) ok = group(v["group"], p + "/group", e.other.group) && ok;
    if (v.contains("window")) ok = window(v["window"], p + "/window", e.other.window) && ok;
    if (ok) ok = windowSuits(e.other, p);
    if (ok && e.per_capita) {
      const MetricKind k = findClaimMetric(e.other.metric)->kind;
      if (k != MetricKind::State && k != MetricKind::Flow && k != MetricKind::Episode)
        ok =
            fail(p + "/metric", "'" + e.other.metric + "' is a rate or a mean: per_capita applies to counts");
    }
    if (ok && e.other.metric == e.side.metric && e.other.regime == e.side.regime &&
        e.other.group == e.side.group && e.other.window.kind == e.side.window.kind &&
        e.other.window.from == e.side.window.from && e.other.window.to == e.side.window.to)
      ok =
          fail(p, "\"vs\" names the same metric, regime, group and window as the claim: change at least one");
    return ok;
  }

 private:
  const ExpectContext& c_;
  Reporter& r_;

  bool fail(const std::string& p, const std::string& msg) {
    r_.value(p, msg);
    return false;
  }
  bool failKey(const std::string& p, const std::string& msg) {
    r_.key(p, msg);
    return false;
  }
  static std::string requiredWhy(const std::string& key) {
    if (key == "says") return ": the claim in words";
    if (key == "metric") return ": the output name the claim is about (e.g. \"wrongly_sanctioned\")";
    if (key == "vs")
      return ": what it is compared with (a number, {\"regime\": 0}, {\"group\": \"A\"}, "
             "\"without_step\"...)";
    if (key == "direction") return ": \"higher\", \"lower\" or \"same\"";
    return ": the smallest effect that counts (a difference >= 0, or the bound of a ratio)";
  }
};

}  // namespace

std::vector<Expect> readExpects(const json& v, const std::string& ptr, const ExpectContext& ctx,
                                Reporter& r) {
  std::vector<Expect> out;
  if (!v.is_array()) {
    r.value(ptr,
            "expected a list of claims [{\"says\": ..., \"metric\": ..., \"vs\": ..., \"direction\": ..., "
            "\"by\": ...}], got " +
                typeName(v));
    return out;
  }
  ExpectReader reader(ctx, r);
  for (size_t i = 0; i < v.size(); ++i) {
    bool ok = true;
    Expect e = reader.read(v[i], ptr + "/" + std::to_string(i), ok);
    if (ok) out.push_back(e);
  }
  return out;
}

}  // namespace tl
