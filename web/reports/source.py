"""ReportData from the database: a region's plan, its approved values through the engine, published 考核.

``overall`` and ``action`` reports evaluate the region with ``web.monitoring.evaluation`` (approved
values, nearest targets and baselines) for the year and the year before; ``assessment`` reads the
latest published version of the region's scheme for the year (the frozen snapshot, with 复核
values and adjustments), never a fresh computation.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

import polars as pl

from healthaction.engine import EvaluationInputs
from healthaction.engine.grades import item_counts
from healthaction.plan import Plan
from healthaction.reports import ReportData, ReportError, ReviewedValue, build_report_data
from healthaction.reports.area import area_basis, area_report_data, merged_plan
from healthaction.reports.collect import campaign_name, without_impossible_values
from healthaction.reports.drafting_assessment import lower_level
from healthaction.reports.files import evaluate_year_and_previous
from healthaction.reports.model import Adjustment, ItemScore, Kind, RegionScore, SchemeTerms, WorkDone
from healthaction.responsibility import BEHIND, VERDICTS_AS_COUNTED, verdict_label
from web.assessment.models import AssessmentResult
from web.assessment.outcome import Outcome
from web.monitoring.evaluation import evaluation_inputs
from web.monitoring.models import Observation
from web.plans.models import Indicator, PlanDocument
from web.regions.models import Region


def region_lookup(text: str) -> Region:
    """A region by its code, else by its unique name (ReportError in Chinese otherwise)."""
    text = text.strip()
    region = Region.objects.filter(code=text).first()
    if region is not None:
        return region
    named = list(Region.objects.filter(name=text)[:2])
    if len(named) == 1:
        return named[0]
    if named:
        raise ReportError(f"地区名称「{text}」不唯一，请用区划代码")
    raise ReportError(f"数据库中没有地区「{text}」（请先运行 healthaction demo 或导入规划）")


def _best(documents: list[PlanDocument]) -> Plan | None:
    """Of a region's documents, the one with the most actions (the latest among equals)."""
    ranked = sorted(
        documents, key=lambda d: (len(d.parsed.get("actions") or []), d.imported_at), reverse=True
    )
    return Plan.model_validate(ranked[0].parsed) if ranked else None


def own_plan(region: Region) -> Plan | None:
    return _best(list(PlanDocument.objects.filter(region=region)))


def subtree_plans(region: Region) -> list[tuple[Region, Plan]]:
    """The plans of the regions below ``region`` (its counties', their townships'), by region code."""
    below: dict[int, list[PlanDocument]] = {}
    for document in PlanDocument.objects.filter(region__path__startswith=region.path).exclude(region=region):
        below.setdefault(document.region_id, []).append(document)
    regions = Region.objects.in_bulk(list(below))
    found = [(regions[pk], _best(documents)) for pk, documents in below.items()]
    return sorted(((r, p) for r, p in found if p is not None), key=lambda rp: rp[0].path)


def plan_and_basis(region: Region) -> tuple[Plan, str | None]:
    """The plan the region works to, and what an area report draws on in plain words (None when
    the plan is the region's own or an ancestor's): its own plan; else the plans below it merged (a
    city without a plan of its own reports on its counties'); else its nearest ancestor's."""
    own = own_plan(region)
    if own is not None:
        return own, None
    below = subtree_plans(region)
    if below:
        children = list(Region.objects.filter(parent=region).values_list("name", flat=True))
        titles = [plan.title or f"{r.name}实施方案" for r, plan in below]
        basis = area_basis(region.name, titles, lower_level(children))
        return merged_plan([plan for _, plan in below]), basis
    codes = [c for c in region.path.split("/") if c]
    for code in reversed(codes[:-1]):
        found = _best(list(PlanDocument.objects.filter(region__code=code)))
        if found is not None:
            return found, None
    raise ReportError(f"{region.name}及其上级、下级地区都还没有导入规划，无法生成报告")


