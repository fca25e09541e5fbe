"""Each row keeps the version of the stored value it was filled from, so an upload can refuse a
row whose value someone changed after the download (no lost update)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import openpyxl

from healthaction.workbook import read_workbook
from healthaction.workbook.tests.sample import DEPARTMENT, FIRST_ROW, ROUND, ROWS, filled, template

VERSIONED = [
    dataclasses.replace(row, version=version)
    for row, version in zip(ROWS, [3, None, 1, 12, None], strict=True)
]


def _versions(path: Path) -> dict[int, int | None]:
    result = read_workbook(path, expect_department=DEPARTMENT, expect_round=ROUND)
    assert result.errors == []
    return {row.row: row.version for row in result.rows}


def test_it_hands_back_each_rows_version_and_none_where_nothing_was_stored(tmp_path: Path) -> None:
    path = filled(template(tmp_path, VERSIONED), {"I9": 21.3, "I10": 4.1})
    assert _versions(path) == {9: 3, 10: None, 11: 1, 12: 12, 13: None}


def test_it_keeps_the_versions_in_a_hidden_locked_column_of_numbers(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(template(tmp_path, VERSIONED))["填报"]
    assert sheet.cell(FIRST_ROW - 1, 13).value == "版本校验（勿改）"
    assert sheet.column_dimensions["M"].hidden
    assert [sheet.cell(FIRST_ROW + i, 13).value for i in range(5)] == [3, None, 1, 12, None]
    assert all(sheet.cell(FIRST_ROW + i, 13).protection.locked for i in range(5))


def test_it_names_a_version_cell_that_was_tampered_with(tmp_path: Path) -> None:
    path = filled(template(tmp_path, VERSIONED), {"M9": "新", "M11": 0, "M12": 2.5, "I10": 4.1})
    result = read_workbook(path, expect_department=DEPARTMENT, expect_round=ROUND)
    assert {error.cell: error.message for error in result.errors} == {
        "M9": "隐藏的「版本校验（勿改）」已被改动，现为「新」；该列由系统填写，请重新下载模板",
        "M11": "隐藏的「版本校验（勿改）」已被改动，现为「0」；该列由系统填写，请重新下载模板",
        "M12": "隐藏的「版本校验（勿改）」已被改动，现为「2.5」；该列由系统填写，请重新下载模板",
    }
    assert result.rows == []


def test_a_cleared_version_reads_as_nothing_stored_so_the_caller_refuses_it_if_a_value_exists(
    tmp_path: Path,
) -> None:
    path = filled(template(tmp_path, VERSIONED), {"M9": None, "I9": Decimal("21.3")})
    assert _versions(path)[9] is None


def test_it_refuses_a_template_made_before_rows_carried_versions(tmp_path: Path) -> None:
    path = template(tmp_path, VERSIONED)
    workbook = openpyxl.load_workbook(path)
    workbook["元数据"]["B1"] = "1"  # 格式版本 of the templates handed out before
    workbook.save(path)
    result = read_workbook(path, expect_department=DEPARTMENT, expect_round=ROUND)
    assert [str(error) for error in result.errors] == [
        "填报表.xlsx：这是旧版填报表，不含数据版本，无法确认下载后是否有人在系统中改过其中的值；"
        "请重新下载模板，把「填报值」「说明」两列抄入新模板后再上传"
    ]
    assert result.rows == []
