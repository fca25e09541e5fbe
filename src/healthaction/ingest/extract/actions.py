"""Section extractor: the 专项行动 (actions), with departments and targets.

An action starts at a heading: numbered ("（一）实施健康知识普及行动", "1．实施…行动。正文",
"一、…行动") or, when a responsibility follows it, a bare "健康知识普及行动". Its body
runs to the next action heading, to a heading of the same or a higher level
("三、组织实施"), or to the first ordinary paragraph after its responsibility. The
responsibility is written in one of two layouts:

- label lines after the body: 牵头单位：/配合单位：/行动目标：;
- a bracket closing the body: （牵头部门：…；配合部门：…）, （X负责）, （X牵头，Y参与）.

Lines a PDF broke inside a sentence are joined first. An action table (a header row
with 行动 and 牵头 columns) is read row by row. Traditional characters are matched
through their simplified forms and kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.extract import task_list
from healthaction.ingest.extract.comparators import matchable
from healthaction.ingest.extract.departments import (
    Responsibility,
    bracketed,
    is_labelled,
    labelled,
    split_departments,
)
from healthaction.ingest.extract.targets import targets_from_text
from healthaction.plan import Action, Target

_CN = "一二三四五六七八九十百零〇"
_NUMBERING = re.compile(
    rf"^\s*(?:\(\s*(?P<paren_cn>[{_CN}]+)\s*\)|\(\s*(?P<paren_ar>\d+)\s*\)"
    rf"|(?P<cn>[{_CN}]+)\s*[、.]|(?P<ar>\d+)\s*[、.](?!\d)|第(?P<part>[{_CN}\d]+)(?:部分|项|条))\s*"
)
_HEAD = 60  # a heading's numbering and name fit in the first characters of its line
_LEVELS = {"cn": 1, "part": 1, "paren_cn": 2, "ar": 3, "paren_ar": 4}
_NAME = r"(?:实施|开展|推进|深入开展|组织实施)?\s*(?P<name>[^,.;:!?()《》“”\s、。]{2,24}?行动)"
_HEADING_RE = re.compile(rf"{_NAME}\s*(?P<end>$|[。.:;!,(\s])")
_BARE_HEADING_RE = re.compile(rf"^\s*{_NAME}\s*$")
_NOT_ACTION = re.compile(r"^(?:专项|健康|重点|各项|本|该|此)?行动$|委员会|工作组|领导小组")
_OWN_NAME_RE = re.compile(r"(健康\S{1,6}?行动)\s*(?:实施方案|组织实施|推进委员会|考核|\(20|（20)")
_TARGET_LABEL = re.compile(r"^\s*(?:行动目标|主要目标|工作目标|目标)\s*[:：]")
_BODY_LABEL = re.compile(r"^\s*(?:主要|重点|工作|具体)?(?:任务|措施|举措|内容)\s*[:：]")
_GROUP_LABEL = re.compile(r"^\s*(?:副?组长|成员)\s*[:：]")
_LABEL_ONLY = re.compile(r"^[^:：]{2,8}[:：]\s*$")
_TERMINAL = tuple("。！？；：:;!?）)”」』")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$"
)
_CLOSING_BRACKET = re.compile(r"\(([^()]*)\)\s*(?=[。.;；]?\s*$|[。;；])")
_INLINE_LABEL = re.compile(r"(?:(?<=[。.;；\s])|^)(?:牵头|主办|责任)(?:部门|单位)\s*[:：]")


@dataclass(slots=True)
class _Line:
    text: str
    where: str


@dataclass(slots=True)
class _Heading:
    level: int  # 1 一、 … 4 （1）; 0 for a bare heading, which only the next action ends
    name: str
    rest: str  # body text on the heading's own line


@dataclass(slots=True)
class _Draft:
    heading: _Heading
    where: str
    pieces: list[tuple[str, str]] = field(default_factory=list)  # ("body" | "goal", text)
    responsibility: Responsibility = field(default_factory=Responsibility)
    closed: bool = False
    list_year: int | None = None  # set for an action heading inside a task list (工作要点)
    spans_a_table: bool = False  # a 领域 heading over a 主要指标 table: no departments by its nature


def _numbering(text: str) -> tuple[int, int] | None:
    """(level, end of the numbering) of a numbered line."""
    found = _NUMBERING.match(matchable(text[:_HEAD]))
    if not found:
        return None
    kind = next(k for k, v in found.groupdict().items() if v is not None)
    return _LEVELS[kind], found.end()


def _heading(text: str, own_names: set[str]) -> _Heading | None:
    numbered = _numbering(text)
    form = matchable(text[:_HEAD])
    if numbered:
        level, start = numbered
        found = _HEADING_RE.match(form, start)
    else:
        level, found = 0, _BARE_HEADING_RE.match(form) if len(text) <= _HEAD else None
    if not found:
        return None
    name = re.sub(r"\s+", "", text[found.start("name") : found.end("name")])
    if _NOT_ACTION.search(simplified_name := matchable(name)) or simplified_name in own_names:
        return None
    rest = text[found.end("name") :].lstrip(" 。.:：;；,，")
    return _Heading(level, name, rest)


def _own_names(lines: list[_Line]) -> set[str]:
    """The plan's own name (健康平川行动): never an action of itself."""
    return {m.group(1) for line in lines for m in _OWN_NAME_RE.finditer(matchable(line.text))}


