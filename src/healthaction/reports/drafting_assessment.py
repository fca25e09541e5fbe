"""The 考核结果通报: grades, the ranking with scores, 复核 adjustments and reviewed values, requirements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from healthaction.reports import charts
from healthaction.reports.draft import Block, Draft, Figure, Heading, Paragraph
from healthaction.reports.model import RegionScore, ReportData
from healthaction.reports.tables import adjustment_table, ranking_table, review_table
from healthaction.reports.wording import joined, number

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


def draft_assessment(data: ReportData, *, with_charts: bool = True) -> Draft:
    scores = data.scores
    level = lower_level([s.region for s in scores])
    grades = Counter(s.grade for s in scores)
    # A region without a plan of its own assesses by its 考核方案 alone (``basis`` names it).
    grounds = data.basis or f"《{data.campaign}实施方案》"
    blocks: list[Block] = [
        Paragraph(
            f"根据{grounds}和考核指标框架，{data.issuer}对{len(scores)}个{level}"
            f"{data.year}年度{data.campaign}实施情况进行了考核{_content(scores)}。"
            "经自评、复核和计算，现将考核结果通报如下。"
        ),
        Heading(1, "一、考核结果"),
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
    blocks.append(Heading(1, "二、复核情况"))
    blocks += _review_blocks(data)
    blocks.append(Heading(1, "三、指标完成情况"))
    blocks.append(Paragraph(_indicator_sentence(scores, level)))
    blocks.append(Heading(1, "四、有关要求"))
    blocks += [Paragraph(s) for s in _requirements(scores, data)]
    from healthaction.reports.drafting import finished

    return finished(
        data,
        blocks,
        addressee=f"各{level}{data.campaign}推进委员会办公室，{data.campaign}推进委员会各成员单位：",
    )


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
    if not data.adjustments and not data.reviews:
        return [Paragraph("复核中未对上报数据作出调整，也未发生加分、扣分或一票否决事项。")]
    blocks: list[Block] = []
    if data.reviews:
        items = [
            f"{r.region}{r.indicator}上报值{number(r.reported)}，复核值{number(r.reviewed)}（{r.reason}）"
            for r in data.reviews
        ]
        blocks.append(Paragraph(f"复核中更正上报数据{len(items)}项：{'；'.join(items)}。考核按复核值计算。"))
        blocks.append(review_table("表2  复核更正的数据", data.reviews))
    if data.adjustments:
        items = []
        for a in data.adjustments:
            if a.kind == "veto":
                items.append(f"{a.region}因{a.reason}，实行一票否决")
            else:
                word = "加" if a.kind == "bonus" else "扣"
                items.append(f"{a.region}因{a.reason}，{word}{number(a.points)}分")
        blocks.append(Paragraph(f"经复核，{'；'.join(items)}。"))
        caption = f"表{2 + bool(data.reviews)}  加分、扣分与一票否决事项"
        blocks.append(adjustment_table(caption, data.adjustments))
    return blocks


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


def _requirements(scores: Sequence[RegionScore], data: ReportData) -> list[str]:
    failing = [s.region for s in scores if s.grade == "不合格"]
    good = [s.region for s in scores if s.grade == "优秀"]
    said = []
    if good:
        said.append(f"被评为优秀的{joined(good)}要总结经验，继续保持。")
    if failing:
        said.append(
            f"被评为不合格的{joined(failing)}要深入分析原因，制定整改方案，将整改情况报{data.issuer}。"
        )
    said.append(f"各地要对照考核结果，补齐短板，确保{data.campaign}各项目标按期实现。")
    return said