def _named(
    inputs: EvaluationInputs, region: Region
) -> tuple[EvaluationInputs, dict[tuple[str, str], str | None]]:
    """The inputs keyed by region and indicator names (as the plan writes them), one series per name."""
    ids = inputs.targets["indicator"].unique().to_list()
    indicators = {str(i.pk): i for i in Indicator.objects.filter(pk__in=[int(k) for k in ids])}
    chosen: dict[str, str] = {}  # name → id: the indicator the region's own targets use
    for key in sorted(ids, key=lambda k: (indicators[k].region_id != region.pk, int(k))):
        chosen.setdefault(indicators[key].name, key)
    keep = pl.col("indicator").is_in(list(chosen.values()))
    mapping = {key: indicators[key].name for key in chosen.values()}

    def renamed(table: pl.DataFrame) -> pl.DataFrame:
        table = table.filter(keep).with_columns(pl.col("indicator").replace_strict(mapping))
        return table.with_columns(pl.lit(region.name).alias("region")) if "region" in table.columns else table

    named = EvaluationInputs(
        targets=renamed(inputs.targets),
        observations=renamed(inputs.observations),
        baselines=None if inputs.baselines is None else renamed(inputs.baselines),
        indicators=None if inputs.indicators is None else renamed(inputs.indicators),
        regions=None,
    )
    units = {(region.name, indicators[key].name): indicators[key].unit or None for key in chosen.values()}
    return named, units


def monitoring_report_data(
    kind: Kind,
    region: Region,
    year: int,
    *,
    action: str | int | None = None,
    issuer: str | None = None,
    date: dt.date | None = None,
) -> ReportData:
    """专题报告 or 总体监测评估报告 of ``region`` in ``year`` from its approved values; a region without a
    plan of its own but with plans below it reports per subordinate region (see ``area_report_data``)."""
    plan, basis = plan_and_basis(region)
    if basis is not None:
        return _area_data(kind, region, plan, year, basis, action=action, issuer=issuer, date=date)
    return _region_data(kind, region, plan, year, action=action, issuer=issuer, date=date)


def _area_data(
    kind: Kind,
    region: Region,
    plan: Plan,
    year: int,
    basis: str,
    *,
    action: str | int | None,
    issuer: str | None,
    date: dt.date | None,
) -> ReportData:
    parts = []
    for child in Region.objects.filter(parent=region).order_by("code"):
        try:
            parts.append(_region_data("overall", child, plan, year, issuer=issuer, date=date))
        except ReportError:
            continue  # no targets reach this region: nothing to report on it
    try:
        own: ReportData | None = _region_data("overall", region, plan, year, issuer=issuer, date=date)
    except ReportError:
        own = None
    return area_report_data(
        kind,
        region=region.name,
        year=year,
        parts=parts,
        basis=basis,
        own=own,
        action=action,
        issuer=issuer,
        date=date,
    )


def _region_data(
    kind: Kind,
    region: Region,
    plan: Plan,
    year: int,
    *,
    action: str | int | None = None,
    issuer: str | None = None,
    date: dt.date | None = None,
) -> ReportData:
    inputs, units = _named(evaluation_inputs([region]), region)
    if inputs.targets.is_empty():
        raise ReportError(f"{region.name}没有任何指标目标，无法生成报告")
    inputs, impossible = without_impossible_values(inputs, units, year)
    current, previous = evaluate_year_and_previous(inputs, year)
    data = build_report_data(
        kind,
        plan=plan,
        inputs=inputs,
        evaluation=current,
        previous=previous,
        year=year,
        region=region.name,
        units=units,
        action=action,
        issuer=issuer,
        date=date,
    )
    return replace(data, quality=(*impossible, *data.quality), work=work_done(region, year))