def _join_broken_lines(blocks: list[Block], own_names: set[str]) -> list[_Line | Table | None]:
    """Paragraphs with the lines a PDF broke mid-sentence joined; None marks a gap."""
    lines: list[_Line | Table | None] = []
    for block in blocks:
        if isinstance(block, Table):
            lines.append(block)
            continue
        text = block.text.strip()
        if not text:
            lines.append(None)
            continue
        if _PAGE_FURNITURE.match(text):
            continue
        prev = lines[-1] if lines else None
        if isinstance(prev, _Line) and _continues(prev.text, text, own_names):
            prev.text += text
        else:
            lines.append(_Line(text, block.where))
    return lines


def _continues(prev: str, text: str, own_names: set[str]) -> bool:
    form = matchable(text)
    if _numbering(text) or is_labelled(text) or _TARGET_LABEL.match(form) or _BARE_HEADING_RE.match(form):
        return False
    if _LABEL_ONLY.match(matchable(prev)):
        return True
    if prev.endswith(_TERMINAL):
        return False
    heading = _heading(prev, own_names)
    return heading is None or bool(heading.rest)


def _split_body(text: str) -> tuple[str, Responsibility]:
    """Body text without its responsibility, and the responsibility it states."""
    found = Responsibility()
    form = matchable(text)
    inline = _INLINE_LABEL.search(form)
    if inline:
        found.add(labelled(text[inline.start() :]))
        text, form = text[: inline.start()], form[: inline.start()]
    kept: list[str] = []
    last = 0
    for bracket in _CLOSING_BRACKET.finditer(form):
        reading = bracketed(text[bracket.start(1) : bracket.end(1)])
        if reading:
            found.add(reading)
            kept.append(text[last : bracket.start()])
            last = bracket.end()
    kept.append(text[last:])
    return "".join(kept), found


def _add_body(draft: _Draft, text: str) -> None:
    body, responsibility = _split_body(text)
    draft.pieces.append(("body", body))
    if responsibility:
        draft.responsibility.add(responsibility)
        draft.closed = True


def _finish(draft: _Draft, seq: int, warnings: list[str]) -> Action:
    name = draft.heading.name
    where = f"专项行动“{name}”（{draft.where}）"
    targets: list[Target] = []
    for kind, text in draft.pieces:
        if kind == "task":
            # A target written inside a task of a yearly list ("…提高到26%以上") is the list's year's.
            found = targets_from_text(text, warnings, where=where, year_required=False)
            targets += [
                t.model_copy(update={"year": t.year or draft.list_year or None})
                for t in found
                if t.value is not None
            ]
            continue
        targets += targets_from_text(text, warnings, where=where, year_required=kind == "body")
    lead = draft.responsibility.lead
    if not lead and draft.list_year is None and not draft.spans_a_table:
        warnings.append(f"{where}未找到牵头部门")
    return Action(
        seq=seq,
        name=name,
        lead_departments=lead,
        cooperating_departments=draft.responsibility.cooperating,
        targets=targets,
    )


def _followed_by_responsibility(lines: list[_Line | Table | None], start: int, own_names: set[str]) -> bool:
    for line in lines[start + 1 : start + 30]:
        if not isinstance(line, _Line):
            continue
        if is_labelled(line.text) or _split_body(line.text)[1]:
            return True
        if _heading(line.text, own_names):
            return False
    return False


