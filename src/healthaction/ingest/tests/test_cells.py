"""One framework-table cell read into comparator, value and unit; header cells into column roles."""

from __future__ import annotations

import pytest

from healthaction.ingest.extract.cells import (
    UnreadableCellError,
    header_role,
    is_blank,
    is_header,
    looks_like_value,
    parse_cell,
)

VALUES = [
    # cell as written, [(comparator, value, unit, text)]
    ("≤3．75", [("<=", 3.75, None, "≤3．75")]),
    ("≥22", [(">=", 22, None, "≥22")]),
    ("＜24.5", [("<", 24.5, None, "＜24.5")]),
    ("＞90", [(">", 90, None, "＞90")]),
    (">96", [(">", 96, None, ">96")]),
    ("74.5", [("=", 74.5, None, "74.5")]),
    ("0", [("=", 0, None, "0")]),
    ("７６．７", [("=", 76.7, None, "７６．７")]),
    ("32．29*", [("=", 32.29, None, "32．29*")]),
    ("≥90%", [(">=", 90, "%", "≥90%")]),
    ("90％以上", [(">=", 90, "%", "90％以上")]),
    ("不低于80", [(">=", 80, None, "不低于80")]),
    ("控制在15以下", [("<=", 15, None, "控制在15以下")]),
    ("≤18/10万", [("<=", 18, "1/10万", "≤18/10万")]),
    ("≤7.5‰", [("<=", 7.5, "‰", "≤7.5‰")]),
    ("实现", [("achieved", None, None, "实现")]),
    ("基本實現", [("achieved", None, None, "基本實現")]),
    ("下降", [("decrease", None, None, "下降")]),
    ("持续下降", [("decrease", None, None, "持续下降")]),
    ("持续减缓", [("slow", None, None, "持续减缓")]),
    ("增速下降", [("slow", None, None, "增速下降")]),
    ("明显改善", [("improve", None, None, "明显改善")]),
    ("保持", [("maintain", None, None, "保持")]),
    ("提高", [("increase", None, None, "提高")]),
    ("100\n70", [("=", 100, None, "100"), ("=", 70, None, "70")]),
    ("100，70", [("=", 100, None, "100"), ("=", 70, None, "70")]),
    ("≥80、≥60", [(">=", 80, None, "≥80"), (">=", 60, None, "≥60")]),
    ("下降，并持续下降", [("decrease", None, None, "下降，并持续下降")]),
]


@pytest.mark.parametrize(("cell", "expected"), VALUES)
def test_it_reads_a_cell_as_comparator_value_unit_keeping_the_text(
    cell: str, expected: list[tuple[str, float | None, str | None, str]]
) -> None:
    got = [(v.comparator, v.value, v.unit, v.text) for v in parse_cell(cell)]
    assert got == expected


@pytest.mark.parametrize("cell", ["32", "0", "100，70", "７６"])
def test_it_keeps_integers_as_integers(cell: str) -> None:
    assert all(isinstance(v.value, int) for v in parse_cell(cell))


def test_it_marks_a_footnoted_value() -> None:
    assert parse_cell("32．29*")[0].starred
    assert not parse_cell("32．29")[0].starred


@pytest.mark.parametrize("cell", ["", " ", "—", "——", "-", "－－", "/", "无"])
def test_it_reads_dashes_and_empty_cells_as_nothing(cell: str) -> None:
    assert is_blank(cell)
    assert parse_cell(cell) == []


@pytest.mark.parametrize(
    "cell", ["在2019年基础上提高10%", "18.5~24", "婴儿死亡率", "预期性", "2002—2012年平均每年增长约5.3%"]
)
def test_it_refuses_cells_that_are_not_one_value(cell: str) -> None:
    with pytest.raises(UnreadableCellError):
        parse_cell(cell)
    assert not looks_like_value(cell)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("考核\n依据", "basis"),
        ("序号", "seq"),
        ("指  标", "indicator"),
        ("指標名稱", "indicator"),
        ("基期水平（2017年）", "baseline"),
        ("基期水準", "baseline"),
        ("2018年基期值", "baseline"),
        ("2022年\n白银市目标值", "target"),
        ("2030年全國目標值", "target"),
        ("2022年", "target"),
        ("指标性质", "nature"),
        ("领域", "domain"),
        ("计量单位", "unit"),
        ("牵头单位", "other"),
        ("人均预期寿命（岁）", None),
        ("73.7", None),
        ("", None),
    ],
)
def test_it_names_the_column_a_header_cell_heads(header: str, role: str | None) -> None:
    assert header_role(header) == role


def test_it_knows_a_header_row_from_a_data_row() -> None:
    assert is_header(["考核依据", "序号", "指标", "2018年基期值", "2022年目标值"])
    assert is_header(["领域", "指標", "基期水準", "2022年目標值", "2030年目標值", "指標性質"])
    assert not is_header(["", "1", "人均预期寿命（岁）", "76.7", "77.7"])
    assert not is_header(["序号", "重点工作任务", "牵头部门", "完成时限"])
