"""How much of a document the parse understood, said in one line.

Every numbered item of the body (``一、``, ``（一）``, ``1.``, ``（1）``) should have become
something: an action, a task, a target, a framework row, a member or a working group. An
item counts as read when its own text, or the text of the items and paragraphs under it
(up to the next item of the same or a higher level), holds what the parse produced from
it: an action's or program's name, a task's text, a target's phrase, a member's name, an
indicator. The others are listed, with their place, so that an office importing a plan
sees what did not come through before it imports — and a document with numbered items
never yields an empty plan without a word.
"""

from __future__ import annotations

import re

from healthaction.ingest.blocks import Block, Paragraph
from healthaction.ingest.extract.comparators import matchable
from healthaction.ingest.extract.task_list import item_numbering
from healthaction.plan import Coverage, Plan

_SHOWN = 12  # places named in the summary line; the warnings name them all
_NEEDLE = 10  # characters of a task text or indicator that identify it


def _key(text: str) -> str:
    return re.sub(r"\s+", "", matchable(text))


def _task_openings(plan: Plan) -> tuple[str, ...]:
    """Each task's opening words: an item is read when its text (after the number) starts so,
    however short a task cut by the end of the text is ("2.广")."""
    return tuple(key for task in plan.tasks if (key := _key(task.task)[:_NEEDLE]))


def _needles(plan: Plan) -> set[str]:
    needles: set[str] = set()
    targets = list(plan.goals)
    for action in plan.actions:
        needles.add(_key(action.name))
        targets += action.targets
    for row in plan.framework:
        needles.add(_key(row.indicator)[:_NEEDLE])
        targets += row.targets
    for task in plan.tasks:
        needles.add(_key(task.task)[:_NEEDLE])
        if task.program:
            needles.add(_key(task.program)[:_NEEDLE])
        needles.update(_key(m)[:_NEEDLE] for m in task.measures)
    needles.update(_key(target.text) for target in targets)
    needles.update(_key(member.name) for member in plan.committee)
    for group in plan.working_groups:
        needles.add(_key(group.action_name))
        needles.update(_key(person.name) for person in group.members)
    return {needle for needle in needles if len(needle) >= 2}


def measure(blocks: list[Block], plan: Plan) -> Coverage:
    """The numbered items of ``blocks`` and the places of those that became nothing in ``plan``."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph) and b.text.strip()]
    keys = [_key(p.text) for p in paragraphs]
    levels = [(numbering[0] if (numbering := item_numbering(p.text)) else None) for p in paragraphs]
    # One alternation searched in C instead of a Python loop over every needle.
    needles = sorted(_needles(plan), key=len, reverse=True)
    found = re.compile("|".join(map(re.escape, needles))) if needles else None
    openings = _task_openings(plan)
    read = [
        bool(found and found.search(key)) or bool(openings and _after_number(p.text).startswith(openings))
        for p, key in zip(paragraphs, keys, strict=True)
    ]
    numbered = 0
    unread: list[str] = []
    for i, level in enumerate(levels):
        if level is None:
            continue
        numbered += 1
        end = next(
            (j for j in range(i + 1, len(levels)) if (lv := levels[j]) is not None and lv <= level),
            len(levels),
        )
        if not any(read[i:end]):
            unread.append(paragraphs[i].where or f"第{i + 1}段")
    return Coverage(numbered_items=numbered, unread_items=unread)


def _after_number(text: str) -> str:
    numbering = item_numbering(text)
    return _key(text[numbering[2] :] if numbering else text)


def unread_warnings(blocks: list[Block], coverage: Coverage) -> list[str]:
    """One warning per numbered item that became nothing, quoting its opening words."""
    by_place = {b.where: b.text.strip() for b in blocks if isinstance(b, Paragraph) and b.text.strip()}
    warnings = []
    for where in coverage.unread_items:
        text = by_place.get(where, "")
        shown = text if len(text) <= 24 else text[:24] + "…"
        warnings.append(f"{where}：编号条目“{shown}”未能识别为专项行动、任务、目标或成员，未读取")
    return warnings


def _places(wheres: list[str]) -> str:
    lines = [re.fullmatch(r"第(\d+)行", where) for where in wheres]
    if wheres and all(lines):
        return "第" + "、".join(m.group(1) for m in lines if m) + "行"
    return "、".join(wheres)


def summary(plan: Plan) -> str:
    """「读出 12 项任务；3 个编号条目未能识别：第14、22、31行」."""
    targets = len(plan.goals) + sum(len(a.targets) for a in plan.actions)
    targets += sum(len(r.targets) for r in plan.framework)
    counts = [
        (len(plan.actions), "个专项行动"),
        (targets, "个目标"),
        (len(plan.framework), "行指标"),
        (len(plan.tasks), "项任务"),
        (len(plan.committee), "名成员"),
        (len(plan.working_groups), "个工作组"),
    ]
    parts = [f"{n} {what}" for n, what in counts if n]
    line = f"读出 {'、'.join(parts)}" if parts else "未读出任何专项行动、目标、任务或成员"
    unread = plan.coverage.unread_items
    if unread:
        shown = _places(unread[:_SHOWN]) + ("等" if len(unread) > _SHOWN else "")
        line += f"；{len(unread)} 个编号条目未能识别：{shown}"
    elif plan.coverage.numbered_items:
        line += f"；{plan.coverage.numbered_items} 个编号条目全部识别"
    return line
