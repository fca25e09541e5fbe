"""National county-level evaluation: load, evaluate, memory, the per-series loop, one city.

    .venv/bin/python bench/engine.py [--scale 0.1] [--year 2024] [--sample 60]

Generates 2,844 counties under 31 provinces × 150 indicators (mixed comparators and
polarities), baselines 2017, milestones 2022 and 2030, observations 2018–2030 with gaps,
writes them as CSV, reads them back and evaluates at t*. Goals (2-core machine): evaluate
≤ 1 s, peak RSS ≤ 2 GB, ≥ 30× the per-series Python loop, one city (10 counties) re-evaluated
by its `prepare`d targets after one value changes ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np
import polars as pl
from polars.testing import assert_frame_equal

from healthaction.engine import Evaluation, EvaluationInputs, EvaluationOptions, evaluate, prepare
from healthaction.engine.model import SERIES_COLUMNS
from healthaction.engine.reference import evaluate_reference

COUNTIES, PROVINCES, INDICATORS = 2844, 31, 150
YEARS = np.arange(2018, 2031)
# comparator → how many of the 150 indicators use it
MIX = {
    ">=": 60, "<=": 34, ">": 8, "<": 7, "=": 10, "achieved": 8, "decrease": 6,
    "increase": 4, "improve": 4, "maintain": 4, "slow": 5,
}  # fmt: skip
DIRECTION = {">=": 1, ">": 1, "<=": -1, "<": -1, "=": -1, "decrease": -1, "increase": 1, "improve": 1}
DIRECTION |= {"maintain": 1, "slow": 1, "achieved": 0}
T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def generate(counties: int, seed: int = 2024) -> dict[str, pl.DataFrame]:
    rng = np.random.default_rng(seed)
    comparators = np.repeat(np.array(list(MIX)), list(MIX.values()))
    indicator_names = np.array([f"指标{j:03d}" for j in range(INDICATORS)])
    direction = np.array([DIRECTION[c] for c in comparators])
    decimals = rng.choice([1, 2], INDICATORS)
    polarity = np.where(rng.random(INDICATORS) < 0.9, np.where(direction == 0, 1, direction), 0)
    indicators = pl.DataFrame({
        "indicator": indicator_names,
        "polarity": pl.Series(polarity).set(pl.Series(polarity == 0), None),
        "decimals": decimals, "max_age": np.ones(INDICATORS, dtype=np.int64),
        "weight": rng.integers(1, 6, INDICATORS).astype(np.float64),
    })  # fmt: skip
    province = np.sort(rng.integers(0, PROVINCES, counties))
    county_names = np.array([f"省{p:02d}县{i:04d}" for i, p in enumerate(province)])
    regions = pl.DataFrame({"region": county_names, "parent": [f"省{p:02d}" for p in province]})

    n = counties * INDICATORS
    region_of, indicator_of = (
        np.repeat(np.arange(counties), INDICATORS),
        np.tile(np.arange(INDICATORS), counties),
    )
    comparator = comparators[indicator_of]
    sign = direction[indicator_of]
    achieved = comparator == "achieved"
    base = np.round(rng.uniform(10, 80, n), 1)
    gain = rng.uniform(-0.2, 1.0, n) * 12  # progress by 2030, in points
    target_2030 = np.where(comparator == "=", base, np.round(base + sign * np.abs(gain) * 1.2, 1))
    target_2022 = np.round(base + (target_2030 - base) * 0.45, 1)
    numeric_or_slow = ~np.isin(comparator, ["achieved", "decrease", "increase", "improve", "maintain"])
    target_value = {
        2022: np.where(comparator == "slow", 5.0, np.where(numeric_or_slow, target_2022, np.nan)),
        2030: np.where(comparator == "slow", 3.0, np.where(numeric_or_slow, target_2030, np.nan)),
    }
    targets = pl.concat([
        pl.DataFrame({
            "region": county_names[region_of], "indicator": indicator_names[indicator_of],
            "year": np.full(n, year), "comparator": comparator, "value": values,
        }).with_columns(pl.col("value").fill_nan(None))
        for year, values in target_value.items()
    ])  # fmt: skip
    has_baseline = ~achieved & (rng.random(n) < 0.95)
    baselines = pl.DataFrame({
        "region": county_names[region_of[has_baseline]],
        "indicator": indicator_names[indicator_of[has_baseline]],
        "year": np.full(int(has_baseline.sum()), 2017), "value": base[has_baseline],
    })  # fmt: skip

    years = len(YEARS)
    row = np.repeat(np.arange(n), years)
    year = np.tile(YEARS, n)
    share = (year - 2017) / 13
    noise = rng.normal(0, 1.5, row.size)
    level = base[row] + (target_2030[row] - base[row]) * share * rng.uniform(0.3, 1.4, n)[row] + noise
    slow_row = comparator[row] == "slow"
    growth = rng.uniform(0.01, 0.06, n)[row]
    level = np.where(slow_row, base[row] * (1 + growth) ** (year - 2017), level)
    level = np.round(np.clip(level, 0.1, None), 1).astype(np.float64)
    level = np.where(achieved[row], (rng.random(row.size) < share).astype(np.float64), level)
    keep = rng.random(row.size) > 0.08
    unreported = rng.random(row.size) < 0.02
    observations = pl.DataFrame({
        "region": county_names[region_of[row[keep]]], "indicator": indicator_names[indicator_of[row[keep]]],
        "year": year[keep], "value": np.where(unreported[keep], np.nan, level[keep]),
    }).with_columns(pl.col("value").fill_nan(None))  # fmt: skip
    return {
        "targets": targets, "observations": observations, "baselines": baselines,
        "indicators": indicators, "regions": regions,
    }  # fmt: skip


SCHEMAS: dict[str, dict[str, pl.DataType | type[pl.DataType]]] = {
    "targets": {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "comparator": pl.Utf8,
                "value": pl.Float64},
    "observations": {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64},
    "baselines": {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64},
    "indicators": {"indicator": pl.Utf8, "polarity": pl.Int64, "decimals": pl.Int64, "max_age": pl.Int64,
                   "weight": pl.Float64},
    "regions": {"region": pl.Utf8, "parent": pl.Utf8},
}  # fmt: skip


def load(folder: Path) -> EvaluationInputs:
    tables = {name: pl.read_csv(folder / f"{name}.csv", schema=schema) for name, schema in SCHEMAS.items()}
    return EvaluationInputs(**tables)


def only(inputs: EvaluationInputs, regions: list[str], parent: str | None = None) -> EvaluationInputs:
    keep = pl.col("region").is_in(regions)
    chosen = inputs.regions.filter(keep) if inputs.regions is not None else None
    if chosen is not None and parent is not None:
        chosen = chosen.with_columns(pl.lit(parent).alias("parent"))
    return EvaluationInputs(
        targets=inputs.targets.filter(keep),
        observations=inputs.observations.filter(keep),
        baselines=inputs.baselines.filter(keep) if inputs.baselines is not None else None,
        indicators=inputs.indicators,
        regions=chosen,
    )


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 2,844 counties (default 1)")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--sample", type=int, default=60, help="counties checked against the Python loop")
    args = parser.parse_args(argv)
    counties = max(20, round(COUNTIES * args.scale))

    tables, seconds = timed(lambda: generate(counties))
    observations = tables["observations"].height
    print(
        f"generate   {seconds:7.2f} s   {counties} counties × {INDICATORS} indicators, "
        f"{observations:,} observations"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name, table in tables.items():
            table.write_csv(Path(folder) / f"{name}.csv")
        del tables
        inputs, seconds = timed(lambda: load(Path(folder)))
    print(f"load CSV   {seconds:7.2f} s")

    runs, cpu = [], []
    quiet = EvaluationOptions(explain=False)
    for _ in range(3):
        started = time.process_time()
        result, seconds = timed(lambda: evaluate(inputs, year=args.year, options=quiet))
        runs.append(seconds)
        cpu.append(time.process_time() - started)
    series, scores = result.series, result.scores
    print(f"evaluate   {min(runs):7.2f} s   best of 3 ({', '.join(f'{s:.2f}' for s in runs)}); "
          f"{series.height:,} series, {scores.height} regions   goal ≤ 1 s")  # fmt: skip
    print(f"           {min(cpu):7.2f} s   CPU time of the best run (both cores; load average {_load()})")
    print("           " + ", ".join(f"{k} {v}" for k, v in series.get_column("status").value_counts().rows()))
    _, explained = timed(lambda: evaluate(inputs, year=args.year))
    print(f"explained  {explained:7.2f} s   the same with a Chinese sentence per series")
    print(f"peak RSS   {peak_rss_mb():7.0f} MB   goal ≤ 2048 MB")

    regions = scores.get_column("region").to_list()
    sample = only(inputs, regions[:: max(1, len(regions) // args.sample)][: args.sample])
    sample_series = sample.targets.select("region", "indicator").unique().height
    (loop_series, loop_scores), loop_seconds = timed(lambda: evaluate_reference(sample, year=args.year))
    engine_sample, engine_seconds = timed(lambda: evaluate(sample, year=args.year, options=quiet))
    assert_frame_equal(engine_sample.series.select(SERIES_COLUMNS), loop_series)
    assert_frame_equal(engine_sample.scores, loop_scores)
    per_series = loop_seconds / sample_series
    national_loop = per_series * series.height
    print(f"loop       {loop_seconds:7.2f} s   {sample_series:,} series by the Python loop: equal results; "
          f"{per_series * 1e6:.0f} µs a series → {national_loop:.0f} s nationally")  # fmt: skip
    print(f"speed-up   {national_loop / min(runs):7.0f} ×   national engine vs loop (goal ≥ 30×); "
          f"{loop_seconds / engine_seconds:.0f} × on the sample itself")  # fmt: skip

    city = only(inputs, regions[:10], parent="某市")
    prepared = prepare(city)  # what the web keeps per region between approvals
    ways: dict[str, Callable[[pl.DataFrame], Evaluation]] = {
        "prepared": lambda changed: prepared.evaluate(changed, year=args.year),
        "prepare+evaluate": lambda changed: prepare(city).evaluate(changed, year=args.year),
        "evaluate": lambda changed: evaluate(
            EvaluationInputs(**{**city.__dict__, "observations": changed}), year=args.year
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in ways}
    cpu_times: dict[str, list[float]] = {name: [] for name in ways}
    expected_series = evaluate(city, year=args.year).series
    for step in range(9):
        changed = city.observations.with_columns(
            pl.when(pl.int_range(pl.len()) == step)
            .then(pl.col("value") + 1)
            .otherwise(pl.col("value"))
            .alias("value")
        )
        results = []
        for name, way in ways.items():  # interleaved, so that load falls on all three alike
            started = time.process_time()
            result, seconds = timed(lambda way=way, changed=changed: way(changed))  # type: ignore[misc]
            times[name].append(seconds)
            cpu_times[name].append(time.process_time() - started)
            results.append(result)
        for result in results[1:]:
            assert_frame_equal(result.series, results[0].series)
            assert_frame_equal(result.scores, results[0].scores)
    assert expected_series.height == results[0].series.height
    for name in ways:
        median = statistics.median(times[name]) * 1000
        print(f"one city   {median:7.1f} ms  median of 9 after a value changes, "
              f"{name} (CPU {statistics.median(cpu_times[name]) * 1000:.1f} ms)"
              + ("   goal ≤ 50 ms" if name == "prepared" else ""))  # fmt: skip
    print(f"           {city.targets.height:,} targets, {city.observations.height:,} observations, "
          "with sentences; load average " + _load())  # fmt: skip
    print(f"peak RSS   {peak_rss_mb():7.0f} MB   at the end")
    print(f"cpu        {time.process_time():7.1f} s   process CPU time (both cores); load average {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
