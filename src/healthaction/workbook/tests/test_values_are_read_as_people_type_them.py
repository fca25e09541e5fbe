"""What people type into 填报值, one case per row: the number read, the note, or the refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from healthaction.workbook.sheet_stream import RawCell
from healthaction.workbook.values import CellValueError, read_value


@pytest.mark.parametrize(
    ("cell", "unit", "value", "note"),
    [
        (RawCell("number", "21.3", ""), "%", "21.3", None),
        (RawCell("number", "0.30000000000000004", ""), "%", "0.3", None),
        (RawCell("text", "21.3", ""), "%", "21.3", None),
        (RawCell("text", "２１．３", ""), "%", "21.3", None),  # full-width, NFKC
        (RawCell("text", " 1,234.5 ", ""), "人", "1234.5", None),
        (RawCell("text", "−2.5", ""), "个百分点", "-2.5", None),
        (RawCell("text", "10%", ""), "%", "10", "已去掉单位「%」，按 10 读取"),
        (RawCell("text", "10％", ""), "%", "10", "已去掉单位「%」，按 10 读取"),
        (RawCell("text", "78.5岁", ""), "岁", "78.5", "已去掉单位「岁」，按 78.5 读取"),
        (RawCell("text", "1.2‰", ""), "%", "0.12", "按「‰」换算为「%」：1.2‰ → 0.12"),
        (RawCell("text", "5‰", ""), "1/10万", "500", "按「‰」换算为「1/10万」：5‰ → 500"),
        (RawCell("text", "12/10万", ""), "‰", "0.12", "按「/10万」换算为「‰」：12/10万 → 0.12"),
        (RawCell("number", "0.105", "percent"), "%", "10.5", "单元格为百分比格式，按 10.5% 读为 10.5"),
        (RawCell("number", "0.0044", "percent"), "‰", "4.4", "单元格为百分比格式，0.44% 换算为「‰」：4.4"),
        (RawCell("text", "", ""), "%", None, None),
        (RawCell("text", "  ", ""), "%", None, None),
    ],
)
def test_it_reads_numbers_however_they_are_typed(
    cell: RawCell, unit: str, value: str | None, note: str | None
) -> None:
    read = read_value(cell, unit)
    assert read.value == (Decimal(value) if value is not None else None)
    assert read.note == note


@pytest.mark.parametrize(
    ("cell", "unit", "message"),
    [
        (
            RawCell("text", "约10%", ""),
            "%",
            "应为数字，实际为「约10%」；只填一个数字",
        ),
        (RawCell("text", "10%左右", ""), "%", "应为数字，实际为「10%左右」"),
        (RawCell("text", "10-12", ""), "%", "应为数字，实际为「10-12」"),
        (RawCell("text", "暂无", ""), "%", "应为数字，实际为「暂无」；无数据请留空，并在「说明」中写明原因"),
        (RawCell("text", "78岁", ""), "%", "填写的单位「岁」与本项单位「%」不同，无法换算"),
        (RawCell("text", "3万人", ""), "人", "填写的单位「万人」与本项单位「人」不同，无法换算"),
        (RawCell("number", "0.1", "percent"), "岁", "单元格为百分比格式（10%），本行单位为「岁」，无法换算"),
        (RawCell("number", "45200", "date"), "%", "应为数字，实际为日期"),
        (RawCell("bool", "1", ""), "%", "应为数字，实际为「TRUE」"),
        (RawCell("error", "#DIV/0!", ""), "%", "应为数字，实际为公式错误「#DIV/0!」"),
        (RawCell("number", "1e13", ""), "人", "过大"),
    ],
)
def test_it_refuses_what_is_not_one_number_in_the_rows_unit(cell: RawCell, unit: str, message: str) -> None:
    with pytest.raises(CellValueError) as refused:
        read_value(cell, unit)
    assert message in str(refused.value)
