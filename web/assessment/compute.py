"""From a scheme to healthaction.engine and back: 考核 scores, grades and ranks of the scheme's children.

The engine inputs come from web.monitoring.evaluation (approved values, nearest targets and
baselines), narrowed to the scheme's indicators, with 复核 values replacing reported ones. Each
组织实施 item enters as one more series: target ≥ its 分值, value = the points given, weight = its
分值, so the engine's s = points / 分值 adds exactly those points beside the indicator items. The
engine does the arithmetic (scores, bonus cap, deductions, veto, rank, tie-break); this module
applies the scheme's own grade names and quota.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from decimal import Decimal
from typing import Any, cast

import polars as pl

from healthaction.engine import EvaluationInputs, EvaluationOptions, evaluate
from healthaction.engine.grades import apply_quota, bands_from, grade_of, item_counts, item_points
from web.assessment.models import (
    Adjustment,
    AssessmentScheme,
    OrganisationItem,
    OrganisationScore,
    ReviewedValue,
    SchemeIndicator,
)
from web.assessment.outcome import (
    AdjustmentEntry,
    Outcome,
    SchemeSummary,
    ScoreRow,
    SeriesEntry,
)
from web.monitoring.evaluation import evaluation_inputs
from web.monitoring.models import Observation
from web.regions.models import Region

ORG_PREFIX = "org:"
TARGET_SCHEMA = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "comparator": pl.Utf8}
POINT_SCHEMA = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}


def _series_entry(
    row: dict[str, Any],
    *,
    region_name: str,
    kind: str,
    name: str,
    unit: str,
    reported: float | None = None,
    reviewed: float | None = None,
    review_reason: str = "",
) -> SeriesEntry:
    """The engine's row of a series (``row``) with what the pages and the 通报 show of its item."""
    return {
        "region": row["region"],
        "region_name": region_name,
        "item": row["indicator"],
        "status": row["status"],
        "value": row["value"],
        "value_year": row["value_year"],
        "baseline": row["baseline"],
        "baseline_year": row["baseline_year"],
        "target_year": row["target_year"],
        "comparator": row["comparator"],
        "target": row["target"],
        "expected": row["expected"],
        "ratio": row["ratio"],
        "score_fraction": row["score_fraction"],
        "weight": row["weight"],
        "flags": row["flags"],
        "label": row["label"],
        "mode": row["mode"],
        "explanation": row["explanation"],
        "points": item_points(row["score_fraction"], row["weight"]),
        "kind": kind,
        "name": name,
        "unit": unit,
        "reported": reported,
        "reviewed": reviewed,
        "review_reason": review_reason,
    }


def assessed_regions(scheme: AssessmentScheme) -> list[Region]:
    return list(Region.objects.filter(parent=scheme.region).order_by("code"))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def scheme_inputs(scheme: AssessmentScheme, regions: list[Region]) -> EvaluationInputs:
    """Engine inputs of the scheme: its indicators with 分值, 复核 values, 组织实施 items, adjustments."""
    base = evaluation_inputs(regions)
    items = list(scheme.items.select_related("indicator"))
    organisation = list(scheme.organisation_items.all())
    in_scheme = pl.col("indicator").is_in([str(item.indicator_id) for item in items])
    observations = _with_reviewed(base.observations.filter(in_scheme), scheme, regions)
    org_targets, org_points = _organisation_frames(scheme, regions, organisation)
    return EvaluationInputs(
        targets=pl.concat([base.targets.filter(in_scheme), org_targets]),
        observations=pl.concat([observations.select(list(POINT_SCHEMA)), org_points]),
        baselines=base.baselines.filter(in_scheme) if base.baselines is not None else None,
        indicators=_item_parameters(items, organisation),
        regions=base.regions,
        adjustments=_adjustments(scheme, [r.code for r in regions]),
    )


def _with_reviewed(
    observations: pl.DataFrame, scheme: AssessmentScheme, regions: list[Region]
) -> pl.DataFrame:
    """The reported values with each 复核 value in place of the one it replaces."""
    reviewed = list(
        ReviewedValue.objects.filter(scheme=scheme, region__in=regions).values_list(
            "region__code", "indicator_id", "year", "value"
        )
    )
    if not reviewed:
        return observations
    replaced = pl.DataFrame(
        [{"region": r, "indicator": str(i), "year": y, "value": _float(v)} for r, i, y, v in reviewed],
        schema=POINT_SCHEMA,
    )
    return pl.concat([observations.join(replaced, on=["region", "indicator", "year"], how="anti"), replaced])


