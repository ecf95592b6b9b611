// expect_writer.cpp: claims written in full (every key), so a saved scenario or a
// run's manifest reads back to the same claims.
#include "io/expect_writer.hpp"

#include "io/output.hpp"

namespace tl {
namespace {

using ojson = nlohmann::ordered_json;

ojson windowJson(const ClaimWindow& w) {
  switch (w.kind) {
    case ClaimWindow::Kind::Run:
      return "run";
    case ClaimWindow::Kind::Step:
      return "step";
    case ClaimWindow::Kind::End:
      return "end";
    case ClaimWindow::Kind::Week:
      return ojson{{"week", w.from}};
    case ClaimWindow::Kind::Weeks:
      return ojson{{"weeks", {w.from, w.to}}};
  }
  return "run";
}

}  // namespace

ojson expectsToJson(const std::vector<Expect>& claims, const Scenario& s) {
  ojson out = ojson::array();
  for (const Expect& e : claims) {
    ojson o;
    o["says"] = e.says;
    o["metric"] = e.side.metric;
    o["regime"] = e.side.regime;
    o["group"] = groupLabel(s, e.side.group);
    o["window"] = windowJson(e.side.window);
    if (e.per_capita) o["per_capita"] = true;
    if (e.versus == Expect::Versus::Value) {
      o["vs"] = e.value;
    } else if (e.versus == Expect::Versus::WithoutStep) {
      o["vs"] = "without_step";
    } else {
      ojson vs = ojson::object();
      if (e.other.metric != e.side.metric) vs["metric"] = e.other.metric;
      if (e.other.regime != e.side.regime) vs["regime"] = e.other.regime;
      if (e.other.group != e.side.group) vs["group"] = groupLabel(s, e.other.group);
      if (e.other.window != e.side.window) vs["window"] = windowJson(e.other.window);
      o["vs"] = vs;
    }
    o["effect"] = e.effect == Expect::Effect::Ratio ? "ratio" : "difference";
    o["direction"] = e.direction == Expect::Direction::Higher  ? "higher"
                     : e.direction == Expect::Direction::Lower ? "lower"
                                                               : "same";
    o["by"] = e.by;
    out.push_back(o);
  }
  return out;
}

}  // namespace tl
