from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from healthaction.workbook import EnteredValue, read_workbook
from healthaction.workbook.tests.sample import DEPARTMENT, ROUND, ROWS, filled, template


def _read(path: Path) -> list[tuple[str, str, int, Decimal | None, str]]:
    result = read_workbook(path, expect_department=DEPARTMENT, expect_round=ROUND)
    assert result.errors == []
    return [(r.region_code, r.indicator_code, r.year, r.value, r.comment) for r in result.rows]


def test_it_reads_back_what_was_typed(tmp_path: Path) -> None:
    path = filled(
        template(tmp_path),
        {"I9": 21.3, "J9": "较上年提高1.7个百分点", "I10": 4.1, "I11": 11, "I12": 78.4, "I13": 18.25},
    )
    assert _read(path) == [
        ("620403", "17", 2023, Decimal("21.3"), "较上年提高1.7个百分点"),
        ("620403", "18", 2023, Decimal("4.1"), ""),
        ("620403", "19", 2023, Decimal("11"), ""),
        ("620403", "20", 2023, Decimal("78.4"), "统计局口径"),
        ("620421", "17", 2023, Decimal("18.25"), ""),
    ]


def test_it_returns_blank_rows_as_not_reported_and_keeps_prefilled_values(tmp_path: Path) -> None:
    path = filled(template(tmp_path), {"J10": "数据待卫健委核定"})
    values = {(r.indicator_code, r.region_code): (r.value, r.comment) for r in _rows(path)}
    assert values[("18", "620403")] == (None, "数据待卫健委核定")
    assert values[("20", "620403")] == (Decimal("78.1"), "统计局口径")  # pre-filled by the template
    assert values[("17", "620421")] == (None, "")


def test_it_gives_each_row_its_names_unit_and_place(tmp_path: Path) -> None:
    row = _rows(filled(template(tmp_path), {"I11": "9.8"}))[2]
    assert row == EnteredValue(
        row=11,
        region_code="620403",
        region_name="平川区",
        indicator_code="19",
        indicator_name="孕产妇死亡率",
        unit="1/10万",
        year=2023,
        value=Decimal("9.8"),
        comment="",
    )


def test_it_hands_rows_to_the_caller_one_by_one_when_asked(tmp_path: Path) -> None:
    path = filled(template(tmp_path), {"I9": 21.3})
    seen: list[EnteredValue] = []
    result = read_workbook(path, expect_department=DEPARTMENT, expect_round=ROUND, on_row=seen.append)
    assert result.ok
    assert result.rows == []
    assert [r.row for r in seen] == [9, 10, 11, 12, 13]
    assert result.row_count == len(ROWS)


def test_it_reports_the_department_region_and_round_of_the_file(tmp_path: Path) -> None:
    result = read_workbook(template(tmp_path), expect_department=DEPARTMENT, expect_round=ROUND)
    assert (result.department, result.region_name, result.round_label) == (DEPARTMENT, "平川区", ROUND)


def test_it_reads_a_template_resaved_by_libreoffice_calc(tmp_path: Path) -> None:
    """Calc writes its own shared strings, styles and <dimension>: the reader must not care."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    source = filled(template(tmp_path), {"I9": 21.3, "I13": "１８.５", "J13": "全角数字"})
    out = tmp_path / "resaved"
    done = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    resaved = out / source.name
    if not resaved.exists():
        pytest.skip(f"LibreOffice Calc cannot convert here: {done.stderr.strip()[-200:]}")
    values = {r.row: r.value for r in _rows(resaved)}
    assert values[9] == Decimal("21.3")
    assert values[13] == Decimal("18.5")


def _rows(path: Path) -> list[EnteredValue]:
    result = read_workbook(path, expect_department=DEPARTMENT, expect_round=ROUND)
    assert result.errors == []
    return result.rows
