"""Reads for the dashboards: statuses per action, lagging first, league table, one indicator's series."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max

from web.monitoring.models import Observation, RegionScore, SeriesStatus
from web.plans.models import Indicator, Target
from web.regions.models import Region

STATUS_LABELS = {
    "ACHIEVED": "已达标",
    "ON_TRACK": "进度正常",
    "LAGGING": "进度滞后",
    "OFF_TRACK": "严重滞后",
    "NO_DATA": "无数据",
}
STATUS_ORDER = list(STATUS_LABELS)
# Lagging first: the office looks at what needs action.
_URGENCY = {"OFF_TRACK": 0, "LAGGING": 1, "NO_DATA": 2, "ON_TRACK": 3, "ACHIEVED": 4}


@dataclass
class ActionSummary:
    name: str
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def cells(self) -> list[int]:
        return [self.counts.get(s, 0) for s in STATUS_ORDER]

    @property
    def urgency(self) -> tuple[int, int]:
        return (-(self.counts["OFF_TRACK"] + self.counts["LAGGING"]), -self.counts["OFF_TRACK"])


def latest_year(region: Region) -> int | None:
    year: int | None = SeriesStatus.objects.filter(region__path__startswith=region.path).aggregate(
        y=Max("year")
    )["y"]
    return year


def region_overview(region: Region, year: int) -> dict[str, Any]:
    statuses = list(SeriesStatus.objects.filter(region=region, year=year).select_related("indicator"))
    # One query for the actions of all indicators (a prefetch builds a manager per indicator: slow at 150).
    action_names: dict[int, list[str]] = {}
    for indicator_id, name in Indicator.actions.through.objects.filter(
        indicator_id__in={s.indicator_id for s in statuses}
    ).values_list("indicator_id", "action__name"):
        action_names.setdefault(indicator_id, []).append(name)
    actions: dict[str, ActionSummary] = {}
    for status in statuses:
        names = action_names.get(status.indicator_id) or ["指标框架"]
        for name in names:
            actions.setdefault(name, ActionSummary(name)).counts[status.status] += 1
    lagging = sorted(
        (s for s in statuses if s.status in ("OFF_TRACK", "LAGGING")),
        key=lambda s: (_URGENCY[s.status], s.ratio if s.ratio is not None else 0.0),
    )
    child_counts: dict[int, Counter[str]] = {}
    for region_id, status_code, n in (
        SeriesStatus.objects.filter(region__parent=region, year=year)
        .values("region_id", "status")
        .annotate(n=Count("id"))
        .values_list("region_id", "status", "n")
    ):
        child_counts.setdefault(region_id, Counter())[status_code] = n
    children = [
        (child, [child_counts[child.pk].get(s, 0) for s in STATUS_ORDER])
        for child in Region.objects.filter(parent=region).order_by("code")
        if child.pk in child_counts
    ]
    totals = Counter(s.status for s in statuses)
    return {
        "actions": sorted(actions.values(), key=lambda a: a.urgency),
        "lagging": lagging,
        "children": children,
        "totals": [(STATUS_LABELS[s], totals.get(s, 0), s) for s in STATUS_ORDER],
    }


def league_table(region: Region, year: int) -> list[RegionScore]:
    return list(
        RegionScore.objects.filter(region__parent=region, year=year).select_related("region").order_by("rank")
    )


def indicator_chart(indicator: Indicator, region: Region) -> dict[str, Any]:
    """ECharts data: approved values of the region and its children, its trajectory and target."""
    regions = [region, *Region.objects.filter(parent=region).order_by("code")]
    values = Observation.objects.filter(
        indicator=indicator, region__in=regions, state=Observation.State.APPROVED
    ).values_list("region__name", "year", "value")
    years = sorted(
        {y for _, y, _ in values}
        | set(SeriesStatus.objects.filter(indicator=indicator, region=region).values_list("year", flat=True))
    )
    by_region: dict[str, dict[int, float]] = {}
    for name, year, value in values:
        if value is not None:
            by_region.setdefault(name, {})[year] = float(value)
    series: list[dict[str, Any]] = [
        {"name": r.name, "type": "line", "data": [by_region.get(r.name, {}).get(y) for y in years]}
        for r in regions
        if r.name in by_region
    ]
    expected = dict(
        SeriesStatus.objects.filter(indicator=indicator, region=region).values_list("year", "expected")
    )
    if any(v is not None for v in expected.values()):
        series.append(
            {
                "name": "序时目标",
                "type": "line",
                "lineStyle": {"type": "dashed"},
                "data": [expected.get(y) for y in years],
            }
        )
    target = Target.objects.filter(indicator=indicator, value__isnull=False).order_by("year").first()
    return {
        "years": [str(y) for y in years],
        "series": series,
        "target": float(target.value) if target and target.value is not None else None,
        "target_label": f"{target.year}年目标 {target.text}" if target else "",
        "unit": indicator.unit,
    }