def work_done(region: Region, year: int) -> WorkDone | None:
    """工作开展情况 of ``region``: its 责任清单 in the latest round with reports, and its 组织实施 items as
    scored in the parent's published 考核 of ``year``. None when the database holds neither."""
    from web.tasks import selectors as tasks

    measures, round_name = 0, ""
    statuses: tuple[tuple[str, int], ...] = ()
    behind: tuple[str, ...] = ()
    if tasks.tasks_for_region(region).exists():
        chosen = tasks.default_round(region)
        verdicts = tasks.supervision_for(region, chosen).supervision.verdicts
        measures = len(verdicts)
        counted = Counter(v.status for v in verdicts)
        statuses = tuple((s, counted[s]) for s in VERDICTS_AS_COUNTED if counted[s])
        behind = tuple(
            f"措施{v.measure.id}{verdict_label(v.status)}"
            f"（{'、'.join(v.measure.lead_departments) or '牵头部门未写明'}）"
            for v in verdicts
            if v.status in BEHIND
        )
        round_name = f"{chosen.name}"
    organisation: tuple[tuple[str, float, float, str], ...] = ()
    assessment = ""
    result = published_result(region.parent, year) if region.parent is not None else None
    if result is not None:
        organisation = tuple(
            (
                s["name"],
                float(s.get("points") or 0),
                float(s.get("weight") or 0),
                s.get("explanation", "").split("：", 1)[1] if "：" in s.get("explanation", "") else "",
            )
            for s in result.data.get("series", [])
            if s.get("kind") == "organisation" and s.get("region") == region.code and s.get("given", True)
        )
        assessment = f"{result.scheme.region.name}{year}年度考核"
    if not measures and not organisation:
        return None
    return WorkDone(
        round=round_name,
        measures=measures,
        statuses=statuses,
        behind=behind,
        organisation=organisation,
        assessment=assessment,
    )


def published_result(region: Region, year: int) -> AssessmentResult | None:
    """The latest published version of the region's 考核 scheme for ``year``."""
    return (
        AssessmentResult.objects.filter(scheme__region=region, scheme__year=year)
        .select_related("scheme")
        .order_by("-version")
        .first()
    )


def _scores(outcome: Outcome, before: Outcome | None, parent: str) -> tuple[RegionScore, ...]:
    """The published scores of ``outcome`` (a frozen snapshot: keys added later are read with a default)."""
    last = {s["region"]: s for s in before["scores"]} if before else {}
    rows = [s for s in outcome["scores"] if s.get("rank") is not None and s.get("final") is not None]
    counts = item_counts(outcome.get("series", []))  # any version: counted from the frozen series
    empty = counts[""]
    return tuple(
        RegionScore(
            region=s["region_name"],
            parent=parent,
            score=float(s["score"] or 0),
            bonus=float(s["bonus"] or 0),
            deduction=float(s["deduction"] or 0),
            final=float(s["final"] or 0),  # not None: filtered above
            grade=s["grade"],
            rank=int(s["rank"] or 0),
            vetoed=bool(s["vetoed"]),
            achieved=int(counts.get(s["region"], empty)["achieved"]),
            assessed=int(counts.get(s["region"], empty)["assessed"]),
            previous_final=last[s["region"]]["final"] if s["region"] in last else None,
            previous_rank=last[s["region"]]["rank"] if s["region"] in last else None,
            organisation=int(counts.get(s["region"], empty)["organisation"]),
            organisation_points=counts.get(s["region"], empty)["organisation_points"],
        )
        for s in rows
    )


