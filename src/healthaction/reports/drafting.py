"""The narrative of the 总体监测评估报告 and the 专项行动实施进展专题报告, drafted from the numbers.

Every count and value in the text comes from the ReportData (the engine's results); the
per-indicator sentence is drafted from the same numbers as the table (``wording.progress_words``),
so the text and the tables agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from healthaction.engine import statuses
from healthaction.evaluation_io.output import plain_number
from healthaction.reports import charts
from healthaction.reports.draft import Block, Draft, Figure, Heading, Paragraph, Table, with_annexes
from healthaction.reports.model import ActionResult, IndicatorResult, ReportData
from healthaction.reports.reference import reference_blocks
from healthaction.reports.tables import action_table, indicator_table
from healthaction.reports.wording import (
    BEHIND,
    GOOD,
    ORDER,
    change_words,
    chinese_date,
    counts_sentence,
    joined,
    moved_count,
    numeral,
    progress_words,
    region_word,
    some,
    status_counts,
)
from healthaction.responsibility.statuses import verdict_label


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
    return finished(data, blocks, addressee=f"{data.campaign}推进委员会：")


def finished(data: ReportData, blocks: Sequence[Block], *, addressee: str | None) -> Draft:
    """The Draft of any kind: 数据质量说明 last, big tables moved to 附件, headings and tables numbered."""
    body, annexes = with_annexes((*blocks, *quality_blocks(data)))
    return Draft(
        title=data.title,
        addressee=addressee,
        blocks=tuple(numbered_in_order(body)),
        signature=data.issuer,
        date=chinese_date(data.date),
        issuer=data.issuer,
        copy_to=data.copy_to,
        annexes=annexes,
        demo=data.demo,
        author=data.issuer,
        issued=data.date,
    )


_LEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|[表图]\d+\s*)")


def work_blocks(data: ReportData) -> list[Block]:
    """工作开展情况: the 责任清单's progress (how many measures in each state, the lagging and overdue ones
    with their lead departments) and the 组织实施 items as the office scored them."""
    work = data.work
    if work is None or (not work.measures and not work.organisation):
        return []
    blocks: list[Block] = [Heading(1, "二、工作开展情况")]
    if work.measures:
        counts = "，".join(f"{verdict_label(status)}{n}项" for status, n in work.statuses if n)
        text = f"截至{work.round}，责任清单共{work.measures}项措施，{counts}"
        if work.behind:
            text += f"。滞后或逾期的{len(work.behind)}项：{some(list(work.behind), 8)}"
        blocks.append(Paragraph(text + "。"))
    if work.organisation:
        got = sum(p for _, p, _, _ in work.organisation)
        full = sum(m for _, _, m, _ in work.organisation)
        items = "；".join(
            f"{name}满分{plain_number(top, 2)}分，得{plain_number(points, 2)}分"
            + (f"（{why}）" if why else "")
            for name, points, top, why in work.organisation
        )
        blocks.append(
            Paragraph(
                f"组织实施方面，{work.assessment}中{len(work.organisation)}项组织实施项共得"
                f"{plain_number(got, 2)}分（满分{plain_number(full, 2)}分）：{items}。"
            )
        )
    return blocks


def numbered_in_order(blocks: Sequence[Block]) -> list[Block]:
    """一、二、… headings, 表1 表2 … and 图1 … numbered in the order they stand: no gaps, no 表2 without 表1,
    whatever sections a report leaves out."""
    counters = {"heading": 0, "表": 0, "图": 0}
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1 and _LEADING_NUMBER.match(block.text):
            counters["heading"] += 1
            text = _LEADING_NUMBER.sub("", block.text)
            out.append(replace(block, text=f"{numeral(counters['heading'])}、{text}"))
        elif isinstance(block, Table | Figure) and _LEADING_NUMBER.match(block.caption):
            kind = block.caption[0]
            counters[kind] += 1
            out.append(
                replace(block, caption=f"{kind}{counters[kind]}  {_LEADING_NUMBER.sub('', block.caption)}")
            )
        else:
            out.append(block)
    return out


def quality_blocks(data: ReportData) -> list[Block]:
    """数据质量说明: what the report flags rather than uses silently (a unit the catalog contradicts)."""
    if not data.quality:
        return []
    return [
        Heading(1, "五、数据质量说明"),
        Paragraph(
            f"以下{len(data.quality)}项数据存在问题：不可能成立的数值未用于评估，"
            "单位存疑的按原值列出。请填报单位核实更正。"
        ),
        *(Paragraph(f"{index}.{note}") for index, note in enumerate(data.quality, 1)),
    ]


def item(result: IndicatorResult, year: int) -> str:
    """居民健康素养水平（2022年为23%，已达到2022年目标（不低于22%））."""
    return f"{result.indicator}（{progress_words(result, year)}）"


def _kind_of_indicators(results: Sequence[IndicatorResult]) -> str:
    return "考核指标" if results and all(r.in_framework for r in results) else "监测指标"


def status_overview(data: ReportData, results: Sequence[IndicatorResult], whole: str) -> str:
    """截至2022年，全区26项考核指标中，已达标14项，进度正常5项……，已达标率53.8%。"""
    counts = status_counts(results)
    good = sum(counts[code] for code in GOOD)
    share = f"{good / len(results) * 100:.1f}%" if results else "0%"
    return (
        f"截至{data.year}年，{whole}{len(results)}项{_kind_of_indicators(results)}中，{counts_sentence(counts)}；"
        f"已达标和进度正常的指标合计{good}项，占{share}。"
    )


def year_on_year(data: ReportData, results: Sequence[IndicatorResult], *, values: bool) -> list[str]:
    """Status counts against last year and the indicators whose status changed."""
    if not data.has_previous:
        return []
    before = [r.previous_shown for r in results if r.previous_shown]
    if not before:
        return [f"{data.year - 1}年无可比较的监测结果。"]
    now, then = status_counts(results), {code: before.count(code) for code in ORDER}
    behind_now = sum(now[code] for code in BEHIND)
    behind_then = sum(then[code] for code in BEHIND)
    sentences = [
        f"与{data.year - 1}年相比，已达标指标{moved_count(then['ACHIEVED'], now['ACHIEVED'])}，"
        f"滞后和未达标指标{moved_count(behind_then, behind_now)}。"
    ]
    # 未达标 (MISSED) is what 严重滞后 (or any unmet status) is called once the target year comes: a series
    # whose target falls due this year and is missed has reached its deadline, not changed for the worse.
    rank = {code: i for i, code in enumerate(ORDER)} | {"MISSED": ORDER.index("OFF_TRACK")}
    compared = [
        r for r in results if r.previous_shown and r.previous_shown != "NO_DATA" and r.shown != "NO_DATA"
    ]
    due = [
        r
        for r in compared
        if r.shown == "MISSED"
        and r.previous_shown != "MISSED"
        and r.target is not None
        and r.target.year == data.year
    ]
    better = [r for r in compared if rank[r.shown] < rank[r.previous_shown or ""]]
    worse = [r for r in compared if rank[r.shown] > rank[r.previous_shown or ""] and r not in due]
    for group, word in ((better, "好转"), (worse, "退步")):
        if group:
            moves = [f"{r.indicator}由{r.previous_label}转为{r.label}" for r in group]
            sentences.append(f"状态{word}的指标{len(group)}项：{'；'.join(moves)}。")
    if due:
        sentences.append(
            f"{len(due)}项指标的目标在{data.year}年到期，到期时仍未达到："
            f"{some([r.indicator for r in due], 8)}。"
        )
    changes = [f"{r.indicator}{c}" for r in results if (c := change_words(r))]
    if changes and values:
        sentences.append(f"从数值看，{'；'.join(changes)}。")
    return sentences


def _listing(results: Sequence[IndicatorResult], lead: str, year: int) -> str:
    return f"{lead}{len(results)}项：{'；'.join(item(r, year) for r in results)}。"


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
    behind = [r for r in results if r.shown in BEHIND]
    missing = [r for r in results if r.shown == "NO_DATA"]
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
    achieved = [r for r in results if r.shown in GOOD]
    if achieved:
        steps.append(f"对已达标和进度正常的{len(achieved)}项指标，继续巩固已有成效，防止出现反弹。")
    return steps


def _overall_blocks(data: ReportData, with_charts: bool) -> list[Block]:
    results, whole = data.indicators, region_word(data.region)
    blocks: list[Block] = [
        Paragraph(
            f"根据《{data.plan_title or data.campaign + '实施方案'}》确定的目标和监测指标，"
            f"对{data.region}{data.year}年"
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
        behind = [a for a in measured if any(r.shown in BEHIND for r in a.indicators)]
        text = f"{len(data.actions)}个专项行动中，{len(measured)}个设有量化监测指标"
        if behind:
            text += f"，其中{len(behind)}个存在进度滞后或未达标的指标（{joined([a.name for a in behind])}）"
        blocks.append(Paragraph(text + "。"))
        if with_charts and measured:
            blocks.append(Figure(f"图1  {data.year}年各专项行动指标状态", charts.status_by_action(measured)))
        blocks.append(action_table(f"表1  {data.year}年各专项行动指标状态", data.actions))
    blocks += [Paragraph(s) for s in year_on_year(data, results, values=False)]
    blocks += work_blocks(data)
    blocks.append(Heading(1, "二、主要进展"))
    groups = [([r for r in results if r.shown == code], f"{statuses.label(code)}的指标") for code in GOOD]
    blocks += _numbered_groups(groups, "目前尚无已达标或进度正常的指标。", data.year)
    blocks.append(Heading(1, "三、存在的问题"))
    problems = (*BEHIND, "NO_DATA")
    groups = [([r for r in results if r.shown == code], f"{statuses.label(code)}的指标") for code in problems]
    blocks += _numbered_groups(groups, "各项指标均已达标或进度正常，未发现明显滞后的指标。", data.year)
    blocks += reference_blocks(results, data.year)
    blocks.append(Heading(1, "四、下一步工作"))
    blocks += numbered(next_steps(data.actions, results))
    blocks.append(
        indicator_table(
            f"表2  {data.year}年各项指标监测结果", "指标", results, with_previous=data.has_previous
        )
    )
    return blocks


def numbered(steps: Sequence[str]) -> list[Block]:
    """（一）…（二）… as paragraphs; a single step stands without a number."""
    if len(steps) == 1:
        return [Paragraph(steps[0])]
    return [Paragraph(f"（{numeral(i)}）{s}") for i, s in enumerate(steps, 1)]


def _numbered_groups(groups: list[tuple[list[IndicatorResult], str]], none: str, year: int) -> list[Block]:
    present = [(results, name) for results, name in groups if results]
    if not present:
        return [Paragraph(none)]
    blocks: list[Block] = []
    for index, (results, name) in enumerate(present, 1):
        if len(present) > 1:  # a lone （一） is no list
            blocks.append(Heading(2, f"（{numeral(index)}）{name}"))
        blocks.append(Paragraph(_listing(results, f"{name.removesuffix('的指标')}的指标共", year)))
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
        text = f"{progress_words(result, data.year)}，状态为{result.label}" + (
            f"；{change}" if change else ""
        )
        blocks += [Heading(3, f"{index}.{result.indicator}"), Paragraph(text + "。")]
    blocks.append(Heading(1, "三、存在的问题和下一步工作"))
    behind = [r for r in results if r.shown in (*BEHIND, "NO_DATA")]
    if not behind:
        blocks.append(Paragraph("本行动各项指标均已达标或进度正常。"))
    blocks += numbered(next_steps([action], results))
    blocks.append(
        indicator_table(f"表1  {action.name}指标监测结果", "指标", results, with_previous=data.has_previous)
    )
    return blocks