def _drafts(
    lines: list[_Line | Table | None], own_names: set[str], warnings: list[str], list_year: int | None = None
) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    stray: list[str] = []
    for i, line in enumerate(lines):
        if isinstance(line, Table):
            drafts += _table_drafts(line, own_names)
            current = None
            continue
        if line is None:
            continue
        heading = _heading(line.text, own_names)
        if heading and heading.level == 0 and not _followed_by_responsibility(lines, i, own_names):
            heading = None
        if heading and list_year is not None and current and 0 < current.heading.level < heading.level:
            heading = None  # in a task list, an item under an action is a task ("（二）推进减盐行动，…")
        if heading:
            current = _Draft(heading, line.where, list_year=list_year)
            drafts.append(current)
            if heading.rest:
                _add_body(current, heading.rest)
            continue
        numbered = _numbering(line.text)
        if current and numbered and current.heading.level and numbered[0] <= current.heading.level:
            current = None
        form = matchable(line.text)
        if is_labelled(line.text) or _TARGET_LABEL.match(form):
            if current is None:
                if is_labelled(line.text):
                    stray.append(line.where)
                continue
            if is_labelled(line.text):
                current.responsibility.add(labelled(line.text))
            else:
                goal = _TARGET_LABEL.match(form)
                current.pieces.append(("goal", line.text[goal.end() :] if goal else line.text))
            current.closed = True
            continue
        if current is None:
            continue
        if _GROUP_LABEL.match(form):  # 组长：… — a working group, not an action
            drafts.remove(current)
            current = None
            continue
        sub_item = bool(numbered and current.heading.level and numbered[0] > current.heading.level)
        if list_year is not None and sub_item:
            # In a task list the note closing an item names who does that task, not the action.
            current.pieces.append(("task", task_list.split_note(line.text)[0]))
            continue
        if current.closed and not (sub_item or _BODY_LABEL.match(form)):
            current = None
            continue
        _add_body(current, line.text)
    if stray:
        warnings.append(f"{stray[0]}等{len(stray)}处牵头/配合部门不在任何已识别的专项行动之下，未能读入")
    return drafts


def _header_columns(row: tuple[str, ...]) -> dict[str, int] | None:
    cells = [matchable(cell) for cell in row]
    columns: dict[str, int] = {}
    for i, cell in enumerate(cells):
        if "牵头" in cell or "主责" in cell:
            columns.setdefault("lead", i)
        elif re.search("配合|参与|协办|协同|责任", cell):
            columns.setdefault("cooperating", i)
        elif "目标" in cell or "指标" in cell:
            columns.setdefault("goal", i)
        elif "行动" in cell or "名称" in cell:
            columns.setdefault("name", i)
    return columns if {"name", "lead"} <= columns.keys() else None


def _table_drafts(table: Table, own_names: set[str]) -> list[_Draft]:
    """A table with one action per row: 专项行动 | 牵头单位 | 配合单位 | 行动目标; in any other
    table, a row spanning it that heads an action ("（一）健康知识普及行动" over the rows of a
    主要指标 table): an action with no departments, its targets staying on the table's rows."""
    drafts: list[_Draft] = []
    if not any(_header_columns(row) for row in table.rows):
        for row in table.rows:
            filled = [cell for cell in row if cell.strip()]
            heading = _heading(filled[0], own_names) if len(filled) == 1 else None
            if heading is not None and heading.level and not heading.rest:
                drafts.append(_Draft(heading, table.where, closed=True, spans_a_table=True))
        return drafts
    columns: dict[str, int] | None = None
    for row in table.rows:
        header = _header_columns(row)
        if header:
            columns = header
            continue
        if columns is None:
            continue
        cell = {key: row[i] if i < len(row) else "" for key, i in columns.items()}
        name_cell = cell["name"]
        heading = _heading(name_cell, own_names) or _heading(re.sub(r"^\s*\d+\s*", "", name_cell), own_names)
        if heading is None:
            if drafts and not name_cell.strip():  # a row continued across a page
                drafts[-1].responsibility.add(
                    Responsibility(
                        split_departments(cell["lead"]), split_departments(cell.get("cooperating"))
                    )
                )
            continue
        draft = _Draft(heading, table.where)
        draft.responsibility.add(
            Responsibility(split_departments(cell["lead"]), split_departments(cell.get("cooperating")))
        )
        if cell.get("goal"):
            draft.pieces.append(("goal", cell["goal"]))
        drafts.append(draft)
    return drafts


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """An action named twice (the task list, then a 职责分工 list) is one action."""
    merged: dict[str, _Draft] = {}
    for draft in drafts:
        key = matchable(draft.heading.name)
        first = merged.get(key)
        if first is None:
            merged[key] = draft
            continue
        if not first.responsibility.lead:
            first.responsibility.add(draft.responsibility)
        if not first.pieces:
            first.pieces += draft.pieces
    return list(merged.values())


def extract(blocks: list[Block], warnings: list[str]) -> list[Action]:
    paragraphs = [_Line(b.text, b.where) for b in blocks if isinstance(b, Paragraph)]
    own_names = _own_names(paragraphs)
    title = task_list.list_title(blocks)
    year = (task_list.list_year(title) or 0) if title is not None else None
    drafts = _drafts(_join_broken_lines(blocks, own_names), own_names, warnings, year)
    return [_finish(draft, seq, warnings) for seq, draft in enumerate(_merge(drafts), start=1)]
