"""`healthaction demo`: the embedded demo site built from the seed documents (idempotent).

It is built only into an empty database (no account, no plan): `make run` runs it on every start,
and a real site's users, passwords, roles, rounds and plans must never be touched by it.
`healthaction demo --reset` empties the database first, on request.

Each seed plan is imported for the region it names; the counties of its city are loaded from the
code table, demo townships are added under the counties that have their own plan, and values for
2018–2024 are generated from each target's trajectory with a fixed random seed. Everything made
up here is flagged ``is_demo`` and shown as 演示数据.
"""

from __future__ import annotations

import datetime
import logging
import math
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from healthaction.ingest import IngestError, parse_file
from healthaction.numbers import plausible_range
from healthaction.plan import Plan
from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.demo.assessment import demo_assessment
from web.demo.tasks import demo_tasks
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation, ObservationChange, ReportingRound
from web.monitoring.selectors import _nearest_target, indicators_for
from web.organisation.models import Department
from web.plans.models import Baseline, PlanDocument
from web.plans.services import plan_import
from web.regions.codes import AreaCode, read_area_codes
from web.regions.models import Region
from web.regions.services import region_create, regions_load_codes

logger = logging.getLogger(__name__)

YEARS = range(2018, 2025)
OPEN_YEAR = 2024
SEED = 20240601
DEMO_PASSWORD = "healthaction"
TOWNSHIPS_PER_COUNTY = 3


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: Role | None
    region: str  # which region: "city" or "county" of the first seed with committee and actions


def _find_code(codes: list[AreaCode], name: str | None, parent_name: str | None) -> AreaCode | None:
    if not name:
        return None
    by_code = {c.code: c for c in codes}
    matches = [c for c in codes if c.name == name]
    if parent_name and len(matches) > 1:
        matches = [c for c in matches if c.parent and by_code[c.parent].name == parent_name]
    return matches[0] if len(matches) == 1 else None


def _seed_plans(seeds: Path) -> list[tuple[Path, Plan, AreaCode]]:
    codes = read_area_codes()
    found = []
    for path in sorted(seeds.glob("*.txt")):
        try:
            plan = parse_file(path)
        except IngestError as exc:
            logger.warning("跳过 %s：%s", path.name, exc)
            continue
        area = _find_code(codes, plan.region, plan.parent_region)
        if area is None:
            logger.warning("跳过 %s：找不到地区「%s」的区划代码", path.name, plan.region)
            continue
        found.append((path, plan, area))
    return found


def _load_regions(areas: list[AreaCode]) -> None:
    codes = read_area_codes()
    wanted: set[str] = set()
    for area in areas:
        city = area.code if area.level == 2 else area.parent
        wanted |= {c.code for c in codes if c.code == city or c.parent == city}
    regions_load_codes(only=wanted)


def _townships(county: Region) -> list[Region]:
    made = []
    for i in range(1, TOWNSHIPS_PER_COUNTY + 1):
        code = f"{county.code}{i:03d}"
        region = Region.objects.filter(code=code).first() or region_create(
            parent=county, code=code, name=f"演示乡镇{i}", level=Region.Level.TOWNSHIP, is_demo=True
        )
        made.append(region)
    return made


def _trajectory(
    rng: random.Random,
    region: Region,
    year_values: dict[str, float],
    years: range,
    bounds: tuple[Decimal | None, Decimal | None] = (None, None),
) -> dict[int, float]:
    """Values from start towards goal with noise, kept inside ``bounds`` — the plausible range of
    the indicator's unit (``healthaction.numbers``): a 筛查率 of 102.76 % is not demo data."""
    start, goal, goal_year = year_values["start"], year_values["goal"], year_values["goal_year"]
    low = -math.inf if bounds[0] is None else float(bounds[0])
    high = math.inf if bounds[1] is None else float(bounds[1])
    pace = rng.uniform(0.4, 1.25)  # some regions lag, some run ahead
    values = {}
    for year in years:
        share = min(1.0, (year - 2017) / max(1, goal_year - 2017)) * pace
        noise = rng.gauss(0, abs(goal - start) * 0.05 + abs(goal) * 0.01)
        values[year] = round(min(high, max(low, start + (goal - start) * share + noise)), 2)
    return values


def _observations(region: Region, rng: random.Random, user_id: int | None) -> int:
    if Observation.objects.filter(region=region, is_demo=True).exists():
        return 0
    rows = []
    for indicator in indicators_for(region).prefetch_related("targets__region"):
        target = _nearest_target(indicator, region, OPEN_YEAR)
        if target is None or target.value is None or target.comparator not in (">=", "<=", ">", "<", "="):
            continue
        goal = float(target.value)
        baseline = Baseline.objects.filter(
            indicator=indicator, region__code__in=region.path.split("/")
        ).first()
        factor = 0.75 if target.comparator in (">=", ">", "=") else 1.3
        start = float(baseline.value) if baseline and baseline.value is not None else goal * factor
        values = _trajectory(
            rng,
            region,
            {"start": start, "goal": goal, "goal_year": target.year},
            YEARS,
            plausible_range(indicator.unit or None, name=indicator.name),
        )
        owner = indicator.owners.filter(region=region).first()
        for year, value in values.items():
            state = Observation.State.APPROVED
            if year == OPEN_YEAR:
                draw = rng.random()
                if draw < 0.25:
                    continue  # not yet reported: something to enter
                state = Observation.State.SUBMITTED if draw < 0.45 else Observation.State.APPROVED
            rows.append(
                Observation(
                    region=region,
                    indicator=indicator,
                    year=year,
                    value=Decimal(str(value)),
                    unit=indicator.unit,
                    department=owner,
                    state=state,
                    is_demo=True,
                    comment="演示数据",
                    updated_by_id=user_id,
                )
            )
    Observation.objects.bulk_create(rows)
    created = Observation.objects.filter(region=region, is_demo=True)
    ObservationChange.objects.bulk_create(
        ObservationChange(
            observation=o,
            user_id=user_id,
            action="生成演示数据",
            new_value=o.value,
            new_state=o.state,
            reason="演示数据",
        )
        for o in created
    )
    return len(rows)


