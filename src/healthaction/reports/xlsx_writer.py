"""A Draft as a workbook: a 说明 sheet with the title and narrative, then one sheet per table.

Numbers stay numbers (with a number format), units sit in the headers, the header row is
frozen and filtered, and columns are wide enough for their Chinese text.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from healthaction.reports.draft import Draft, Heading, Paragraph, Table
from healthaction.spreadsheet_text import all_as_text, as_text

FONT = "仿宋"
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _width(value: object) -> float:
    text = "" if value is None else str(value)
    return sum(2.1 if ord(c) >= 0x2E80 else 1.1 for c in text)


def _sheet_name(name: str, taken: set[str]) -> str:
    base = "".join(c for c in name if c not in "[]:*?/\\")[:28] or "表"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    taken.add(name)
    return name


def write_xlsx(draft: Draft, path: Path) -> None:
    book = Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append([draft.title])
    notes["A1"].font = Font(name=FONT, size=16, bold=True)
    for block in draft.blocks:
        if isinstance(block, Heading):
            notes.append([block.text])
            notes.cell(notes.max_row, 1).font = Font(name=FONT, bold=True)
        elif isinstance(block, Paragraph):
            notes.append([block.text])
            notes.cell(notes.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    for line in draft.annex_note:
        notes.append([line])
    notes.append([f"{draft.signature}  {draft.date}"])
    # Titles, paragraphs and table cells quote users' text (整改 issues, comments): never a formula.
    all_as_text(cell for row in notes.iter_rows() for cell in row)
    notes.column_dimensions["A"].width = 120
    taken = {"说明"}
    for table in draft.sheets:
        _table_sheet(book, table, _sheet_name(table.sheet, taken))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    book.save(str(tmp))
    tmp.replace(path)


def _table_sheet(book: Workbook, table: Table, name: str) -> None:
    sheet = book.create_sheet(name)
    sheet.append([column.header for column in table.columns])
    for cell in sheet[1]:
        as_text(cell)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    widths = [_width(column.header) for column in table.columns]
    for row in table.rows:
        sheet.append(list(row))
        for index, (cell, column) in enumerate(zip(sheet[sheet.max_row], table.columns, strict=True)):
            as_text(cell)
            cell.font = Font(name=FONT)
            cell.border = BOX
            if isinstance(cell.value, float) and column.number_format:
                cell.number_format = column.number_format
            widths[index] = max(widths[index], _width(cell.value))
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 6), 60)
    sheet.freeze_panes = "A2"
    if table.rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
