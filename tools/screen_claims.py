#!/usr/bin/env python3
"""screen_claims.py: does the screen show, in numbers, the contrast each lesson step claims?

For every claim (`expect`) of every lesson step of a scenario, it reads the layout report the app
wrote after replaying steps 1..N (tools/lesson_screenshots.sh: OUT/<name>_step<N>_<size>.json),
finds the outcome tile(s) that hold the claim's two sides (the pane, the group, the grey "w/o"
row of the run without the step, another output's tile), parses the numbers shown on them and
computes the claim's effect from those numbers: a ratio or a difference, and whether the claim's
direction and bound hold on screen. It prints one line per claim and size:

  SCENARIO step N SIZE | says | ON SCREEN yes/no (why) | numbers | screen effect | check-lessons
  effect for the scenario's seed | HOLDS ON SCREEN yes/no

A tile is read as gui/outcome_tiles.cpp computes it: a lesson step whose claims read the step's
weeks counts the tiles since the step began (a state, e.g. people wrongly sanctioned, as its mean
over those weeks, also from week 0; a flow, e.g. harm, summed; a state its claims read only at the
step's end shows that week), otherwise since the start (a state at the latest week, a flow summed
from week 0), as main has it since 694627f and 769e5d4. A side is on
screen only when a tile counts the same weeks the claim reads. A claim whose other side is
another window (`vs: {"window": ...}`) is "not comparable on tiles" (reported, not hidden).

The screen replays the scenario's own seed, so its effect equals `trustlab-cli check-lessons
SCENARIO --seeds 1` up to the tiles' rounding; a screen effect outside that rounding is flagged.

Usage: python3 tools/screen_claims.py [--shots DIR] [--sizes 1920x1080,1280x800p] [--make]
           [--cli build/cli/trustlab-cli | --no-cli] [--markdown FILE] [--strict] SCENARIO.json...
  --shots DIR   where the layout reports are (default lesson-shots/, tools/lesson_screenshots.sh's)
  --sizes       which pictures (1280x800p = 1280x800 in presenter mode), in this order
  --make        run the app (env TRUSTLAB_APP, default build/gui/trustlab; needs xvfb-run) for
                each missing report, one at a time, as tools/lesson_screenshots.sh does
  --markdown    also write the results as a Markdown table to FILE
  --strict      exit 1 also when a claim's contrast is not on screen (not only when contradicted)
  --self-test   check the reading on made-up reports
Exit status: 0 ok; 1 a claim shown on screen is contradicted there (--strict: or not shown,
or its screen effect differs from check-lessons beyond rounding); 2 bad input or a report missing.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MINUS = "\u2212"

# ---------------------------------------------------------------- what the outputs are


def metric_kinds():
    """Output name -> how a claim aggregates it (io/claim_metrics.cpp), from sim/metrics.def."""
    kinds = {}
    with open(os.path.join(ROOT, "sim", "metrics.def"), encoding="utf-8") as f:
        text = f.read()
    # COUNT(ID, state|event, ...): the column ID; MEAN(ID, "column", ...): a weekly mean.
    for m in re.finditer(r"^\s*COUNT\((\w+),\s*(\w+)", text, re.M):
        kinds[m.group(1)] = "flow" if m.group(2) == "event" else "state"
    for m in re.finditer(r"^\s*MEAN\(\w+,\s*\"(\w+)\"", text, re.M):
        kinds[m.group(1)] = "level"
    for r in ("fpr", "fnr", "ppv", "npv", "base_rate", "selection_rate", "accuracy"):
        kinds[r] = "rate"
    for r in ("sanction_rate", "benefit_rate", "disparate_impact", "sanction_ratio", "benefit_ratio"):
        kinds[r] = "rate"
    kinds["wrongful_sanction_weeks"] = "flow"
    for e in ("wronged", "aware", "appealed", "decided", "overturned", "corrections"):
        kinds[e] = "episode"
    kinds["median_weeks_to_correction"] = "median"
    return kinds


KINDS = metric_kinds()

# The fixed tiles (gui/outcome_tiles.cpp kTiles): output name -> (tile name, which number of "a / b").
FIXED_TILES = {
    "appeals_overturned": ("appeals_overturned", 0),
    "appeals_decided": ("appeals_overturned", 1),
}


def tile_kind(metric):
    """How the tile of `metric` counts: state/level (a week's value or the mean since), a window
    sum or rate (since the start or the change), median (always the whole run)."""
    k = KINDS.get(metric, "flow")
    if k in ("state", "level"):
        return "state"
    if k == "median":
        return "median"
    return "window"


def per_capita_kind_ok(metric):
    """Whether a tile of `metric` can show its figure per member (outcome_tiles.cpp)."""
    if metric in FIXED_TILES:
        return False
    return KINDS.get(metric, "flow") in ("state", "flow", "episode")


# ---------------------------------------------------------------- the lesson as the app plays it


def timeline(sc):
    """[begin, end) of each step (io/lesson_replay.cpp lessonTimeline, clipped to the run)."""
    weeks = int(sc.get("weeks", 520))
    out, week = [], 0
    for st in sc.get("lesson", []):
        keys = (st.get("set") or {}).keys()
        if any(k.startswith("population.") or k in ("seed", "weeks") for k in keys):
            week = 0
        end = min(weeks, week + int(st.get("run_weeks", 0)))
        out.append((min(week, end), end))
        week = end
    return out


def counts_over_step(st):
    """gui/lesson_panel.cpp countsOverStep: the tiles count since the step began."""
    ex = st.get("expect") or []
    if not ex:
        return bool(st.get("set"))
    for e in ex:
        w = e.get("window", "step")
        vs = e["vs"]
        if w == "step" or (isinstance(vs, dict) and vs.get("window", w) == "step"):
            return True
    return False


def group_index(sc, g):
    labels = sc.get("group_labels", ["A", "B"])
    if g is None or g == "all":
        return 2
    if g in ("A", labels[0]):
        return 0
    if g in ("B", labels[1]):
        return 1
    raise ValueError(f"unknown group {g!r}")


def sides(sc, e):
    """The claim's side and other side: dicts of metric, regime, group (0, 1, 2 = all), window;
    other is None for a constant, 'without_step' for the run without the step."""
    side = {
        "metric": e["metric"],
        "regime": int(e.get("regime", 0)),
        "group": group_index(sc, e.get("group", "all")),
        "window": e.get("window", "step"),
        "ghost": False,
        "then": None,
    }
    vs = e["vs"]
    if isinstance(vs, (int, float)):
        return side, None, float(vs)
    if vs == "without_step":
        return side, dict(side, ghost=True), None
    other = dict(side)
    for k in ("metric", "regime", "window"):
        if k in vs:
            other[k] = vs[k] if k != "regime" else int(vs[k])
    if "group" in vs:
        other["group"] = group_index(sc, vs["group"])
    # The same output of the same pane and group at one earlier week: the tiles' row "then", labelled
    # with the weeks run ("sanctioned at week 208" for week 207), as gui/lesson_panel.cpp currentEarlier.
    w = other["window"]
    if (isinstance(w, dict) and "week" in w and all(other[k] == side[k] for k in ("metric", "regime", "group"))):
        other["then"] = int(w["week"]) + 1
    return side, other, None


def per_capita_tiles(sc, st):
    """gui/lesson_panel.cpp currentPerCapita: the outputs whose tiles show a figure per member."""
    yes, no, linked = set(), set(), []
    for e in st.get("expect") or []:
        side, other, _ = sides(sc, e)
        is_side = other is not None and not other["ghost"]
        if e.get("per_capita"):
            yes.add(side["metric"])
            if is_side:
                yes.add(other["metric"])
            continue
        ratio_in_group = e.get("effect", "difference") == "ratio" and (
            e["vs"] == "without_step" or (is_side and other["group"] == side["group"])
        )
        if ratio_in_group:
            if is_side and other["metric"] != side["metric"]:
                linked.append((side["metric"], other["metric"]))
            continue
        no.add(side["metric"])
        if is_side:
            no.add(other["metric"])

    def spread(s):
        grew = True
        while grew:
            grew = False
            for a, b in linked:
                for x, y in ((a, b), (b, a)):
                    if x in s and y not in s:
                        s.add(y)
                        grew = True

    spread(no)
    yes -= no
    spread(yes)
    return {m for m in yes if per_capita_kind_ok(m)}


def window_weeks(w, span):
    """A claim's window as the weeks [from, to] it reads."""
    begin, end = span
    if w == "step":
        return (begin, end - 1)
    if w == "run":
        return (0, end - 1)
    if w == "end":
        return (end - 1, end - 1)
    if isinstance(w, dict) and "week" in w:
        return (int(w["week"]), int(w["week"]))
    if isinstance(w, dict) and "weeks" in w:
        return (int(w["weeks"][0]), int(w["weeks"][1]))
    raise ValueError(f"unknown window {w!r}")


def at_end(sc, st):
    """gui/lesson_panel.cpp currentAtEnd: outputs the step's claims read only at its end."""
    end, over = set(), set()
    for e in st.get("expect") or []:
        side, other, _ = sides(sc, e)
        # The other side of a comparison with an earlier week is the row "then", not the pane's tile.
        for c in (side, other if other is not None and not other["ghost"] and other["then"] is None else None):
            if c:
                (end if c["window"] == "end" else over).add(c["metric"])
    return end - over


def tile_weeks(metric, since, last, now=False):
    """The weeks a tile reads (gui/outcome_tiles.cpp countValue / claimValueNow): since = the week
    the step's window starts, or -1 when the tiles count since the start (a state shows its week
    now); `now`: a state the step's claims read at its end shows its week now."""
    k = tile_kind(metric)
    if k == "median":
        return (0, last)
    if k == "state" and (since < 0 or now):
        return (last, last)
    return (max(0, since), last)


def weeks_text(w, metric):
    a, b = w
    if a == b:
        return f"week {a}"
    how = "mean of" if tile_kind(metric) == "state" else "weeks"
    return f"{how} weeks {a}-{b}" if how == "mean of" else f"weeks {a}-{b}"


# ---------------------------------------------------------------- numbers on screen


class Shown:
    """A number as shown on a tile, with the half unit of its last digit (its rounding)."""

    def __init__(self, text):
        self.text = text
        t = text.strip().replace(MINUS, "-").replace(",", "")
        self.value = None
        self.half = 0.0
        if t in ("n/a", "\u2026", "") or t.endswith("+"):
            return
        pct = t.endswith("%")
        if pct:
            t = t[:-1]
        try:
            v = float(t)
        except ValueError:
            return
        dec = len(t.split(".")[1]) if "." in t else 0
        half = 0.5 * 10 ** -dec
        self.value, self.half = (v / 100, half / 100) if pct else (v, half)


def tile_number(tile, group, part):
    """The number of `tile` for group (0, 1 = the by-group lines, 2 = all) and part of "a / b"."""
    texts = tile["shown"].split(" | ")
    if tile["by_group"] and tile["metric"].endswith(" (all)") and group == 2:
        text = texts[0]  # by group, the line "all" a claim about all citizens adds
    elif tile["by_group"]:
        if group == 2 or len(texts) != 2:
            return None, "the tile shows groups only, not all"
        text = texts[group]
    else:
        if group != 2:
            return None, "the tile shows all citizens, not by group"
        text = texts[0]
    if " / " in text:
        text = text.split(" / ")[part]
    n = Shown(text)
    if n.value is None:
        return None, f"the tile shows {text!r}"
    return n, ""


def find_tile(report, side):
    """The tile holding `side` (and which number of "a / b"), or None."""
    metric = side["metric"]
    name, part = metric, 0
    names = [metric]
    if metric in FIXED_TILES:
        names.append(FIXED_TILES[metric][0])
    for n in names:
        want = n + (" without the step" if side["ghost"] else "")
        if side.get("then") is not None:
            want += f" at week {side['then']}"
        # By group, a claim about all citizens reads the tile's line "all" ("ppv (all)").
        wants = [want + " (all)", want] if side["group"] == 2 else [want]
        for t in sorted(report["tiles"], key=lambda t: t["metric"] != wants[0]):
            if t["metric"] not in wants:
                continue
            if t["pane"] == side["regime"]:
                part = FIXED_TILES[metric][1] if n != metric else 0
                return t, part
    return None, 0


def in_view(report, tile):
    """The tile lies inside the window and its panel."""
    W, H = report["window"]["w"], report["window"]["h"]
    if tile["x"] < -0.5 or tile["y"] < -0.5 or tile["x"] + tile["w"] > W + 0.5 or tile["y"] + tile["h"] > H + 0.5:
        return False
    for p in report["panels"]:
        if p["name"] == "outcomes":
            return tile["y"] + tile["h"] <= p["y"] + p["h"] + 0.5
    return True


# ---------------------------------------------------------------- the claim on screen


def effect_of(a, b, kind):
    if kind == "ratio":
        return a / b if b != 0 else None
    return a - b


def holds(eff, e):
    by = float(e["by"])
    d = e["direction"]
    if eff is None or (isinstance(eff, float) and math.isnan(eff)):
        return False
    if e.get("effect", "difference") == "ratio":
        return eff >= by if d == "higher" else eff <= by if d == "lower" else 1 / by <= eff <= by
    return eff >= by if d == "higher" else eff <= -by if d == "lower" else abs(eff) <= by


def effect_range(a, b, kind):
    """The effect's range over the rounding of both numbers (b may be a constant)."""
    vals = []
    for x in (a.value - a.half, a.value + a.half):
        for y in ((b.value - b.half, b.value + b.half) if isinstance(b, Shown) else (b,)):
            v = effect_of(x, y, kind)
            if v is not None:
                vals.append(v)
    return (min(vals), max(vals)) if vals else None


def fmt(v):
    if v is None:
        return "n/a"
    if v == 0 or abs(v) >= 100:
        return f"{v:.0f}"
    return f"{v:.4g}"


def check_claim(sc, st, span, e, report, pc_tiles):
    """One claim on one picture: a dict of what is on screen."""
    out = {"status": "shown", "why": "", "numbers": "", "effect": None, "holds": None, "range": None}
    side, other, const = sides(sc, e)
    kind = e.get("effect", "difference")
    begin, end = span
    last = end - 1
    since = begin if counts_over_step(st) else -1
    ends = at_end(sc, st)
    if other is not None and not other["ghost"] and other["then"] is None and "window" in e["vs"]:
        ow = window_weeks(other["window"], span)
        out.update(status="not comparable", why=f"vs another window ({weeks_text(ow, other['metric'])}): "
                   "one tile shows one window")
    numbers, got = [], []
    for s in [side] + ([other] if other is not None else []):
        where = f"pane {s['regime'] + 1}" + (" w/o" if s["ghost"] else "") + \
            (f" at week {s['then']}" if s.get("then") is not None else "")
        tile, part = find_tile(report, s)
        if tile is None:
            if out["status"] == "shown":
                out.update(status="not shown", why=f"no tile {s['metric']} in {where}")
            continue
        if not in_view(report, tile):
            if out["status"] == "shown":
                out.update(status="not shown", why=f"tile {s['metric']} of {where} is cut off")
            continue
        n, why = tile_number(tile, s["group"], part)
        gname = ["A", "B", "all"][s["group"]]
        label = f"{where} {s['metric']}" + (f" {gname}" if tile["by_group"] else "")
        if n is None:
            if out["status"] == "shown":
                out.update(status="not shown", why=f"{label}: {why}")
            groups = " (A | B)" if tile["by_group"] else ""
            numbers.append(f"{where} {s['metric']}{groups} {tile['shown']}")
            continue
        numbers.append(f"{label} {n.text}")
        tw = tile_weeks(s["metric"], since, last, s["metric"] in ends)
        if s.get("then") is not None:  # the row "then" shows the level at its week
            tw = (s["then"] - 1, s["then"] - 1)
        cw = window_weeks(s["window"], span)
        if tw != cw and out["status"] == "shown":
            out.update(status="not shown", why=f"{s['metric']}: the tile reads {weeks_text(tw, s['metric'])}, "
                       f"the claim {weeks_text(cw, s['metric'])}")
        tile_pc = s["metric"] in pc_tiles
        claim_pc = bool(e.get("per_capita"))
        if tile_pc != claim_pc:
            same_pop = kind == "ratio" and other is not None and other["group"] == side["group"]
            if not same_pop and out["status"] == "shown":
                out.update(status="not shown", why=f"{s['metric']}: the tile shows "
                           f"{'a share' if tile_pc else 'a count'}, the claim compares "
                           f"{'shares' if claim_pc else 'counts'}")
        got.append(n)
    out["numbers"] = ", ".join(numbers) + (f" vs {fmt(const)}" if const is not None else "")
    if const is not None and len(got) == 1:
        b = const
    elif len(got) == 2:
        b = got[1]
    else:
        if out["status"] == "shown":
            out.update(status="not shown", why="a side has no number on screen")
        return out
    a = got[0]
    eff = effect_of(a.value, b.value if isinstance(b, Shown) else b, kind)
    out["effect"] = eff
    out["range"] = effect_range(a, b, kind)
    out["holds"] = holds(eff, e)
    if eff is None:
        out["holds"] = False
        if out["status"] == "shown":
            out["why"] = "division by 0 on screen"
    return out


# ---------------------------------------------------------------- check-lessons for the seed


def cli_effects(cli, scenario):
    """{step: [effect of each claim]} from `check-lessons SCENARIO --seeds 1`, and the seed."""
    try:
        p = subprocess.run([cli, "check-lessons", scenario, "--seeds", "1"], capture_output=True, text=True,
                           timeout=600)
    except (OSError, subprocess.TimeoutExpired) as err:
        print(f"{scenario}: check-lessons could not run: {err}", file=sys.stderr)
        return {}, None
    effects, step, seed = {}, None, None
    for line in p.stdout.splitlines():
        m = re.match(r"\s+1 runs \(seeds (\d+)-", line)
        if m:
            seed = int(m.group(1))
        m = re.match(r"\s+(PASS|FAIL)\s+(step (\d+)|notes)\b", line)
        if m:
            step = int(m.group(3)) if m.group(3) else None
            continue
        m = re.search(r"\beffect (\S+) \u00b1", line)
        if m and step is not None:
            try:
                v = float(m.group(1))
            except ValueError:
                v = float("nan")
            effects.setdefault(step, []).append(v)
            step = None
    return effects, seed


# ---------------------------------------------------------------- running the app


def make_report(app, scenario, n, size, path):
    wh = size.rstrip("p")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {wh}x24", app, scenario, "--lesson-replay", str(n), "--size", wh]
    if size.endswith("p"):
        cmd.append("--presenter")
    cmd += ["--screenshot", path[:-5] + ".png", "--layout-report", path]
    with open(path[:-5] + ".log", "w") as log:
        return subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT).returncode == 0