def site_contents() -> dict[str, int]:
    """What the database holds that a demo build would touch: accounts and imported plans."""
    return {"users": User.objects.count(), "plans": PlanDocument.objects.count()}


def demo_create(*, seeds: Path, reset: bool = False) -> bool:
    """Build the demo into an empty database (after emptying it when ``reset``); False when the site
    has data and nothing was done."""
    if reset:
        call_command("flush", interactive=False, verbosity=0)
    if any(site_contents().values()):
        return False
    demo_build(seeds=seeds)
    return True


@transaction.atomic
def demo_build(*, seeds: Path) -> None:
    plans = _seed_plans(seeds)
    if not plans:
        raise ValueError(f"{seeds}：没有可用的种子文件")
    _load_regions([area for _, _, area in plans])
    roots: list[Region] = []
    for path, plan, area in plans:
        region = Region.objects.get(code=area.code)
        plan_import(plan=plan, region=region, content=path.read_bytes(), file_name=path.name)
        roots.append(region)
        if region.level == Region.Level.COUNTY:
            _townships(region)
    admin, office, city = _demo_users(roots)
    rng = random.Random(SEED)
    tops = {r.parent if r.level == Region.Level.COUNTY and r.parent else r for r in roots}
    for top in sorted(tops, key=lambda r: r.code):
        _rounds(top)
        made = 0
        for region in top.subtree().order_by("code"):
            made += _observations(region, rng, admin.pk)
        logger.info("%s：生成演示监测值 %d 条", top.name, made)
        _statuses(top)
    demo_assessment(city=city, user=office, rng=random.Random(SEED + 1))
    demo_tasks(password=DEMO_PASSWORD, user=admin, rng=random.Random(SEED + 2))


def _demo_users(roots: list[Region]) -> tuple[User, User, Region]:
    """The demo's logins (admin, office, county, clerk, leader); returns admin, office and their city."""
    admin = user_create_or_update(
        username="admin",
        password=DEMO_PASSWORD,
        full_name="系统管理员",
        role=None,
        region=None,
        is_superuser=True,
    )
    # The accounts sit where a plan has committee, actions and departments: the first county plan.
    county = next(
        r for r in roots if r.level == Region.Level.COUNTY and Department.objects.filter(region=r).exists()
    )
    city = county.parent
    assert city is not None
    department = (
        Department.objects.filter(region=county, indicators__isnull=False).distinct().order_by("name").first()
    )
    office = user_create_or_update(
        username="office",
        password=DEMO_PASSWORD,
        full_name="市健康办（演示）",
        role=Role.OFFICE_ADMIN,
        region=city,
    )
    user_create_or_update(
        username="county",
        password=DEMO_PASSWORD,
        full_name="区健康办（演示）",
        role=Role.COUNTY_ADMIN,
        region=county,
    )
    user_create_or_update(
        username="clerk",
        password=DEMO_PASSWORD,
        full_name="部门填报员（演示）",
        role=Role.CLERK,
        region=county,
        department=department,
    )
    user_create_or_update(
        username="leader", password=DEMO_PASSWORD, full_name="市领导（演示）", role=Role.LEADER, region=city
    )
    return admin, office, city


def _rounds(top: Region) -> None:
    """A yearly round per year, each open in the first quarter after it; the demo's open year is open now."""
    today = timezone.localdate()
    for year in YEARS:
        opens, closes = datetime.date(year + 1, 1, 1), datetime.date(year + 1, 3, 31)
        if year == OPEN_YEAR:
            opens, closes = (
                min(opens, today - datetime.timedelta(days=30)),
                max(closes, today + datetime.timedelta(days=90)),
            )
        ReportingRound.objects.update_or_create(
            region=top,
            kind=ReportingRound.Kind.YEARLY,
            year=year,
            half=None,
            defaults={"opens_on": opens, "closes_on": closes},
        )


def _statuses(top: Region) -> None:
    """Statuses of every region under ``top``, computed among its siblings, then of ``top`` itself."""
    parents = {r.parent_id for r in top.subtree() if r.parent_id} | {top.parent_id}
    for parent_id in sorted(p for p in parents if p):
        group = list(Region.objects.filter(parent_id=parent_id, path__startswith=top.path)) or [top]
        statuses_refresh(regions=group, years=YEARS)
    statuses_refresh(regions=[top], years=YEARS)