def _organisation_frames(
    scheme: AssessmentScheme, regions: list[Region], organisation: list[OrganisationItem]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """组织实施 items as the engine's indicators: a target of their 分值 and the points given as values."""
    given = {
        (s.item_id, s.region_id): s.points
        for s in OrganisationScore.objects.filter(item__scheme=scheme, region__in=regions)
    }
    targets = [
        {
            "region": r.code,
            "indicator": f"{ORG_PREFIX}{o.pk}",
            "year": scheme.year,
            "comparator": ">=",
            "value": float(o.max_points),
        }
        for r in regions
        for o in organisation
    ]
    points = [
        {
            "region": r.code,
            "indicator": f"{ORG_PREFIX}{o.pk}",
            "year": scheme.year,
            "value": _float(given.get((o.pk, r.pk))),
        }
        for r in regions
        for o in organisation
    ]
    return (
        pl.DataFrame(targets, schema={**TARGET_SCHEMA, "value": pl.Float64}),
        pl.DataFrame(points, schema=POINT_SCHEMA),
    )


def _item_parameters(items: list[SchemeIndicator], organisation: list[OrganisationItem]) -> pl.DataFrame:
    """Each item's polarity and 分值 (the engine's weight)."""
    parameters = [
        {
            "indicator": str(item.indicator_id),
            "polarity": item.indicator.polarity,
            "weight": float(item.points),
            "unit": item.indicator.unit or None,  # the sentence reads 「实际值7.06‰」, as the table beside it
        }
        for item in items
    ] + [
        {"indicator": f"{ORG_PREFIX}{o.pk}", "polarity": 1, "weight": float(o.max_points), "unit": None}
        for o in organisation
    ]
    return pl.DataFrame(
        parameters,
        schema={"indicator": pl.Utf8, "polarity": pl.Int64, "weight": pl.Float64, "unit": pl.Utf8},
    )


def _adjustments(scheme: AssessmentScheme, codes: list[str]) -> pl.DataFrame:
    adjustments = [
        {
            "region": a.region.code,
            "year": scheme.year,
            "kind": a.kind,
            "points": _float(a.points),
            "reason": a.reason,
        }
        for a in Adjustment.objects.filter(scheme=scheme, region__code__in=codes).select_related("region")
    ]
    return pl.DataFrame(
        adjustments,
        schema={
            "region": pl.Utf8,
            "year": pl.Int64,
            "kind": pl.Utf8,
            "points": pl.Float64,
            "reason": pl.Utf8,
        },
    )


def assessment_compute(scheme: AssessmentScheme) -> Outcome:
    """Scores, grades and ranks of the scheme's children now, with every series behind them."""
    regions = assessed_regions(scheme)
    names = {r.code: r.name for r in regions}
    options = EvaluationOptions(
        tie_break="achieved" if scheme.tie_break == "achieved" else None, bonus_cap=float(scheme.bonus_cap)
    )
    evaluation = evaluate(scheme_inputs(scheme, regions), year=scheme.year, options=options)
    series = _series_entries(scheme, regions, names, evaluation.series)
    return {
        "scheme": _scheme_summary(scheme),
        "series": series,
        "scores": _score_rows(scheme, names, evaluation.scores, series),
    }


def _series_entries(
    scheme: AssessmentScheme, regions: list[Region], names: dict[str, str], evaluated: pl.DataFrame
) -> list[SeriesEntry]:
    """Each scored series with what the trace page and the 通报 show: reported and 复核 values,
    the office's 组织实施 points, the rule that gave its 得分率."""
    from web.assessment.explain import rule_text

    items = {str(i.indicator_id): i.indicator for i in scheme.items.select_related("indicator")}
    organisation = {f"{ORG_PREFIX}{o.pk}": o for o in scheme.organisation_items.all()}
    org_scores = {
        (f"{ORG_PREFIX}{s.item_id}", s.region.code): s
        for s in OrganisationScore.objects.filter(item__scheme=scheme).select_related("region")
    }
    reviewed = {
        (r.region.code, str(r.indicator_id), r.year): r
        for r in ReviewedValue.objects.filter(scheme=scheme).select_related("region")
    }
    reported = {
        (code, str(ind), year): value
        for code, ind, year, value in Observation.objects.filter(
            region__in=regions, indicator_id__in=[int(k) for k in items], state=Observation.State.APPROVED
        ).values_list("region__code", "indicator_id", "year", "value")
    }
    series: list[SeriesEntry] = []
    for row in evaluated.iter_rows(named=True):
        key, code = row["indicator"], row["region"]
        if key in organisation:
            item = organisation[key]
            given = org_scores.get((key, code))
            entry = _series_entry(
                row, region_name=names.get(code, code), kind="organisation", name=item.name, unit="分"
            )
            entry["given"] = given is not None
            entry["explanation"] = f"组织实施「{item.name}」满分{item.max_points.normalize():f}分，" + (
                f"办公室根据佐证材料评定{given.points.normalize():f}分"
                + (f"：{given.reason}" if given.reason else "")
                if given
                else "尚未评分，计0分"
            )
        else:
            indicator = items[key]
            year = row["value_year"] if row["value_year"] is not None else scheme.year
            review = reviewed.get((code, key, year))
            entry = _series_entry(
                row,
                region_name=names.get(code, code),
                kind="indicator",
                name=indicator.name,
                unit=indicator.unit,
                reported=_float(reported.get((code, key, year))),
                reviewed=_float(review.value) if review else None,
                review_reason=review.reason if review else "",
            )
            entry["is_reviewed"] = review is not None
        entry["rule"] = rule_text(entry)
        series.append(entry)
    return series


def _score_rows(
    scheme: AssessmentScheme, names: dict[str, str], scored: pl.DataFrame, series: list[SeriesEntry]
) -> list[ScoreRow]:
    """Each region's score, adjustments, counts and grade, in rank order, the quota applied."""
    adjustments: dict[str, list[AdjustmentEntry]] = {}
    for a in Adjustment.objects.filter(scheme=scheme).select_related("region"):
        adjustments.setdefault(a.region.code, []).append(
            {"kind": a.kind, "label": a.get_kind_display(), "points": _float(a.points), "reason": a.reason}
        )
    counts = item_counts(series)
    bands = bands_from(scheme.grade_bands)
    scores: list[ScoreRow] = []
    for row in scored.iter_rows(named=True):
        code = row["region"]
        counted = counts.get(code, counts[""])
        scores.append(
            {
                "region": code,
                "region_name": names.get(code, code),
                "score": row["score"],
                "bonus": row["bonus"],
                "deduction": row["deduction"],
                "final": row["final"],
                "rank": row["rank"],
                "vetoed": row["vetoed"],
                "achieved": counted["achieved"],
                "assessed": counted["assessed"],
                "organisation": counted["organisation"],
                "organisation_points": counted["organisation_points"],
                "grade": grade_of(bands, scheme.lowest_grade, row["final"], vetoed=bool(row["vetoed"])),
                "adjustments": adjustments.get(code, []),
                "quota_note": "",
            }
        )
    scores.sort(key=lambda s: (s["rank"] if s["rank"] is not None else 10**6, s["region"]))
    apply_quota(
        # The engine's quota reads rank and grade and rewrites grade and quota_note, on any mapping.
        cast("list[MutableMapping[str, Any]]", scores),
        grade=scheme.quota_grade,
        percent=scheme.quota_percent,
        names=scheme.grade_names(),
    )
    return scores


def _scheme_summary(scheme: AssessmentScheme) -> SchemeSummary:
    return {
        "region": scheme.region.code,
        "region_name": scheme.region.name,
        "year": scheme.year,
        "title": str(scheme),
        "is_trial": scheme.is_trial,
        "grade_bands": scheme.grade_bands,
        "lowest_grade": scheme.lowest_grade,
        "bonus_cap": float(scheme.bonus_cap),
        "tie_break": scheme.tie_break,
    }
