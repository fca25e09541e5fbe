"""From the database to healthaction.engine and back: statuses per series, scores and ranks.

A region is judged against its own target when it has one, else against the nearest ancestor's
(a county under a city plan inherits the city's targets; a township its county's). Only approved
values count. Keys passed to the engine: region code, indicator id as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl
from django.db import transaction
from django.db.models import Max

from web.monitoring.models import Observation, RegionScore, SeriesStatus
from web.monitoring.signals import statuses_refreshing
from web.plans.models import Baseline, Indicator, Target
from web.regions.models import Region

FIRST_YEAR = 2018


def _nearest(rows_by_region: dict[str, list[Any]], upward: list[str]) -> list[Any]:
    """Rows of the region itself, else of its nearest ancestor that has some (``upward``: the
    region's code, then its parent's, up to the root)."""
    for code in upward:
        if code in rows_by_region:
            return rows_by_region[code]
    return []


def evaluation_inputs(regions: list[Region]) -> Any:
    """EvaluationInputs for ``regions`` (each with its nearest targets and baselines)."""
    from healthaction.engine import EvaluationInputs

    lineage = {code for r in regions for code in r.path.split("/") if code}
    # indicator → region code → rows: each region's look-up below reads its indicator's rows only
    # (scanning every key per region and indicator was ~0.5 s for a county's nine siblings).
    targets_by: dict[int, dict[str, list[Target]]] = {}
    for target in Target.objects.filter(region__code__in=lineage).select_related("region"):
        targets_by.setdefault(target.indicator_id, {}).setdefault(target.region.code, []).append(target)
    baselines_by: dict[int, dict[str, list[Baseline]]] = {}
    for baseline in Baseline.objects.filter(region__code__in=lineage).select_related("region"):
        by_code = baselines_by.setdefault(baseline.indicator_id, {})
        by_code.setdefault(baseline.region.code, []).append(baseline)
    indicator_ids = set(targets_by)

    target_rows: list[dict[str, Any]] = []
    baseline_rows: list[dict[str, Any]] = []
    for region in regions:
        upward = [c for c in reversed(region.path.split("/")) if c]
        for indicator_id in indicator_ids:
            by_region = targets_by[indicator_id]
            chosen: dict[int, Target] = {}
            for target in _nearest(by_region, upward):  # framework beats action text for the same year
                if target.year not in chosen or target.source == Target.Source.FRAMEWORK:
                    chosen[target.year] = target
            for target in chosen.values():
                target_rows.append(
                    {
                        "region": region.code,
                        "indicator": str(indicator_id),
                        "year": target.year,
                        "comparator": target.comparator,
                        "value": None if target.value is None else float(target.value),
                    }
                )
            if not chosen:
                continue
            by_region_b = baselines_by.get(indicator_id, {})
            for baseline in _nearest(by_region_b, upward)[:1]:
                if baseline.year is not None and baseline.value is not None:
                    baseline_rows.append(
                        {
                            "region": region.code,
                            "indicator": str(indicator_id),
                            "year": baseline.year,
                            "value": float(baseline.value),
                        }
                    )
    observation_rows = [
        {"region": code, "indicator": str(ind), "year": year, "value": None if v is None else float(v)}
        for code, ind, year, v in Observation.objects.filter(
            region__in=regions, indicator_id__in=indicator_ids, state=Observation.State.APPROVED
        ).values_list("region__code", "indicator_id", "year", "value")
    ]
    # The unit goes with the indicator so that each sentence reads 「2024年实际值77.19%」, not a bare number.
    described = {
        str(pk): (p, unit or None)
        for pk, p, unit in Indicator.objects.filter(pk__in=indicator_ids).values_list(
            "pk", "polarity", "unit"
        )
    }
    schema_t = {
        "region": pl.Utf8,
        "indicator": pl.Utf8,
        "year": pl.Int64,
        "comparator": pl.Utf8,
        "value": pl.Float64,
    }
    schema_o = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
    return EvaluationInputs(
        targets=pl.DataFrame(target_rows, schema=schema_t),
        observations=pl.DataFrame(observation_rows, schema=schema_o),
        baselines=pl.DataFrame(baseline_rows, schema=schema_o),
        indicators=pl.DataFrame(
            [{"indicator": k, "polarity": p, "unit": unit} for k, (p, unit) in described.items()],
            schema={"indicator": pl.Utf8, "polarity": pl.Int64, "unit": pl.Utf8},
        ),
        regions=pl.DataFrame(
            [{"region": r.code, "parent": r.path.split("/")[-3] if r.parent_id else None} for r in regions],
            schema={"region": pl.Utf8, "parent": pl.Utf8},
        ),
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


@transaction.atomic
def statuses_refresh(*, regions: list[Region], years: Iterable[int]) -> int:
    """Run the engine for ``regions`` in each year and store statuses and scores. Returns series stored."""
    from healthaction.engine import prepare

    if not regions:
        return 0
    inputs = evaluation_inputs(regions)
    if inputs.targets.is_empty():
        return 0
    by_code = {r.code: r for r in regions}
    stored = 0
    # In this transaction: a dashboard reading the new token reads the new statuses too.
    statuses_refreshing.send(sender=Observation)
    # Targets, baselines and indicators are the same for every year: key them once.
    prepared = prepare(inputs)
    for year in years:
        evaluation = prepared.evaluate(inputs.observations, year=year)
        SeriesStatus.objects.filter(region__in=regions, year=year).delete()
        SeriesStatus.objects.bulk_create(
            SeriesStatus(
                region=by_code[row["region"]],
                indicator_id=int(row["indicator"]),
                year=year,
                status=row["status"],
                value=_float(row["value"]),
                expected=_float(row["expected"]),
                target=_float(row["target"]),
                target_year=row["target_year"],
                value_year=row["value_year"],
                ratio=_float(row["ratio"]),
                explanation=row.get("explanation") or "",
            )
            for row in evaluation.series.iter_rows(named=True)
        )
        stored += evaluation.series.height
        RegionScore.objects.filter(region__in=regions, year=year).delete()
        RegionScore.objects.bulk_create(
            RegionScore(
                region=by_code[row["region"]],
                year=year,
                score=_float(row["score"]),
                final=_float(row["final"]),
                grade=row["grade"] or "",
                rank=row["rank"],
                achieved=row["achieved"] or 0,
                assessed=row["assessed"] or 0,
            )
            for row in evaluation.scores.iter_rows(named=True)
            if row["region"] in by_code
        )
    return stored


def _siblings(region: Region) -> list[Region]:
    if region.parent_id is None:
        return [region]
    return list(Region.objects.filter(parent_id=region.parent_id))


def statuses_refresh_after(observation: Observation) -> None:
    """After a value is approved (or an approved one changed): its region and siblings, from its year on."""
    last = Observation.objects.aggregate(last=Max("year"))["last"] or observation.year
    statuses_refresh(
        regions=_siblings(observation.region), years=range(observation.year, max(last, observation.year) + 1)
    )
