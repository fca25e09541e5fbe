"""Hostile uploads: peak memory and time of reading each, in a fresh process per file.

    .venv/bin/python bench/hostile_uploads.py [--only NAME] [--cap-gb 8]

Each case builds its file (tests/hostile_files.py) and then reads it in a child process the way
the web does (``read_workbook`` for a 填报表, ``parse_file`` for a plan). The child reports its
RSS before reading, its peak RSS (``ru_maxrss``), the seconds taken (wall and CPU) and the first
120 characters of the outcome with the outcome's full length (an echoed cell shows up there).
Target (issue 11): no upload under the size limit makes a worker grow by more than 300 MB or
take more than 10 s. The child runs under an address-space cap (``--cap-gb``) so a blow-up ends
as MemoryError, not as the machine's trouble. To measure another checkout, put its ``src`` first
on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import hostile_files as hostile

MB = hostile.MB
CASES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "huge-cell-500MB": ("workbook", lambda d: hostile.workbook_with_huge_cell(d, 500 * MB)),
    "huge-shared-string-500MB": ("workbook", lambda d: hostile.workbook_with_huge_shared_string(d, 500 * MB)),
    "many-shared-strings-20M": ("workbook", lambda d: hostile.workbook_with_many_shared_strings(d)),
    "styles-100MB": ("workbook", lambda d: hostile.workbook_with_huge_styles(d, 100 * MB)),
    "empty-rows-30M": ("workbook", lambda d: hostile.workbook_with_many_empty_rows(d)),
    "docx-20MB-empty-paragraphs": ("plan", lambda d: hostile.docx_with_empty_paragraphs(d, 20 * MB)),
    "docx-55MB-empty-paragraphs": ("plan", lambda d: hostile.docx_with_empty_paragraphs(d, 55 * MB)),
    "docx-200MB-paragraph": ("plan", lambda d: hostile.docx_with_huge_text(d, 200 * MB)),
    "xlsx-plan-200MB-cell": ("plan", lambda d: hostile.xlsx_plan_with_huge_cell(d, 200 * MB)),
    "html-45MB-elements": ("plan", lambda d: hostile.html_with_many_elements(d, 45 * MB)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", action="append", help="case name (repeatable)")
    parser.add_argument("--cap-gb", type=float, default=8.0)
    args = parser.parse_args()
    for name, (kind, make) in CASES.items():
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
            path = make(Path(folder))
            size_kb = round(path.stat().st_size / 1024)
            try:
                figures = dataclasses.asdict(hostile.measure(kind, path, cap_gb=args.cap_gb))
            except RuntimeError as error:
                figures = {"failed": str(error)[-300:]}
            outcome = str(figures.pop("outcome", ""))
            row = {"case": name, "file_kb": size_kb, **figures}
            row |= {"outcome_chars": len(outcome), "outcome": outcome[:120]}
            print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
