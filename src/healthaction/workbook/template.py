"""The department's data-entry template (.xlsx): one 填报 sheet and a hidden 元数据 sheet.

Written with openpyxl in write-only mode, so a province-size template (100 k rows) costs
the same memory as a county's. Grey key cells are locked under sheet protection; only 填报值
and 说明 are open, with data validation (a decimal naming the row's unit, a length limit on
the comment). Each row's hidden 版本校验 cell holds the version of the value it was filled
from, as a number: numbers are kept in the cell, not in the shared-string table, so 100 k
distinct versions cost the reader nothing. The file goes to ``name.tmp`` first, then
replaces ``path``: no reader ever sees half a template.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from healthaction.numbers import plausible_range
from healthaction.spreadsheet_text import as_text
from healthaction.workbook.layout import (
    COMMENT,
    COMMENT_MAX_CHARS,
    ENTRY_SHEET,
    FORMAT_VERSION,
    HEADERS,
    INDICATOR_NAME,
    LAST_COLUMN,
    LAST_YEAR,
    META_CREATED,
    META_DEPARTMENT,
    META_HEADER_ROW,
    META_REGION,
    META_ROUND,
    META_ROWS,
    META_SHEET,
    META_VERSION,
    ORIGINAL_INDICATOR,
    ORIGINAL_REGION,
    ROW_VERSION,
    TARGET,
    VALUE,
    VALUE_LIMIT,
    YEAR,
    EntryRow,
)

log = logging.getLogger(__name__)

LAST_VISIBLE = get_column_letter(COMMENT)
WIDTHS = {1: 10, 2: 12, 3: 9, 4: 36, 5: 9, 6: 7, 7: 10, 8: 18, 9: 12, 10: 40, 11: 8, 12: 8, 13: 8}

_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_GREY = PatternFill("solid", fgColor="F2F2F2")
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_OPEN_FILL = PatternFill("solid", fgColor="FFFFFF")
_OPEN = Protection(locked=False)
_WRAP = Alignment(wrap_text=True, vertical="top")


def instructions(*, department: str, round_label: str) -> list[str]:
    return [
        "填表说明：",
        "1. 只填写白色的「填报值」和「说明」两列；灰色单元格是系统数据，已锁定，不能修改。",
        "2. 「填报值」只填数字，单位以「单位」列为准（如单位为 % 时，20.5% 填 20.5）；"
        "无数据请留空，并在「说明」中写明原因。",
        f"3. 与上年相比变化较大的，请在「说明」中写明原因；说明不超过{COMMENT_MAX_CHARS}字。",
        "4. 不要增删行或列，不要修改工作表名称；填好后保存为 .xlsx，在系统「上传填报表」中上传本文件。",
        f"5. 本表仅供「{department}」在「{round_label}」填报轮次上传，其他部门或轮次上传会被拒绝；"
        "下载后有人在系统中改过的值不会被本表覆盖，上传时会提示，请重新下载模板后再填报。",
    ]


def build_template(
    rows: Sequence[EntryRow], *, department: str, region_name: str, round_label: str, path: Path
) -> None:
    """Write the 填报表 for one department and round: ``rows`` in order, pre-filled where given."""
    _refuse_duplicates(rows)
    notes = instructions(department=department, round_label=round_label)
    header_row = 2 + len(notes)
    first, last = header_row + 1, header_row + max(len(rows), 1)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(ENTRY_SHEET)
    # Write-only sheets carry no <dimension>; readers such as openpyxl's read-only mode then
    # parse the whole sheet once just to size it. We know the size, so we state it.
    sheet.calculate_dimension = lambda: f"A1:{get_column_letter(LAST_COLUMN)}{last}"
    for column, width in WIDTHS.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    for hidden in (ORIGINAL_REGION, ORIGINAL_INDICATOR, ROW_VERSION):
        sheet.column_dimensions[get_column_letter(hidden)].hidden = True
    sheet.freeze_panes = f"{get_column_letter(INDICATOR_NAME + 1)}{first}"
    for line_number in range(1, header_row):
        sheet.merged_cells.add(f"A{line_number}:{LAST_VISIBLE}{line_number}")
    _protect(sheet)
    sheet.auto_filter.ref = f"A{header_row}:{LAST_VISIBLE}{last}"
    _add_validations(sheet, rows, first)

    title = f"{region_name}{round_label}{department}指标填报表"
    sheet.append([_cell(sheet, title, font=Font(bold=True, size=14))])
    for line in notes:
        sheet.append([_cell(sheet, line, font=Font(size=10, color="595959"))])
    sheet.append([_header(sheet, text) for text in HEADERS.values()])
    for entry in rows:
        sheet.append(list(_row_cells(sheet, entry)))

    meta = workbook.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    created = dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
    for key, value in (
        (META_VERSION, FORMAT_VERSION),
        (META_DEPARTMENT, department),
        (META_REGION, region_name),
        (META_ROUND, round_label),
        (META_ROWS, str(len(rows))),
        (META_HEADER_ROW, str(header_row)),
        (META_CREATED, created),
    ):
        meta.append([key, value])
    # Locks renaming, deleting and unhiding sheets: the reader finds both by name.
    workbook.security = WorkbookProtection(lockStructure=True)

    temporary = path.with_name(path.name + ".tmp")
    workbook.save(temporary)
    temporary.replace(path)
    log.info("填报表 %s：%d 行（%s，%s）", path.name, len(rows), department, round_label)


def _refuse_duplicates(rows: Sequence[EntryRow]) -> None:
    seen: set[tuple[str, str, int]] = set()
    for row in rows:
        key = (row.region_code, row.indicator_code, row.year)
        if key in seen:
            raise ValueError(f"填报表重复的行：{row.region_name} {row.indicator_name} {row.year}年")
        seen.add(key)


def _protect(sheet: Any) -> None:
    """Sheet protection without a password: it stops slips, not intent (the reader checks keys)."""
    protection = sheet.protection
    protection.sheet = True
    # False means "allowed" in OOXML's protection flags: resize, filter, but not sort or insert.
    protection.formatColumns = False
    protection.formatRows = False
    protection.autoFilter = False


def _add_validations(sheet: Any, rows: Sequence[EntryRow], first: int) -> None:
    """A decimal check on 填报值 whose input message names the unit; one rule per unit."""
    value_column, comment_column = get_column_letter(VALUE), get_column_letter(COMMENT)
    for (unit, low, high), ranges in _unit_ranges(rows, first):
        shown = unit or "无单位"
        rule = DataValidation(
            type="decimal",
            operator="between",
            # The one number rule's range for the unit (% 0–100 …), so Excel stops −5 while typing.
            formula1=str(-VALUE_LIMIT if low is None else low),
            formula2=str(VALUE_LIMIT if high is None else high),
            allow_blank=True,
            showInputMessage=True,
            showErrorMessage=True,
            errorStyle="stop",
            promptTitle="填报值",
            prompt=f"单位：{shown}。只填数字，不要写单位；无数据请留空。",
            errorTitle="应为数字",
            error=f"请填写数字，单位：{shown}。",
        )
        rule.sqref = " ".join(f"{value_column}{a}:{value_column}{b}" for a, b in ranges)
        sheet.data_validations.append(rule)
    comment = DataValidation(
        type="textLength",
        operator="lessThanOrEqual",
        formula1=str(COMMENT_MAX_CHARS),
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        promptTitle="说明",
        prompt=f"无数据的原因、与上年变化较大的原因等，不超过{COMMENT_MAX_CHARS}字。",
        errorTitle="说明过长",
        error=f"说明不超过{COMMENT_MAX_CHARS}字。",
    )
    comment.sqref = f"{comment_column}{first}:{comment_column}{first + max(len(rows), 1) - 1}"
    sheet.data_validations.append(comment)


Bounds = tuple[str, Decimal | None, Decimal | None]


def _unit_ranges(rows: Sequence[EntryRow], first: int) -> Iterator[tuple[Bounds, list[tuple[int, int]]]]:
    """Runs of consecutive rows sharing a unit and plausible range (``healthaction.numbers``),
    grouped: {("%", 0, 100): [(9, 20), (31, 40)]}."""
    runs: dict[Bounds, list[tuple[int, int]]] = {}
    for index, row in enumerate(rows):
        number = first + index
        spans = runs.setdefault((row.unit, *plausible_range(row.unit or None, name=row.indicator_name)), [])
        if spans and spans[-1][1] == number - 1:
            spans[-1] = (spans[-1][0], number)
        else:
            spans.append((number, number))
    yield from runs.items()


def _row_cells(sheet: Any, row: EntryRow) -> Iterator[WriteOnlyCell]:
    values: dict[int, object] = dict(zip(range(1, YEAR + 1), row.keys, strict=True))
    values[LAST_YEAR] = row.last_year_value
    values[TARGET] = row.target_text or None
    for column in range(1, TARGET + 1):
        yield _cell(sheet, values[column], fill=_GREY, border=True)
    yield _cell(sheet, row.current_value, fill=_OPEN_FILL, border=True, locked=False)
    yield _cell(sheet, row.comment or None, fill=_OPEN_FILL, border=True, locked=False, wrap=True)
    # Two cells, not one: each repeats across rows, so the shared-string table stays small.
    yield _cell(sheet, json.dumps(row.original_region, ensure_ascii=False))
    yield _cell(sheet, json.dumps(row.original_indicator, ensure_ascii=False))
    yield _cell(sheet, row.version)


def _header(sheet: Any, text: str) -> WriteOnlyCell:
    return _cell(sheet, text, font=Font(bold=True), fill=_HEADER_FILL, border=True)


def _cell(
    sheet: Any,
    value: object,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    border: bool = False,
    locked: bool = True,
    wrap: bool = False,
) -> WriteOnlyCell:
    # Names, targets and comments are users' text: never a formula (healthaction.spreadsheet_text).
    cell = as_text(WriteOnlyCell(sheet, value=value))
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if border:
        cell.border = _BORDER
    if not locked:
        cell.protection = _OPEN
    if wrap:
        cell.alignment = _WRAP
    return cell
