"""Reports for a city with 10 counties: each kind (action, overall, assessment) in each format.

    .venv/bin/python bench/reports.py [--year 2022] [--counties 10] [--out DIR]

The seed plan 健康白银·平川 (26 framework indicators, 18 专项行动) read by the parser; its county
targets and baselines given to 10 counties of its city, the city's own targets kept; observations
2018–year generated with a fixed seed (some series ahead of the 序时目标, some behind, a few unreported).
Times ``build_report_data`` and ``render_report`` per format; .pdf when LibreOffice is installed.
Goal: 总体监测评估报告 .docx ≤ 5 s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np
import polars as pl

from healthaction.engine import Evaluation, EvaluationInputs, evaluate
from healthaction.evaluation_io import InputFiles, SeriesInputs, load_inputs
from healthaction.ingest import parse_file
from healthaction.plan import Plan
from healthaction.reports import ReportData, build_report_data, render_report
from healthaction.reports.model import Kind
from healthaction.reports.pdf import libreoffice

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_5d24527bdd1311fb.txt"
GOAL_SECONDS = 5.0
T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def plan_inputs(plan: Plan) -> SeriesInputs:
    with tempfile.TemporaryDirectory() as folder:
        plan_json, empty = Path(folder) / "plan.json", Path(folder) / "observations.csv"
        plan_json.write_text(plan.to_json(), encoding="utf-8")
        empty.write_text("region,indicator,year,value\n", encoding="utf-8")
        return load_inputs(InputFiles(observations=empty, plan=plan_json))


def _observations(targets: pl.DataFrame, baselines: pl.DataFrame, year: int, seed: int) -> pl.DataFrame:
    """One value a year 2018–``year`` per series: from its baseline towards its nearest target, with noise."""
    rng = np.random.default_rng(seed)
    base = {(r["region"], r["indicator"]): r["value"] for r in baselines.iter_rows(named=True)}
    rows: list[tuple[str, str, int, float | None]] = []
    series = targets.sort("year").group_by(["region", "indicator"], maintain_order=True).first()
    for row in series.iter_rows(named=True):
        region, indicator, comparator, target = (
            row["region"],
            row["indicator"],
            row["comparator"],
            row["value"],
        )
        pace = rng.uniform(0.5, 1.3)  # < 1 lags the 序时目标, > 1 runs ahead
        missing = rng.random() < 0.05
        start = base.get((region, indicator))
        for y in range(2018, year + 1):
            value: float | None
            if missing and y == year:
                value = None
            elif comparator == "achieved" or target is None:
                value = float(rng.random() < (y - 2017) / (year - 2016) * pace) if target is None else None
            else:
                origin = start if start is not None else target * rng.uniform(0.8, 1.2)
                share = min(1.0, (y - 2017) / max(1, row["year"] - 2017)) * pace
                value = round(
                    origin + (target - origin) * share + rng.normal(0, abs(target) * 0.01 + 0.05), 2
                )
            rows.append((region, indicator, y, value))
    return pl.DataFrame(
        rows,
        schema={"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64},
        orient="row",
    )


def city_inputs(
    plan: Plan, counties: int, year: int
) -> tuple[EvaluationInputs, dict[tuple[str, str], str | None], str, list[str]]:
    """The plan's county targets for ``counties`` counties of its city; the city's own targets kept."""
    loaded = plan_inputs(plan)
    county, city = plan.region or "县区", plan.parent_region or "市"
    names = [county] + [f"示例县{i:02d}" for i in range(2, counties + 1)]

    def spread(table: pl.DataFrame) -> pl.DataFrame:
        own, rest = table.filter(pl.col("region") == county), table.filter(pl.col("region") != county)
        return pl.concat([rest, *(own.with_columns(pl.lit(name).alias("region")) for name in names)])

    targets = spread(loaded.targets)
    baselines = (
        spread(loaded.baselines) if loaded.baselines is not None else targets.clear().drop("comparator")
    )
    units = dict(loaded.units)
    for (region, indicator), unit in loaded.units.items():
        if region == county:
            units |= {(name, indicator): unit for name in names}
    inputs = EvaluationInputs(
        targets=targets,
        observations=_observations(targets, baselines, year, seed=2022),
        baselines=baselines,
        indicators=loaded.indicators,
        regions=pl.DataFrame({"region": names, "parent": [city] * len(names)}),
    )
    return inputs, units, city, names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--counties", type=int, default=10)
    parser.add_argument("--out", type=Path, help="keep the reports here (default: a temporary folder)")
    args = parser.parse_args(argv)

    plan, seconds = timed(lambda: parse_file(SEED))
    print(
        f"parse plan   {seconds:6.2f} s   "
        f"{len(plan.framework)} framework indicators, {len(plan.actions)} actions"
    )
    (inputs, units, city, names), seconds = timed(lambda: city_inputs(plan, args.counties, args.year))
    print(
        f"generate     {seconds:6.2f} s   {city} + {len(names)} counties, {inputs.targets.height} targets, "
        f"{inputs.observations.height} observations {2018}–{args.year}"
    )

    def both() -> tuple[Evaluation, Evaluation]:
        return evaluate(inputs, year=args.year), evaluate(inputs, year=args.year - 1)

    (current, previous), seconds = timed(both)
    print(f"evaluate     {seconds:6.2f} s   {args.year} and {args.year - 1}")

    formats = [".docx", ".xlsx", ".html"] + ([".pdf"] if libreoffice() else [])
    kinds: tuple[tuple[Kind, str], ...] = (
        ("action", "专项行动实施进展专题报告"),
        ("overall", "总体监测评估报告"),
        ("assessment", "考核结果通报"),
    )
    table: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as temporary:
        out = args.out or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        for kind, _title in kinds:

            def build(kind: Kind = kind) -> ReportData:
                return build_report_data(
                    kind,
                    plan=plan,
                    inputs=inputs,
                    evaluation=current,
                    previous=previous,
                    year=args.year,
                    region=city,
                    units=units,
                    action=1 if kind == "action" else None,
                )

            data, seconds = timed(build)
            table[kind] = {"build": seconds}
            for suffix in formats:
                _, seconds = timed(partial(render_report, data, out / f"{kind}{suffix}"))
                table[kind][suffix] = seconds
        if args.out:
            print(f"reports kept in {out}")

    columns = ["build", *formats]
    print()
    print(f"{'report':<11}" + "".join(f"{c:>9}" for c in columns) + f"{'docx total':>12}")
    for kind, title in kinds:
        cells = "".join(f"{table[kind][c]:8.2f}s" for c in columns)
        docx = table[kind]["build"] + table[kind][".docx"]
        print(f"{kind:<11}{cells}{docx:11.2f}s  {title}")
    overall = table["overall"]["build"] + table["overall"][".docx"]
    verdict = "met" if overall <= GOAL_SECONDS else "MISSED"
    print(
        f"\n总体监测评估报告 .docx (build + render): {overall:.2f} s — goal ≤ {GOAL_SECONDS:.0f} s {verdict}"
    )
    if ".pdf" not in formats:
        print("(.pdf skipped: LibreOffice not installed)")
    return 0 if overall <= GOAL_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