def assessment_report_data(
    region: Region, year: int, *, issuer: str | None = None, date: dt.date | None = None
) -> ReportData:
    """考核结果通报 of ``region``'s children in ``year`` from the published snapshot."""
    result = published_result(region, year)
    if result is None:
        raise ReportError(f"{region.name}{year}年度的考核结果尚未发布，发布后才能生成通报")
    before = published_result(region, year - 1)
    outcome = result.data
    scores = _scores(outcome, before.data if before else None, region.name)
    if not scores:
        raise ReportError(f"{region.name}{year}年度已发布的考核结果中没有得分")
    adjustments = tuple(
        Adjustment(
            region=s["region_name"], kind=a["kind"], points=a["points"], reason=a["reason"] or "未注明原因"
        )
        for s in outcome["scores"]
        for a in s.get("adjustments", [])
    )
    reviews = tuple(
        ReviewedValue(
            region=s["region_name"],
            indicator=s["name"],
            reported=s.get("reported"),
            reviewed=s.get("reviewed"),
            reason=s.get("review_reason") or "未注明原因",
        )
        for s in outcome["series"]
        if s.get("is_reviewed")
    )
    plan = own_plan(region)
    campaign = campaign_name(plan or Plan(), region.name)  # the region's own campaign name
    items = tuple(
        ItemScore(
            region=s["region_name"],
            item=s["name"],
            kind="organisation" if s.get("kind") == "organisation" else "indicator",
            weight=float(s.get("weight") or 0),
            points=None if s.get("points") is None else float(s["points"]),
            label=s.get("label") or "",
        )
        for s in outcome["series"]
    )
    claimed = tuple(
        (s["region_name"], raw)
        for s in outcome["scores"]
        if (raw := sum(float(a["points"] or 0) for a in s.get("adjustments", []) if a["kind"] == "bonus"))
        > float(s["bonus"] or 0) + 1e-9
    )
    return ReportData(
        kind="assessment",
        basis=None if plan else f"{region.name}{year}年度考核方案",  # what the 通报 cites without a plan
        plan_title=plan.title or None if plan else None,
        year=year,
        region=region.name,
        campaign=campaign,
        issuer=issuer or f"{campaign}推进委员会办公室",
        date=date or dt.datetime.now(dt.UTC).astimezone().date(),
        indicators=(),
        actions=(),
        scores=scores,
        adjustments=adjustments,
        reviews=reviews,
        has_previous=before is not None,
        scheme=_scheme_terms(outcome, items),
        item_scores=items,
        bonus_claimed=claimed,
    )


def _scheme_terms(outcome: Outcome, items: tuple[ItemScore, ...]) -> SchemeTerms:
    """What the published 考核方案 was: its items and points (one region's, all share them), rules, grades."""
    scheme = outcome["scheme"]
    first = items[0].region if items else ""
    own = [i for i in items if i.region == first]
    indicators = [i for i in own if i.kind == "indicator"]
    organisation = [i for i in own if i.kind == "organisation"]
    bands = sorted(((float(b["floor"]), str(b["name"])) for b in scheme.get("grade_bands", [])), reverse=True)
    cap = scheme.get("bonus_cap")
    return SchemeTerms(
        title=scheme.get("title") or "",
        indicator_items=len(indicators),
        indicator_points=round(sum(i.weight for i in indicators), 2),
        organisation_items=len(organisation),
        organisation_points=round(sum(i.weight for i in organisation), 2),
        grade_bands=tuple(bands),
        lowest_grade=scheme.get("lowest_grade") or "不合格",
        bonus_cap=None if cap is None else float(cap),
        rules=tuple(dict.fromkeys(s["rule"] for s in outcome["series"] if s.get("rule"))),
        is_trial=bool(scheme.get("is_trial")),
    )


def report_data(
    kind: Kind,
    region: Region,
    year: int,
    *,
    action: str | int | None = None,
    issuer: str | None = None,
    date: dt.date | None = None,
) -> ReportData:
    if kind == "assessment":
        data = assessment_report_data(region, year, issuer=issuer, date=date)
    else:
        data = monitoring_report_data(kind, region, year, action=action, issuer=issuer, date=date)
    return replace(data, demo=holds_demo_data(region))


def holds_demo_data(region: Region) -> bool:
    """Values generated by ``healthaction demo`` in the region's subtree: the report says 演示数据."""
    return Observation.objects.filter(is_demo=True, region__path__startswith=region.path).exists()
