"""The 考核结果通报: the scheme and procedure, grades with their regions, the ranking, 复核, adjustments as
scored, who is commended and who must 整改 by when, how results are used, every region's item scores."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from healthaction.evaluation_io.output import plain_number
from healthaction.reports import charts
from healthaction.reports.draft import Block, Draft, Figure, Heading, Paragraph
from healthaction.reports.model import RegionScore, ReportData
from healthaction.reports.tables import adjustment_table, item_score_table, ranking_table, review_table
from healthaction.reports.wording import chinese_date, joined, number

_LEVELS = ("县", "区", "市", "旗", "乡", "镇", "街道")


def lower_level(regions: Sequence[str]) -> str:
    """县（区） for 会宁县 and 平川区; 县 for counties only; 地区 when the names say nothing."""
    present = [level for level in _LEVELS if any(r.endswith(level) for r in regions)]
    if not present or sum(1 for r in regions if any(r.endswith(p) for p in present)) < len(regions):
        return "地区"
    if len(present) == 1:
        return present[0]
    return f"{present[0]}（{'、'.join(present[1:])}）"


def _score(value: float) -> str:
    return f"{value:.2f}分"


# How long a region told to 整改 has to report its plan: 30 days from the 通报.
RECTIFY_DAYS = 30


def draft_assessment(data: ReportData, *, with_charts: bool = True) -> Draft:
    scores = data.scores
    level = lower_level([s.region for s in scores])
    grades = Counter(s.grade for s in scores)
    # A region without a plan of its own assesses by its 考核方案 alone (``basis`` names it).
    grounds = data.basis or f"《{data.plan_title or data.campaign + '实施方案'}》"
    trial = "试考核" if data.scheme is not None and data.scheme.is_trial else "考核"
    blocks: list[Block] = [
        Paragraph(
            f"根据{grounds}和考核指标框架，{data.issuer}对{len(scores)}个{level}"
            f"{data.year}年度{data.campaign}实施情况进行了{trial}{_content(scores)}。现将{trial}结果通报如下。"
        ),
        Heading(1, "一、考核方式"),
        *(Paragraph(p) for p in _scheme_paragraphs(data, level)),
        Heading(1, "二、考核结果"),
        Paragraph(_grades_sentence(scores, grades, level)),
        Paragraph(_ranking_sentence(scores)),
    ]
    moves = _rank_changes(data)
    if moves:
        blocks.append(Paragraph(moves))
    if with_charts:
        blocks.append(Figure(f"图1  {data.year}年度各{level}考核最终得分", charts.ranking(scores)))
    blocks.append(
        ranking_table(f"表1  {data.year}年度考核得分与排名", scores, with_previous=data.has_previous)
    )
    blocks.append(Heading(1, "三、复核情况"))
    blocks += _review_blocks(data)
    blocks.append(Heading(1, "四、加分、扣分和一票否决"))
    blocks += _adjustment_blocks(data)
    blocks.append(Heading(1, "五、指标完成情况"))
    blocks.append(Paragraph(_indicator_sentence(scores, level)))
    blocks.append(Heading(1, "六、表扬和整改"))
    blocks += [Paragraph(s) for s in _commend_and_rectify(scores, data, level)]
    blocks.append(Heading(1, "七、结果运用"))
    blocks.append(
        Paragraph(
            f"考核结果经{data.campaign}推进委员会审定后通报，作为各{level}党政领导班子和领导干部年度综合考核"
            f"评价、干部奖惩使用的重要参考。各{level}要对照考核结果，补齐短板，确保{data.campaign}"
            "各项目标按期实现。"
        )
    )
    if data.item_scores:
        blocks.append(item_score_table(f"表9  {data.year}年度各{level}考核项目得分", data.item_scores))
    from healthaction.reports.drafting import finished

    return finished(
        data,
        blocks,
        addressee=f"各{level}{data.campaign}推进委员会办公室，{data.campaign}推进委员会各成员单位：",
    )


def _points(value: float) -> str:
    return f"{plain_number(round(value, 2), 2)}分"


def _scheme_paragraphs(data: ReportData, level: str) -> list[str]:
    """The scheme as the 通报 states it: items and points, the rules the scores were computed by, the
    adjustments and their cap, the grade bands, and the 自评 → 复核 procedure."""
    procedure = (
        f"考核采取{level}自评、{data.issuer}复核的方式：各{level}对照考核指标报送{data.year}年度监测数据和"
        f"佐证材料，{data.issuer}逐项审核、抽样复核，组织实施项根据佐证材料评分，按复核后的数据计算得分。"
    )
    terms = data.scheme
    if terms is None:
        return [procedure]
    parts = [f"考核指标{terms.indicator_items}项计{_points(terms.indicator_points)}"]
    if terms.organisation_items:
        parts.append(f"组织实施{terms.organisation_items}项计{_points(terms.organisation_points)}")
    total = terms.indicator_points + terms.organisation_points
    items = f"{'，'.join(parts)}，满分{_points(total)}。"
    ordered = sorted(terms.rules, key=lambda r: r.startswith("组织实施"))  # indicators' rules first
    rules = "；".join(r.replace("：", "的，", 1) for r in ordered)
    method = f"各项得分为分值乘以得分率：{rules}。" if rules else ""
    base = (
        "考核指标与组织实施得分之和为基础得分，" if terms.organisation_items else "考核指标得分为基础得分，"
    )
    cap = f"加分合计不超过{_points(terms.bonus_cap)}，" if terms.bonus_cap is not None else ""
    adjust = f"{base}加上加分、减去扣分为最终得分（{cap}一票否决的定为{terms.lowest_grade}）。"
    bands = []
    above = None
    for floor, name in terms.grade_bands:
        bands.append(
            f"{plain_number(floor, 2)}分以上为{name}"
            if above is None
            else f"{plain_number(floor, 2)}分至{plain_number(above, 2)}分（不含）为{name}"
        )
        above = floor
    if above is not None:
        bands.append(f"{plain_number(above, 2)}分以下为{terms.lowest_grade}")
    grades = f"按最终得分定等次：{'，'.join(bands)}。" if bands else ""
    return [procedure, items + method, adjust + grades]


def _commend_and_rectify(scores: Sequence[RegionScore], data: ReportData, level: str) -> list[str]:
    """Who is commended (the top grade, else the first ranked) and who must 整改 by when (the lowest grade
    or a veto, else the last ranked)."""
    said: list[str] = []
    bands = [name for _, name in data.scheme.grade_bands] if data.scheme else ["优秀"]
    top = bands[0] if bands else "优秀"
    best = [s.region for s in scores if s.grade == top and not s.vetoed]
    if best:
        said.append(f"对被评为{top}的{joined(best)}予以通报表扬，请总结推广经验做法。")
    else:
        first = [s.region for s in scores if s.rank == 1 and not s.vetoed]
        if first:
            said.append(f"本年度没有{level}达到{top}等次。{joined(first)}排名第一，请继续保持，争创{top}。")
    lowest = data.scheme.lowest_grade if data.scheme else "不合格"
    weak = [s for s in scores if s.vetoed or s.grade == lowest]
    if not weak and len(scores) > 1:
        last = max(s.rank for s in scores)
        weak = [s for s in scores if s.rank == last]
        why = "排名末位"
    else:
        why = f"被评为{lowest}"
    if weak:
        deadline = chinese_date(data.date + dt.timedelta(days=RECTIFY_DAYS))
        said.append(
            f"{why}的{joined([s.region for s in weak])}要深入分析原因，制定整改方案，明确责任和时限，"
            f"于{deadline}前将整改方案报{data.issuer}；{data.issuer}将跟踪督办，对整改不力的进行约谈。"
        )
    return said


def _span(values: Sequence[int]) -> str:
    low, high = min(values), max(values)
    return f"{low}项" if low == high else f"{low}至{high}项"


def content_words(scores: Sequence[RegionScore]) -> str:
    """考核指标26项、组织实施3项 — the indicator items and the 组织实施 items, counted apart."""
    if not scores:
        return ""
    text = f"考核指标{_span([s.assessed for s in scores])}"
    if any(s.organisation for s in scores):
        text += f"、组织实施{_span([s.organisation for s in scores])}"
    return text


def _content(scores: Sequence[RegionScore]) -> str:
    words = content_words(scores)
    return f"，考核内容包括{words}" if words else ""


def _grades_sentence(scores: Sequence[RegionScore], grades: Counter[str], level: str) -> str:
    order = [g for g in ("优秀", "良好", "合格", "待改进", "不合格") if grades[g]]
    order += sorted(g for g in grades if g not in order)
    parts = []
    for grade in order:
        names = [s.region for s in scores if s.grade == grade]
        parts.append(f"{grade}{len(names)}个（{'、'.join(names)}）")
    return f"{len(scores)}个{level}中，{'，'.join(parts)}。"


def _ranking_sentence(scores: Sequence[RegionScore]) -> str:
    ranked = [f"第{s.rank}名{s.region}（{_score(s.final)}）" for s in scores if not s.vetoed]
    text = f"按最终得分排序：{'，'.join(ranked)}。" if ranked else ""
    vetoed = [s for s in scores if s.vetoed]
    if vetoed:
        names = "、".join(f"{s.region}（指标得分{_score(s.score)}）" for s in vetoed)
        text += f"{names}因一票否决，等级定为不合格，排在最后。"
    ties = Counter(s.rank for s in scores if not s.vetoed)
    shared = [rank for rank, n in sorted(ties.items()) if n > 1]
    if shared:
        text += f"最终得分相同的地区并列第{'、'.join(str(r) for r in shared)}名。"
    return text


def _rank_changes(data: ReportData) -> str:
    known = [s for s in data.scores if s.previous_rank is not None]
    if not data.has_previous or not known:
        return ""
    up = [
        f"{s.region}（由第{s.previous_rank}名升至第{s.rank}名）"
        for s in known
        if s.rank < (s.previous_rank or 0)
    ]
    down = [
        f"{s.region}（由第{s.previous_rank}名降至第{s.rank}名）"
        for s in known
        if s.rank > (s.previous_rank or 0)
    ]
    parts = [f"排名上升的有{'、'.join(up)}" if up else "", f"排名下降的有{'、'.join(down)}" if down else ""]
    said = "；".join(p for p in parts if p)
    return f"与{data.year - 1}年度相比，{said or '各地排名没有变化'}。"


def _review_blocks(data: ReportData) -> list[Block]:
    if not data.reviews:
        return [Paragraph("复核中未对各地上报数据作出更正，考核按上报数据计算。")]
    items = [
        f"{r.region}{r.indicator}上报值{number(r.reported)}，复核值{number(r.reviewed)}（{r.reason}）"
        for r in data.reviews
    ]
    return [
        Paragraph(f"复核中更正上报数据{len(items)}项：{'；'.join(items)}。考核按复核值计算。"),
        review_table("表2  复核更正的数据", data.reviews),
    ]


def _adjustment_blocks(data: ReportData) -> list[Block]:
    """The 加分/扣分/一票否决 the scores were computed with: a bonus above the scheme's cap is said as
    claimed and as counted, never as the claimed number alone."""
    if not data.adjustments:
        return [Paragraph("本年度没有加分、扣分或一票否决事项。")]
    claimed = dict(data.bonus_claimed)
    counted = {s.region: s.bonus for s in data.scores}
    cap = data.scheme.bonus_cap if data.scheme else None
    items = []
    for a in data.adjustments:
        if a.kind == "veto":
            items.append(f"{a.region}因{a.reason}，实行一票否决")
        elif a.kind == "bonus" and a.region in claimed:
            limit = f"按加分上限{number(cap)}分" if cap is not None else "按考核方案"
            items.append(
                f"{a.region}因{a.reason}申报加{number(a.points)}分，{limit}计{number(counted.get(a.region))}分"
            )
        else:
            word = "加" if a.kind == "bonus" else "扣"
            items.append(f"{a.region}因{a.reason}，{word}{number(a.points)}分")
    return [
        Paragraph(f"{'；'.join(items)}。"),
        adjustment_table("表3  加分、扣分与一票否决事项", data.adjustments),
    ]


def _indicator_sentence(scores: Sequence[RegionScore], level: str) -> str:
    assessed = sum(s.assessed for s in scores)
    achieved = sum(s.achieved for s in scores)
    share = f"{achieved / assessed * 100:.1f}%" if assessed else "0%"
    best = max(s.achieved for s in scores)
    leaders = [s.region for s in scores if s.achieved == best]
    text = (
        f"各{level}共考核指标{assessed}项次，已达标{achieved}项次，达标率{share}。"
        f"已达标指标最多的是{joined(leaders)}（{best}项）。"
    )
    organised = [s for s in scores if s.organisation]
    if organised:
        items = f"组织实施{_span([s.organisation for s in organised])}"
        scored = [s for s in organised if s.organisation_points is not None]
        if scored:
            points = "，".join(f"{s.region}{number(s.organisation_points)}分" for s in scored)
            text += f"{items}由办公室根据佐证材料评分：{points}。"
        unscored = [s.region for s in organised if s.organisation_points is None]
        if unscored:
            text += f"{joined(unscored)}的{items}尚未评分，按0分计。"
    return text
