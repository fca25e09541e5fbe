"""Section extractor: the 责任清单 (responsibility list), one Task per row.

A list may run over several tables: a page break in a PDF or a text export starts
a new table with the header repeated. The first row after such a header, with its
序号 empty, continues the row above: its text is appended with nothing in between
("职" + "业病"), its leaders and departments are added as new items, and its
deadline pieces are joined ("2021年" + "12月"). Inside one table, a row with 序号
and task empty belongs to the row above through merged cells: its measures are new
measures.

A row with no task that names only a program ("一、实施健康素养提升工程" across the
table) gives the program of the rows below it. The 工程 (program) cell is carried
down when blank. A program column named for 工程
has cells that end in 工程; one that does not was cut by the layout and is joined
with the next program text, the whole applying to every row it spans.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.chinese import simplified
from healthaction.ingest.extract import task_list
from healthaction.ingest.extract.departments import split_departments
from healthaction.ingest.extract.measures import split_measures
from healthaction.ingest.extract.task_fields import (
    normalise_deadline,
    parse_seq,
    split_leaders,
    tidy_text,
)
from healthaction.ingest.extract.task_table import (
    TaskLayout,
    find_header,
    header_problem,
    is_header_row,
)
from healthaction.plan import PlanTask

log = logging.getLogger(__name__)

_NOTE = re.compile(r"^(备注|注[：:]|注\d|说明[：:])")  # matched on the simplified text
_HEADING_NUMBER = re.compile(r"^(?:[（(]?[一二三四五六七八九十]+[）)]?[、.．]?|\d+[、.．])\s*")
# A line left between two pages of a table: empty, or a page number ("— 3 —", "第3页").
_PAGE_LINE_MAX = 24
_PAGE_LINE = re.compile(r"^[\s\-—–－]*(?:第?\s*\d+\s*页?(?:\s*/\s*共?\s*\d+\s*页?)?)?[\s\-—–－]*$")


@dataclass
class _Draft:
    """A task row as read so far, before its pieces are joined and split."""

    seq: int | None
    where: str
    starts_list: bool = False
    program: str = ""
    program_ending: str | None = None
    task: str = ""
    measure_texts: list[str] = field(default_factory=list)
    responsible_leaders: list[str] = field(default_factory=list)
    lead_leaders: list[str] = field(default_factory=list)
    lead_departments: list[str] = field(default_factory=list)
    responsible_departments: list[str] = field(default_factory=list)
    deadline: str = ""
    resolved_program: str | None = None


@dataclass
class _ListReader:
    """Reads the block stream, keeping what a page break needs to join rows."""

    warnings: list[str]
    drafts: list[_Draft] = field(default_factory=list)
    layout: TaskLayout | None = None
    continuing: bool = False  # only blank lines or page numbers since the last list table
    heading: str = ""  # a row spanning the table ("一、实施健康素养提升工程")
    new_list: bool = True
    warned_columns: set[tuple[str, ...]] = field(default_factory=set)

    def paragraph(self, paragraph: Paragraph) -> None:
        if len(paragraph.text) > _PAGE_LINE_MAX or not _PAGE_LINE.match(paragraph.text):
            self.continuing = False

    def table(self, table: Table) -> None:
        header = find_header(table.rows)
        if header is not None:
            layout, start = header.layout, header.first_data_row
            self._warn_columns(table, layout)
        elif self.layout is not None and self.continuing and _width(table) == self.layout.width:
            layout, start = self.layout, 0  # a page of the list with no header repeated
        else:
            problem = header_problem(table.rows)
            if problem is not None:
                self.warnings.append(f"{table.where}的表格像是责任清单，但表头无法识别（{problem}），未读取")
            self.continuing = False
            return
        if not self.continuing:
            self.new_list = True
            self.heading = ""
        self._rows(table, layout, start, at_break=self.continuing)
        self.layout = layout
        self.continuing = True

    def _rows(self, table: Table, layout: TaskLayout, start: int, *, at_break: bool) -> None:
        for index in range(start, len(table.rows)):
            row = table.rows[index]
            where = f"{table.where}的表格第{index + 1}行"
            filled = [cell.strip() for cell in row if cell.strip()]
            if not filled:
                continue
            if is_header_row(row):
                at_break = True  # the header repeated on a new page
                continue
            if len(filled) == 1 and _NOTE.match(simplified(filled[0])):
                continue
            seq_cell = layout.cell(row, "seq")
            if at_break and not seq_cell and self.drafts and not self.new_list:
                _append(self.drafts[-1], row, layout, page_break=True)
                at_break = False
                continue
            at_break = False
            task_text = _task_text(row, layout)
            if not task_text and not layout.cell(row, "measures") and (heading := _heading(row, layout)):
                self.heading = heading
                continue
            if not seq_cell and not task_text and self.drafts and not self.new_list:
                _append(self.drafts[-1], row, layout, page_break=False)
                continue
            self._start(row, layout, where)

    def _start(self, row: tuple[str, ...], layout: TaskLayout, where: str) -> None:
        seq_cell = layout.cell(row, "seq")
        draft = _Draft(seq=parse_seq(seq_cell), where=where, starts_list=self.new_list)
        if seq_cell and draft.seq is None:
            log.debug("序号“%s”不是数字（%s）", seq_cell, where)
        program = layout.cell(row, "program")
        if program:
            draft.program, draft.program_ending = program, layout.program_ending
        elif self.heading:
            draft.program = self.heading
        self.heading = ""
        draft.task = _task_text(row, layout)
        _append(draft, row, layout, page_break=False, with_program=False)
        self.drafts.append(draft)
        self.new_list = False

    def _warn_columns(self, table: Table, layout: TaskLayout) -> None:
        if layout.unknown and layout.unknown not in self.warned_columns:
            self.warned_columns.add(layout.unknown)
            names = "、".join(f"“{name}”" for name in layout.unknown)
            self.warnings.append(f"{table.where}的责任清单有未能识别的列{names}，其内容未读取")
        if "task" not in layout.columns and ("no task",) not in self.warned_columns:
            self.warned_columns.add(("no task",))
            self.warnings.append(f"{table.where}的责任清单没有“重点任务”列，任务取自“具体措施”列")


def extract(blocks: list[Block], warnings: list[str]) -> list[PlanTask]:
    reader = _ListReader(warnings)
    for block in blocks:
        if isinstance(block, Paragraph):
            reader.paragraph(block)
        else:
            reader.table(block)
    _resolve_programs(reader.drafts)
    tasks: list[PlanTask] = []
    for draft in reader.drafts:
        if not draft.task and not draft.measure_texts:
            warnings.append(f"{draft.where}：责任清单的这一行没有任务内容，未读取")
            continue
        tasks.append(_task(draft))
    return tasks + task_list.extract(blocks, warnings)


def _heading(row: tuple[str, ...], layout: TaskLayout) -> str:
    """The program named by a row with no task: "一、实施健康素养提升工程" across the
    table, or "一 | 实施健康素养提升工程" in the 序号 and 工程 columns."""
    filled = [cell.strip() for cell in row if cell.strip()]
    program = layout.cell(row, "program")
    if program and set(filled) <= {program, layout.cell(row, "seq")}:
        return _HEADING_NUMBER.sub("", program)
    if len(filled) == 1 and row[0].strip() and parse_seq(row[0]) is None:
        return _HEADING_NUMBER.sub("", filled[0])
    return ""


def _task_text(row: tuple[str, ...], layout: TaskLayout) -> str:
    return layout.cell(row, "task" if "task" in layout.columns else "measures")


def _append(
    draft: _Draft, row: tuple[str, ...], layout: TaskLayout, *, page_break: bool, with_program: bool = True
) -> None:
    """Add a row's cells to ``draft``: a page break's pieces join the text they continue,
    a merged-cell row's measures are new measures."""
    program = layout.cell(row, "program") if with_program else ""
    if program and not draft.program:
        draft.program_ending = layout.program_ending
    draft.program += program
    if page_break:
        draft.task += layout.cell(row, "task")
    measures = layout.cell(row, "measures")
    if measures:
        if page_break and draft.measure_texts:
            draft.measure_texts[-1] += measures
        else:
            draft.measure_texts.append(measures)
    _extend(draft.responsible_leaders, split_leaders(layout.cell(row, "responsible_leaders")))
    _extend(draft.lead_leaders, split_leaders(layout.cell(row, "lead_leaders")))
    _extend(draft.lead_departments, split_departments(layout.cell(row, "lead_departments")))
    _extend(draft.responsible_departments, split_departments(layout.cell(row, "responsible_departments")))
    deadline = layout.cell(row, "deadline")
    if page_break or not draft.deadline:
        draft.deadline += deadline
    elif deadline and deadline not in draft.deadline.split("、"):
        draft.deadline += "、" + deadline  # merged rows with their own deadlines: keep all


