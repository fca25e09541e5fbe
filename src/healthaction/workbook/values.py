"""What a 填报值 cell says, as a number in the row's unit, or why it says nothing usable.

People type ``１２.５`` (full-width), ``12.5%`` in a % row, ``1.2‰`` in a % row, or let
Excel turn ``10%`` into 0.1 with a percent format. All of these are read, the unit ones
with a note; the only conversions are % ↔ ‰ ↔ 1/10万 (``healthaction.catalog``).
``约10%``, ``10%左右``, ``暂无`` or ``10-12`` are not numbers and are refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from healthaction.catalog.units import PERCENT, is_rate, normalise_unit, scale_exponent
from healthaction.numbers import DECIMALS, LIMIT, NumberRefused, check_amount, excerpt, fold, read_amount
from healthaction.workbook.sheet_stream import RawCell

# The column the rule's messages would name; the reader names sheet, row and cell instead.
FIELD = "填报值"


class CellValueError(ValueError):
    """The cell cannot be read as a number in the row's unit; the message says why, in Chinese."""


@dataclass(frozen=True)
class ReadValue:
    value: Decimal | None
    note: str | None = None


def read_value(cell: RawCell | None, unit: str, name: str | None = None) -> ReadValue:
    """The number a 填报值 cell holds, in ``unit``, held to the one number rule (``name``: the
    indicator's, so a 增长率 in % may be negative).

    >>> read_value(RawCell("text", "１２.５", ""), "%").value
    Decimal('12.5')
    >>> read_value(RawCell("number", "0.105", "percent"), "%").value
    Decimal('10.5')
    """
    if cell is None:
        return ReadValue(None)
    if cell.kind == "number":
        return _number_cell(cell, unit, name)
    if cell.kind == "text":
        return _text_cell(cell.text, unit, name)
    if cell.kind == "bool":
        raise CellValueError(f"应为数字，实际为「{'TRUE' if cell.text == '1' else 'FALSE'}」")
    if cell.kind == "error":
        raise CellValueError(f"应为数字，实际为公式错误「{cell.text}」")
    raise CellValueError(f"应为数字，实际为日期「{cell.text}」")


def _checked(read: ReadValue, unit: str, name: str | None) -> ReadValue:
    """The one number rule (``healthaction.numbers``): finite, 12 digits, plausible in ``unit``."""
    if read.value is None:
        return read
    try:
        value = check_amount(read.value, field=FIELD, unit=unit or None, name=name)
    except NumberRefused as refused:
        raise CellValueError(_without_field(refused)) from None
    return ReadValue(value, read.note)


def _without_field(refused: NumberRefused) -> str:
    """The reader names the sheet and cell itself: drop the rule's 「填报值」： prefix."""
    return refused.message.removeprefix(f"「{FIELD}」：")


def _number_cell(cell: RawCell, unit: str, name: str | None) -> ReadValue:
    # Excel stores binary doubles and shows 15 significant digits: 0.1 + 0.2 is 0.3 here too.
    number = float(cell.text)
    if not math.isfinite(number):
        raise CellValueError(f"应为有限的数字，实际为「{excerpt(cell.text)}」")
    value = Decimal(format(number, ".15g"))
    if cell.style == "date":
        raise CellValueError("应为数字，实际为日期（Excel 把输入当成了日期，请改为数字）")
    if cell.style != "percent":
        return _checked(ReadValue(_stored(value)), unit, name)
    if abs(value) >= LIMIT:
        return _checked(ReadValue(value), unit, name)
    shown = f"{_plain(value.scaleb(2))}%"
    if not is_rate(unit):
        raise CellValueError(f"单元格为百分比格式（{shown}），本行单位为「{unit or '无'}」，无法换算")
    converted = _stored(_tidy(value.scaleb(2 + scale_exponent(PERCENT, unit))))
    if normalise_unit(unit) == PERCENT:
        note = f"单元格为百分比格式，按 {shown} 读为 {_plain(converted)}"
    else:
        note = f"单元格为百分比格式，{shown} 换算为「{unit}」：{_plain(converted)}"
    return _checked(ReadValue(converted, note), unit, name)


def _stored(value: Decimal) -> Decimal:
    """A binary double's digits past the 6 decimals the database keeps (1/3 → 0.333333) are Excel's
    arithmetic, not the user's: rounded to what is stored, like Excel rounds what it shows."""
    if abs(value) >= LIMIT or value.as_tuple().exponent >= -DECIMALS:  # type: ignore[operator]
        return value
    return _tidy(value.quantize(Decimal(1).scaleb(-DECIMALS)))


def _text_cell(text: str, unit: str, name: str | None) -> ReadValue:
    written = text.strip()
    if not fold(written):
        return ReadValue(None)
    try:
        read = read_amount(written, field=FIELD, unit=unit or None, name=name)
    except NumberRefused as refused:
        raise CellValueError(_without_field(refused)) from None
    return ReadValue(read.value, read.note)


def _tidy(value: Decimal) -> Decimal:
    """0.1 scaled to % is Decimal('1E+1'); stored and shown, it should be 10."""
    return Decimal(_plain(value))


def _plain(value: Decimal) -> str:
    """12.50 → 12.5, 1E+1 → 10: a number as a person writes it."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
