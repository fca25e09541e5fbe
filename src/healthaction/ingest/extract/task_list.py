"""Task lists written as prose: 工作要点, 重点任务分工, 任务清单.

The shape is the same in every office's list: a section heading ``一、…`` (or a short
unnumbered line where a page lost the number), optionally a sub-heading ``（一）…行动``,
then numbered items ``（一）…`` / ``1.…``, each closing with a note in brackets saying who
does it, half- or full-width:

- ``（X牵头负责）``, ``（X牵头，Y、Z按职责分工负责）``, ``（X牵头，Y参与）``, ``（X牵头，Y配合）``
  → X leads, Y and Z are responsible;
- ``（X负责）``, ``（X、Y按职责分工负责）``, a bare ``（X）`` → responsible;
- ``（牵头单位：X；责任单位：Y）`` → X leads, Y is responsible;
- collectives name no department and are dropped (``各市、县〔区〕落实``, ``有关成员单位参与``,
  ``市级成员单位配合``); a trailer such as ``等部门单位参与`` is dropped from the last name.

An item whose next numbered item is deeper is a heading; every other numbered item is a
task. ``seq`` is the item's own number (it restarts in each section), ``program`` the nearest
heading naming a work area (generic ones such as 重点任务 are skipped), ``task`` the item
text without its number and its note. A note that lost its opening bracket is still read;
one cut off by the end of the text is dropped, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from healthaction.ingest.blocks import Block, Paragraph
from healthaction.ingest.chinese import simplified
from healthaction.ingest.extract.departments import DEPARTMENT_ENDINGS, split_departments
from healthaction.plan import PlanTask

_CN_DIGITS = "零一二三四五六七八九"
_CN = "一二三四五六七八九十"
_ITEM = re.compile(
    rf"^\s*(?:[(（]\s*(?P<paren_cn>[{_CN}]+)\s*[)）]|(?P<cn>[{_CN}]+)\s*[、.．]"
    rf"|(?P<ar>\d{{1,2}})\s*[、.．](?!\d)|[(（]\s*(?P<paren_ar>\d{{1,2}})\s*[)）])\s*"
)
_LEVELS = {"cn": 1, "paren_cn": 2, "ar": 3, "paren_ar": 4}
# Titles of a task list: its own heading names it.
_LIST_TITLE = re.compile(r"工作要点|任务分工|任务清单|重点工作任务|工作任务安排|工作计划")
# Headings that structure the list without naming a work area.
_GENERIC = re.compile(
    r"^(?:主要|重点|具体|工作|年度)?(?:任务|举措|措施|目标|要求|内容|工作)(?:分工|清单|安排)?$|^总体要求$|^工作目标$"
)
_ROLE_VERBS = re.compile(r"牵头|负责|参与|配合|协助|协同|落实|[部单]位\s*[:：]|部门\s*[:：]|月底前|年底前")
_LABELLED = re.compile(
    r"(?P<label>(?:牵头|主责|责任|配合|协办|参与|协同)(?:部门|单位))\s*[:：]\s*(?P<value>[^;；]*)"
)
_COLLECTIVE = re.compile(r"^(?:各|有关|相关|其他|其它|市级|省级|县级|区级)|成员单位")
_TRAILER = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位)*)?"
    r"(?:按照?(?:各自)?职责(?:分工)?(?:负责|落实|配合)?|分工负责|共同负责|分别负责|牵头负责|负责|参与|配合|协助|协同|落实)?$"
)
_LEAD = re.compile(r"^(?P<who>.+?)牵头(?:负责)?$")
_TERMINAL = "。；;！!？?"
_NOTE_MAX = 200


# A deadline written in a note or at the end of a task: "2022年6月底前完成", "12月底前", "年底前完成".
_DEADLINE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月(?:份|底|末|中旬|上旬|下旬)?|(?P<end>年底|年末))"
    r"(?:\s*\d{1,2}\s*日)?\s*(?:前|以前|之前)(?:\s*完成)?"
)


@dataclass(frozen=True, slots=True)
class Note:
    lead: list[str]
    responsible: list[str]
    deadline: str | None = None


def deadline_of(text: str, year: int | None) -> str | None:
    """ "12月底前完成" in a 2020 list → "2020-12"; the last such phrase of ``text`` counts."""
    found = max(_DEADLINE.finditer(simplified(text)), key=lambda m: m.start(), default=None)
    if found is None:
        return None
    written_year = int(found.group("year")) if found.group("year") else year
    month = 12 if found.group("end") else int(found.group("month"))
    if written_year is None or not 1 <= month <= 12:
        return text[found.start() : found.end()]
    return f"{written_year}-{month:02d}"


@dataclass(slots=True)
class _Item:
    level: int
    number: int
    text: str  # without its numbering
    where: str
    heading: bool = False


def _number(kind: str, digits: str) -> int:
    if kind in ("ar", "paren_ar"):
        return int(digits)
    if digits == "十":
        return 10
    if digits.startswith("十"):
        return 10 + _CN_DIGITS.index(digits[1])
    if "十" in digits:
        tens, _, ones = digits.partition("十")
        return _CN_DIGITS.index(tens) * 10 + (_CN_DIGITS.index(ones) if ones else 0)
    return _CN_DIGITS.index(digits[0]) if digits[0] in _CN_DIGITS else 0


def item_numbering(text: str) -> tuple[int, int, int] | None:
    """(level, number, end of the numbering) of a numbered line; a repeated number ("（三）（三）") is one."""
    form = simplified(text)
    found = _ITEM.match(form)
    if not found:
        return None
    kind = next(k for k, v in found.groupdict().items() if v is not None)
    end = found.end()
    again = _ITEM.match(form[end:])
    if again and again.group(0).strip() == found.group(0).strip():
        end += again.end()
    return _LEVELS[kind], _number(kind, found.group(kind)), end


def list_title(blocks: list[Block]) -> str | None:
    """The heading that names a task list ("健康中国行动2023年工作要点"), if the document is one."""
    for block in blocks[:80]:
        if not isinstance(block, Paragraph):
            continue
        text = block.text.strip()
        if len(text) <= 80 and "。" not in text and _LIST_TITLE.search(simplified(text)):
            return text
    return "" if _noted_items(blocks) >= _NOTED_ITEMS else None


_NOTED_ITEMS = 3
_NAMES_AN_ACTION = re.compile(r"^(?:实施|开展|推进|深入开展)?[^，,。；;（(]{2,16}行动(?:[。.，,；;（(]|$)")


def _noted_items(blocks: list[Block]) -> int:
    """Numbered items that close with a task's note ("（X牵头负责）") and name no 专项行动: a list
    whose own heading was lost (a journal reprint's page starts inside it) is still a list."""
    count = 0
    for block in blocks:
        if not isinstance(block, Paragraph) or not block.text.rstrip().endswith((")", "）")):
            continue
        numbering = item_numbering(block.text)
        if numbering is None:
            continue
        rest = block.text[numbering[2] :].strip()
        if _NAMES_AN_ACTION.match(simplified(rest)):
            continue
        _, note, _ = split_note(rest)
        if note is not None and not _LABELLED.search(simplified(rest)):
            count += 1
    return count


def list_year(title: str | None) -> int | None:
    found = re.search(r"((?:19|20)\d{2})\s*年", title or "")
    return int(found.group(1)) if found else None


def _departments(text: str) -> list[str]:
    text = text.strip(" ,，;；。")
    trailer = _TRAILER.search(simplified(text))
    if trailer and trailer.start() > 0:
        text = text[: trailer.start()]
    return split_departments(text)


def _clauses(inner: str) -> list[str]:
    clauses, depth, start = [], 0, 0
    for i, char in enumerate(inner):
        if char in "(（〔[":
            depth += 1
        elif char in ")）〕]":
            depth = max(0, depth - 1)
        elif char in ",，;；" and depth == 0:
            clauses.append(inner[start:i])
            start = i + 1
    clauses.append(inner[start:])
    return [c.strip() for c in clauses if c.strip()]


def read_note(inner: str) -> Note | None:
    """Who does a task, from the words of its closing note; None when they name no one."""
    form = simplified(inner)
    lead: list[str] = []
    responsible: list[str] = []
    if _LABELLED.search(form):
        for found in _LABELLED.finditer(form):
            value = inner[found.start("value") : found.end("value")]
            target = lead if simplified(found.group("label")).startswith(("牵头", "主责")) else responsible
            target += [d for d in _departments(value) if not _COLLECTIVE.search(simplified(d))]
        return Note(lead, responsible) if lead or responsible else None
    deadline = None
    for clause in _clauses(inner):
        plain = simplified(clause)
        if _DEADLINE.search(plain):
            deadline = clause  # read against the list's year by the caller
            continue
        if _COLLECTIVE.search(plain):
            continue
        led = _LEAD.match(plain)
        if led:
            lead += _departments(clause[: led.end("who")])
        else:
            responsible += [d for d in _departments(clause) if not _COLLECTIVE.search(simplified(d))]
    return Note(lead, responsible, deadline) if lead or responsible or deadline else None


def _bare_departments(inner: str) -> bool:
    """ "(市委宣传部)", "(市卫健委、市教体局)": names only, each ending like a department."""
    names = [n for n in re.split(r"[、,，;；]", simplified(inner)) if n.strip()]
    return bool(names) and all(
        not re.search(r"\d", name)
        and 3 <= len(name.strip()) <= 20
        and name.strip().endswith(DEPARTMENT_ENDINGS)
        for name in names
    )


def split_note(text: str) -> tuple[str, Note | None, bool]:
    """(task text, note, cut): the item's text without its closing note; ``cut`` when a note
    was begun but the text ends before it closes."""
    body = text.rstrip()
    closing = re.search(r"[(（](?P<inner>[^()（）]*)[)）]\s*[。.;；]?\s*$", body)
    if closing:
        inner = closing.group("inner")
        if len(inner) <= _NOTE_MAX and (_ROLE_VERBS.search(simplified(inner)) or _bare_departments(inner)):
            note = read_note(inner)
            return body[: closing.start()].rstrip(), note, False
        return body, None, False
    if body.endswith((")", "）")):  # the note lost its opening bracket: it starts after the last sentence
        end = max(body.rfind(mark, 0, len(body) - 1) for mark in _TERMINAL)
        inner = body[end + 1 : -1]
        if end >= 0 and len(inner) <= _NOTE_MAX and _ROLE_VERBS.search(simplified(inner)):
            return body[: end + 1], read_note(inner), False
    opening = max(body.rfind("("), body.rfind("（"))
    if (
        opening >= 0
        and not re.search(r"[)）]", body[opening:])
        and not any(m in body[opening:] for m in "。")
    ):
        return body[:opening].rstrip(), None, True
    return body, None, False


def _program(heading: str) -> str:
    """A heading's work area: its first sentence without the closing mark."""
    first = re.split(r"[。;；:：]", heading.strip(), maxsplit=1)[0]
    return re.sub(r"\s+", "", first).strip(" ,，")


def _items(blocks: list[Block], start_after: str | None) -> list[_Item]:
    paragraphs = [b for b in blocks if isinstance(b, Paragraph) and b.text.strip()]
    if start_after is not None:
        index = next((i for i, p in enumerate(paragraphs) if p.text.strip() == start_after), -1)
        later = next(
            (i for i, p in enumerate(paragraphs) if i > index and p.text.strip() == start_after), None
        )
        paragraphs = paragraphs[(later if later is not None else index) + 1 :]
    items: list[_Item] = []
    for i, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        numbering = item_numbering(text)
        if numbering is not None:
            level, number, end = numbering
            items.append(_Item(level, number, text[end:].strip(), paragraph.where))
            continue
        following = item_numbering(paragraphs[i + 1].text) if i + 1 < len(paragraphs) else None
        short = len(text) <= 24 and not any(mark in text for mark in "。,，;；:：")
        if short and following is not None and following[1] == 1 and items:
            items.append(_Item(1, 0, text, paragraph.where, heading=True))  # a section that lost its number
        elif items and not items[-1].heading and not short:
            continue  # an unnumbered sentence is no task
    for k, item in enumerate(items):
        deeper = k + 1 < len(items) and items[k + 1].level > item.level and not items[k + 1].heading
        item.heading = item.heading or deeper
    return items


# A work plan may list its tasks under a heading that only says "tasks" (重点举措, 主要任务) with
# no title naming a task list and no department notes: "(二)重点举措 1.… 2.… 3.…".
_TASK_HEADING = re.compile(r"^(?:重点|主要|具体|年度)?(?:工作)?(?:举措|任务)$")
_MIN_LISTED = 3
_LISTED_LEVEL = 3  # "1." items: a plan's (一) paragraphs under 主要任务 are its parts, not a list


def _listed_under_a_task_heading(blocks: list[Block]) -> list[PlanTask]:
    items = _items(blocks, None)
    for k, item in enumerate(items):
        if not item.heading or not _TASK_HEADING.match(simplified(_program(item.text))):
            continue
        under: list[_Item] = []
        for later in items[k + 1 :]:
            if later.level <= item.level:
                break
            under.append(later)
        if (
            len(under) >= _MIN_LISTED
            and all(not u.heading and u.level >= _LISTED_LEVEL for u in under)
            and not any(_NAMES_AN_ACTION.match(simplified(u.text)) for u in under)
        ):
            tasks: list[PlanTask] = []
            for u in under:
                text, note, _ = split_note(u.text)
                tasks.append(
                    PlanTask(
                        seq=u.number,
                        program=None,
                        task=text,
                        lead_departments=note.lead if note else [],
                        responsible_departments=note.responsible if note else [],
                        deadline=deadline_of(text, None),
                    )
                )
            return tasks
    return []


def extract(blocks: list[Block], warnings: list[str]) -> list[PlanTask]:
    title = list_title(blocks)
    if title is None:
        return _listed_under_a_task_heading(blocks)
    year = list_year(title)
    tasks: list[PlanTask] = []
    stack: list[_Item] = []
    for item in _items(blocks, title):
        while stack and stack[-1].level >= item.level:
            stack.pop()
        if item.heading:
            stack.append(item)
            continue
        programs = [_program(h.text) for h in stack if not _GENERIC.match(simplified(_program(h.text)))]
        text, note, cut = split_note(item.text)
        if item.level == 1 and note is None and not cut:
            continue  # a section with no items under it ("三、保障措施") is no task of its own
        if cut:
            warnings.append(f"{item.where}：任务“{text[:20]}…”的责任单位不完整（文字在括号内中断），未读取")
        tasks.append(
            PlanTask(
                seq=item.number,
                program=programs[-1] if programs else None,
                task=text,
                lead_departments=note.lead if note else [],
                responsible_departments=note.responsible if note else [],
                deadline=deadline_of(note.deadline if note and note.deadline else text, year),
            )
        )
    return tasks
