"""Parse speed on the five seed documents: per document, all five, and a batch on every core.

Run: .venv/bin/python bench/parse.py [--runs N] [--batch N]
Goal (issue 3): all five seeds in ≤ 0.5 s in one process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from healthaction.ingest import parse_file  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOAL_SECONDS = 0.5


def _timed(function: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def _parse_all(paths: list[Path]) -> None:
    for path in paths:
        parse_file(path)


def _count(path: str) -> int:
    return len(parse_file(Path(path)).actions)


def main() -> int:
    parser = argparse.ArgumentParser(description="Parse speed on the five seed documents.")
    parser.add_argument("--runs", type=int, default=7, help="runs per figure; the median is shown")
    parser.add_argument("--batch", type=int, default=100, help="documents in the batch")
    args = parser.parse_args()

    cold = _timed(_parse_all, SEEDS)  # first pass: lazy imports, regex compilation, caches
    print(f"first pass over {len(SEEDS)} seeds (cold, in-process imports included): {cold * 1000:.0f} ms")
    print(f"per document, median of {args.runs} runs:")
    for path in SEEDS:
        times = [_timed(parse_file, path) for _ in range(args.runs)]
        size = path.stat().st_size / 1024
        print(f"  {path.name:28} {size:6.1f} KB  {statistics.median(times) * 1000:8.1f} ms")
    total = statistics.median(_timed(_parse_all, SEEDS) for _ in range(args.runs))
    verdict = "meets" if total <= GOAL_SECONDS else "MISSES"
    goal = f"({verdict} the {GOAL_SECONDS} s goal)"
    print(f"all {len(SEEDS)} seeds in one process: {total * 1000:.1f} ms {goal}")

    batch = [str(SEEDS[i % len(SEEDS)]) for i in range(args.batch)]
    serial = _timed(_parse_all, [Path(p) for p in batch])
    print(f"batch of {len(batch)} documents, 1 process: {len(batch) / serial:.1f} documents/s")
    workers = os.cpu_count() or 2
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_count, [str(p) for p in SEEDS] * workers * 2, chunksize=1))  # warm every worker
        start = time.perf_counter()
        list(pool.map(_count, batch, chunksize=max(1, len(batch) // (workers * 4))))
        elapsed = time.perf_counter() - start
    print(f"batch of {len(batch)} documents, {workers} processes: {len(batch) / elapsed:.1f} documents/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
