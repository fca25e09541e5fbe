"""evaluation.md read literally, one series at a time in Python fractions.

The yardstick for the vectorised engine: the property test and bench/engine.py compare the
two row by row. Slow by design (a Python loop over every series and observation); never
called on real data except through `slow_verdict` for the rare near ties of `slow`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise
from typing import Any

import polars as pl

from healthaction.engine.model import (
    DEFAULT_OPTIONS,
    SCORE_COLUMNS,
    SERIES_COLUMNS,
    EvaluationInputs,
    EvaluationOptions,
)

MILLION = 10**6
UP = (">=", ">", "increase")
DOWN = ("<=", "<", "decrease", "slow")
NUMERIC = (">=", "<=", ">", "<", "=")


def exact(value: float) -> Fraction:
    """A float as the exact decimal at 10⁻⁶ it stands for."""
    return Fraction(int(Decimal(value * MILLION).to_integral_value(ROUND_HALF_UP)), MILLION)


def half_up(value: Fraction, digits: int) -> Fraction:
    scaled = abs(value) * 10**digits
    whole = int(scaled + Fraction(1, 2))
    return Fraction(whole if value >= 0 else -whole, 10**digits)


def slow_verdict(points: Sequence[tuple[int, int]], reference: int | None) -> str:
    """ACHIEVED / LAGGING / OFF_TRACK / NO_DATA for `slow` points (year, level in millionths).

    reference: the reference growth in millionths of a percent a year (5.3 % → 5_300_000).
    """
    if len(points) < (2 if reference is not None else 3) or any(level <= 0 for _, level in points):
        return "NO_DATA"
    steps = [(Fraction(b, a), t_b - t_a) for (t_a, a), (t_b, b) in pairwise(points)]

    def faster(one: tuple[Fraction, int], other: tuple[Fraction, int]) -> bool:
        # (q₁)^(1/n₁) > (q₂)^(1/n₂)  ⇔  q₁^n₂ > q₂^n₁ (all positive)
        return one[0] ** other[1] > other[0] ** one[1]

    last = steps[-1]
    if reference is None:
        slower = faster(steps[0], last)
    else:
        yearly = 1 + Fraction(reference, 100 * MILLION)
        slower = yearly > 0 and last[0] < yearly ** last[1]
    if not slower:
        return "OFF_TRACK"
    if any(faster(later, earlier) for earlier, later in pairwise(steps)):
        return "LAGGING"
    return "ACHIEVED"


@dataclass
class Series:
    region: str
    indicator: str
    milestones: list[tuple[int, str, Fraction | None]]
    observations: dict[int, Fraction] = field(default_factory=dict)
    baseline: tuple[int, Fraction] | None = None


def _polarities(targets: pl.DataFrame, indicators: pl.DataFrame | None) -> dict[str, int]:
    words: dict[str, set[str]] = defaultdict(set)
    for indicator, comparator in targets.select("indicator", "comparator").iter_rows():
        words[indicator].add(comparator)
    result = {}
    for indicator, comparators in words.items():
        up, down = bool(comparators & set(UP)), bool(comparators & set(DOWN))
        result[indicator] = 1 if up and not down else -1 if down and not up else 0
    if indicators is not None and "polarity" in indicators.columns:
        for indicator, polarity in indicators.select("indicator", "polarity").iter_rows():
            if polarity is not None:
                result[indicator] = polarity
    return result


def _parameter(indicators: pl.DataFrame | None, name: str, default: Any) -> dict[str, Any]:
    if indicators is None or name not in indicators.columns:
        return defaultdict(lambda: default)
    values = {i: v for i, v in indicators.select("indicator", name).iter_rows() if v is not None}
    return defaultdict(lambda: default, values)


def judge(
    series: Series, year: int, polarity: int, decimals: int, max_age: int, trajectory: str
) -> dict[str, Any]:
    """One series at t*: the OUT.csv row with exact fractions (score_fraction included)."""
    decimals = min(max(decimals, 0), 6)
    flags: set[str] = set()
    milestones = sorted(series.milestones, key=lambda m: m[0])
    later = [m for m in milestones if m[0] >= year]
    active = later[0] if later else milestones[-1]
    if not later:
        flags.add("deadline_passed")
    target_year, written, written_target = active
    reported = sorted((t, v) for t, v in series.observations.items() if t <= year)
    value_year, y = reported[-1] if reported else (None, None)
    if value_year is not None and year - value_year > max_age:
        value_year, y = None, None
    if value_year is not None and value_year < year:
        flags.add("stale")
    baseline = series.baseline
    if baseline is None and len(reported) >= 2 and written != "achieved":
        baseline = reported[0]
        flags.add("baseline_substituted")
    t0, y0 = baseline if baseline else (None, None)
    row: dict[str, Any] = {
        "region": series.region, "indicator": series.indicator, "year": year, "value": y,
        "value_year": value_year, "baseline": y0, "baseline_year": t0, "target_year": target_year,
        "comparator": written, "target": None, "expected": None, "ratio": None,
    }  # fmt: skip
    if written in NUMERIC:
        status, s = _numeric(row, milestones, flags, year, polarity, decimals, trajectory, written_target)
    elif written == "slow":
        row["target"] = written_target
        status, s = _slow(series, row, flags, year)
    else:
        status, s = _word(row, flags, year, polarity, written)
    if y is None:
        flags.add("missing")
        row["value"] = row["value_year"] = row["expected"] = row["ratio"] = None
        status, s = "NO_DATA", Fraction(0)
        flags -= {"insufficient_points"}
    row.update(status=status, score_fraction=s, flags=";".join(sorted(flags)))
    return row


def _numeric(
    row: dict[str, Any], milestones: list[tuple[int, str, Fraction | None]], flags: set[str],
    year: int, polarity: int, decimals: int, trajectory: str, written_target: Fraction | None,
) -> tuple[str, Fraction]:  # fmt: skip
    assert written_target is not None
    written, y, y0, t0 = row["comparator"], row["value"], row["baseline"], row["baseline_year"]
    d_c = 1 if written in (">=", ">") else -1 if written in ("<=", "<") else polarity
    r = Fraction(1, 10**decimals)
    target = written_target + (r if written == ">" else -r if written == "<" else 0)
    row["comparator"], row["target"] = {1: ">=", -1: "<="}.get(d_c, "="), target
    progress = y0 is not None and d_c != 0 and d_c * (written_target - y0) > 0 and year > t0
    expected = _expected(milestones, year, t0, y0, d_c, trajectory) if progress else None
    progress = progress and expected is not None
    if progress and y is not None:
        row["expected"] = expected
        row["ratio"] = (y - y0) / (expected - y0)
    if y is None:
        return "NO_DATA", Fraction(0)
    if d_c == 0:
        met = half_up(y, decimals) == half_up(written_target, decimals)
    else:
        met = y >= target if d_c == 1 else y <= target
    worse = d_c != 0 and y0 is not None and d_c * (y - y0) < 0
    if met:
        if year < row["target_year"]:
            flags.add("early")
        if worse:
            flags.add("declined_since_baseline")
        return "ACHIEVED", Fraction(1)
    s = _fraction_not_met(row, d_c, target, written_target, progress)
    if year >= row["target_year"]:
        flags.add("missed")
        return "OFF_TRACK", s
    if y0 is None:
        flags.add("no_baseline")
        return "LAGGING", s
    if not progress:
        flags.add("fell_below_target")
        if worse:
            flags.add("regressing")
        return "OFF_TRACK", s
    ratio = row["ratio"]
    if ratio >= Fraction(95, 100):
        return "ON_TRACK", s
    if ratio >= Fraction(60, 100):
        return "LAGGING", s
    if ratio < 0:
        flags.add("regressing")
    return "OFF_TRACK", s


def _fraction_not_met(
    row: dict[str, Any], d_c: int, target: Fraction, written_target: Fraction, progress: bool
) -> Fraction:
    y = row["value"]
    if progress:
        value = row["ratio"]
    elif d_c == 0:
        value = 1 - abs(y - written_target) / abs(written_target) if written_target != 0 else Fraction(0)
    elif target <= 0:
        value = Fraction(0)
    elif d_c == 1:
        value = y / target
    else:
        value = target / y if y > 0 else Fraction(0)
    clamped: Fraction = min(max(value, Fraction(0)), Fraction(1))
    return clamped


def _expected(
    milestones: list[tuple[int, str, Fraction | None]],
    year: int,
    t0: int,
    y0: Fraction,
    d_c: int,
    trajectory: str,
) -> Fraction | None:
    path = [
        (t0, y0),
        *[
            (t, v)
            for t, c, v in milestones
            if c in NUMERIC and v is not None and t > t0 and d_c * (v - y0) > 0
        ],
    ]
    if len(path) == 1:
        return None
    for (t_a, a), (t_b, b) in pairwise(path):
        if t_a < year <= t_b:
            if trajectory == "exponential" and a > 0 and b > 0:
                level = float(a) * (float(b) / float(a)) ** ((year - t_a) / (t_b - t_a))
                return exact(level)
            return a + (b - a) * Fraction(year - t_a, t_b - t_a)
    return path[-1][1]


def _word(
    row: dict[str, Any], flags: set[str], year: int, polarity: int, written: str
) -> tuple[str, Fraction]:
    y, y0 = row["value"], row["baseline"]
    if written in ("improve", "maintain") and polarity == 0:
        flags.add("assumed_polarity")
    if y is None:
        return "NO_DATA", Fraction(0)
    due = year >= row["target_year"]
    if written == "achieved":
        return ("ACHIEVED", Fraction(1)) if y != 0 else ("OFF_TRACK" if due else "LAGGING", Fraction(0))
    if y0 is None:
        flags.add("no_baseline")
        return "LAGGING", Fraction(0)
    direction = {"decrease": -1, "increase": 1}.get(written, polarity or 1)
    change = direction * (y - y0)
    if change > 0 or (written == "maintain" and change == 0):
        return "ACHIEVED", Fraction(1)
    if change == 0:
        return ("OFF_TRACK" if due else "LAGGING"), Fraction(0)
    flags.add("regressing")
    return "OFF_TRACK", Fraction(0)


def _slow(series: Series, row: dict[str, Any], flags: set[str], year: int) -> tuple[str, Fraction]:
    if row["value"] is None:
        return "NO_DATA", Fraction(0)
    t0, y0 = row["baseline_year"], row["baseline"]
    if t0 is None:
        flags.add("insufficient_points")
        return "NO_DATA", Fraction(0)
    points = [(t0, y0), *sorted((t, v) for t, v in series.observations.items() if t0 < t <= year)]
    scaled = [(t, int(v * MILLION)) for t, v in points]
    reference = int(row["target"] * MILLION) if row["target"] is not None else None
    status = slow_verdict(scaled, reference)
    if status == "NO_DATA":
        flags.add("insufficient_points")
    return status, Fraction(1 if status == "ACHIEVED" else 0)


def evaluate_reference(
    inputs: EvaluationInputs, *, year: int, options: EvaluationOptions = DEFAULT_OPTIONS
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(series, scores) as the engine gives them, minus `mode` and `explanation`."""
    series: dict[tuple[str, str], Series] = {}
    for region, indicator, t, comparator, value in inputs.targets.select(
        "region", "indicator", "year", "comparator", "value"
    ).iter_rows():
        entry = series.setdefault((region, indicator), Series(region, indicator, []))
        if all(m[0] != t for m in entry.milestones):
            entry.milestones.append((t, comparator, None if value is None else exact(value)))
    for region, indicator, t, value in inputs.observations.select(
        "region", "indicator", "year", "value"
    ).iter_rows():
        if (
            (region, indicator) in series
            and value is not None
            and t not in series[region, indicator].observations
        ):
            series[region, indicator].observations[t] = exact(value)
    if inputs.baselines is not None:
        for region, indicator, t, value in inputs.baselines.select(
            "region", "indicator", "year", "value"
        ).iter_rows():
            key = (region, indicator)
            if key in series and value is not None and t is not None and series[key].baseline is None:
                series[key].baseline = (t, exact(value))
    polarity = _polarities(inputs.targets, inputs.indicators)
    decimals = _parameter(inputs.indicators, "decimals", 2)
    max_age = _parameter(inputs.indicators, "max_age", 1)
    weight = _parameter(inputs.indicators, "weight", 1.0)
    rows = []
    for key in sorted(series):
        one = series[key]
        i = one.indicator
        row = judge(one, year, polarity[i], decimals[i], max_age[i], options.trajectory)
        row["weight"] = exact(weight[i])
        rows.append(row)
    return _series_frame(rows), _scores(rows, inputs, year, options)


