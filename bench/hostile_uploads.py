"""Hostile uploads: peak memory and time of reading each, in a fresh process per file.

    .venv/bin/python bench/hostile_uploads.py [--only NAME] [--cap-gb 8]

Each case builds its file (tests/hostile_files.py) and then reads it in a child process the way
the web does (``read_workbook`` for a 填报表, ``parse_file`` for a plan). The child reports its
RSS before reading, its peak RSS (``ru_maxrss``), the seconds taken and the first 120 characters
of the outcome with the outcome's full length (an echoed cell shows up there). Target (issue 11):
no upload under the size limit makes a worker grow by more than 300 MB or take more than 10 s.
The child runs under an address-space cap (``--cap-gb``) so a blow-up ends as MemoryError, not
as the machine's trouble.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import hostile_files as hostile

CASES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "huge-cell-500MB": ("workbook", lambda d: hostile.workbook_with_huge_cell(d, 500 * hostile.MB)),
    "huge-shared-string-500MB": (
        "workbook",
        lambda d: hostile.workbook_with_huge_shared_string(d, 500 * hostile.MB),
    ),
    "many-shared-strings-20M": ("workbook", lambda d: hostile.workbook_with_many_shared_strings(d)),
    "styles-100MB": ("workbook", lambda d: hostile.workbook_with_huge_styles(d, 100 * hostile.MB)),
    "empty-rows-30M": ("workbook", lambda d: hostile.workbook_with_many_empty_rows(d)),
    "docx-20MB-empty-paragraphs": (
        "plan",
        lambda d: hostile.docx_with_empty_paragraphs(d, 20 * hostile.MB),
    ),
    "docx-55MB-empty-paragraphs": (
        "plan",
        lambda d: hostile.docx_with_empty_paragraphs(d, 55 * hostile.MB),
    ),
    "docx-200MB-paragraph": ("plan", lambda d: hostile.docx_with_huge_text(d, 200 * hostile.MB)),
    "xlsx-plan-200MB-cell": ("plan", lambda d: hostile.xlsx_plan_with_huge_cell(d, 200 * hostile.MB)),
    "html-45MB-elements": ("plan", lambda d: hostile.html_with_many_elements(d, 45 * hostile.MB)),
}

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
kind, path, cap = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
if kind == "workbook":
    from healthaction.workbook import read_workbook
    def run():
        result = read_workbook(path, expect_department="区卫生健康局", expect_round="2023年度")
        return "; ".join(str(e) for e in result.errors)
else:
    from healthaction.ingest import IngestError, parse_file
    def run():
        try:
            plan = parse_file(path)
        except IngestError as error:
            return str(error)
        return f"parsed: {len(plan.actions)} actions"
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss_mb()
start = time.perf_counter()
try:
    outcome = run()
except MemoryError:
    outcome = "MemoryError (address-space cap reached)"
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"before_mb": round(before), "peak_mb": round(peak), "growth_mb": round(peak - before),
                  "seconds": round(seconds, 2), "outcome_chars": len(outcome), "outcome": outcome[:120]},
                 ensure_ascii=False))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="case name (repeatable)")
    parser.add_argument("--cap-gb", type=float, default=8.0)
    args = parser.parse_args()
    for name, (kind, make) in CASES.items():
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
            path = make(Path(folder))
            size_kb = path.stat().st_size / 1024
            done = subprocess.run(
                [sys.executable, "-c", CHILD, kind, str(path), str(int(args.cap_gb * 1024**3))],
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            try:
                figures = json.loads(done.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                figures = {"failed": done.returncode, "stderr": done.stderr[-300:]}
            print(
                json.dumps({"case": name, "file_kb": round(size_kb), **figures}, ensure_ascii=False),
                flush=True,
            )


if __name__ == "__main__":
    main()
