"""The narrative of the 总体监测评估报告 and the 专项行动实施进展专题报告, drafted from the numbers.

Every count and value in the text comes from the ReportData (the engine's results); the
per-indicator sentence is the engine's own explanation, so the text and the tables agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from healthaction.reports import charts
from healthaction.reports.draft import Block, Draft, Figure, Heading, Paragraph
from healthaction.reports.model import ActionResult, IndicatorResult, ReportData
from healthaction.reports.tables import action_table, indicator_table
from healthaction.reports.wording import (
    BEHIND,
    LABELS,
    change_words,
    chinese_date,
    counts_sentence,
    joined,
    numeral,
    region_word,
    some,
    status_counts,
)

_GOOD = ("已达标", "进度正常")


def draft(data: ReportData, *, with_charts: bool = True) -> Draft:
    """The report of ``data.kind`` as blocks (the assessment report lives in drafting_assessment)."""
    if data.kind == "assessment":
        from healthaction.reports.drafting_assessment import draft_assessment

        return draft_assessment(data, with_charts=with_charts)
    if data.parts:
        from healthaction.reports.drafting_area import area_blocks

        blocks = area_blocks(data)
    else:
        blocks = (
            _action_blocks(data, with_charts) if data.kind == "action" else _overall_blocks(data, with_charts)
        )
    return Draft(
        title=data.title,
        addressee=None,
        blocks=tuple(blocks),
        signature=data.issuer,
        date=chinese_date(data.date),
        issuer=data.issuer,
        copy_to=data.copy_to,
    )


def item(result: IndicatorResult) -> str:
    """居民健康素养水平（2022年实际值23%，已达到2022年目标≥22%）."""
    return f"{result.indicator}（{result.explanation}）"


def _kind_of_indicators(results: Sequence[IndicatorResult]) -> str:
    return "考核指标" if results and all(r.in_framework for r in results) else "监测指标"


def status_overview(data: ReportData, results: Sequence[IndicatorResult], whole: str) -> str:
    """截至2022年，全区26项考核指标中，已达标14项，进度正常5项……，已达标率53.8%。"""
    counts = status_counts(results)
    good = counts["已达标"] + counts["进度正常"]
    share = f"{good / len(results) * 100:.1f}%" if results else "0%"
    return (
        f"截至{data.year}年，{whole}{len(results)}项{_kind_of_indicators(results)}中，{counts_sentence(counts)}；"
        f"已达标和进度正常的指标合计{good}项，占{share}。"
    )


def year_on_year(data: ReportData, results: Sequence[IndicatorResult], *, values: bool) -> list[str]:
    """Status counts against last year and the indicators whose status changed."""
    if not data.has_previous:
        return []
    before = [r.previous_label for r in results if r.previous_label]
    if not before:
        return [f"{data.year - 1}年无可比较的监测结果。"]
    now, then = status_counts(results), {label: before.count(label) for label in LABELS}
    achieved = f"与{data.year - 1}年相比，已达标指标由{then['已达标']}项变为{now['已达标']}项"
    behind_now = sum(now[label] for label in BEHIND)
    behind_then = sum(then[label] for label in BEHIND)
    sentences = [f"{achieved}，滞后和未达标指标由{behind_then}项变为{behind_now}项。"]
    rank = {label: i for i, label in enumerate(LABELS)}
    better = [r for r in results if r.previous_label and rank[r.label] < rank[r.previous_label]]
    worse = [r for r in results if r.previous_label and rank[r.label] > rank[r.previous_label]]
    for group, word in ((better, "好转"), (worse, "退步")):
        if group:
            moves = [f"{r.indicator}由{r.previous_label}转为{r.label}" for r in group]
            sentences.append(f"状态{word}的指标{len(group)}项：{'；'.join(moves)}。")
    changes = [f"{r.indicator}{c}" for r in results if (c := change_words(r))]
    if changes and values:
        sentences.append(f"从数值看，{'；'.join(changes)}。")
    return sentences


def _listing(results: Sequence[IndicatorResult], lead: str) -> str:
    return f"{lead}{len(results)}项：{'；'.join(item(r) for r in results)}。"


def _departments(actions: Sequence[ActionResult], results: Sequence[IndicatorResult]) -> list[str]:
    names = {r.indicator for r in results}
    found: dict[str, None] = {}
    for action in actions:
        if any(r.indicator in names for r in action.indicators):
            found.update(dict.fromkeys(action.lead_departments))
    return list(found)


def _owners(departments: list[str], otherwise: str) -> str:
    if len(departments) == 1:
        return departments[0]
    return f"{joined(departments)}等部门" if 1 < len(departments) <= 5 else otherwise


def next_steps(actions: Sequence[ActionResult], results: Sequence[IndicatorResult]) -> list[str]:
    behind = [r for r in results if r.label in BEHIND]
    missing = [r for r in results if r.label == "无数据"]
    steps: list[str] = []
    if behind:
        who = _departments(actions, behind)
        owner = (
            f"{joined(who)}等牵头部门"
            if 1 < len(who) <= 5
            else (f"{who[0]}" if len(who) == 1 else "各牵头部门")
        )
        names = some([r.indicator for r in behind]).removesuffix("等")
        steps.append(
            f"针对{names}等{len(behind)}项进度滞后或未达标的指标，"
            f"请{owner}逐项分析原因，制定整改措施，明确完成时限，确保按期达到目标。"
        )
    if missing:
        who = _departments(actions, missing)
        owner = (
            f"{joined(who)}等部门" if 1 < len(who) <= 5 else (f"{who[0]}" if len(who) == 1 else "有关部门")
        )
        steps.append(
            f"{some([r.indicator for r in missing]).removesuffix('等')}等{len(missing)}项指标缺少监测数据，"
            f"请{owner}按监测要求及时报送，确保数据完整、准确。"
        )
    achieved = [r for r in results if r.label in _GOOD]
    if achieved:
        steps.append(f"对已达标和进度正常的{len(achieved)}项指标，继续巩固已有成效，防止出现反弹。")
    return steps


def _overall_blocks(data: ReportData, with_charts: bool) -> list[Block]:
    results, whole = data.indicators, region_word(data.region)
    blocks: list[Block] = [
        Paragraph(
            f"根据《{data.campaign}实施方案》确定的目标和监测指标，对{data.region}{data.year}年"
            f"{data.campaign}实施进展进行了监测评估。现将有关情况报告如下。"
        ),
        Heading(1, "一、总体情况"),
        Paragraph(status_overview(data, results, whole)),
    ]
    framework = [r for r in results if r.in_framework]
    if framework and len(framework) < len(results):
        counts = counts_sentence(status_counts(framework))
        blocks.append(Paragraph(f"其中，考核指标框架内的{len(framework)}项指标，{counts}。"))
    measured = [a for a in data.actions if a.indicators]
    if data.actions:
        behind = [a for a in measured if any(r.label in BEHIND for r in a.indicators)]
        text = f"{len(data.actions)}个专项行动中，{len(measured)}个设有量化监测指标"
        if behind:
            text += f"，其中{len(behind)}个存在进度滞后或未达标的指标（{joined([a.name for a in behind])}）"
        blocks.append(Paragraph(text + "。"))
        if with_charts and measured:
            blocks.append(Figure(f"图1  {data.year}年各专项行动指标状态", charts.status_by_action(measured)))
        blocks.append(action_table(f"表1  {data.year}年各专项行动指标状态", data.actions))
    blocks += [Paragraph(s) for s in year_on_year(data, results, values=False)]
    blocks.append(Heading(1, "二、主要进展"))
    groups = [
        ([r for r in results if r.label == "已达标"], "已达标的指标"),
        ([r for r in results if r.label == "进度正常"], "进度正常的指标"),
    ]
    blocks += _numbered_groups(groups, "目前尚无已达标或进度正常的指标。")
    blocks.append(Heading(1, "三、存在的问题"))
    groups = [([r for r in results if r.label == label], f"{label}的指标") for label in (*BEHIND, "无数据")]
    blocks += _numbered_groups(groups, "各项指标均已达标或进度正常，未发现明显滞后的指标。")
    blocks.append(Heading(1, "四、下一步工作"))
    blocks += [Paragraph(f"（{numeral(i)}）{s}") for i, s in enumerate(next_steps(data.actions, results), 1)]
    blocks.append(
        indicator_table(
            f"表2  {data.year}年各项指标监测结果", "指标", results, with_previous=data.has_previous
        )
    )
    return blocks


def _numbered_groups(groups: list[tuple[list[IndicatorResult], str]], none: str) -> list[Block]:
    present = [(results, name) for results, name in groups if results]
    if not present:
        return [Paragraph(none)]
    blocks: list[Block] = []
    for index, (results, name) in enumerate(present, 1):
        blocks.append(Heading(2, f"（{numeral(index)}）{name}"))
        blocks.append(Paragraph(_listing(results, f"{name.removesuffix('的指标')}的指标共")))
    return blocks


def _action_blocks(data: ReportData, with_charts: bool) -> list[Block]:
    action = data.action
    assert action is not None  # build_report_data chose it
    results = action.indicators
    lead = joined(list(action.lead_departments)) or "有关部门"
    coop = f"，{joined(list(action.cooperating_departments))}配合" if action.cooperating_departments else ""
    blocks: list[Block] = [
        Paragraph(
            f"{action.name}由{lead}牵头{coop}。现将{data.region}{data.year}年{action.name}实施进展报告如下。"
        ),
        Heading(1, "一、总体进展"),
    ]
    if not results:
        blocks.append(
            Paragraph(f"本行动在实施方案中未设置量化监测指标，{data.year}年进展以重点任务落实情况为准。")
        )
        return blocks
    blocks.append(Paragraph(status_overview(data, results, "本行动")))
    blocks += [Paragraph(s) for s in year_on_year(data, results, values=True)]
    plotted = [
        r for r in results if len(r.history) > 0 and r.target is not None and r.target.value is not None
    ]
    if with_charts and plotted:
        blocks.append(Figure(f"图1  {action.name}主要指标实际值与序时目标", charts.trends(plotted)))
    blocks.append(Heading(1, "二、指标完成情况"))
    for index, result in enumerate(results, 1):
        change = change_words(result)
        text = f"{result.explanation}，状态为{result.label}" + (f"；{change}" if change else "")
        blocks += [Heading(3, f"{index}.{result.indicator}"), Paragraph(text + "。")]
    blocks.append(Heading(1, "三、存在的问题和下一步工作"))
    behind = [r for r in results if r.label in (*BEHIND, "无数据")]
    if not behind:
        blocks.append(Paragraph("本行动各项指标均已达标或进度正常。"))
    blocks += [Paragraph(f"（{numeral(i)}）{s}") for i, s in enumerate(next_steps([action], results), 1)]
    blocks.append(
        indicator_table(f"表1  {action.name}指标监测结果", "指标", results, with_previous=data.has_previous)
    )
    return blocks
