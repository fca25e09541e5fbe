"""The 西夏区 责任清单 (seed 004) imported for 银川市西夏区, with a clerk of one of its departments."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from healthaction.ingest import parse_file
from healthaction.plan import Plan
from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.conftest import PASSWORD, World
from web.organisation.models import Department, Holding, Person
from web.plans.models import PlanDocument
from web.plans.services import plan_import
from web.regions.models import Region
from web.regions.services import regions_load_codes
from web.tasks.models import LeaderAccount, TaskLeader

XIXIA = "640105"
SEED = Path(__file__).resolve().parents[3] / "seeds" / "004_8b3226ce7b1288c5.txt"


@dataclass
class Xixia:
    world: World
    region: Region
    document: PlanDocument
    health: Department  # 卫生健康局: leads many tasks
    office: User  # 西夏区 county admin: supervises
    clerk: User  # 卫生健康局's clerk


@cache
def _seed_plan() -> Plan:
    return parse_file(SEED)  # parsed once for the session: the import is what is tested


@pytest.fixture
def xixia(world: World) -> Xixia:
    regions_load_codes(only={XIXIA})
    region = Region.objects.get(code=XIXIA)
    plan_import(
        plan=_seed_plan().model_copy(deep=True), region=region, content=SEED.read_bytes(), file_name=SEED.name
    )
    health = Department.objects.get(region=region, name="卫生健康局")

    def user(name: str, role: Role, department: Department | None = None) -> User:
        return user_create_or_update(
            username=name, password=PASSWORD, full_name=name, role=role, region=region, department=department
        )

    return Xixia(
        world=world,
        region=region,
        document=PlanDocument.objects.get(region=region),
        health=health,
        office=user("xixia_office", Role.COUNTY_ADMIN),
        clerk=user("xixia_health_clerk", Role.CLERK, health),
    )


def leader_user(xixia: Xixia, name: str, leader: TaskLeader, *, ended: bool = False) -> User:
    """A user bound (``LeaderAccount``) to a person who holds ``leader``'s seat from 2021, or held it
    until the end of 2020 (``ended``)."""
    person = Person.objects.create(region=xixia.region, name=name)
    Holding.objects.filter(position=leader.position, ended_on__isnull=True).update(
        ended_on=datetime.date(2020, 12, 31)
    )
    Holding.objects.create(
        position=leader.position,
        person=person,
        started_on=datetime.date(2020, 1, 1) if ended else datetime.date(2021, 1, 1),
        ended_on=datetime.date(2020, 12, 31) if ended else None,
    )
    user = user_create_or_update(
        username=name, password=PASSWORD, full_name=name, role=Role.LEADER, region=xixia.region
    )
    LeaderAccount.objects.create(user=user, person=person)
    return user


@pytest.fixture
def seat(xixia: Xixia) -> TaskLeader:
    """The first 包抓/牵头 seat of the list."""
    found = TaskLeader.objects.filter(task__region=xixia.region).select_related("position").first()
    assert found is not None
    return found