# ---------------------------------------------------------------- main


def short(text, n=72):
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def cli_note(r, differs):
    """How the screen's effect compares with check-lessons' for the same seed."""
    if r["range"] is None:
        return ""
    if r["status"] == "shown":
        return " DIFFERS beyond rounding" if differs else ""
    # Not the claim's weeks, yet the same effect (a run that does not move over the step).
    return "" if differs else " (the tiles give the same effect here)"


def size_name(size):
    return size[:-1] + " presenter" if size.endswith("p") else size


def self_test():
    """Checks of the reading on made-up reports (python3 tools/screen_claims.py --self-test)."""
    fails = []

    def expect(what, got, want):
        if got != want:
            fails.append(f"{what}: got {got!r}, want {want!r}")

    n = Shown("\u22121,234")
    expect("minus and separators", (n.value, n.half), (-1234.0, 0.5))
    n = Shown("3.9%")
    expect("percent", (round(n.value, 6), round(n.half, 6)), (0.039, 0.0005))
    expect("n/a", Shown("n/a").value, None)
    expect("catching up", Shown("\u2026").value, None)
    ratio = {"effect": "ratio", "direction": "lower", "by": 0.9}
    expect("ratio lower holds", holds(0.9, ratio), True)
    expect("ratio lower fails", holds(0.91, ratio), False)
    expect("ratio same", holds(1.2, {"effect": "ratio", "direction": "same", "by": 1.15}), False)
    expect("difference lower", holds(-0.04, {"direction": "lower", "by": 0}), True)
    expect("difference higher", holds(-0.04, {"direction": "higher", "by": 0}), False)
    sc = {"weeks": 520, "group_labels": ["A", "B"], "lesson": []}
    claim = {"says": "x", "metric": "wrongly_sanctioned", "regime": 1, "vs": "without_step", "effect": "ratio",
             "direction": "lower", "by": 0.9}
    st = {"set": {"regimes[1].x": 1}, "run_weeks": 52, "expect": [claim]}

    def tile(pane, metric, shown, by_group=False):
        return {"pane": pane, "metric": metric, "shown": shown, "x": 10, "y": 10, "w": 50, "h": 20,
                "by_group": by_group}

    report = {"window": {"w": 100, "h": 100}, "panels": [],
              "tiles": [tile(1, "wrongly_sanctioned", "85"), tile(1, "wrongly_sanctioned without the step", "100")]}
    r = check_claim(sc, st, (52, 104), claim, report, set())
    expect("step claim on w/o row", (r["status"], round(r["effect"], 3), r["holds"]), ("shown", 0.85, True))
    report["tiles"][1]["shown"] = "90"
    r = check_claim(sc, st, (52, 104), claim, report, set())
    expect("contradicted", (r["status"], r["holds"]), ("shown", False))
    claim_end = dict(claim, window="run")  # the tiles count the step's weeks, the claim the run's
    r = check_claim(sc, dict(st, expect=[claim_end]), (52, 104), claim_end, report, set())
    expect("state tile over the step, claim over the run", r["status"], "not shown")
    report["tiles"] = [tile(1, "wrongly_sanctioned", "9 | 12", True)]
    r = check_claim(sc, st, (52, 104), claim, report, set())
    expect("all citizens, tiles by group", r["status"], "not shown")
    claim_b = dict(claim, group="B", vs={"group": "A"}, direction="higher", by=1.2)
    r = check_claim(sc, dict(st, expect=[claim_b]), (52, 104), claim_b, report, set())
    expect("group B vs A", (r["status"], round(r["effect"], 3), r["holds"]), ("shown", 1.333, True))
    claim_w = dict(claim, vs={"window": {"weeks": [10, 20]}})
    r = check_claim(sc, dict(st, expect=[claim_w]), (52, 104), claim_w, report, set())
    expect("vs another window", r["status"], "not comparable")
    claim_t = dict(claim, window="end", vs={"window": {"week": 10}}, direction="higher", by=1.2)
    st_t = dict(st, expect=[claim_t])
    report["tiles"] = [tile(1, "wrongly_sanctioned", "150"), tile(1, "wrongly_sanctioned at week 11", "100")]
    r = check_claim(sc, st_t, (52, 104), claim_t, report, set())
    expect("vs an earlier week, row then", (r["status"], round(r["effect"], 3), r["holds"]), ("shown", 1.5, True))
    report["tiles"] = [tile(1, "wrongly_sanctioned", "150")]
    r = check_claim(sc, st_t, (52, 104), claim_t, report, set())
    expect("vs an earlier week, no row then", r["status"], "not shown")
    for f in fails:
        print("FAIL", f)
    print(f"self-test: {len(fails)} failed")
    return 1 if fails else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("scenarios", nargs="+")
    ap.add_argument("--shots", default="lesson-shots")
    ap.add_argument("--sizes", default="1920x1080,1280x800p")
    ap.add_argument("--make", action="store_true")
    ap.add_argument("--cli", default=os.path.join("build", "cli", "trustlab-cli"))
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--markdown")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args()
    sizes = [s for s in args.sizes.split(",") if s]
    for s in sizes:
        if not re.fullmatch(r"\d+x\d+p?", s):
            print(f"--sizes: expected WxH or WxHp (presenter), got {s!r}", file=sys.stderr)
            return 2
    app = os.environ.get("TRUSTLAB_APP", os.path.join("build", "gui", "trustlab"))
    rows = []
    counts = {"claims": 0, "shown": 0, "holds": 0, "contradicted": 0, "not shown": 0, "not comparable": 0,
              "differs": 0}
    missing = 0
    for path in args.scenarios:
        try:
            with open(path, encoding="utf-8") as f:
                sc = json.load(f)
        except (OSError, ValueError) as err:
            print(f"{path}: {err}", file=sys.stderr)
            return 2
        name = os.path.splitext(os.path.basename(path))[0]
        steps = sc.get("lesson", [])
        spans = timeline(sc)
        cli, seed = ({}, None) if args.no_cli else cli_effects(args.cli, path)
        for size in sizes:
            for i, st in enumerate(steps):
                claims = st.get("expect") or []
                if not claims:
                    continue
                rp = os.path.join(args.shots, f"{name}_step{i + 1}_{size}.json")
                if not os.path.exists(rp) and args.make and not make_report(app, path, i + 1, size, rp):
                    print(f"{rp}: the app failed (see {rp[:-5]}.log)", file=sys.stderr)
                try:
                    with open(rp, encoding="utf-8") as f:
                        report = json.load(f)
                except (OSError, ValueError) as err:
                    print(f"{name} step {i + 1} {size_name(size)}: no layout report ({err}); make it with "
                          f"bash tools/lesson_screenshots.sh {args.shots} {path} (or --make)", file=sys.stderr)
                    missing += 1
                    continue
                pc_tiles = per_capita_tiles(sc, st)
                for k, e in enumerate(claims):
                    r = check_claim(sc, st, spans[i], e, report, pc_tiles)
                    ce = cli.get(i + 1, [])
                    cli_eff = ce[k] if k < len(ce) else None
                    differs = False
                    if cli_eff is not None and r["range"] is not None and not math.isnan(cli_eff):
                        lo, hi = r["range"]
                        # check-lessons prints 4 significant digits; a tile per citizen divides by the
                        # latest week's population, a claim by the mean over its weeks.
                        slack = 1e-9 + (0.002 * max(abs(lo), abs(hi)) if e.get("per_capita") else 0)
                        slack += 0.5 * 10 ** (math.floor(math.log10(abs(cli_eff))) - 3) if cli_eff else 0
                        differs = not (lo - slack <= cli_eff <= hi + slack)
                    counts["claims"] += 1
                    if r["status"] == "shown":
                        counts["shown"] += 1
                        counts["holds" if r["holds"] else "contradicted"] += 1
                        counts["differs"] += differs
                    else:
                        counts[r["status"]] += 1
                    rows.append((name, i + 1, size, e, r, cli_eff, differs, seed))
                    on = "yes" if r["status"] == "shown" else ("NOT COMPARABLE ON TILES" if r["status"] ==
                                                                 "not comparable" else "no")
                    hold = "n/a" if r["holds"] is None else ("yes" if r["holds"] else "NO")
                    if r["status"] != "shown" and r["holds"] is not None:
                        hold = f"({'yes' if r['holds'] else 'no'} as read)"
                    cli_text = "" if cli_eff is None else f"cli {fmt(cli_eff)}" + cli_note(r, differs)
                    print(f"{name} step {i + 1} {size_name(size)} | {short(e['says'])} | ON SCREEN {on}"
                          f"{': ' + r['why'] if r['why'] else ''} | {r['numbers']} | screen "
                          f"{e.get('effect', 'difference')} {fmt(r['effect'])} | {cli_text} | HOLDS ON SCREEN {hold}")
    print(f"{counts['claims']} claim pictures: {counts['shown']} on screen ({counts['holds']} hold on screen, "
          f"{counts['contradicted']} contradicted on screen, {counts['differs']} differ from check-lessons "
          f"beyond rounding); {counts['not shown']} not shown; {counts['not comparable']} not comparable on "
          f"tiles; {missing} layout reports missing")
    if args.markdown:
        write_markdown(args.markdown, rows)
    if missing:
        return 2
    bad = counts["contradicted"] + (counts["not shown"] + counts["differs"] if args.strict else 0)
    return 1 if bad else 0


def write_markdown(path, rows):
    lines = [
        "| scenario | step | size | claim | on screen | screen numbers | screen effect | check-lessons (seed) | holds on screen |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, step, size, e, r, cli_eff, differs, seed in rows:
        on = {"shown": "yes", "not shown": "**no**", "not comparable": "not comparable on tiles"}[r["status"]]
        if r["why"]:
            on += ": " + r["why"]
        hold = "" if r["holds"] is None else ("yes" if r["holds"] else "**NO**")
        if r["status"] != "shown" and r["holds"] is not None:
            hold = f"({'yes' if r['holds'] else 'no'} as read)"
        cli_text = "" if cli_eff is None else f"{fmt(cli_eff)} (seed {seed})" + cli_note(r, differs)
        cell = lambda s: str(s).replace("|", "\\|")
        lines.append(
            f"| {name} | {step} | {size_name(size)} | {cell(short(e['says'], 90))} | {cell(on)} | "
            f"{cell(r['numbers'])} | {e.get('effect', 'difference')} {fmt(r['effect'])} | {cli_text} | {hold} |")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
