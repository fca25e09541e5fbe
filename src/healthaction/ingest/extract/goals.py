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
from healthaction.ingest.extract.targets import clauses, targets_from_text
from healthaction.ingest.extract.task_list import item_numbering
from healthaction.plan import Target

_GOAL_HEADING = re.compile(r"^(?:总体目标|主要目标|总目标|发展目标)\s*[:：。]?\s*(?P<rest>.*)$")
# A plan's top-level 目标 part may also be called 工作目标 or just 目标 ("一、目标到2023年，…",
# "二、工作目标"): these name the whole plan's goals only as a numbered 一、 heading, because
# inside an action or a task list the same words head that part's own aims.
_TOP_GOAL_HEADING = re.compile(r"^(?:工作目标|目标)\s*[:：。]?\s*(?P<rest>.*)$")
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _title_year(title: str | None) -> int | None:
    """The year of an annual plan ("秀英区2019年健康促进…方案"); None for a multi-year one."""
    if not title:
        return None
    years = _TITLE_YEAR.findall(title)
    return int(years[0]) if len(years) == 1 and not re.search(r"\d\s*年?\s*[—–-]", title) else None


def extract(blocks: list[Block], warnings: list[str], title: str | None = None) -> list[Target]:
    goals: list[Target] = []
    level: int | None = None
    year = _title_year(title)
    for block in blocks:
        if not isinstance(block, Paragraph) or not block.text.strip():
            continue
        text = block.text.strip()
        numbering = item_numbering(text)
        rest = text[numbering[2] :] if numbering else text
        heading = _GOAL_HEADING.match(simplified(rest.strip()))
        if not heading and numbering and numbering[0] == 1:
            heading = _TOP_GOAL_HEADING.match(simplified(rest.strip()))
        if heading:
            level = numbering[0] if numbering else 0
            body = rest.strip()[heading.start("rest") :]
            if body:
                goals += _numeric(body, warnings, block.where, year)
            continue
        if level is None:
            continue
        if numbering and (level == 0 or numbering[0] <= level):
            level = None  # the next part of the plan
            continue
        goals += _numeric(rest if numbering else text, warnings, block.where, year)
    return goals


def _numeric(text: str, warnings: list[str], where: str, year: int | None) -> list[Target]:
    """The clauses with a number; a clause under no 到YYYY年 phrase takes the year of an annual
    plan's title, or none (a goal is still a goal when the document garbles its year)."""
    found = targets_from_text(
        text, warnings, where=f"总体目标（{where}）", year_required=False, carry_years=False
    )
    found += _counts_first(text)
    return [
        t if t.year is not None else t.model_copy(update={"year": year})
        for t in found
        if t.value is not None and not _REFERENCE.search(simplified(t.indicator)) and not _list_number(t)
    ]


def _list_number(target: Target) -> bool:
    """ "阶段目标1. …": a bare number with no unit and no verb is an item's numbering, not a value."""
    return target.unit is None and target.text.strip() == str(target.value)


# A goal counted before its noun: "创建152个健康社区/健康村", "建成10个健康主题公园".
_COUNT_FIRST = re.compile(
    r"^(?P<text>(?:创建|建成|建设|打造|培育|新增)\s*(?P<value>\d+)\s*(?P<unit>个|家|所|处)\s*"
    r"(?P<noun>[\u3400-\u9fff/（）()]{2,20}))$"
)


def _counts_first(text: str) -> list[Target]:
    found: list[Target] = []
    for clause in clauses(text):
        written = clause.text.strip()
        count = _COUNT_FIRST.match(simplified(written))
        if not count:
            continue
        years = clause.years or (None,)
        found.append(
            Target(
                indicator=written[count.start("noun") : count.end("noun")],
                year=years[0] if len(years) == 1 else None,
                comparator="=",
                value=int(count["value"]),
                unit=count["unit"],
                text=written,
            )
        )
    return found


# "详见附件1": a number that names an attachment or a table is a reference, not a value.
_REFERENCE = re.compile(r"(?:附件|附表|附录|表)$")
