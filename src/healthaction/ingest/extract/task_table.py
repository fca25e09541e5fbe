"""The header of a 责任清单 table: which column holds what.

Headers vary between documents ("十二大工程" or "十大工程", "牵头部门" or "牵头单位",
"完成时限" or "完成时间", columns in any order, a two-row header under a merged
"责任单位"), so a column is recognised by the words in its header cell, never by its
position. A header is read when it names the task (重点任务) or the measures (具体措施)
and at least two other columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from healthaction.ingest.chinese import nfkc, simplified

Role = Literal[
    "seq",
    "program",
    "task",
    "measures",
    "responsible_leaders",
    "lead_leaders",
    "lead_departments",
    "responsible_departments",
    "deadline",
    "ignored",
]

# First match wins, so the longer, more telling words come before the short ones:
# 牵头领导 is a leader column before 牵头 makes it a department column.
_ROLE_WORDS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    ("responsible_leaders", ("包抓领导", "包联领导", "责任领导", "分管领导", "联系领导", "包抓", "包联")),
    ("lead_leaders", ("牵头领导",)),
    ("lead_departments", ("牵头部门", "牵头单位", "主责部门", "主责单位", "牵头")),
    (
        "responsible_departments",
        (
            "责任部门",
            "责任单位",
            "配合部门",
            "配合单位",
            "协同部门",
            "协同单位",
            "参与部门",
            "参与单位",
            "协办单位",
            "协作单位",
            "责任主体",
        ),
    ),
    ("deadline", ("完成时限", "完成时间", "完成期限", "时间节点", "截止时间", "时限", "进度安排")),
    ("seq", ("序号", "编号")),
    ("ignored", ("备注", "说明")),
    ("measures", ("措施", "举措", "工作计划", "推进计划")),
    ("task", ("任务", "工作内容", "工作事项", "事项", "工作要点")),
    ("program", ("工程", "专项行动", "行动名称", "行动", "类别", "领域")),
)
# A program column named for 工程 (or 行动) has cells that end in that word; a cell
# that does not was cut by a page or a merged cell and goes on in the next one.
_PROGRAM_ENDINGS = ("工程", "行动")
_HEADER_CELL_MAX = 20
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_SPACE = re.compile(r"\s+")
# Words that make a table look like a responsibility list even when its header
# cannot be read; used only to decide whether to warn.
_LIST_WORDS = ("任务", "措施", "牵头", "责任", "配合", "包抓", "完成时", "时限")
# …one of them naming what a task list has and an actions table has not.
_TASK_WORDS = ("任务", "措施", "包抓", "完成时", "时限")


@dataclass(frozen=True, slots=True)
class TaskLayout:
    """Where each field of a 责任清单 row stands."""

    columns: dict[Role, int]
    width: int
    program_ending: str | None = None
    unknown: tuple[str, ...] = ()

    def cell(self, row: tuple[str, ...], role: Role) -> str:
        index = self.columns.get(role)
        if index is None or index >= len(row):
            return ""
        return row[index].strip()


@dataclass(frozen=True, slots=True)
class Header:
    layout: TaskLayout
    first_data_row: int


@lru_cache(maxsize=4096)
def role_of(cell: str) -> Role | None:
    """ "具体措施（2021年工作计划）" → measures; "十二大工程" → program; "" → None."""
    text = _SPACE.sub("", _BRACKETED.sub("", simplified(nfkc(cell))))
    if not text:
        return None
    for role, words in _ROLE_WORDS:
        if any(word in text for word in words):
            return role
    return None


def find_header(rows: tuple[tuple[str, ...], ...], *, search: int = 5) -> Header | None:
    """The header among the first rows of a table, or None if it has no 责任清单 header."""
    for index, row in enumerate(rows[:search]):
        if not is_header_row(row):
            continue
        header, height = _merged_header(rows, index)
        layout = _layout(header)
        return Header(layout, index + height) if layout is not None else None
    return None


def is_header_row(row: tuple[str, ...]) -> bool:
    """Three or more short cells name fields, one of them the task or the measures."""
    short = (cell for cell in row if len(cell.strip()) <= _HEADER_CELL_MAX)
    roles = [role for role in map(role_of, short) if role not in (None, "ignored")]
    return len(set(roles)) >= 3 and bool({"task", "measures"} & set(roles))


def header_problem(rows: tuple[tuple[str, ...], ...], *, search: int = 3) -> str | None:
    """The header cells of a table that looks like a 责任清单 but cannot be read."""
    for index, row in enumerate(rows[:search]):
        words = [cell for cell in row if any(word in simplified(cell) for word in _LIST_WORDS)]
        if len(words) < 2 or max(len(cell.strip()) for cell in words) > _HEADER_CELL_MAX:
            continue
        if not any(word in simplified(cell) for cell in words for word in _TASK_WORDS):
            continue
        if is_header_row(row) and _layout(_merged_header(rows, index)[0]) is not None:
            return None
        return "、".join(f"“{cell.strip()}”" for cell in row if cell.strip())
    return None


def _merged_header(rows: tuple[tuple[str, ...], ...], index: int) -> tuple[list[str], int]:
    """The header cells starting at ``index`` and how many rows they take (1 or 2)."""
    below = rows[index + 1] if index + 1 < len(rows) else ()
    if not _is_sub_header(rows[index], below):
        return list(rows[index]), 1
    padded = below + ("",) * len(rows[index])
    return [b.strip() or h for h, b in zip(rows[index], padded, strict=False)], 2


def _is_sub_header(upper: tuple[str, ...], lower: tuple[str, ...]) -> bool:
    """The second row of a two-row header: every filled cell is a header word, and one
    stands under the empty part of a merged cell ("牵头单位 | 配合单位" under "责任单位")."""
    filled = [(index, cell) for index, cell in enumerate(lower) if cell.strip()]
    if not filled or not all(len(cell.strip()) <= _HEADER_CELL_MAX and role_of(cell) for _, cell in filled):
        return False
    return len(filled) >= 2 or any(index >= len(upper) or not upper[index].strip() for index, _ in filled)


def _layout(header: list[str]) -> TaskLayout | None:
    columns: dict[Role, int] = {}
    department_columns: list[int] = []
    unknown: list[str] = []
    for index, cell in enumerate(header):
        role = role_of(cell)
        if role is None:
            if cell.strip():
                unknown.append(cell.strip())
            continue
        if role == "ignored":
            continue
        if role == "responsible_departments":
            department_columns.append(index)
            continue
        if role in columns:
            return None  # two columns claim the same field: no guessing which
        columns[role] = index
    if not _place_departments(columns, department_columns, header):
        return None
    if not {"task", "measures"} & columns.keys():
        return None
    program = columns.get("program")
    ending = None
    if program is not None:
        ending = next((word for word in _PROGRAM_ENDINGS if word in simplified(header[program])), None)
    return TaskLayout(columns, len(header), ending, tuple(unknown))


def _place_departments(columns: dict[Role, int], department_columns: list[int], header: list[str]) -> bool:
    """责任单位 beside 配合单位 with no 牵头 column is the lead column; alone it is the
    responsible one. False when the department columns cannot be told apart."""
    if not department_columns:
        return True
    if len(department_columns) == 1:
        columns["responsible_departments"] = department_columns[0]
        return True
    if len(department_columns) > 2 or "lead_departments" in columns:
        return False
    first, second = department_columns
    responsible_words = ("责任", "主责")
    first_leads = any(word in simplified(header[first]) for word in responsible_words)
    second_leads = any(word in simplified(header[second]) for word in responsible_words)
    if first_leads == second_leads:
        return False
    columns["lead_departments"], columns["responsible_departments"] = (
        (first, second) if first_leads else (second, first)
    )
    return True
