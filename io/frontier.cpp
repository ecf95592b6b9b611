// frontier.cpp: outcomes of a run, their replication summary and frontier.csv.
#include "io/frontier.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <limits>
#include <map>

#include "io/output.hpp"

namespace tl {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Where an outcome's number comes from.
enum class Source { Summary, WeekSum, Ratio };
struct OutcomeDef {
  Outcome o;
  Source source;
  std::function<double(const GroupSummary&)> of_summary;  // Source::Summary
  std::string column, column2;  // WeekSum: the weekly column summed over the run; Ratio: column / column2
};

// Order: the list first, then the rest of the summary's rates.
const std::vector<OutcomeDef>& defs() {
  static const std::vector<OutcomeDef> table = [] {
    // A weekly count summed over the run: its name on screen from sim/metrics.def; a
    // weekly count of citizens adds up to citizen-weeks. Left out when the model lacks it.
    auto sum = [](const char* name) {
      const MetricDecl* m = findMetric(name);
      if (!m || m->mean()) return OutcomeDef{{name, "", ""}, Source::WeekSum, nullptr, "", ""};
      std::string label = m->label, unit = m->unit;
      if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      return OutcomeDef{
          {name, label, unit == "citizens" ? "citizen-weeks" : unit}, Source::WeekSum, nullptr, name, ""};
    };
    auto rate = [](const char* name, const char* label, const char* unit,
                   std::function<double(const GroupSummary&)> f) {
      return OutcomeDef{{name, label, unit}, Source::Summary, std::move(f), "", ""};
    };
    std::vector<OutcomeDef> all = {
        rate("wrongful_sanction_weeks", "Wrongful sanction-weeks", "citizen-weeks",
             [](const GroupSummary& g) { return g.wrongful_sanction_weeks; }),
        sum("missed"),
        sum("unpaid"),
        sum("harm"),
        sum("appeals_decided"),
        sum("appeals_overturned"),
        rate("fpr", "False positive rate (FPR)", "share of non-target citizen-weeks",
             [](const GroupSummary& g) { return g.rates.fpr; }),
        rate("fnr", "False negative rate (FNR)", "share of target citizen-weeks",
             [](const GroupSummary& g) { return g.rates.fnr; }),
        rate("ppv", "Precision (PPV)", "share of selected citizen-weeks",
             [](const GroupSummary& g) { return g.rates.ppv; }),
        rate("selection_rate", "Selection rate", "share of citizen-weeks",
             [](const GroupSummary& g) { return g.rates.selection_rate; }),
        OutcomeDef{{"sanction_benefit_ratio", "Sanction-weeks per benefit-week", "ratio"},
                   Source::Ratio,
                   nullptr,
                   "sanctioned",
                   "benefited"},
        sum("sanctioned"),
        sum("benefited"),
        rate("base_rate", "Base rate", "share of citizen-weeks",
             [](const GroupSummary& g) { return g.rates.base_rate; }),
        rate("disparate_impact", "Disparate impact (B over A)", "ratio of selection rates",
             [](const GroupSummary& g) { return g.disparate_impact; }),
    };
    // Keep only the weekly counts this model has.
    auto has = [](const std::string& c) { return c.empty() || findMetric(c) != nullptr; };
    std::vector<OutcomeDef> out;
    for (auto& d : all)
      if (!d.o.label.empty() && has(d.column) && has(d.column2)) out.push_back(std::move(d));
    return out;
  }();
  return table;
}

}  // namespace

const std::vector<Outcome>& frontierOutcomes() {
  static const std::vector<Outcome> list = [] {
    std::vector<Outcome> v;
    for (const auto& d : defs()) v.push_back(d.o);
    return v;
  }();
  return list;
}

int outcomeIndex(const std::string& name) {
  const auto& list = frontierOutcomes();
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i].name == name) return static_cast<int>(i);
  return -1;
}

std::string outcomeNames() {
  std::string s;
  for (const auto& o : frontierOutcomes()) s += (s.empty() ? "" : ", ") + o.name;
  return s;
}

std::vector<std::vector<std::vector<double>>> runOutcomes(const Simulation& sim) {
  const auto& table = defs();
  std::vector<std::string> cols = weekRowColumns();
  auto column = [&](const std::string& c) {
    return static_cast<size_t>(std::find(cols.begin(), cols.end(), c) - cols.begin());
  };
  // Whole-run sums of every weekly column, per regime x group, added in week order.
  const int nr = sim.regimeCount();
  std::vector<std::vector<std::vector<double>>> sums(
      static_cast<size_t>(nr), std::vector<std::vector<double>>(3, std::vector<double>(cols.size(), 0.0)));
  for (const WeekRow& row : sim.rows()) {
    std::vector<double> v = weekRowValues(row);
    auto& s = sums[static_cast<size_t>(row.regime)][static_cast<size_t>(row.group)];
    for (size_t i = 0; i < v.size(); ++i) s[i] += v[i];
  }
  std::vector<RegimeSummary> summary = sim.summary();
  std::vector<std::vector<std::vector<double>>> out(static_cast<size_t>(nr),
                                                    std::vector<std::vector<double>>(3));
  for (size_t r = 0; r < static_cast<size_t>(nr); ++r)
    for (size_t g = 0; g < 3; ++g) {
      auto& o = out[r][g];
      for (const auto& d : table) {
        switch (d.source) {
          case Source::Summary:
            o.push_back(d.of_summary(summary[r].group[g]));
            break;
          case Source::WeekSum:
            o.push_back(sums[r][g][column(d.column)]);
            break;
          case Source::Ratio: {
            double den = sums[r][g][column(d.column2)];
            o.push_back(den > 0 ? sums[r][g][column(d.column)] / den : kNaN);
            break;
          }
        }
      }
    }
  return out;
}

