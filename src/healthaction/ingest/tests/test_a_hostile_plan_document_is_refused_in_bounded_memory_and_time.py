"""A small plan document that unpacks into a lot is refused before any library parses it.

Issue 11: a 75 KB .docx of 20 MB of ``<w:p/>`` took 25 s and 1.1 GB in the web, and
``healthaction parse`` of a 199 KB one took 121 s and 5.6 GB. Each file here is generated (no big
binary is committed) and read in a fresh process: +300 MB and 10 s of CPU at most, and the CLI
exits 2 with one Chinese line naming the file. A document just under the limits still parses
within the same budget: the limits are not set past what a worker can afford.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from healthaction.cli import main
from tests import hostile_files as hostile

MB = hostile.MB
GROWTH_MB, CPU_SECONDS = 300, 10

CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "20 MB of empty paragraphs (.docx, 75 KB)": (
        lambda d: hostile.docx_with_empty_paragraphs(d, 20 * MB),
        "段落和表格单元格过多",
    ),
    "55 MB of empty paragraphs (.docx, 199 KB)": (
        lambda d: hostile.docx_with_empty_paragraphs(d, 55 * MB),
        "段落和表格单元格过多",
    ),
    "a 50 MB paragraph (.docx)": (lambda d: hostile.docx_with_huge_text(d, 50 * MB), "超过 4 MB"),
    "a 50 MB cell (.xlsx)": (lambda d: hostile.xlsx_plan_with_huge_cell(d, 50 * MB), "超过 4 MB"),
    "45 MB of empty paragraphs (.html)": (
        lambda d: hostile.html_with_many_elements(d, 45 * MB),
        "网页元素过多",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_plan_is_refused_in_bounded_memory_and_time(tmp_path: Path, case: str) -> None:
    make, expected = CASES[case]
    path = make(tmp_path)

    measured = hostile.measure("plan", path)

    assert expected in measured.outcome, measured.outcome
    assert measured.outcome.startswith(str(path))
    assert measured.growth_mb < GROWTH_MB, measured
    assert measured.cpu_seconds < CPU_SECONDS, measured


def test_the_parse_command_exits_2_with_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile.docx_with_empty_paragraphs(tmp_path, 55 * MB)

    code = main(["parse", str(path)])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert str(path) in line
    assert "段落和表格单元格过多（超过 60000 个）" in line


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda d: hostile.docx_with_empty_paragraphs(d, 59_000 * 6), id="59,000 paragraphs"),
        pytest.param(lambda d: hostile.html_with_many_elements(d, 145_000 * 7), id="145,000 page elements"),
    ],
)
def test_a_document_just_under_the_limits_is_read_within_the_budget(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    measured = hostile.measure("plan", make(tmp_path))

    assert measured.outcome.startswith("parsed"), measured.outcome
    assert measured.growth_mb < GROWTH_MB, measured
    assert measured.cpu_seconds < CPU_SECONDS, measured