def _number(value: Fraction | None) -> float | None:
    return None if value is None else float(half_up(value, 6))


def _series_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    fractions = ("value", "baseline", "target", "expected", "ratio", "score_fraction", "weight")
    out = [{**row, **{k: _number(row[k]) for k in fractions}} for row in rows]
    schema = {
        "region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "status": pl.Utf8, "value": pl.Float64,
        "value_year": pl.Int64, "baseline": pl.Float64, "baseline_year": pl.Int64, "target_year": pl.Int64,
        "comparator": pl.Utf8, "target": pl.Float64, "expected": pl.Float64, "ratio": pl.Float64,
        "score_fraction": pl.Float64, "weight": pl.Float64, "flags": pl.Utf8,
    }  # fmt: skip
    return pl.DataFrame(out, schema=schema).select(SERIES_COLUMNS)


def _scores(
    rows: list[dict[str, Any]], inputs: EvaluationInputs, year: int, options: EvaluationOptions
) -> pl.DataFrame:
    parents: dict[str, str | None] = {}
    if inputs.regions is not None:
        for region, parent in inputs.regions.select("region", "parent").iter_rows():
            parents.setdefault(region, parent)
    totals: dict[str, list[Fraction]] = defaultdict(lambda: [Fraction(0), Fraction(0)])
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        totals[row["region"]][0] += row["weight"] * row["score_fraction"]
        totals[row["region"]][1] += row["weight"]
        counts[row["region"]][0] += row["status"] == "ACHIEVED"
        counts[row["region"]][1] += 1
    bonus: dict[str, Fraction] = defaultdict(Fraction)
    deduction: dict[str, Fraction] = defaultdict(Fraction)
    vetoed: set[str] = set()
    if inputs.adjustments is not None:
        for region, when, kind, points in inputs.adjustments.select(
            "region", "year", "kind", "points"
        ).iter_rows():
            if when != year:
                continue
            if kind == "veto":
                vetoed.add(region)
            elif kind == "bonus":
                bonus[region] += exact(points or 0.0)
            else:
                deduction[region] += exact(points or 0.0)
    out: list[dict[str, Any]] = []
    keys: dict[str, tuple[Fraction, int]] = {}
    for region, (weighted, weights) in totals.items():
        score = 100 * weighted / weights if weights else Fraction(0)
        added = min(bonus[region], exact(options.bonus_cap))
        final = max(Fraction(0), score + added - deduction[region])
        rounded = half_up(final, 2)
        grade = "不合格" if region in vetoed else _grade(rounded)
        out.append({
            "region": region, "parent": parents.get(region), "year": year,
            "score": float(half_up(score, 2)), "bonus": float(half_up(added, 6)),
            "deduction": float(half_up(deduction[region], 6)), "final": float(rounded), "grade": grade,
            "vetoed": region in vetoed, "achieved": counts[region][0], "assessed": counts[region][1],
        })  # fmt: skip
        keys[region] = (rounded, counts[region][0] if options.tie_break == "achieved" else 0)
    for row in out:
        group = [o for o in out if o["parent"] == row["parent"] and not o["vetoed"]]
        if row["vetoed"]:
            row["rank"] = len(group) + 1
        else:
            row["rank"] = 1 + sum(keys[o["region"]] > keys[row["region"]] for o in group)
    out.sort(key=lambda o: o["region"])
    schema = {
        "region": pl.Utf8, "parent": pl.Utf8, "year": pl.Int64, "score": pl.Float64, "bonus": pl.Float64,
        "deduction": pl.Float64, "final": pl.Float64, "grade": pl.Utf8, "rank": pl.Int64,
        "vetoed": pl.Boolean, "achieved": pl.Int64, "assessed": pl.Int64,
    }  # fmt: skip
    return pl.DataFrame(out, schema=schema).select(SCORE_COLUMNS)


def _grade(final: Fraction) -> str:
    return "优秀" if final >= 90 else "良好" if final >= 80 else "合格" if final >= 60 else "不合格"