namespace {

// Continued fraction for the regularised incomplete beta function (modified Lentz).
double betaContinuedFraction(double a, double b, double x) {
  const double tiny = 1e-300;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 500; ++m) {
    double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 + aa * d;
    c = 1.0 + aa / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 + aa * d;
    c = 1.0 + aa / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < 1e-15) break;
  }
  return h;
}

// I_x(a, b), the regularised incomplete beta function; y = 1 - x is passed in so that
// x close to 1 keeps its precision.
double incompleteBeta(double a, double b, double x, double y) {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log(y));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * betaContinuedFraction(a, b, x) / a;
  return 1.0 - front * betaContinuedFraction(b, a, y) / b;
}

// P(T <= t) for Student's t with df degrees of freedom: the tail is I_x(df/2, 1/2) / 2
// with x = df / (df + t^2).
double studentTCdf(double t, int df) {
  double tail = 0.5 * incompleteBeta(df / 2.0, 0.5, df / (df + t * t), t * t / (df + t * t));
  return t >= 0 ? 1.0 - tail : tail;
}

}  // namespace

double studentTQuantile(double p, int df) {
  if (!(p > 0 && p < 1) || df < 1) return kNaN;
  // Bisection: a fixed number of halvings, so the result is the same on every call.
  double lo = -1e4, hi = 1e4;
  for (int i = 0; i < 200 && hi - lo > 1e-13; ++i) {
    double mid = 0.5 * (lo + hi);
    (studentTCdf(mid, df) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Estimate estimate(const std::vector<double>& samples) {
  double sum = 0;
  int n = 0;
  for (double x : samples)
    if (std::isfinite(x)) sum += x, ++n;
  Estimate e{kNaN, kNaN, kNaN, kNaN, n};
  if (n == 0) return e;
  e.mean = sum / n;
  if (n < 2) return e;
  double ss = 0;
  for (double x : samples)
    if (std::isfinite(x)) ss += (x - e.mean) * (x - e.mean);
  e.sd = std::sqrt(ss / (n - 1));
  double half = studentTQuantile(0.975, n - 1) * e.sd / std::sqrt(static_cast<double>(n));
  e.low = e.mean - half;
  e.high = e.mean + half;
  return e;
}

std::vector<FrontierRow> frontier(const std::vector<RunResult>& runs) {
  const size_t no = frontierOutcomes().size();
  struct Cell {
    FrontierRow row;
    std::vector<std::vector<double>> samples;
  };
  std::vector<Cell> cells;
  std::map<std::vector<std::string>, size_t> index;
  for (const RunResult& r : runs) {
    auto it = index.find({r.value, r.value2, r.regime, r.group});
    if (it == index.end()) {
      it = index.emplace(std::vector<std::string>{r.value, r.value2, r.regime, r.group}, cells.size()).first;
      Cell c;
      c.row.value = r.value;
      c.row.value2 = r.value2;
      c.row.regime = r.regime;
      c.row.group = r.group;
      c.samples.resize(no);
      cells.push_back(std::move(c));
    }
    Cell& c = cells[it->second];
    ++c.row.runs;
    for (size_t m = 0; m < no && m < r.outcomes.size(); ++m) c.samples[m].push_back(r.outcomes[m]);
  }
  std::vector<FrontierRow> out;
  for (Cell& c : cells) {
    for (const auto& s : c.samples) c.row.outcomes.push_back(estimate(s));
    out.push_back(std::move(c.row));
  }
  return out;
}

std::string frontierCsv(const std::vector<FrontierRow>& rows, const std::string& param,
                        const std::string& param2) {
  std::string out = "param,value,param2,value2,regime,group,runs";
  for (const auto& o : frontierOutcomes())
    out += "," + o.name + "_mean," + o.name + "_sd," + o.name + "_ci95_low," + o.name + "_ci95_high," +
           o.name + "_n";
  out += "\n";
  for (const FrontierRow& r : rows) {
    out += csvField(param) + "," + csvField(r.value) + "," + csvField(param2) + "," + csvField(r.value2) +
           "," + csvField(r.regime) + "," + csvField(r.group) + "," + std::to_string(r.runs);
    for (const Estimate& e : r.outcomes)
      out += "," + formatNumber(e.mean) + "," + formatNumber(e.sd) + "," + formatNumber(e.low) + "," +
             formatNumber(e.high) + "," + std::to_string(e.n);
    out += "\n";
  }
  return out;
}

}  // namespace tl
