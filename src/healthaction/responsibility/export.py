"""Tasks written back to a 责任清单 in the layout lists are issued in (.xlsx and .docx).

Columns 序号 / 工程 / 重点工作任务 / 具体措施 / 包抓领导 / 牵头领导 / 牵头部门 / 责任部门 /
完成时限; a 工程 cell is merged down over the tasks of that program; the measures of a
task are numbered 1. 2. … one to a line; the header row repeats on every printed page.
What is written reads back through ``healthaction.ingest.parse_file`` as the same tasks.
Files are written to ``name.tmp`` first and then renamed, so no reader sees half a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from healthaction.plan import PlanTask
from healthaction.spreadsheet_text import as_text

HEADER: Final = (
    "序号",
    "工程",
    "重点工作任务",
    "具体措施",
    "包抓领导",
    "牵头领导",
    "牵头部门",
    "责任部门",
    "完成时限",
)
_WIDTHS: Final = (6, 14, 16, 60, 10, 10, 14, 22, 11)  # characters (xlsx) and tenths of the page (docx)
_YEAR_MONTH: Final = re.compile(r"^(\d{4})-(\d{2})$")
_STARTS_WITH_DIGIT: Final = re.compile(r"^[0-9０-９]")


def task_rows(tasks: Sequence[PlanTask]) -> list[tuple[str, ...]]:
    """The cells of each task's row, as written in the list."""
    return [
        (
            "" if task.seq is None else str(task.seq),
            task.program or "",
            task.task,
            measures_cell(task.measures),
            "、".join(task.responsible_leaders),
            "、".join(task.lead_leaders),
            "、".join(task.lead_departments),
            "、".join(task.responsible_departments),
            deadline_cell(task.deadline),
        )
        for task in tasks
    ]


def measures_cell(measures: Sequence[str]) -> str:
    """["甲", "乙。"] → "1.甲\\n2.乙。"; measures that begin with a digit are numbered （1）."""
    if any(_STARTS_WITH_DIGIT.match(measure) for measure in measures):
        return "\n".join(f"（{number}）{measure}" for number, measure in enumerate(measures, start=1))
    return "\n".join(f"{number}.{measure}" for number, measure in enumerate(measures, start=1))


def deadline_cell(deadline: str | None) -> str:
    """ "2021-12" → "2021年12月"; "长期", "每年" as they are."""
    if deadline is None:
        return ""
    found = _YEAR_MONTH.match(deadline)
    return f"{found[1]}年{int(found[2])}月" if found else deadline


def program_spans(tasks: Sequence[PlanTask]) -> list[tuple[int, int]]:
    """(first, last) row index of each run of two or more tasks under the same 工程."""
    spans: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(tasks) + 1):
        if (
            index == len(tasks)
            or tasks[index].program != tasks[start].program
            or tasks[start].program is None
        ):
            if index - 1 > start and tasks[start].program is not None:
                spans.append((start, index - 1))
            start = index
    return spans


def write_xlsx(tasks: Sequence[PlanTask], path: Path, *, title: str = "责任清单") -> Path:
    """A sheet with a title row, the header, one row per task and merged 工程 cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "责任清单"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.cell(1, 1).font = Font(name="方正小标宋简体", size=16)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    sheet.append(list(HEADER))
    for cells in task_rows(tasks):
        seq, *rest = cells
        sheet.append([int(seq) if seq else None, *rest])
    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=len(HEADER)):
        for cell in row:
            as_text(cell)  # task names and measures are users' text: never a formula
            if cell.row == 1:
                continue
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.font = Font(
                name="黑体" if cell.row == 2 else "仿宋_GB2312", size=11 if cell.row == 2 else 10
            )
    for first, last in program_spans(tasks):
        sheet.merge_cells(start_row=first + 3, start_column=2, end_row=last + 3, end_column=2)
    for column, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    return _save(path, workbook.save)


def write_docx(tasks: Sequence[PlanTask], path: Path, *, title: str = "责任清单") -> Path:
    """A landscape Word table: header row repeated on each page, 工程 cells merged down."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.font.size = Pt(18)
    run.font.name = "方正小标宋简体"
    rows = task_rows(tasks)
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    table.style = "Table Grid"
    for column, text in enumerate(HEADER):
        table.cell(0, column).text = text
    header_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)
    for row_index, cells in enumerate(rows, start=1):
        for column, text in enumerate(cells):
            if column == 1:
                continue  # 工程: written below, once per merged run
            _write_cell(table.cell(row_index, column), text)
    merged_rows: set[int] = set()
    for first, last in program_spans(tasks):
        merged = table.cell(first + 1, 1).merge(table.cell(last + 1, 1))
        _write_cell(merged, tasks[first].program or "")
        merged_rows.update(range(first, last + 1))
    for index, task in enumerate(tasks):
        if index not in merged_rows:
            _write_cell(table.cell(index + 1, 1), task.program or "")
    total = sum(_WIDTHS)
    for column, width in enumerate(_WIDTHS):
        for cell in table.columns[column].cells:
            cell.width = Cm(25.7 * width / total)
    return _save(path, lambda target: document.save(str(target)))


def _write_cell(cell: Any, text: str) -> None:
    """One paragraph per line, so each numbered measure starts its own paragraph."""
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _save(path: Path, save: Callable[[Path], Any]) -> Path:
    temporary = path.with_name(path.name + ".tmp")
    save(temporary)
    temporary.replace(path)
    return path
