"""A small .xlsx that unpacks into a lot is refused at once, naming the place, in flat memory.

Issue 11: a 0.5 MB upload with a 500 MB cell took a worker from 0.4 GB to 4.4 GB and 28 s, and
the cell came back whole in the error (a 218 KB upload answered with a 209.7 MB page); 100 MB of
cell styles added 650 MB. Each file here is generated like the issue's, ten times past the
limit that stops it (``bench/hostile_uploads.py`` measures the issue's full sizes), and read in a
fresh process (its peak RSS is its own). Target: +300 MB and 10 s of CPU at most, a message of
one line that quotes at most a short excerpt of what the user wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from healthaction.workbook import ReadLimits, read_workbook
from tests import hostile_files as hostile

MB = hostile.MB
GROWTH_MB, CPU_SECONDS = 300, 10
LONGEST_MESSAGE = 200  # characters: the place, the reason and a 30-character excerpt

CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "50 MB in one cell": (
        lambda d: hostile.workbook_with_huge_cell(d, 50 * MB),
        "填报!I9：单元格内容超过 32767 字",
    ),
    "50 MB in one shared string": (
        lambda d: hostile.workbook_with_huge_shared_string(d, 50 * MB),
        "共享字符串表第1项超过 32767 字",
    ),
    "5 million shared strings": (
        lambda d: hostile.workbook_with_many_shared_strings(d, 5_000_000),
        "共享字符串表的字符串过多",
    ),
    "20 MB of cell styles": (
        lambda d: hostile.workbook_with_huge_styles(d, 20 * MB),
        "样式表的单元格格式过多",
    ),
    "3 million empty rows": (
        lambda d: hostile.workbook_with_many_empty_rows(d, 3_000_000),
        "填报：工作表用到了第",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_workbook_is_refused_in_bounded_memory_and_time(tmp_path: Path, case: str) -> None:
    make, expected = CASES[case]
    path = make(tmp_path)
    assert path.stat().st_size < 2 * MB  # small on the way in

    measured = hostile.measure("workbook", path)

    assert expected in measured.outcome
    assert "\n" not in measured.outcome, measured.outcome
    assert len(measured.outcome) < LONGEST_MESSAGE, measured.outcome
    assert measured.growth_mb < GROWTH_MB, measured
    assert measured.cpu_seconds < CPU_SECONDS, measured


def test_the_refusal_of_a_long_cell_quotes_only_its_beginning(tmp_path: Path) -> None:
    path = hostile.workbook_with_huge_cell(tmp_path, 100_000)

    result = read_workbook(path, expect_department="区卫生健康局", expect_round="2023年度")

    assert not result.ok
    assert not result.rows
    [error] = result.errors
    assert (error.sheet, error.cell) == ("填报", "I9")
    assert "开头为「" + "x" * 30 + "…」" in error.message
    assert "x" * 31 not in error.message


def test_a_value_cell_too_long_for_a_number_is_named_without_echoing_it(tmp_path: Path) -> None:
    path = hostile.workbook_with_huge_cell(tmp_path, 20_000)  # under Excel's cell limit

    result = read_workbook(path, expect_department="区卫生健康局", expect_round="2023年度")

    [error] = result.errors
    assert error.cell == "I9"
    assert error.message.startswith("应为数字，实际为「" + "x" * 30 + "…")
    assert len(str(error)) < LONGEST_MESSAGE


def test_a_part_whose_zip_header_understates_its_size_is_refused(tmp_path: Path) -> None:
    """A header can lie: the bytes are counted as they stream, so the lie gains nothing."""
    honest = hostile.workbook_with_huge_cell(tmp_path, 3 * MB)
    lying = hostile.with_lying_size(honest, hostile.ENTRY_SHEET_PART, declared=1000)
    limits = ReadLimits(max_cell_chars=10 * MB)  # let the cell through: only the size may stop it

    result = read_workbook(lying, expect_department="区卫生健康局", expect_round="2023年度", limits=limits)

    assert not result.ok
    assert "损坏" in result.errors[0].message or "解压后" in result.errors[0].message


def test_a_part_larger_than_its_limit_is_refused_while_it_streams(tmp_path: Path) -> None:
    from healthaction.package_limits import PackageLimits

    path = hostile.workbook_with_huge_cell(tmp_path, 3 * MB)
    limits = ReadLimits(max_cell_chars=10 * MB, package=PackageLimits(max_part_bytes=2 * MB))

    result = read_workbook(path, expect_department="区卫生健康局", expect_round="2023年度", limits=limits)

    [error] = result.errors
    assert "解压后过大" in error.message
    assert "上限为 2 MB" in error.message


def test_a_zip_listing_too_many_members_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    import zipfile

    template = hostile.entry_template(tmp_path)
    crowded = tmp_path / "成员过多.xlsx"
    with zipfile.ZipFile(template) as old, zipfile.ZipFile(crowded, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        for number in range(10_001):
            new.writestr(f"x/{number}", b"")

    result = read_workbook(crowded, expect_department="区卫生健康局", expect_round="2023年度")

    assert "压缩包内文件过多" in result.errors[0].message
