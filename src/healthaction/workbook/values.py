"""What a 填报值 cell says, as a number in the row's unit, or why it says nothing usable.

People type ``１２.５`` (full-width), ``12.5%`` in a % row, ``1.2‰`` in a % row, or let
Excel turn ``10%`` into 0.1 with a percent format. All of these are read, the unit ones
with a note; the only conversions are % ↔ ‰ ↔ 1/10万 (``healthaction.catalog``).
``约10%``, ``10%左右``, ``暂无`` or ``10-12`` are not numbers and are refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from healthaction.catalog.units import PERCENT, UnitError, is_rate, normalise_unit, scale_exponent
from healthaction.workbook.layout import VALUE_LIMIT
from healthaction.workbook.sheet_stream import RawCell

_NUMBER = re.compile(r"([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(.*)")
# Words that make a number an estimate or a range, not a value: 10%左右, 约10, 10-12.
_HEDGES = re.compile(r"左右|以上|以下|以内|多|余|约|近|至|到|[~～\-—]")
_MINUS_SIGNS = str.maketrans({"−": "-", "－": "-"})


class CellValueError(ValueError):
    """The cell cannot be read as a number in the row's unit; the message says why, in Chinese."""


@dataclass(frozen=True)
class ReadValue:
    value: Decimal | None
    note: str | None = None


def read_value(cell: RawCell | None, unit: str) -> ReadValue:
    """The number a 填报值 cell holds, in ``unit``.

    >>> read_value(RawCell("text", "１２.５", ""), "%").value
    Decimal('12.5')
    >>> read_value(RawCell("number", "0.105", "percent"), "%").value
    Decimal('10.5')
    """
    if cell is None:
        return ReadValue(None)
    if cell.kind == "number":
        return _checked(_number_cell(cell, unit))
    if cell.kind == "text":
        return _checked(_text_cell(cell.text, unit))
    if cell.kind == "bool":
        raise CellValueError(f"应为数字，实际为「{'TRUE' if cell.text == '1' else 'FALSE'}」")
    if cell.kind == "error":
        raise CellValueError(f"应为数字，实际为公式错误「{cell.text}」")
    raise CellValueError(f"应为数字，实际为日期「{cell.text}」")


def _checked(read: ReadValue) -> ReadValue:
    if read.value is not None and abs(read.value) >= VALUE_LIMIT:
        raise CellValueError(f"数值「{read.value}」过大，请检查单位或是否多打了数字")
    return read


def _number_cell(cell: RawCell, unit: str) -> ReadValue:
    # Excel stores binary doubles and shows 15 significant digits: 0.1 + 0.2 is 0.3 here too.
    value = Decimal(format(float(cell.text), ".15g"))
    if cell.style == "date":
        raise CellValueError("应为数字，实际为日期（Excel 把输入当成了日期，请改为数字）")
    if cell.style != "percent":
        return ReadValue(value)
    shown = f"{_plain(value.scaleb(2))}%"
    if not is_rate(unit):
        raise CellValueError(f"单元格为百分比格式（{shown}），本行单位为「{unit or '无'}」，无法换算")
    converted = _tidy(value.scaleb(2 + scale_exponent(PERCENT, unit)))
    if normalise_unit(unit) == PERCENT:
        return ReadValue(converted, f"单元格为百分比格式，按 {shown} 读为 {_plain(converted)}")
    return ReadValue(converted, f"单元格为百分比格式，{shown} 换算为「{unit}」：{_plain(converted)}")


def _text_cell(text: str, unit: str) -> ReadValue:
    written = text.strip()
    cleaned = re.sub(r"\s+", "", unicodedata.normalize("NFKC", written).translate(_MINUS_SIGNS))
    if not cleaned:
        return ReadValue(None)
    match = _NUMBER.fullmatch(cleaned)
    if match is None or _HEDGES.search(match.group(2)):
        raise CellValueError(f"应为数字，实际为「{written}」{_hint(cleaned)}")
    try:
        value = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation as error:  # the pattern admits only decimals; kept for safety
        raise CellValueError(f"应为数字，实际为「{written}」") from error
    suffix = match.group(2)
    if not suffix:
        return ReadValue(value)
    typed, expected = normalise_unit(suffix), normalise_unit(unit)
    if typed == expected:
        return ReadValue(value, f"已去掉单位「{suffix}」，按 {_plain(value)} 读取")
    try:
        exponent = scale_exponent(typed, expected)
    except UnitError as error:
        raise CellValueError(
            f"填写的单位「{suffix}」与本行单位「{unit or '无'}」不同，无法换算；"
            f"请只填数字（单位：{unit or '无'}）"
        ) from error
    converted = _tidy(value.scaleb(exponent))
    return ReadValue(converted, f"按「{suffix}」换算为「{unit}」：{written} → {_plain(converted)}")


def _hint(cleaned: str) -> str:
    if not re.search(r"\d", cleaned):
        return "；无数据请留空，并在「说明」中写明原因"
    return "；只填一个数字，估计、范围等请写在「说明」中"


def _tidy(value: Decimal) -> Decimal:
    """0.1 scaled to % is Decimal('1E+1'); stored and shown, it should be 10."""
    return Decimal(_plain(value))


def _plain(value: Decimal) -> str:
    """12.50 → 12.5, 1E+1 → 10: a number as a person writes it."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
