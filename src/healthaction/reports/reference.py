"""Where a region stands against the national targets of 健康中国行动 (the catalog's 2022 and 2030
values) and how far it still is from its 2030 target: a section and a table of the 监测评估报告."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from healthaction.catalog import match_indicator, normalise_unit
from healthaction.reports.draft import Block, Column, Heading, Paragraph, Table
from healthaction.reports.model import IndicatorResult, Milestone
from healthaction.reports.wording import difference_words, number, some, target_words

_TARGET = re.compile(r"^\s*(≥|≤|>|<|＞|＜)?\s*(\d+(?:\.\d+)?)\s*$")
_SIGNS = {"≥": ">=", "≤": "<=", ">": ">", "<": "<", "＞": ">", "＜": "<"}


def national_target(text: str | None, year: int, direction: int) -> Milestone | None:
    """「≥22」 → 不低于22 in ``year``; a bare 「90」 reads by the direction of better; words → None."""
    found = _TARGET.match(text or "")
    if not found:
        return None
    sign = _SIGNS.get(found.group(1) or "", ">=" if direction >= 0 else "<=")
    return Milestone(year, sign, float(found.group(2)))


def meets(value: float, target: Milestone) -> bool:
    assert target.value is not None
    return {
        ">=": value >= target.value,
        ">": value > target.value,
        "<=": value <= target.value,
        "<": value < target.value,
        "=": abs(value - target.value) < 1e-9,
    }.get(target.comparator, False)


@dataclass(frozen=True)
class Standing:
    result: IndicatorResult
    national: Milestone | None  # 全国 target for the report's stage (2022)
    by_2030: Milestone | None  # the region's own 2030 target, else the national one
    gap: str  # 已达到 · 还差2.4个百分点 · —


def standings(results: Sequence[IndicatorResult]) -> list[Standing]:
    """Every series with a value and a numeric national or 2030 target it can be compared with (the same
    unit: a label the catalog contradicts is not compared)."""
    rows: list[Standing] = []
    for result in results:
        if result.value is None or (result.target is not None and result.target.comparator == "achieved"):
            continue
        entry = match_indicator(result.indicator).entry
        same_unit = entry is not None and (result.unit is None or normalise_unit(result.unit) == entry.unit)
        national = by_2030 = None
        if entry is not None and same_unit:
            national = national_target(entry.target_2022_text, 2022, entry.direction)
            by_2030 = national_target(entry.target_2030_text, 2030, entry.direction)
        own = next(
            (
                m
                for m in result.milestones
                if m.year == 2030 and m.value is not None and m.comparator in _COMPARED
            ),
            None,
        )
        by_2030 = own or by_2030
        if national is None and by_2030 is None:
            continue
        gap = "—"
        if by_2030 is not None and by_2030.value is not None:
            gap = (
                "已达到"
                if meets(result.value, by_2030)
                else "还差" + difference_words(abs(by_2030.value - result.value), result.unit)
            )
        rows.append(Standing(result, national, by_2030, gap))
    return rows


_COMPARED = (">=", ">", "<=", "<", "=")


def reference_blocks(results: Sequence[IndicatorResult], year: int) -> list[Block]:
    """四、对照全国目标和2030年目标: counts and names in the text, every indicator in the table."""
    rows = standings(results)
    if not rows:
        return []
    compared = [r for r in rows if r.national is not None]
    met = [r for r in compared if r.national is not None and meets(r.result.value or 0, r.national)]
    short = [r for r in compared if r not in met]
    blocks: list[Block] = [Heading(1, "四、对照全国目标和2030年目标")]
    if compared:
        text = (
            f"对照《健康中国行动（2019—2030年）》确定的全国2022年目标，有可比量化目标的{len(compared)}项指标中，"
            f"{len(met)}项达到或优于全国目标"
        )
        if short:
            names = [
                f"{r.result.indicator}（{number(r.result.value, r.result.unit)}，全国目标"
                f"{target_words(r.national, r.result.unit)}）"
                for r in short
            ]
            text += f"，{len(short)}项尚未达到：{some(names, 6)}"
        blocks.append(Paragraph(text + "。"))
    ahead = [r for r in rows if r.gap == "已达到"]
    behind = [r for r in rows if r.gap.startswith("还差")]
    if ahead or behind:
        text = f"对照2030年目标，{len(ahead)}项指标已提前达到，{len(behind)}项尚有差距"
        if behind:
            names = [f"{r.result.indicator}{r.gap}" for r in behind]
            text += f"，其中{some(names, 6)}"
        blocks.append(Paragraph(text + "。"))
    blocks.append(reference_table(f"表9  {year}年指标与全国目标、2030年目标对照", rows))
    return blocks


def reference_table(caption: str, rows: Sequence[Standing]) -> Table:
    columns = (
        Column("序号"),
        Column("指标"),
        Column("单位"),
        Column("实际值"),
        Column("全国2022年目标"),
        Column("是否达到"),
        Column("2030年目标"),
        Column("距2030年目标"),
    )
    body = []
    for seq, r in enumerate(rows, 1):
        value = r.result.value or 0
        met = None if r.national is None else ("达到" if meets(value, r.national) else "未达到")
        body.append(
            (
                seq,
                r.result.indicator,
                number(0, r.result.unit)[1:] or None,
                number(r.result.value),
                None if r.national is None else target_words(r.national, None),
                met,
                None if r.by_2030 is None else target_words(r.by_2030, None),
                r.gap,
            )
        )
    return Table(caption, "对照全国目标", columns, tuple(body))
