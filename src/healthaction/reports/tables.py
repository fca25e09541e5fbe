"""The report's tables, with numbers as numbers and units in the headers (shared by every format)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from healthaction.engine import statuses
from healthaction.reports.draft import Cell, Column, Table
from healthaction.reports.model import (
    ActionResult,
    Adjustment,
    IndicatorResult,
    ItemScore,
    RegionScore,
    ReviewedValue,
)
from healthaction.reports.wording import GOOD, ORDER, number, status_counts, target_words, value_words
from healthaction.wording import rounded

ADJUSTMENT_KINDS = {"bonus": "加分", "deduction": "扣分", "veto": "一票否决"}
_NUMBER = None  # General: 22, 7.5, 0.36 as entered
_SCORE = "0.00"


def _computed(value: float | None) -> float | None:
    """A computed 序时目标 to the indicator's decimals, as the report's sentence writes it: 91.19, not
    91.1875."""
    exact = rounded(value)
    return None if exact is None else float(exact)


def _value_cell(result: IndicatorResult) -> Cell:
    if result.value is None:
        return None
    if result.target is not None and result.target.comparator == "achieved":
        return value_words(result)
    return result.value


def _target_cell(result: IndicatorResult) -> Cell:
    if result.target is None:
        return None
    return f"{result.target.year}年{target_words(result.target, None)}"


def indicator_table(
    caption: str, sheet: str, results: Sequence[IndicatorResult], *, with_previous: bool
) -> Table:
    columns = [
        Column("序号"),
        Column("指标"),
        Column("单位"),
        Column("基期年份"),
        Column("基期值", number_format=_NUMBER),
        Column("目标"),
        Column("序时目标", number_format=_NUMBER),
        Column("实际值", number_format=_NUMBER),
        Column("完成序时进度", "%", "0.0"),
        Column("状态"),
    ]
    if with_previous:
        columns += [Column("上年值", number_format=_NUMBER)]
    rows: list[tuple[Cell, ...]] = []
    for seq, r in enumerate(results, 1):
        row: list[Cell] = [
            seq,
            r.indicator,
            r.unit,
            r.baseline_year,
            r.baseline,
            _target_cell(r),
            _computed(r.expected),
            _value_cell(r),
            None if r.ratio is None else max(round(r.ratio * 100, 1), 0.0),  # a share of the way, never < 0
            r.label,
        ]
        if with_previous:
            row += [r.previous_value]
        rows.append(tuple(row))
    return Table(caption, sheet, tuple(columns), tuple(rows))


def action_table(caption: str, actions: Sequence[ActionResult]) -> Table:
    columns = (
        Column("序号"),
        Column("专项行动"),
        Column("牵头部门"),
        Column("指标数", "项"),
        *_count_columns(),
    )
    rows = []
    for action in actions:
        counts = status_counts(action.indicators)
        rows.append(
            (
                action.seq,
                action.name,
                "、".join(action.lead_departments) or None,
                len(action.indicators),
                *(counts[code] for code in ORDER),
            )
        )
    return _without_empty_counts(Table(caption, "专项行动", columns, tuple(rows)), first=4)


def _count_columns() -> tuple[Column, ...]:
    """A column per status (its word), in the order a report counts them."""
    return tuple(Column(statuses.label(code), "项") for code in ORDER)


def _without_empty_counts(table: Table, *, first: int) -> Table:
    """Status-count columns (``len(ORDER)`` of them from column ``first``) that are 0 in every row left
    out: the rest still add up to 指标数."""
    counted = range(first, first + len(ORDER))
    keep = [i for i in range(len(table.columns)) if i not in counted or any(row[i] for row in table.rows)]
    return replace(
        table,
        columns=tuple(table.columns[i] for i in keep),
        rows=tuple(tuple(row[i] for i in keep) for row in table.rows),
    )


def ranking_table(caption: str, scores: Sequence[RegionScore], *, with_previous: bool) -> Table:
    columns = [
        Column("排名"),
        Column("地区"),
        Column("基础得分", "分", _SCORE),
        Column("加分", "分", _NUMBER),
        Column("扣分", "分", _NUMBER),
        Column("最终得分", "分", _SCORE),
        Column("等级"),
        Column("达标指标", "项"),
        Column("考核指标", "项"),
    ]
    organisation = any(s.organisation for s in scores)
    organisation_points = any(s.organisation_points is not None for s in scores)  # none scored yet: no column
    if organisation:
        columns += [Column("组织实施", "项")]
    if organisation_points:
        columns += [Column("组织实施得分", "分", _SCORE)]
    if with_previous:
        columns += [Column("上年最终得分", "分", _SCORE), Column("上年排名")]
    rows = []
    for s in scores:
        row: list[Cell] = [
            s.rank,
            s.region + ("（一票否决）" if s.vetoed else ""),
            s.score,
            s.bonus,
            s.deduction,
            s.final,
            s.grade,
            s.achieved,
            s.assessed,
        ]
        if organisation:
            row += [s.organisation]
        if organisation_points:
            row += [s.organisation_points]
        if with_previous:
            row += [s.previous_final, s.previous_rank]
        rows.append(tuple(row))
    return Table(caption, "排名", tuple(columns), tuple(rows))


def adjustment_table(caption: str, adjustments: Sequence[Adjustment]) -> Table:
    columns = (Column("地区"), Column("类别"), Column("分值", "分", _NUMBER), Column("原因"))
    rows = tuple((a.region, ADJUSTMENT_KINDS[a.kind], a.points, a.reason) for a in adjustments)
    return Table(caption, "加减分与否决", columns, rows)


def review_table(caption: str, reviews: Sequence[ReviewedValue]) -> Table:
    columns = (
        Column("地区"),
        Column("指标"),
        Column("上报值", number_format=_NUMBER),
        Column("复核值", number_format=_NUMBER),
        Column("复核原因"),
    )
    rows = tuple((r.region, r.indicator, r.reported, r.reviewed, r.reason) for r in reviews)
    return Table(caption, "复核", columns, rows)


def area_status_table(caption: str, rows_by_region: Sequence[tuple[str, Sequence[IndicatorResult]]]) -> Table:
    """Per subordinate region: how many series, how many in each status, the share achieved or on track."""
    columns = (
        Column("序号"),
        Column("地区"),
        Column("指标数", "项"),
        *_count_columns(),
        Column("已达标和进度正常占比", "%", "0.0"),
    )
    rows = []
    for seq, (region, results) in enumerate(rows_by_region, 1):
        counts = status_counts(results)
        good = sum(counts[code] for code in GOOD)
        share = round(good / len(results) * 100, 1) if results else None
        rows.append((seq, region, len(results), *(counts[code] for code in ORDER), share))
    return _without_empty_counts(Table(caption, "各地区指标状态", columns, tuple(rows)), first=3)


def area_indicator_table(
    caption: str, rows_by_region: Sequence[tuple[str, Sequence[IndicatorResult]]], *, with_previous: bool
) -> Table:
    """Every series of every subordinate region: the indicator table with the region in front."""
    parts = [
        (region, indicator_table(caption, "", results, with_previous=with_previous))
        for region, results in rows_by_region
    ]
    template = indicator_table(caption, "", (), with_previous=with_previous)
    columns = (template.columns[0], Column("地区"), *template.columns[1:])
    rows: list[tuple[Cell, ...]] = []
    for region, table in parts:
        for row in table.rows:
            rows.append((len(rows) + 1, region, *row[1:]))
    return Table(
        caption,
        "各地区指标监测结果",
        columns,
        tuple(rows),
        compact=area_matrix_table(caption, rows_by_region),
    )


# One mark per status (SHOWN code), all in GB 2312 so every 仿宋 has them.
STATUS_MARKS = {
    "ACHIEVED": "●",
    "ON_TRACK": "○",
    "LAGGING": "△",
    "OFF_TRACK": "▲",
    "MISSED": "×",
    "NO_DATA": "—",
}
_MARKED = "　".join(f"{mark}{statuses.label(code)}" for code, mark in STATUS_MARKS.items())
MARK_LEGEND = f"注：{_MARKED}。"


def _mark(result: IndicatorResult | None) -> str:
    if result is None:
        return ""
    if result.value is None:
        return STATUS_MARKS["NO_DATA"]
    shown = value_words(result)
    unit = result.unit or ""
    if unit and shown.endswith(number(0, unit)[1:]):  # the unit is in its own column
        shown = shown[: -len(number(0, unit)[1:])]
    return f"{shown}{STATUS_MARKS.get(result.shown, '')}"


def area_matrix_table(caption: str, rows_by_region: Sequence[tuple[str, Sequence[IndicatorResult]]]) -> Table:
    """Indicator × region, a value and its status mark a cell (legend in ``MARK_LEGEND``): every region's
    result for one indicator on one line, where the long form took a row per region and indicator."""
    order: dict[str, IndicatorResult] = {}
    by_region = {region: {r.indicator: r for r in results} for region, results in rows_by_region}
    for _, results in rows_by_region:
        for r in results:
            order.setdefault(r.indicator, r)
    regions = [region for region, _ in rows_by_region]
    columns = (
        Column("序号"),
        Column("指标"),
        Column("单位"),
        Column("目标"),
        *(Column(region) for region in regions),
    )
    rows: list[tuple[Cell, ...]] = []
    for seq, (name, first) in enumerate(order.items(), 1):
        targets = {_target_cell(by_region[g][name]) for g in regions if name in by_region[g]}
        target = targets.pop() if len(targets) == 1 else "各地区不同"
        cells = tuple(_mark(by_region[g].get(name)) for g in regions)
        rows.append((seq, name, number(0, first.unit)[1:] or None, target, *cells))
    return Table(caption, "各地区指标监测结果", columns, tuple(rows), note=MARK_LEGEND)


def item_score_table(caption: str, items: Sequence[ItemScore]) -> Table:
    """Every region's score on every 考核 item: item × region in the document, one row per region and
    item (with the weight and status) in the workbook."""
    regions = list(dict.fromkeys(i.region for i in items))
    order: dict[tuple[str, str], ItemScore] = {}
    for i in items:
        order.setdefault((i.kind, i.item), i)
    by: dict[tuple[str, str, str], ItemScore] = {(i.region, i.kind, i.item): i for i in items}
    columns = (
        Column("序号"),
        Column("考核项目"),
        Column("分值", "分", _NUMBER),
        *(Column(region, "分", _SCORE) for region in regions),
    )
    rows: list[tuple[Cell, ...]] = []
    for seq, ((kind, name), first) in enumerate(
        sorted(order.items(), key=lambda kv: kv[0][0] != "indicator"), 1
    ):
        shown = f"组织实施：{name}" if kind == "organisation" else name
        cells = tuple(None if (found := by.get((g, kind, name))) is None else found.points for g in regions)
        rows.append((seq, shown, first.weight, *cells))
    totals = tuple(round(sum(i.points or 0 for i in items if i.region == g), 2) for g in regions)
    rows.append((None, "合计", round(sum(i.weight for i in order.values()), 2), *totals))
    detail_columns = (
        Column("地区"),
        Column("考核项目"),
        Column("类别"),
        Column("分值", "分", _NUMBER),
        Column("状态"),
        Column("得分", "分", _SCORE),
    )
    detail_rows = tuple(
        (
            i.region,
            i.item,
            "组织实施" if i.kind == "organisation" else "考核指标",
            i.weight,
            i.label,
            i.points,
        )
        for i in items
    )
    compact = Table(caption, "各地区考核项目得分", columns, tuple(rows))
    return Table(caption, "各地区考核项目得分", detail_columns, detail_rows, compact=compact)
