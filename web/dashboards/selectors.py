"""Reads for the dashboards: statuses per action, lagging first, league table, one indicator's series."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from django.db import connection
from django.db.models import Count, F
from django.utils.translation import gettext, gettext_noop

from healthaction.engine import statuses
from web.monitoring.models import Observation, RegionScore, SeriesStatus
from web.plans.models import Indicator, Target
from web.regions.models import Region

# Plain Chinese (the API and the reports use them as they are); the pages translate them when shown
# (the words are marked for the catalogue in web/config/words.py).
STATUS_LABELS = statuses.LABELS
MISSED_LABEL = statuses.MISSED.label  # the engine's word for 严重滞后 once the target year has come
STATUS_ORDER = list(statuses.CODES)
# Lagging first: the office looks at what needs action.
_URGENCY = {s.code: s.urgency for s in statuses.STATUSES}
# The columns of a status row: plain values, no model instances (150 of them per page).
STATUS_FIELDS = (
    "indicator_id",
    "status",
    "value",
    "expected",
    "target",
    "target_year",
    "ratio",
    "explanation",
)


class StatusRow(TypedDict):
    """One indicator's status in a region and year: a SeriesStatus row's plain values and the name."""

    indicator_id: int
    indicator_name: str
    status: str
    value: float | None
    expected: float | None
    target: float | None
    target_year: int | None
    ratio: float | None
    explanation: str


class ChildRegion(TypedDict):
    code: str
    name: str
    is_demo: bool


class RegionOverview(TypedDict):
    actions: list[ActionSummary]  # most lagging first
    rows: list[StatusRow]  # most urgent first
    lagging: list[StatusRow]  # the OFF_TRACK and LAGGING head of ``rows``
    children: list[tuple[ChildRegion, list[int]]]  # each child's counts in STATUS_ORDER
    totals: list[tuple[str, int, str]]  # label, count, code in STATUS_ORDER


class ChartLine(TypedDict):
    name: str
    type: str
    data: list[float | None]
    lineStyle: NotRequired[dict[str, str]]


class IndicatorChart(TypedDict):
    """ECharts data of one indicator: the years on the axis, a line per region and the 序时目标."""

    years: list[str]
    series: list[ChartLine]
    target: float | None
    target_label: str
    unit: str


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
    """The last year with statuses in the region's subtree (what a page without ?year= shows)."""
    years = status_years(region)
    return years[-1] if years else None


# The few years with any status, found by hopping along the year index (a loose index scan: each step
# one index probe), each with whether the subtree has a status that year: a subquery in the select
# list, run per year, walking the subtree's regions and probing (region, year) until the first hit.
# Driven from the statuses instead, PostgreSQL joined or scanned the country's statuses; a DISTINCT or
# MAX over the subtree's statuses read all 3.4 M: seconds at the national root after every approval.
_STATUS_YEARS = """
WITH RECURSIVE years(year) AS (
    SELECT MIN(year) FROM {statuses}
    UNION ALL
    SELECT (SELECT MIN(s.year) FROM {statuses} s WHERE s.year > years.year) FROM years
    WHERE years.year IS NOT NULL
)
SELECT year, (
    SELECT 1 FROM {regions} r WHERE r.path LIKE %s AND EXISTS (
        SELECT 1 FROM {statuses} s WHERE s.region_id = r.id AND s.year = years.year
    ) LIMIT 1
) FROM years WHERE year IS NOT NULL ORDER BY year
"""


def status_years(region: Region) -> list[int]:
    """The years with statuses in the region's subtree (the years a dashboard or report can be about)."""
    sql = _STATUS_YEARS.format(statuses=SeriesStatus._meta.db_table, regions=Region._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, [region.path + "%"])
        return [int(year) for year, found in cursor.fetchall() if found]


def league_years(region: Region) -> list[int]:
    """The years with scores below the region (the years its league can show)."""
    rows = RegionScore.objects.filter(region__path__startswith=region.path).exclude(region=region)
    return sorted(set(rows.values_list("year", flat=True).distinct()))


def _by_urgency(row: StatusRow) -> tuple[int, float]:
    ratio = row["ratio"]
    return (_URGENCY.get(row["status"], 9), ratio if ratio is not None else 0.0)


