"""A province-size 填报表: write 100 k rows, read and validate them, in constant memory.

    .venv/bin/python bench/workbook.py [--rows 100000] [--small 10000]

Builds the department template with every value pre-filled (openpyxl write-only, the real
``build_template``), then reads it back with ``read_workbook`` in a fresh process per run, so
each peak RSS is that run's own. Two ways of reading: streaming (rows handed to ``on_row``,
as an import inside one transaction does) and collecting (``result.rows``). Goal: 100 k rows
read and validated in ≤ 10 s; streaming RSS flat between the small and the large file.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from healthaction.workbook import EnteredValue, EntryRow, build_template, read_workbook

UNITS = ("%", "‰", "1/10万", "岁", "人", "张")
DEPARTMENT, ROUND = "市卫生健康委员会", "2023年度"


def entry_rows(count: int, seed: int = 2024) -> list[EntryRow]:
    rng = random.Random(seed)
    indicators = 200
    rows: list[EntryRow] = []
    for index in range(count):
        region, indicator = divmod(index, indicators)
        unit = UNITS[indicator % len(UNITS)]
        last = round(rng.uniform(1, 90), 1)
        rows.append(
            EntryRow(
                region_code=f"{620000 + region:06d}",
                region_name=f"演示县{region:04d}",
                indicator_code=str(indicator + 1),
                indicator_name=f"演示指标{indicator + 1:03d}",
                unit=unit,
                year=2023,
                last_year_value=last,
                target_text=f"≥{last + 5:g}{unit}",
                current_value=Decimal(f"{last + rng.uniform(-3, 3):.2f}"),
                comment="较上年变化较大，已核实" if index % 10 == 0 else "",
                version=1 + index % 5 if index % 4 else None,  # a quarter not yet stored
            )
        )
    return rows


def write(count: int, path: Path) -> dict[str, float]:
    rows = entry_rows(count)
    start = time.perf_counter()
    build_template(rows, department=DEPARTMENT, region_name="演示市", round_label=ROUND, path=path)
    return {"seconds": time.perf_counter() - start}


def read(path: Path, mode: str) -> dict[str, float]:
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seen = 0

    def count(_row: EnteredValue) -> None:
        nonlocal seen
        seen += 1

    wall, cpu = time.perf_counter(), time.process_time()
    result = read_workbook(
        path,
        expect_department=DEPARTMENT,
        expect_round=ROUND,
        on_row=count if mode == "stream" else None,
    )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if result.errors:
        raise SystemExit(f"unexpected errors: {[str(e) for e in result.errors[:3]]}")
    rows = seen if mode == "stream" else len(result.rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": wall, "cpu": cpu, "rows": rows, "peak_mb": peak / 1024, "base_mb": baseline / 1024}


def child(*arguments: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *arguments], check=True, capture_output=True, text=True
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        task, *rest = options.child
        figures = write(int(rest[0]), Path(rest[1])) if task == "write" else read(Path(rest[0]), rest[1])
        print(json.dumps(figures))
        return

    with tempfile.TemporaryDirectory() as folder:
        results: dict[int, dict[str, dict[str, float]]] = {}
        for count in (options.small, options.rows):
            path = Path(folder) / f"填报表{count}.xlsx"
            written = child("write", str(count), str(path))
            size = path.stat().st_size / 1024 / 1024
            print(f"{count:>7,} rows: template written in {written['seconds']:.1f} s ({size:.1f} MB)")
            results[count] = {mode: child("read", str(path), mode) for mode in ("stream", "collect")}
            for mode, figures in results[count].items():
                print(
                    f"{count:>7,} rows, {mode:<7}: {figures['seconds']:5.2f} s wall, "
                    f"{figures['cpu']:5.2f} s CPU, {figures['rows'] / figures['seconds']:>8,.0f} rows/s, "
                    f"peak RSS {figures['peak_mb']:.0f} MB (after imports {figures['base_mb']:.0f} MB)"
                )
        small, large = results[options.small], results[options.rows]
        growth = large["stream"]["peak_mb"] - small["stream"]["peak_mb"]
        seconds = large["stream"]["seconds"]
        print(
            f"streaming RSS {small['stream']['peak_mb']:.0f} MB at {options.small:,} rows → "
            f"{large['stream']['peak_mb']:.0f} MB at {options.rows:,} rows ({growth:+.0f} MB)"
        )
        verdict = "met" if seconds <= 10 else "MISSED"
        print(f"goal ≤ 10 s for {options.rows:,} rows: {verdict} ({seconds:.2f} s wall)")


if __name__ == "__main__":
    main()
