"""The 总体监测评估报告 and 专题报告 of an area (a region without a plan of its own): per subordinate region.

Every count comes from the parts (each an evaluated subordinate region); the per-indicator
sentence is the engine's own explanation, as in the single-region reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from healthaction.reports.draft import Block, Heading, Paragraph
from healthaction.reports.drafting import numbered
from healthaction.reports.drafting_assessment import lower_level
from healthaction.reports.model import IndicatorResult, ReportData
from healthaction.reports.reference import reference_blocks
from healthaction.reports.tables import area_indicator_table, area_status_table
from healthaction.reports.wording import (
    BEHIND,
    GOOD,
    counts_sentence,
    joined,
    moved_count,
    numeral,
    some,
    status_counts,
    target_words,
    value_words,
)


def _results(data: ReportData, part: ReportData) -> tuple[IndicatorResult, ...]:
    if data.kind == "action":
        return part.action.indicators if part.action is not None else ()
    return part.indicators


def _item(result: IndicatorResult) -> str:
    """人均预期寿命（67.42岁，2022年目标不低于75.64岁）: short, as a county's list is long; the
    附件 gives every value."""
    target = result.target
    aim = f"，{target.year}年目标{target_words(target, result.unit)}" if target is not None else ""
    return f"{result.indicator}（{value_words(result)}{aim}）"


def _share(results: Sequence[IndicatorResult]) -> float:
    good = sum(1 for r in results if r.shown in GOOD)
    return good / len(results) * 100 if results else 0.0


def area_blocks(data: ReportData) -> list[Block]:
    """一、总体情况 · 二、各县区情况 · 三、存在的问题 · 四、下一步工作, with the per-region tables."""
    level = lower_level([p.region for p in data.parts])
    per_region = [(p.region, _results(data, p)) for p in data.parts]
    every = [r for _, results in per_region for r in results]
    subject = f"{data.action.name}" if data.kind == "action" and data.action else f"{data.campaign}"
    blocks: list[Block] = []
    if data.basis:
        blocks.append(Paragraph(data.basis))
    blocks.append(
        Paragraph(f"现将{data.region}所辖{len(data.parts)}个{level}{data.year}年{subject}实施进展报告如下。")
    )
    blocks.append(Heading(1, "一、总体情况" if data.kind == "overall" else "一、总体进展"))
    if data.indicators and data.kind == "overall":
        own = status_counts(data.indicators)
        blocks.append(
            Paragraph(
                f"{data.region}本级监测的{len(data.indicators)}项指标中，{counts_sentence(own)}；"
                f"已达标和进度正常的占{_share(data.indicators):.1f}%。"
            )
        )
    what = "本行动指标" if data.kind == "action" else "指标"
    if every:
        good = sum(1 for r in every if r.shown in GOOD)
        blocks.append(
            Paragraph(
                f"截至{data.year}年，{len(data.parts)}个{level}共监测{what}{len(every)}项次，"
                f"{counts_sentence(status_counts(every)).replace('项', '项次')}；"
                f"已达标和进度正常的合计{good}项次，占{_share(every):.1f}%。"
            )
        )
        shares = {region: round(_share(results), 1) for region, results in per_region if results}
        high, low = max(shares.values()), min(shares.values())
        if high != low:
            best = joined([r for r, v in shares.items() if v == high])
            worst = joined([r for r, v in shares.items() if v == low])
            blocks.append(
                Paragraph(f"已达标和进度正常的比例，{best}最高（{high:.1f}%），{worst}最低（{low:.1f}%）。")
            )
    else:
        blocks.append(Paragraph(f"各{level}均未设置本行动的量化监测指标。"))
    blocks.append(area_status_table(f"表1  {data.year}年各{level}{what}状态", per_region))

    blocks.append(Heading(1, f"二、各{level}情况"))
    for index, (part, (region, results)) in enumerate(zip(data.parts, per_region, strict=True), 1):
        blocks.append(Heading(2, f"（{numeral(index)}）{region}"))
        if not results:
            blocks.append(Paragraph(f"{region}没有可评估的{what}。"))
            continue
        counts = status_counts(results)
        text = f"{region}{len(results)}项{what}中，{counts_sentence(counts)}。"
        behind = [r for r in results if r.shown in BEHIND]
        if behind:
            text += f"进度滞后或未达标的{len(behind)}项：{'；'.join(_item(r) for r in behind)}。"
        blocks.append(Paragraph(text))
        if part.has_previous:
            before = [r.previous_shown for r in results if r.previous_shown]
            if before:
                then, now = before.count("ACHIEVED"), counts["ACHIEVED"]
                blocks.append(Paragraph(f"与{data.year - 1}年相比，已达标指标{moved_count(then, now)}。"))

    blocks.append(Heading(1, "三、存在的问题"))
    blocks += _problems(per_region, level)
    if data.kind == "overall":  # the region's own series (本级) against the national and 2030 targets
        blocks += reference_blocks(data.indicators, data.year)
    blocks.append(Heading(1, "四、下一步工作"))
    blocks += numbered(_steps(every, level))
    blocks.append(
        area_indicator_table(
            f"表2  {data.year}年各{level}{what}监测结果", per_region, with_previous=data.has_previous
        )
    )
    return blocks


def _problems(per_region: Sequence[tuple[str, Sequence[IndicatorResult]]], level: str) -> list[Block]:
    behind = Counter(r.indicator for _, results in per_region for r in results if r.shown in BEHIND)
    missing = Counter(r.indicator for _, results in per_region for r in results if r.shown == "NO_DATA")
    # A region whose every series lacks data has not been judged at all: counted, never called 达标.
    silent = [region for region, results in per_region if all(r.shown == "NO_DATA" for r in results)]
    judged = len(per_region) - len(silent)
    blocks: list[Block] = []
    if silent:
        blocks.append(
            Paragraph(
                f"{len(per_region)}个{level}中，{joined(silent)}{len(silent)}个{level}尚无可评估的监测数据，"
                f"以下情况仅反映其余{judged}个{level}。"
                if judged
                else f"{len(per_region)}个{level}均尚无可评估的监测数据。"
            )
        )
    if not behind and not missing:
        if judged:
            blocks.append(
                Paragraph(f"有数据的{judged}个{level}的指标均已达标或进度正常，未发现明显滞后的指标。")
            )
        return blocks
    if behind:
        common = [f"{name}（{n}个{level}）" for name, n in behind.most_common()]
        blocks.append(
            Paragraph(f"进度滞后或未达标的指标共{len(behind)}项，按涉及地区数排列：{some(common, 10)}。")
        )
    if missing:
        names = some([name for name, _ in missing.most_common()], 8)
        blocks.append(
            Paragraph(f"{names.removesuffix('等')}等{len(missing)}项指标在部分{level}缺少监测数据。")
        )
    return blocks


def _steps(every: Sequence[IndicatorResult], level: str) -> list[str]:
    behind = [r for r in every if r.shown in BEHIND]
    missing = [r for r in every if r.shown == "NO_DATA"]
    good = [r for r in every if r.shown in GOOD]
    steps = []
    if behind:
        steps.append(
            f"请各{level}针对进度滞后或未达标的{len(behind)}项次指标，逐项分析原因，"
            "制定整改措施，明确完成时限，确保按期达到目标。"
        )
    if missing:
        steps.append(f"请各{level}按监测要求及时报送缺少数据的{len(missing)}项次指标，确保数据完整、准确。")
    if good:
        steps.append(f"对已达标和进度正常的{len(good)}项次指标，继续巩固已有成效，防止出现反弹。")
    return steps
