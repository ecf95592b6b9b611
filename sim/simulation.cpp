// simulation.cpp: runs the week (named phases), merges chunk results in a fixed
// order, and keeps the time series and run totals the front ends read.
#include "sim/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>
#include <thread>

#include "sim/model_internal.hpp"
#include "sim/thread_pool.hpp"

namespace tl {

namespace {
constexpr uint32_t kChunk = 4096;  // citizens per job: fixed, so results do not depend on threads

// Rows and tallies merge field by field (the metric table), and their confusion matrices.
void addCounts(WeekRow& row, const MetricCounts& counts, const Confusion& confusion) {
  row += counts;
  row.confusion += confusion;
}
}  // namespace

struct Simulation::Impl {
  Scenario scenario;
  SimOptions options;
  Rng rng;
  Traits traits;
  ParamValues world;
  std::vector<ParamValues> params;
  std::vector<RegimeState> regimes;
  std::vector<ChunkOut> chunks;
  std::unique_ptr<ThreadPool> pool;
  std::vector<WeekRow> rows;
  std::vector<Event> events;
  // Run totals per regime x group(A, B) for the summary.
  std::vector<Funnel> funnel;
  std::vector<std::vector<double>> corrections;
  int week = 0;
  PhaseTimes times;

  explicit Impl(const Scenario& sc, SimOptions opt)
      : scenario(sc), options(opt), rng(sc.seed()), world(sc.world) {
    if (sc.regimes.empty() || sc.regimes.size() > static_cast<size_t>(kMaxRegimes))
      throw std::invalid_argument("a run holds 1 to " + std::to_string(kMaxRegimes) + " regimes");
    size_t n = sc.population();
    traits = makeTraits(world, rng, n);
    for (const auto& r : sc.regimes) params.push_back(r.values);
    regimes.resize(params.size());
    for (size_t r = 0; r < params.size(); ++r) initRegime(regimes[r], traits, world, params[r], rng);
    int threads =
        opt.threads > 0 ? opt.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    pool = std::make_unique<ThreadPool>(threads);
    chunks.resize((n + kChunk - 1) / kChunk);
    funnel.assign(params.size() * 2, Funnel{});
    corrections.assign(params.size() * 2, {});
  }

  WorldWeek worldWeek() const {
    WorldWeek ww{};
    ww.p = &world;
    ww.week = week;
    ww.deterrence = world.flag(P::behaviour_deterrence);
    ww.chilling = world.flag(P::behaviour_chilling);
    ww.gaming = world.flag(P::behaviour_gaming);
    ww.trust = world.flag(P::behaviour_trust);
    ww.poverty = world.flag(P::behaviour_poverty_feedback);
    ww.trust_initial = world[P::behaviour_trust_initial];
    ww.fast_path = options.fast_path;
    return ww;
  }

