"""Reads for data entry and review."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from web.accounts.models import Role
from web.accounts.scope import RegionScope
from web.monitoring.checks import plausibility_warnings
from web.monitoring.models import Observation, ReportingRound
from web.plans.models import Indicator, Target
from web.regions.models import Region


@dataclass(frozen=True)
class EntryRow:
    """One line of the entry form: 居民健康素养水平 (%), 2023: 19.6, target 2025 ≥ 25."""

    indicator: Indicator
    last_value: Decimal | None
    target: Target | None
    observation: Observation | None

    @property
    def editable_by_clerk(self) -> bool:
        return self.observation is None or self.observation.state in (
            Observation.State.DRAFT,
            Observation.State.RETURNED,
        )


def lineage_codes(region: Region) -> list[str]:
    return [c for c in region.path.split("/") if c]


def indicators_for(region: Region) -> QuerySet[Indicator]:
    """Indicators with a target for the region or an ancestor (a city's targets apply to its counties)."""
    codes = lineage_codes(region)
    return Indicator.objects.filter(targets__region__code__in=codes).distinct().order_by("name")


def open_round(region: Region, year: int, today: datetime.date) -> ReportingRound | None:
    rounds = ReportingRound.objects.filter(region__code__in=lineage_codes(region), year=year)
    return next((r for r in rounds if r.is_open(today)), None)


def entry_years(region: Region, today: datetime.date) -> list[int]:
    """The years the entry page can show for ``region``, latest first: each year of a round of the region
    or an ancestor, and each year with a reported value, up to this year (and an open round's year)."""
    codes = lineage_codes(region)
    rounds = ReportingRound.objects.filter(region__code__in=codes)
    years = set(rounds.values_list("year", flat=True))
    years |= set(Observation.objects.filter(region=region).values_list("year", flat=True).distinct())
    open_years = {r.year for r in rounds if r.is_open(today)}
    return sorted((y for y in years if y <= today.year or y in open_years), reverse=True)


def rounds_around(region: Region) -> QuerySet[ReportingRound]:
    """The rounds that concern ``region``: its ancestors' and its own (they hold for it) and its subtree's."""
    return ReportingRound.objects.filter(
        Q(region__code__in=lineage_codes(region)) | Q(region__path__startswith=region.path)
    ).select_related("region")


def rounds_open_for(region: Region, today: datetime.date) -> list[ReportingRound]:
    return [r for r in rounds_around(region) if r.is_open(today)]


def _nearest_target(indicator: Indicator, region: Region, year: int) -> Target | None:
    codes = lineage_codes(region)
    targets = [t for t in indicator.targets.all() if t.region.code in codes]
    if not targets:
        return None
    depth = {code: i for i, code in enumerate(codes)}
    deepest = max(depth[t.region.code] for t in targets)
    own = [t for t in targets if depth[t.region.code] == deepest]
    due = sorted((t for t in own if t.year >= year), key=lambda t: t.year) or sorted(
        own, key=lambda t: -t.year
    )
    return due[0]


def entry_rows(*, region: Region, year: int, scope: RegionScope) -> list[EntryRow]:
    indicators = indicators_for(region).prefetch_related("targets__region")
    if scope.role == Role.CLERK:
        if scope.department is None or scope.department.region_id != region.pk:
            return []
        indicators = indicators.filter(owners=scope.department)
    observed = {
        (o.indicator_id, o.year): o
        for o in Observation.objects.filter(region=region, year__in=[year - 1, year])
        .select_related("updated_by")
        .prefetch_related("evidence")
    }
    rows = []
    for indicator in indicators:
        last = observed.get((indicator.pk, year - 1))
        rows.append(
            EntryRow(
                indicator=indicator,
                last_value=last.value if last else None,
                target=_nearest_target(indicator, region, year),
                observation=observed.get((indicator.pk, year)),
            )
        )
    return rows


def submitted_in(region: Region) -> QuerySet[Observation]:
    return (
        Observation.objects.filter(region__path__startswith=region.path, state=Observation.State.SUBMITTED)
        .select_related("region", "indicator", "department", "updated_by")
        .order_by("region__code", "indicator__name", "year")
    )


@dataclass(frozen=True)
class ReviewRow:
    """One pending value as a reviewer weighs it (DHIS2's data-approval screen): last year's approved
    value, the target it counts against, the change and the plausibility warnings with their reasons."""

    observation: Observation
    last_value: Decimal | None
    target: Target | None
    warnings: list[str]

    @property
    def flagged(self) -> bool:
        return bool(self.warnings)


@dataclass(frozen=True)
class ReviewQueue:
    rows: list[ReviewRow]
    total: int  # pending before the filters
    departments: list[tuple[int, str]]
    indicators: list[tuple[int, str]]
    years: list[int]  # the years with pending values (the year selector's choices)


def review_queue(
    region: Region,
    *,
    department: int | None = None,
    indicator: int | None = None,
    flag: str = "",
    year: int | None = None,
) -> ReviewQueue:
    """The submitted values in ``region``'s subtree with what a reviewer needs beside each; ``flag`` is
    "flagged" (a plausibility warning), "plain" (none) or "" (all)."""
    pending = list(
        submitted_in(region)
        .select_related("updated_by", "department")
        .prefetch_related("evidence", "indicator__targets__region")
    )
    departments = sorted({(o.department.pk, o.department.name) for o in pending if o.department})
    indicators = sorted({(o.indicator_id, o.indicator.name) for o in pending}, key=lambda p: p[1])
    keys = {(o.region_id, o.indicator_id, o.year - 1) for o in pending}
    earlier = Observation.objects.filter(
        region_id__in={k[0] for k in keys},
        indicator_id__in={k[1] for k in keys},
        year__in={k[2] for k in keys},
        state=Observation.State.APPROVED,
    ).values_list("region_id", "indicator_id", "year", "value")
    last_of = {(r, i, y): v for r, i, y, v in earlier}
    rows = []
    for o in pending:
        if department is not None and o.department_id != department:
            continue
        if indicator is not None and o.indicator_id != indicator:
            continue
        if year is not None and o.year != year:
            continue
        last = last_of.get((o.region_id, o.indicator_id, o.year - 1))
        warnings = (
            plausibility_warnings(value=o.value, last=last, unit=o.unit or o.indicator.unit)
            if o.value is not None
            else []
        )
        if (flag == "flagged" and not warnings) or (flag == "plain" and warnings):
            continue
        rows.append(
            ReviewRow(
                observation=o,
                last_value=last,
                target=_nearest_target(o.indicator, o.region, o.year),
                warnings=warnings,
            )
        )
    return ReviewQueue(
        rows=rows,
        total=len(pending),
        departments=departments,
        indicators=indicators,
        years=sorted({o.year for o in pending}),
    )


def observations_listed(
    *,
    scope: RegionScope,
    place: Region | None,
    subtree: bool,
    indicator_id: int | None = None,
    year: int | None = None,
    state: str | None = None,
) -> QuerySet[Observation]:
    """Values in a region (with its subtree, or alone) or, without one, in the user's whole scope;
    ``place`` must already be checked against the scope."""
    observations = Observation.objects.select_related("region", "indicator", "department").order_by(
        "region__code", "indicator__name", "year"
    )
    if place is None:
        observations = scope.within(observations)
    elif subtree:
        observations = observations.filter(region__path__startswith=place.path)
    else:
        observations = observations.filter(region=place)
    if indicator_id is not None:
        observations = observations.filter(indicator_id=indicator_id)
    if year is not None:
        observations = observations.filter(year=year)
    if state is not None:
        observations = observations.filter(state=state)
    return observations


def observation_shown(pk: int) -> Observation:
    """One value with the rows its listing shows."""
    return Observation.objects.select_related("region", "indicator", "department").get(pk=pk)


def rounds_of(region: Region) -> list[ReportingRound]:
    """The rounds opened for ``region`` itself (those of its ancestors are theirs to change), latest first."""
    rounds = ReportingRound.objects.filter(region=region).select_related("region")
    return list(rounds.order_by("-year", "half"))
