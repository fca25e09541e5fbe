"""Excel (.xlsx, openpyxl read-only): each worksheet is one Table.

A merged range keeps its value in the top-left cell; the other cells are "" (the
file stores nothing there). Numbers are written as Excel shows them: whole
numbers without ".0", percentages with "%". Empty rows and trailing empty
columns are dropped.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

from healthaction.ingest.blocks import Block, Table
from healthaction.ingest.errors import UnreadableDocument


def read(path: Path, data: bytes) -> list[Block]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, TypeError, OSError) as exc:
        raise UnreadableDocument(f"{path}：不是有效的 Excel 工作簿（.xlsx）") from exc
    try:
        blocks: list[Block] = []
        for sheet in workbook.worksheets:
            rows = _rows(sheet)
            if rows:
                blocks.append(Table(rows, where=f"工作表{sheet.title}"))
        return blocks
    finally:
        workbook.close()


def _rows(sheet: Any) -> tuple[tuple[str, ...], ...]:
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # some writers record a wrong size; read every row there is
    rows: list[list[str]] = []
    for row in sheet.iter_rows():
        cells = [_text(getattr(cell, "value", None), getattr(cell, "number_format", "")) for cell in row]
        if any(cells):
            rows.append(cells)
    width = max((max((i + 1 for i, c in enumerate(r) if c), default=0) for r in rows), default=0)
    return tuple(tuple((row + [""] * width)[:width]) for row in rows)


def _text(value: Any, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        if "%" in (number_format or ""):
            return _number(value * 100) + "%"
        return _number(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _number(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    value = round(value, 10)  # 0.22 shown as 22% is 22.000000000000004 after * 100
    return str(int(value)) if value.is_integer() else repr(value)