def _extend(items: list[str], new: list[str]) -> None:
    items.extend(item for item in new if item not in items)


def _resolve_programs(drafts: list[_Draft]) -> None:
    """Carry each program down; join a cut program cell with the next program text."""
    current: str | None = None
    spanned: list[_Draft] = []
    cut = False
    for draft in drafts:
        if draft.starts_list:
            current, spanned, cut = None, [], False
        piece = tidy_text(draft.program)
        if not piece:
            spanned.append(draft)
            draft.resolved_program = current
            continue
        if cut and current is not None:
            current += piece
            spanned.append(draft)
        else:
            current, spanned = piece, [draft]
        for earlier in spanned:
            earlier.resolved_program = current
        cut = draft.program_ending is not None and not current.endswith(draft.program_ending)


def _task(draft: _Draft) -> PlanTask:
    return PlanTask(
        seq=draft.seq,
        program=draft.resolved_program,
        task=tidy_text(draft.task),
        measures=[measure for text in draft.measure_texts for measure in split_measures(text)],
        responsible_leaders=draft.responsible_leaders,
        lead_leaders=draft.lead_leaders,
        lead_departments=draft.lead_departments,
        responsible_departments=draft.responsible_departments,
        deadline=normalise_deadline(draft.deadline),
    )


def _width(table: Table) -> int:
    return max((len(row) for row in table.rows), default=0)
