"""`healthaction evaluate` end to end on the national county dataset, beside the polars read floor.

    .venv/bin/python bench/evaluate_cli.py [--scale 0.1] [--runs 3] [--before SRC] [--keep DIR]

Writes the national dataset of bench/engine.py (2,844 counties × 150 indicators, ≈ 5 M
observations) as the six CSV files a user gives the command (targets, observations, baselines,
indicators, regions, adjustments; units written as % on targets and observations), then, in turn
and interleaved so that the machine's load falls on each alike:

- the polars read floor: ``pl.read_csv`` of the same six files, nothing checked;
- ``healthaction evaluate … --year 2024 -o series.csv --scores scores.csv`` as a subprocess,
  wall-clock time from start to exit (interpreter start, reading, checking, evaluating, writing,
  the terminal summary);
- with ``--before SRC`` the same command with ``PYTHONPATH=SRC`` (another checkout's ``src``,
  e.g. ``git archive main src | tar -x -C /tmp/before``), and its output compared.

Goal: end to end ≤ 5× the read floor of the same run.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine import COUNTIES, generate

GOAL = 5.0
FILES = ("targets", "observations", "baselines", "indicators", "regions", "adjustments")


def write_dataset(folder: Path, counties: int) -> dict[str, int]:
    """The six CSV files; returns their row counts."""
    tables = generate(counties)
    tables["targets"] = tables["targets"].with_columns(pl.lit("%").alias("unit"))
    # Whole numbers as people write them (1, not 1.0): an `achieved` series reads 1/0.
    value = pl.col("value")
    whole = (
        pl.when(value == value.round(0))
        .then(value.cast(pl.Int64).cast(pl.Utf8))
        .otherwise(value.cast(pl.Utf8))
    )
    tables["observations"] = tables["observations"].with_columns(
        whole.alias("value"), pl.lit("%").alias("unit")
    )
    rng = np.random.default_rng(7)
    regions = tables["regions"]["region"].to_numpy()
    picked = rng.choice(regions, size=max(3, len(regions) // 30), replace=False)
    kinds = rng.choice(["bonus", "deduction", "veto"], size=len(picked), p=[0.6, 0.35, 0.05])
    points = np.where(kinds == "veto", np.nan, rng.integers(1, 4, len(picked)).astype(float))
    tables["adjustments"] = pl.DataFrame(
        {
            "region": picked,
            "year": np.full(len(picked), 2024),
            "kind": kinds,
            "points": points,
            "reason": ["工作创新" if k == "bonus" else "督导发现问题" for k in kinds],
        }
    ).with_columns(pl.col("points").fill_nan(None))
    for name in FILES:
        tables[name].write_csv(folder / f"{name}.csv")
    return {name: tables[name].height for name in FILES}


def read_floor(folder: Path) -> tuple[float, float]:
    """What polars alone needs to read the six files (types inferred, nothing checked):
    wall-clock and CPU seconds (both cores)."""
    start, cpu = time.perf_counter(), time.process_time()
    for name in FILES:
        pl.read_csv(folder / f"{name}.csv")
    return time.perf_counter() - start, time.process_time() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(folder: Path, out: Path, src: Path | None) -> tuple[float, float]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    command = [sys.executable, "-m", "healthaction.cli", "evaluate"]
    for name in FILES:
        command += [f"--{name}", str(folder / f"{name}.csv")]
    command += ["--year", "2024", "-o", str(out / "series.csv"), "--scores", str(out / "scores.csv")]
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"evaluate exited {result.returncode}: {result.stderr.strip()[-2000:]}")
    return seconds, cpu


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 2,844 counties (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (best is kept; default 3)")
    parser.add_argument("--before", type=Path, help="another checkout's src/ to run beside this one")
    parser.add_argument("--keep", type=Path, help="write the dataset here and keep it")
    args = parser.parse_args(argv)
    counties = max(20, round(COUNTIES * args.scale))

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        rows = write_dataset(folder, counties)
        size = sum((folder / f"{name}.csv").stat().st_size for name in FILES) / 1e6
        print(f"dataset    {time.perf_counter() - start:7.2f} s   {counties} counties; "
              + ", ".join(f"{name} {n:,}" for name, n in rows.items()) + f"; {size:.0f} MB")  # fmt: skip
        ways: dict[str, Path | None] = {"after": None}
        if args.before is not None:
            ways = {"before": args.before.resolve(), **ways}
        outs = {name: Path(scratch) / name for name in ways}
        for out in outs.values():
            out.mkdir()
        times: dict[str, list[tuple[float, float]]] = {"floor": [], **{name: [] for name in ways}}
        for _ in range(args.runs):  # interleaved: the machine's load falls on each alike
            times["floor"].append(read_floor(folder))
            for name, src in ways.items():
                times[name].append(run_cli(folder, outs[name], src))
        floor, floor_cpu = min(t[0] for t in times["floor"]), min(t[1] for t in times["floor"])
        print(f"read floor {floor:7.2f} s   pl.read_csv of the six files, best of {args.runs} "
              f"({', '.join(f'{t[0]:.2f}' for t in times['floor'])}); CPU {floor_cpu:.2f} s")  # fmt: skip
        for name in ways:
            best, cpu = min(t[0] for t in times[name]), min(t[1] for t in times[name])
            goal = f"   goal ≤ {GOAL:.0f}×" if name == "after" else ""
            runs = ", ".join(f"{t[0]:.2f}" for t in times[name])
            ratio, cpu_ratio = best / floor, cpu / floor_cpu
            print(f"{name:10} {best:7.2f} s   evaluate end to end, best of {args.runs} ({runs}) "
                  f"= {ratio:5.1f}× the floor{goal}")  # fmt: skip
            print(f"           {cpu:7.2f} s   its CPU time (both cores) = {cpu_ratio:5.1f}× the floor's CPU")
        if "before" in ways:
            for file in ("series.csv", "scores.csv"):
                same = (outs["before"] / file).read_bytes() == (outs["after"] / file).read_bytes()
                print(f"           {file} {'identical' if same else 'DIFFERS'} before and after")
            speed_up = min(t[0] for t in times["before"]) / min(t[0] for t in times["after"])
            print(f"speed-up   {speed_up:7.1f} ×")
        print(f"           load average {_load()} (2 shared cores: compare the ratios)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
