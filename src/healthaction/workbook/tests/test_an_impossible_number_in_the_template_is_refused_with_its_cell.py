"""Issue 11: 1e309 was read as 1 with the unit "e309", and −5 or 250 in a % row passed silently.

The one number rule (``healthaction.numbers``) refuses each, naming file, sheet and cell, and the
message never spells out a huge number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.workbook import read_workbook
from healthaction.workbook.tests.sample import DEPARTMENT, ROUND, filled, template


def _errors(path: Path) -> dict[str, str]:
    result = read_workbook(path, expect_department=DEPARTMENT, expect_round=ROUND)
    assert not result.ok
    return {error.cell: str(error) for error in result.errors}


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1e309", "数值过大"),
        ("1E+25", "数值过大"),
        ("99999999999999999999", "数值过大"),
        ("-5", "百分比应在0到100之间"),
        ("250", "百分比应在0到100之间"),
        (-5, "百分比应在0到100之间"),
        (250, "百分比应在0到100之间"),
        (1e300, "数值过大"),
    ],
)
def test_an_impossible_percent_is_refused_naming_sheet_and_cell(
    tmp_path: Path, typed: object, reason: str
) -> None:
    errors = _errors(filled(template(tmp_path), {"I9": typed}))
    assert list(errors) == ["I9"]
    assert errors["I9"].startswith("填好的填报表.xlsx 填报!I9：")
    assert reason in errors["I9"]
    assert len(errors["I9"]) < 120


def test_a_negative_death_rate_and_a_life_expectancy_of_300_are_refused(tmp_path: Path) -> None:
    errors = _errors(filled(template(tmp_path), {"I10": "-3", "I11": -1, "I12": 300}))
    assert sorted(errors) == ["I10", "I11", "I12"]
    assert "千分率应在0到1000之间" in errors["I10"]
    assert "不能为负数" in errors["I11"]
    assert "预期寿命应在40到100岁之间" in errors["I12"]


def test_a_plausible_row_next_to_a_refused_one_is_still_read(tmp_path: Path) -> None:
    errors = _errors(filled(template(tmp_path), {"I9": "21.3", "I10": "1e309"}))
    assert list(errors) == ["I10"]
