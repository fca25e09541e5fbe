"""Reads for the landing page: what each role has to act on today, and its region at a glance.

The office and a county's admin see the values waiting for 审核, who has not yet reported in the
round, the lagging indicators and the open 整改 of their subtree; a clerk its own department's values
to fill in and those sent back; a leader the charts, the league and the tasks of the seats held.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from healthaction.engine import statuses
from web.accounts.scope import RegionScope
from web.monitoring.models import Observation, ReportingRound
from web.monitoring.selectors import entry_rows, rounds_around, rounds_open_for, submitted_in
from web.organisation.models import Department
from web.plans.models import Indicator
from web.regions.models import Region
from web.supervision.models import Rectification

REPORTED = (Observation.State.SUBMITTED, Observation.State.APPROVED)


def pending_approvals(region: Region) -> int:
    """Values submitted in the subtree and waiting for 审核."""
    return submitted_in(region).count()


def reporting_round(region: Region, today: datetime.date) -> ReportingRound | None:
    """The yearly round the region reports in now: an open one (the latest year), else the one that
    closed last. Rounds of the region's ancestors and of its subtree count."""
    rounds = list(rounds_around(region).filter(kind=ReportingRound.Kind.YEARLY))
    open_now = [r for r in rounds if r.is_open(today)]
    if open_now:
        return max(open_now, key=lambda r: (r.year, r.closes_on))
    closed = [r for r in rounds if r.closes_on < today]
    return max(closed, key=lambda r: (r.closes_on, r.year)) if closed else None


@dataclass(frozen=True)
class Unreported:
    """Who has not yet submitted in a round: per region and department, missing of expected."""

    round: ReportingRound
    overdue: bool  # the round has closed: what is missing is 逾期未报
    rows: list[tuple[Region, Department, int, int]]  # only those with something missing
    missing: int
    expected: int


def unreported(region: Region, today: datetime.date) -> Unreported | None:
    """The values of the round's year not yet submitted: one is expected of each department for each
    indicator it reports (填报部门), in its own region, within ``region``'s subtree."""
    round_ = reporting_round(region, today)
    if round_ is None:
        return None
    within = round_.region.path if round_.region.path.startswith(region.path) else region.path
    owned = (
        Indicator.owners.through.objects.filter(department__region__path__startswith=within)
        .values_list("department_id", "department__region_id", "indicator_id")
        .distinct()
    )
    reported = set(
        Observation.objects.filter(
            region__path__startswith=within, year=round_.year, state__in=REPORTED
        ).values_list("region_id", "indicator_id")
    )
    expected: Counter[int] = Counter()
    missing: Counter[int] = Counter()
    region_of: dict[int, int] = {}
    for department_id, region_id, indicator_id in owned:
        region_of[department_id] = region_id
        expected[department_id] += 1
        if (region_id, indicator_id) not in reported:
            missing[department_id] += 1
    departments = Department.objects.in_bulk([d for d in missing if missing[d]])
    regions = Region.objects.in_bulk({region_of[d] for d in departments})
    rows = sorted(
        ((regions[region_of[d]], departments[d], missing[d], expected[d]) for d in departments),
        key=lambda row: (row[0].path, -row[2], row[1].name),
    )
    return Unreported(
        round=round_,
        overdue=round_.closes_on < today,
        rows=rows,
        missing=sum(missing.values()),
        expected=sum(expected.values()),
    )


@dataclass(frozen=True)
class OpenRectifications:
    """整改 not yet closed (销号), per region: open and of those past their deadline."""

    rows: list[tuple[Region, int, int]]

    @property
    def open(self) -> int:
        return sum(n for _, n, _ in self.rows)

    @property
    def overdue(self) -> int:
        return sum(n for _, _, n in self.rows)


def open_rectifications(region: Region, today: datetime.date) -> OpenRectifications:
    counts: dict[int, list[int]] = {}
    for item in Rectification.objects.filter(
        region__path__startswith=region.path, closed_at__isnull=True
    ).only("region_id", "due_on", "closed_at"):
        row = counts.setdefault(item.region_id, [0, 0])
        row[0] += 1
        row[1] += item.state(today) == "overdue"  # the one rule of 逾期未整改 (Rectification.state)
    regions = Region.objects.in_bulk(list(counts))
    return OpenRectifications(
        rows=sorted(((regions[pk], n, late) for pk, (n, late) in counts.items()), key=lambda r: r[0].path)
    )


@dataclass
class ClerkYear:
    """A clerk's values of one open round: what is still to fill in, what was sent back, what is done."""

    round: ReportingRound
    to_fill: list[Indicator] = field(default_factory=list)  # no value yet, or a draft not submitted
    submitted: int = 0
    approved: int = 0

    @property
    def total(self) -> int:
        return len(self.to_fill) + self.submitted + self.approved


@dataclass(frozen=True)
class ClerkDesk:
    region: Region | None
    years: list[ClerkYear]
    returned: list[Observation]  # sent back by the reviewer, any year, with the reason


def clerk_desk(scope: RegionScope, today: datetime.date) -> ClerkDesk:
    department = scope.department
    if department is None:
        return ClerkDesk(region=None, years=[], returned=[])
    region = department.region
    years: list[ClerkYear] = []
    seen: set[int] = set()
    for round_ in sorted(rounds_open_for(region, today), key=lambda r: -r.year):
        if round_.year in seen or not region.path.startswith(round_.region.path):
            continue
        seen.add(round_.year)
        year = ClerkYear(round=round_)
        for row in entry_rows(region=region, year=round_.year, scope=scope):
            state = row.observation.state if row.observation else None
            if state == Observation.State.SUBMITTED:
                year.submitted += 1
            elif state == Observation.State.APPROVED:
                year.approved += 1
            elif state != Observation.State.RETURNED:
                year.to_fill.append(row.indicator)
        years.append(year)
    returned = list(
        Observation.objects.filter(
            region=region, indicator__owners=department, state=Observation.State.RETURNED
        )
        .select_related("indicator")
        .order_by("-year", "indicator__name")
    )
    return ClerkDesk(region=region, years=years, returned=returned)


def status_charts(
    totals: list[tuple[str, int, str]], children: list[tuple[Any, list[int]]]
) -> dict[str, Any]:
    """ECharts options (as JSON data for site.js): the statuses of the region as a ring, and of its
    children as stacked bars, in the registry's colours and the page's language.

    ``totals`` and ``children`` as ``region_overview`` gives them."""
    colours = [s.colour for s in statuses.STATUSES]
    names = [gettext(s.label) for s in statuses.STATUSES]
    ring = {
        "tooltip": {"trigger": "item"},
        "series": [
            {
                "type": "pie",
                "radius": ["38%", "68%"],
                "label": {"formatter": "{b}\n{c}"},  # two short lines: a phone's ring keeps its labels
                "data": [
                    {"name": gettext(label), "value": count, "itemStyle": {"color": colour}}
                    for (label, count, _), colour in zip(totals, colours, strict=True)
                    if count
                ],
            }
        ],
    }
    bars = {
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "legend": {"top": 0},
        "grid": {"top": 60, "left": 8, "right": 16, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "value"},
        "yAxis": {"type": "category", "inverse": True, "data": [child["name"] for child, _ in children]},
        "series": [
            {
                "name": name,
                "type": "bar",
                "stack": "status",
                "itemStyle": {"color": colour},
                "data": [cells[i] for _, cells in children],
            }
            for i, (name, colour) in enumerate(zip(names, colours, strict=True))
        ],
    }
    return {"ring": ring, "bars": bars if children else None, "bars_height": 90 + 34 * len(children)}
