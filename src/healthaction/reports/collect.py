"""ReportData from a plan, the engine's inputs and its results (this year's and, optionally, last year's)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import polars as pl

from healthaction.catalog import match_indicator, unit_check
from healthaction.catalog.names import normalise_name
from healthaction.engine import Evaluation, EvaluationInputs, statuses
from healthaction.plan import Plan
from healthaction.reports.errors import ReportError
from healthaction.reports.model import (
    ActionResult,
    Adjustment,
    IndicatorResult,
    Kind,
    Milestone,
    RegionScore,
    ReportData,
    ReviewedValue,
)
from healthaction.reports.wording import number

_CAMPAIGN = re.compile(r"健康[^\s《》“”「」，。、]{1,12}?行动")


def campaign_name(plan: Plan, region: str) -> str:
    """健康平川行动 from 《健康平川行动实施方案》; else 健康 + the region's short name + 行动."""
    found = _CAMPAIGN.search(plan.title or "")
    if found:
        return found.group(0)
    short = region[:-1] if len(region) > 2 and region[-1] in "省市区县旗" else region
    return f"健康{short}行动"


def build_report_data(
    kind: Kind,
    *,
    plan: Plan,
    inputs: EvaluationInputs,
    evaluation: Evaluation,
    year: int,
    region: str,
    previous: Evaluation | None = None,
    units: Mapping[tuple[str, str], str | None] | None = None,
    action: str | int | None = None,
    reviews: Sequence[ReviewedValue] = (),
    issuer: str | None = None,
    date: dt.date | None = None,
) -> ReportData:
    """Everything a report of ``kind`` says about ``region`` in ``year``; ``previous`` is year − 1."""
    units = units or {}
    campaign = campaign_name(plan, region)
    series = evaluation.series.filter(pl.col("region") == region)
    if kind != "assessment" and series.height == 0:
        raise ReportError(f"地区「{region}」在{year}年没有可评估的指标（计划中没有该地区的目标）")
    before = _previous_rows(previous, region)
    results = [
        _indicator(row, inputs, region, units, before.get(row["indicator"]))
        for row in series.iter_rows(named=True)
    ]
    by_name = {normalise_name(r.indicator): r for r in results}
    actions = tuple(_action(a, by_name) for a in plan.actions)
    framework = {normalise_name(n) for row in plan.framework for n in _row_names(row)}
    ordered = _ordered(results, plan, actions, framework)
    chosen = choose_action(actions, action) if kind == "action" else None
    scores: tuple[RegionScore, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    if kind == "assessment":
        scores = _scores(evaluation.scores, previous, region)
        if not scores:
            raise ReportError(f"地区「{region}」在{year}年没有考核得分（没有下级地区或本地区的目标）")
        adjustments = _adjustments(inputs.adjustments, {s.region for s in scores}, year)
    return ReportData(
        kind=kind,
        year=year,
        region=region,
        campaign=campaign,
        issuer=issuer or f"{campaign}推进委员会办公室",
        date=date or dt.datetime.now(dt.UTC).astimezone().date(),
        indicators=ordered,
        actions=actions,
        action=chosen,
        scores=scores,
        adjustments=adjustments,
        reviews=tuple(r for r in reviews if not scores or r.region in {s.region for s in scores}),
        has_previous=previous is not None,
        quality=quality_notes(ordered),
        plan_title=plan.title or None,
    )


def _row_names(row: Any) -> Iterable[str]:
    yield row.indicator
    yield from (t.indicator for t in row.targets)


def _previous_rows(previous: Evaluation | None, region: str) -> dict[str, dict[str, Any]]:
    if previous is None:
        return {}
    rows = previous.series.filter(pl.col("region") == region).iter_rows(named=True)
    return {row["indicator"]: row for row in rows}


def _milestones(inputs: EvaluationInputs, region: str, indicator: str) -> tuple[Milestone, ...]:
    rows = inputs.targets.filter((pl.col("region") == region) & (pl.col("indicator") == indicator))
    return tuple(
        Milestone(int(r["year"]), str(r["comparator"]), r["value"])
        for r in rows.sort("year").iter_rows(named=True)
        if r["year"] is not None
    )


def _history(
    inputs: EvaluationInputs, region: str, indicator: str, year: int
) -> tuple[tuple[int, float], ...]:
    rows = inputs.observations.filter(
        (pl.col("region") == region)
        & (pl.col("indicator") == indicator)
        & pl.col("value").is_not_null()
        & (pl.col("year") <= year)
    )
    return tuple((int(y), float(v)) for y, v in rows.sort("year").select("year", "value").iter_rows())


def _indicator(
    row: dict[str, Any],
    inputs: EvaluationInputs,
    region: str,
    units: Mapping[tuple[str, str], str | None],
    before: dict[str, Any] | None,
) -> IndicatorResult:
    name = row["indicator"]
    milestones = _milestones(inputs, region, name)
    active = next((m for m in milestones if m.year == row["target_year"]), None)
    return IndicatorResult(
        indicator=name,
        unit=units.get((region, name)) or _catalog_unit(name),
        status=row["status"],
        shown=_shown(row),
        value=row["value"],
        value_year=row["value_year"],
        baseline=row["baseline"],
        baseline_year=row["baseline_year"],
        target=active,
        expected=row["expected"],
        ratio=row["ratio"],
        score_fraction=row["score_fraction"],
        flags=tuple(f for f in (row["flags"] or "").split(";") if f),
        explanation=row["explanation"],
        previous_value=None if before is None else before["value"],
        previous_shown=None if before is None else _shown(before),
        history=_history(inputs, region, name, int(row["year"])),
        milestones=milestones,
    )


def _shown(row: dict[str, Any]) -> str:
    """The engine's status as a report counts it: MISSED for OFF_TRACK flagged ``missed``."""
    return statuses.shown(row["status"], missed="missed" in (row["flags"] or "").split(";"))


def _catalog_unit(name: str) -> str | None:
    """The national catalog's unit, for an indicator whose plan gives none (人均预期寿命 → 岁)."""
    entry = match_indicator(name).entry
    return entry.unit if entry is not None else None


def quality_notes(results: Sequence[IndicatorResult]) -> tuple[str, ...]:
    """数据质量说明: a unit label the catalog contradicts (婴儿死亡率 in % beside ‰ values), said once
    per indicator; the values are shown as written and never silently converted."""
    notes: list[str] = []
    for result in results:
        values = [v for _, v in result.history] + [m.value for m in result.milestones if m.value is not None]
        check = unit_check(result.indicator, result.unit, values)
        if check.suspect:
            notes.append(f"{result.indicator}：{check.reason}。")
    return tuple(dict.fromkeys(notes))


def without_impossible_values(
    inputs: EvaluationInputs, units: Mapping[tuple[str, str], str | None], year: int
) -> tuple[EvaluationInputs, tuple[str, ...]]:
    """The inputs without values no unit can hold (a 筛查率 of 102.76%, a negative count: the one rule of
    ``healthaction.numbers.plausibility``), and a 数据质量说明 line for each: such a value is listed,
    never used (those after ``year`` are dropped and not listed: the report does not reach them)."""
    from healthaction.numbers import plausibility

    keep: list[bool] = []
    notes: list[str] = []
    for row in inputs.observations.iter_rows(named=True):
        value, name = row["value"], row["indicator"]
        unit = units.get((row["region"], name)) or _catalog_unit(name)
        reason = None if value is None else plausibility(value, unit, name=name)
        keep.append(reason is None)
        if reason is not None and row["year"] <= year:
            notes.append(
                f"{name}：{row['region']}{row['year']}年上报值{number(value, unit)}，{reason}，未用于评估。"
            )
    if all(keep):
        return inputs, ()
    observations = inputs.observations.filter(pl.Series(keep, dtype=pl.Boolean))
    return replace(inputs, observations=observations), tuple(notes)


def _action(action: Any, by_name: Mapping[str, IndicatorResult]) -> ActionResult:
    found: dict[str, IndicatorResult] = {}
    for target in action.targets:
        result = by_name.get(normalise_name(target.indicator))
        if result is not None:
            found.setdefault(result.indicator, result)
    return ActionResult(
        seq=action.seq,
        name=action.name,
        lead_departments=tuple(action.lead_departments),
        cooperating_departments=tuple(action.cooperating_departments),
        indicators=tuple(found.values()),
    )


def _ordered(
    results: list[IndicatorResult], plan: Plan, actions: tuple[ActionResult, ...], framework: set[str]
) -> tuple[IndicatorResult, ...]:
    """Framework rows in the plan's order, then the actions' indicators, then the rest by name."""
    rank: dict[str, int] = {}
    for row in plan.framework:
        for name in _row_names(row):
            rank.setdefault(normalise_name(name), len(rank))
    for action in actions:
        for result in action.indicators:
            rank.setdefault(normalise_name(result.indicator), len(rank))
    marked = [_with_framework(r, normalise_name(r.indicator) in framework) for r in results]
    return tuple(
        sorted(marked, key=lambda r: (rank.get(normalise_name(r.indicator), len(rank)), r.indicator))
    )


def _with_framework(result: IndicatorResult, in_framework: bool) -> IndicatorResult:
    return replace(result, in_framework=in_framework)


def choose_action(actions: Sequence[ActionResult], wanted: str | int | None) -> ActionResult:
    """The action named by its seq or (part of) its name; ReportError listing the plan's actions otherwise."""
    if wanted is None:
        raise ReportError("专项行动专题报告需要指定专项行动（--action 序号或名称）")
    text = str(wanted).strip()
    for action in actions:
        if text == str(action.seq) or normalise_name(text) in normalise_name(action.name):
            return action
    names = "、".join(f"{a.seq}.{a.name}" for a in actions) or "（计划中没有专项行动）"
    raise ReportError(f"计划中没有专项行动「{text}」；可选：{names}")


def _scores(scores: pl.DataFrame, previous: Evaluation | None, region: str) -> tuple[RegionScore, ...]:
    group = scores.filter(pl.col("parent") == region)
    if group.height == 0:
        group = scores.filter(pl.col("region") == region) if scores["parent"].is_not_null().any() else scores
    before: dict[str, dict[str, Any]] = {}
    if previous is not None:
        before = {r["region"]: r for r in previous.scores.iter_rows(named=True)}
    ranked = group.sort(["rank", "region"], nulls_last=True).iter_rows(named=True)
    return tuple(
        RegionScore(
            region=r["region"],
            parent=r["parent"],
            score=float(r["score"]),
            bonus=float(r["bonus"] or 0),
            deduction=float(r["deduction"] or 0),
            final=float(r["final"]),
            grade=r["grade"],
            rank=int(r["rank"]),
            vetoed=bool(r["vetoed"]),
            achieved=int(r["achieved"]),
            assessed=int(r["assessed"]),
            previous_final=before[r["region"]]["final"] if r["region"] in before else None,
            previous_rank=before[r["region"]]["rank"] if r["region"] in before else None,
        )
        for r in ranked
    )


def _adjustments(table: pl.DataFrame | None, regions: set[str], year: int) -> tuple[Adjustment, ...]:
    if table is None or table.height == 0:
        return ()
    rows = table.filter((pl.col("year") == year) & pl.col("region").is_in(sorted(regions)))
    return tuple(
        Adjustment(
            region=r["region"],
            kind=r["kind"],
            points=r["points"],
            reason=(r.get("reason") or "").strip() or "未注明原因",
        )
        for r in rows.iter_rows(named=True)
    )