  void step() {
    using clock = std::chrono::steady_clock;
    const int nr = static_cast<int>(regimes.size());
    const size_t n = traits.size();
    WorldWeek ww = worldWeek();
    std::vector<RegimeWeek> rw;
    for (int r = 0; r < nr; ++r) rw.push_back(makeRegimeWeek(params[static_cast<size_t>(r)], world, r, week));

    // Phase 1: reviewers decide appeals filed in earlier weeks.
    auto t0 = clock::now();
    std::vector<AppealTally> appeals(static_cast<size_t>(nr));
    for (int r = 0; r < nr; ++r)
      decideAppeals(traits, regimes[static_cast<size_t>(r)], rw[static_cast<size_t>(r)], ww, rng, n,
                    options.log_events, events, appeals[static_cast<size_t>(r)]);

    // Phase 2: life and stages for every citizen, in fixed chunks.
    auto t1 = clock::now();
    pool->forEach(chunks.size(), [&](size_t k) {
      ChunkOut& out = chunks[k];
      out.reset(nr);
      auto begin = static_cast<uint32_t>(k * kChunk);
      auto end = static_cast<uint32_t>(std::min<size_t>(n, (k + 1) * kChunk));
      citizenWeek(traits, regimes, rw, ww, rng, begin, end, options.log_events, out);
    });

    // Phase 3: merge in chunk order (deterministic), queue new appeals, append rows.
    auto t2 = clock::now();
    for (int r = 0; r < nr; ++r) {
      WeekRow g[3] = {};
      for (auto& chunk : chunks) {
        for (int gi = 0; gi < 2; ++gi) {
          const Tally& t = chunk.tally[static_cast<size_t>(r * 2 + gi)];
          addCounts(g[gi], t, t.confusion);
          Funnel& fu = funnel[static_cast<size_t>(r * 2 + gi)];
          fu.wronged += t.funnel.wronged;
          fu.aware += t.funnel.aware;
          fu.appealed += t.funnel.appealed;
        }
        auto& q = regimes[static_cast<size_t>(r)].queue;
        for (uint32_t c : chunk.filed[static_cast<size_t>(r)]) q.push_back(c);
      }
      const AppealTally& at = appeals[static_cast<size_t>(r)];
      for (int gi = 0; gi < 2; ++gi) {
        g[gi].appeals_decided = at.decided[gi];
        g[gi].appeals_overturned = at.overturned[gi];
        g[gi].listed_removed += at.removed[gi];
        Funnel& fu = funnel[static_cast<size_t>(r * 2 + gi)];
        fu.decided += at.funnel_decided[gi];
        fu.overturned += at.funnel_overturned[gi];
        auto& cw = corrections[static_cast<size_t>(r * 2 + gi)];
        cw.insert(cw.end(), at.correction_weeks[gi].begin(), at.correction_weeks[gi].end());
      }
      // The backlog is the whole queue; attribute it to groups by who is waiting.
      for (uint32_t c : regimes[static_cast<size_t>(r)].queue)
        g[(traits.bits[c] & kGroupB) ? 1 : 0].appeal_backlog += 1;
      g[2] = WeekRow{};
      addCounts(g[2], g[0], g[0].confusion);
      addCounts(g[2], g[1], g[1].confusion);
      for (int gi = 0; gi < 3; ++gi) {
        g[gi].week = week;
        g[gi].regime = r;
        g[gi].group = gi;
        rows.push_back(g[gi]);
      }
    }
    if (options.log_events)
      for (auto& chunk : chunks) events.insert(events.end(), chunk.events.begin(), chunk.events.end());
    auto t3 = clock::now();
    times.appeals += std::chrono::duration<double>(t1 - t0).count();
    times.life_and_assessment += std::chrono::duration<double>(t2 - t1).count();
    times.bookkeeping += std::chrono::duration<double>(t3 - t2).count();
    ++week;
  }
};

Simulation::Simulation(const Scenario& scenario, SimOptions options)
    : impl_(std::make_unique<Impl>(scenario, options)) {}
Simulation::~Simulation() = default;

void Simulation::step() { impl_->step(); }
void Simulation::run(int weeks) {
  for (int i = 0; i < weeks; ++i) impl_->step();
}
int Simulation::week() const { return impl_->week; }
int Simulation::threads() const { return impl_->pool->size(); }
const Scenario& Simulation::scenario() const { return impl_->scenario; }
int Simulation::regimeCount() const { return static_cast<int>(impl_->regimes.size()); }
size_t Simulation::population() const { return impl_->traits.size(); }

const CitizenTraits& Simulation::traits(uint32_t c) const {
  thread_local CitizenTraits t;
  const Traits& tr = impl_->traits;
  uint8_t b = tr.bits.at(c);
  t = CitizenTraits{c,
                    (b & kGroupB) ? Group::B : Group::A,
                    (b & kRural) != 0,
                    (b & kDigital) != 0,
                    (b & kHarmProne) != 0,
                    tr.resources0[c],
                    tr.reliability[c],
                    tr.prosociality[c]};
  return t;
}

void Simulation::setRegimeParam(int r, P id, double value) {
  if (decl(id).scope != Scope::Regime) throw std::invalid_argument("not a regime parameter");
  auto& pv = impl_->params.at(static_cast<size_t>(r));
  pv[id] = value;
  if (id == P::enrolment_mode && static_cast<int>(value) == static_cast<int>(EnrolmentMode::Mandatory))
    for (auto& f : impl_->regimes[static_cast<size_t>(r)].flags) f |= kEnrolled;
}
void Simulation::setWorldParam(P id, double value) {
  if (decl(id).scope != Scope::World) throw std::invalid_argument("not a world parameter");
  impl_->world[id] = value;
  // Quiet citizens are those at the resting trust level: a new level wakes everyone up.
  if (id == P::behaviour_trust_initial)
    for (auto& r : impl_->regimes)
      for (auto& f : r.flags) f |= kDirty;
}
const ParamValues& Simulation::regimeParams(int r) const { return impl_->params.at(static_cast<size_t>(r)); }
const ParamValues& Simulation::worldParams() const { return impl_->world; }

void Simulation::views(int r, uint8_t* out) const {
  RegimeWeek rw = makeRegimeWeek(impl_->params.at(static_cast<size_t>(r)), impl_->world, r, impl_->week);
  const RegimeState& s = impl_->regimes[static_cast<size_t>(r)];
  for (size_t c = 0; c < s.flags.size(); ++c)
    out[c] = static_cast<uint8_t>(viewOf(rw, s, static_cast<uint32_t>(c)));
}

CitizenSnapshot Simulation::snapshot(int r, uint32_t c) const {
  const ParamValues& p = impl_->params.at(static_cast<size_t>(r));
  RegimeWeek rw = makeRegimeWeek(p, impl_->world, r, impl_->week);
  const RegimeState& s = impl_->regimes[static_cast<size_t>(r)];
  uint32_t f = s.flags.at(c);
  CitizenSnapshot x{};
  x.view = viewOf(rw, s, c);
  x.enrolled = f & kEnrolled;
  x.target = isTarget(rw, impl_->traits, f, c);
  x.sanctioned = f & kSanctioned;
  x.flagged = f & kAdverse;
  x.listed = (f & kAdverse) && (f & kConfirmed);
  x.benefited = f & kBenefited;
  x.aware = f & kAware;
  x.appeal_pending = f & kAppealPending;
  x.detained = f & kDetained;
  x.judgement_outstanding = f & kJudgement;
  x.judgement_wilful = f & kWilful;
  x.record_judgement = f & kRecJudgement;
  x.record_erroneous = (f & (kRecErroneous | kErrMinor)) != 0;
  x.score = (rw.kind == AssessmentKind::Score && (f & kEnrolled)) ? scoreOf(p, s, c) : -1;
  x.resources = s.resources[c];
  x.trust = static_cast<float>(s.trust[c] / 65535.0);
  x.rec_infractions = s.rec_infractions[c];
  x.rec_protected = s.rec_protected[c];
  x.rec_proxy = s.rec_proxy[c];
  x.rec_prosocial = s.rec_prosocial[c];
  x.wrongful_weeks = s.wrongful_weeks[c];
  return x;
}

const std::vector<WeekRow>& Simulation::rows() const { return impl_->rows; }
const std::vector<Event>& Simulation::events() const { return impl_->events; }

std::vector<Event> Simulation::eventsOf(uint32_t citizen) const {
  std::vector<Event> out;
  for (const Event& e : impl_->events)
    if (e.citizen == citizen) out.push_back(e);
  return out;
}

std::vector<RegimeSummary> Simulation::summary() const {
  const Impl& m = *impl_;
  std::vector<RegimeSummary> out;
  const char* targets[] = {"wilful_defaulter", "harm_prone", "reliable", "none"};
  for (size_t r = 0; r < m.regimes.size(); ++r) {
    RegimeSummary rs;
    rs.name = m.scenario.regimes[r].name;
    rs.preset = m.scenario.regimes[r].preset;
    rs.target = targets[std::min(3, m.params[r].i(P::target_kind))];
    for (const WeekRow& row : m.rows) {
      if (row.regime != static_cast<int>(r)) continue;
      GroupSummary& gs = rs.group[row.group];
      gs.confusion += row.confusion;
      gs.wrongful_sanction_weeks += row.wrongly_sanctioned;
      gs.totals += row;
      gs.last = row;
    }
    std::vector<double> all;
    for (int g = 0; g < 3; ++g) {
      GroupSummary& gs = rs.group[g];
      std::vector<double> cw;
      if (g < 2) {
        gs.funnel = m.funnel[r * 2 + static_cast<size_t>(g)];
        cw = m.corrections[r * 2 + static_cast<size_t>(g)];
        all.insert(all.end(), cw.begin(), cw.end());
      } else {
        const Funnel& a = m.funnel[r * 2];
        const Funnel& b = m.funnel[r * 2 + 1];
        gs.funnel = Funnel{a.wronged + b.wronged, a.aware + b.aware, a.appealed + b.appealed,
                           a.decided + b.decided, a.overturned + b.overturned};
        cw = all;
      }
      gs.corrections = static_cast<double>(cw.size());
      gs.median_weeks_to_correction = medianOf(cw);
      gs.rates = rates(gs.confusion);
    }
    double di = disparateImpact(rs.group[1].rates.selection_rate, rs.group[0].rates.selection_rate);
    for (auto& gs : rs.group) {
      gs.sanction_rate = gs.totals.population > 0 ? gs.totals.sanctioned / gs.totals.population : NAN;
      gs.benefit_rate = gs.totals.population > 0 ? gs.totals.benefited / gs.totals.population : NAN;
    }
    const double sr = disparateImpact(rs.group[1].sanction_rate, rs.group[0].sanction_rate);
    const double br = disparateImpact(rs.group[1].benefit_rate, rs.group[0].benefit_rate);
    for (auto& gs : rs.group) {
      gs.disparate_impact = di;
      gs.sanction_ratio = sr;
      gs.benefit_ratio = br;
    }
    out.push_back(rs);
  }
  return out;
}

uint64_t Simulation::stateHash() const {
  uint64_t h = 1469598103934665603ULL;
  auto feed = [&](const void* data, size_t bytes) {
    auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < bytes; ++i) h = (h ^ p[i]) * 1099511628211ULL;
  };
  for (const RegimeState& s : impl_->regimes) s.hash(feed);
  for (const WeekRow& r : impl_->rows) {
    auto vals = weekRowValues(r);
    feed(vals.data(), vals.size() * sizeof(double));
  }
  return h;
}

size_t Simulation::bytesPerCitizenPerRegime() { return RegimeState::bytesPerCitizen(); }
size_t Simulation::bytesPerCitizenShared() { return sizeof(uint8_t) + 3 * sizeof(float) + sizeof(uint32_t); }
Simulation::PhaseTimes Simulation::phaseTimes() const { return impl_->times; }

}  // namespace tl
