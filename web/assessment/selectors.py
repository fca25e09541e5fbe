"""Reads for the 考核 pages: schemes, published versions, one region's series, one series' trace."""

from __future__ import annotations

from django.db.models import QuerySet

from web.assessment.compute import ORG_PREFIX
from web.assessment.models import AssessmentResult, AssessmentScheme
from web.assessment.outcome import Outcome, ScoreRow, SeriesEntry
from web.monitoring.models import Observation
from web.monitoring.selectors import indicators_for
from web.plans.models import Indicator, Target
from web.regions.models import Region


def schemes_of(region: Region) -> QuerySet[AssessmentScheme]:
    return AssessmentScheme.objects.filter(region=region).order_by("-year")


def schemes_assessing(region: Region) -> QuerySet[AssessmentScheme]:
    """The schemes the region is assessed in: those of its parent (a city's scheme scores its counties),
    newest first; each has a 自评 page for the region."""
    if region.parent_id is None:
        return AssessmentScheme.objects.none()
    return (
        AssessmentScheme.objects.filter(region_id=region.parent_id).select_related("region").order_by("-year")
    )


def published_below(region: Region) -> list[AssessmentResult]:
    """The latest published version of every scheme run by the region's children (cascade upwards)."""
    latest: dict[int, AssessmentResult] = {}
    for result in AssessmentResult.objects.filter(scheme__region__parent=region).select_related(
        "scheme", "scheme__region"
    ):
        if result.scheme_id not in latest or result.version > latest[result.scheme_id].version:
            latest[result.scheme_id] = result
    return sorted(latest.values(), key=lambda r: (r.scheme.region.code, -r.scheme.year))


def versions(scheme: AssessmentScheme) -> QuerySet[AssessmentResult]:
    return AssessmentResult.objects.filter(scheme=scheme).order_by("-version")


def candidate_indicators(region: Region) -> list[Indicator]:
    """Indicators a scheme of ``region`` may use: those with a target for it, framework ones first."""
    indicators = list(indicators_for(region).prefetch_related("targets"))
    framework = {
        i
        for i in Target.objects.filter(indicator__in=indicators, source=Target.Source.FRAMEWORK).values_list(
            "indicator_id", flat=True
        )
    }
    return sorted(indicators, key=lambda i: (i.pk not in framework, i.name))


def region_series(outcome: Outcome, code: str) -> list[SeriesEntry]:
    rows = [s for s in outcome["series"] if s["region"] == code]
    return sorted(rows, key=lambda s: (s["kind"] != "indicator", s["name"]))


def region_score(outcome: Outcome, code: str) -> ScoreRow | None:
    return next((s for s in outcome["scores"] if s["region"] == code), None)


def trace_entry(outcome: Outcome, code: str, item: str) -> SeriesEntry | None:
    return next((s for s in outcome["series"] if s["region"] == code and s["item"] == item), None)


def reported_history(region: Region, item: str) -> list[Observation]:
    """Every reported value of the series, all years and states, for the trace page."""
    if item.startswith(ORG_PREFIX) or not item.isdigit():
        return []
    return list(
        Observation.objects.filter(region=region, indicator_id=int(item))
        .order_by("year")
        .select_related("indicator")
        .prefetch_related("evidence")
    )


def matrix(
    outcome: Outcome,
) -> tuple[list[ScoreRow], list[tuple[str, str, list[SeriesEntry | None]]]]:
    """Items down the side (indicators, then 组织实施), one column per ranked region: an item's name is long
    and there are up to 20 items, while a city has a handful of counties, so the names read across and the
    regions stay narrow columns (as the 考核 tables of the plans are printed)."""
    items: dict[str, str] = {}
    for s in sorted(outcome["series"], key=lambda s: (s["kind"] != "indicator", s["name"])):
        items.setdefault(s["item"], s["name"])
    cells = {(s["region"], s["item"]): s for s in outcome["series"]}
    regions = list(outcome["scores"])
    rows = [
        (key, name, [cells.get((score["region"], key)) for score in regions]) for key, name in items.items()
    ]
    return regions, rows