def region_overview(region: Region, year: int) -> RegionOverview:
    """Totals, per-action counts, children's counts and every status row of the region, most urgent first."""
    # One query, joined to the indicators' actions (a row per action; a prefetch builds a manager per
    # indicator: slow at 150).
    rows_by_indicator: dict[int, StatusRow] = {}
    action_names: dict[int, list[str]] = {}
    for row in (
        SeriesStatus.objects.filter(region=region, year=year)
        .values(
            *STATUS_FIELDS, indicator_name=F("indicator__name"), action_name=F("indicator__actions__name")
        )
        .order_by()
    ):
        rows_by_indicator.setdefault(
            row["indicator_id"],
            {
                "indicator_id": row["indicator_id"],
                "indicator_name": row["indicator_name"],
                "status": row["status"],
                "value": row["value"],
                "expected": row["expected"],
                "target": row["target"],
                "target_year": row["target_year"],
                "ratio": row["ratio"],
                "explanation": row["explanation"],
            },
        )
        if row["action_name"] is not None:
            action_names.setdefault(row["indicator_id"], []).append(row["action_name"])
    rows = sorted(rows_by_indicator.values(), key=_by_urgency)
    actions: dict[str, ActionSummary] = {}
    for row in rows:
        for name in action_names.get(row["indicator_id"]) or [gettext_noop("指标框架")]:
            actions.setdefault(name, ActionSummary(name)).counts[row["status"]] += 1
    lagging = [r for r in rows if r["status"] in ("OFF_TRACK", "LAGGING")]
    # The children with statuses, and their counts, in one grouped query.
    children_by_id: dict[int, tuple[ChildRegion, Counter[str]]] = {}
    for child_id, code, name, is_demo, status_code, n in (
        SeriesStatus.objects.filter(region__parent=region, year=year)
        .values("region_id", "region__code", "region__name", "region__is_demo", "status")
        .annotate(n=Count("id"))
        .values_list("region_id", "region__code", "region__name", "region__is_demo", "status", "n")
        .order_by()
    ):
        child: ChildRegion = {"code": code, "name": name, "is_demo": is_demo}
        children_by_id.setdefault(child_id, (child, Counter()))[1][status_code] = n
    children = [
        (child, [counts.get(s, 0) for s in STATUS_ORDER])
        for child, counts in sorted(children_by_id.values(), key=lambda c: c[0]["code"])
    ]
    totals = Counter(r["status"] for r in rows)
    return {
        "actions": sorted(actions.values(), key=lambda a: a.urgency),
        "rows": rows,
        "lagging": lagging,
        "children": children,
        "totals": [(STATUS_LABELS[s], totals.get(s, 0), s) for s in STATUS_ORDER],
    }


def league_table(region: Region, year: int) -> list[RegionScore]:
    return list(
        RegionScore.objects.filter(region__parent=region, year=year).select_related("region").order_by("rank")
    )


LEAGUE_PAGE = 100


def league_of_level(region: Region, year: int, level: int, page: int) -> tuple[list[RegionScore], int]:
    """Every region of ``level`` in the subtree (the country's 2,844 counties), best score first, one
    page of LEAGUE_PAGE; and how many there are. Two queries whatever the page."""
    rows = RegionScore.objects.filter(
        region__path__startswith=region.path, region__level=level, year=year
    ).exclude(region=region)
    start = (page - 1) * LEAGUE_PAGE
    ordered = rows.select_related("region").order_by(F("final").desc(nulls_last=True), "region__code")
    return list(ordered[start : start + LEAGUE_PAGE]), rows.count()


def indicator_statuses(indicator: Indicator, region: Region) -> list[SeriesStatus]:
    return list(SeriesStatus.objects.filter(indicator=indicator, region=region).order_by("year"))


def indicator_chart(indicator: Indicator, region: Region, statuses: list[SeriesStatus]) -> IndicatorChart:
    """ECharts data: approved values of the region and its children, its trajectory and target.

    `statuses`: the region's statuses for the indicator (`indicator_statuses`), read by the caller."""
    regions = [region, *Region.objects.filter(parent=region).order_by("code")]
    values = Observation.objects.filter(
        indicator=indicator, region__in=regions, state=Observation.State.APPROVED
    ).values_list("region__name", "year", "value")
    years = sorted({y for _, y, _ in values} | {s.year for s in statuses})
    by_region: dict[str, dict[int, float]] = {}
    for name, year, value in values:
        if value is not None:
            by_region.setdefault(name, {})[year] = float(value)
    series: list[ChartLine] = [
        {"name": r.name, "type": "line", "data": [by_region.get(r.name, {}).get(y) for y in years]}
        for r in regions
        if r.name in by_region
    ]
    expected = {s.year: s.expected for s in statuses}
    if any(v is not None for v in expected.values()):
        series.append(
            {
                "name": gettext("序时目标"),
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
        "target_label": gettext("%(year)s年目标 %(text)s") % {"year": target.year, "text": target.text}
        if target
        else "",
        "unit": indicator.unit,
    }
