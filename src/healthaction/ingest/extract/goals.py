"""Section extractor: the plan's own goals (``goals``), the targets of its 总体目标.

The paragraph under a 总体目标 / 主要目标 heading of the whole plan ("一、总体目标",
"（二）总体目标", "总体目标：…") states where the plan as a whole is going:
"到2030年，人均预期寿命达到78.5岁，婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别下降到
4.0‰、4.5‰、10/10万". Its clauses under a 到YYYY年 phrase are read like an action's, and
only those with a number are goals: "健康素养水平持续提高" says a direction, not a goal.
The section runs to the next heading of the same or a higher level.
"""

from __future__ import annotations

import re

from healthaction.ingest.blocks import Block, Paragraph
from healthaction.ingest.chinese import simplified
from healthaction.ingest.extract.targets import targets_from_text
from healthaction.ingest.extract.task_list import item_numbering
from healthaction.plan import Target

_GOAL_HEADING = re.compile(r"^(?:总体目标|主要目标|总目标|发展目标)\s*[:：。]?\s*(?P<rest>.*)$")


def extract(blocks: list[Block], warnings: list[str]) -> list[Target]:
    goals: list[Target] = []
    level: int | None = None
    for block in blocks:
        if not isinstance(block, Paragraph) or not block.text.strip():
            continue
        text = block.text.strip()
        numbering = item_numbering(text)
        rest = text[numbering[2] :] if numbering else text
        heading = _GOAL_HEADING.match(simplified(rest.strip()))
        if heading:
            level = numbering[0] if numbering else 0
            body = rest.strip()[heading.start("rest") :]
            if body:
                goals += _numeric(body, warnings, block.where)
            continue
        if level is None:
            continue
        if numbering and (level == 0 or numbering[0] <= level):
            level = None  # the next part of the plan
            continue
        goals += _numeric(text, warnings, block.where)
    return goals


def _numeric(text: str, warnings: list[str], where: str) -> list[Target]:
    return [t for t in targets_from_text(text, warnings, where=f"总体目标（{where}）") if t.value is not None]
