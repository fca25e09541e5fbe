"""The test world: 白银市 with 平川区 (its own plan) and 会宁县 (the outsider), real GB/T 2260 codes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.test.utils import override_settings
from django.utils import translation

from healthaction.plan import Action, Baseline, FrameworkRow, Member, Plan, Target
from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.monitoring.models import ReportingRound
from web.organisation.models import Department
from web.plans.models import Indicator
from web.plans.services import plan_import
from web.regions.models import Region
from web.regions.services import regions_load_codes

PINGCHUAN, HUINING, BAIYIN = "620403", "620422", "620400"
PASSWORD = "test-password"


class OneRoundPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's own PBKDF2 hasher at one round: the same code path, without ~1 s of CPU per password."""

    iterations = 1


@pytest.fixture(scope="session", autouse=True)
def _one_round_password_hashing() -> Iterator[None]:
    """Every test world creates about ten users; at Django's 1,000,000 rounds that was most of its setup."""
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.{OneRoundPBKDF2PasswordHasher.__qualname__}"]):
        yield


@pytest.fixture(autouse=True)
def _chinese_outside_requests() -> Iterator[None]:
    """Each test starts in Chinese: a request in English (the language cookie) leaves English active in the
    thread afterwards, which would turn the next test's messages built outside a request into English."""
    translation.activate("zh-hans")
    yield
    translation.activate("zh-hans")


def small_plan(literacy_2022: float = 22) -> Plan:
    """A plan written for the tests: two actions, a framework row, two committee members."""
    literacy = Target(
        indicator="居民健康素养水平", year=2022, comparator=">=", value=literacy_2022, unit="%", text="不低于"
    )
    smoking = Target(
        indicator="15岁以上人群吸烟率", year=2022, comparator="<", value=24.5, unit="%", text="低于24.5%"
    )
    return Plan(
        title="健康平川行动实施方案（测试）",
        region="平川区",
        parent_region="白银市",
        issued_date="2021-02-25",
        actions=[
            Action(
                seq=1,
                name="健康知识普及行动",
                lead_departments=["区卫健局"],
                cooperating_departments=["区委宣传部", "各乡镇街道"],
                targets=[literacy],
            ),
            Action(
                seq=2,
                name="控烟行动",
                lead_departments=["区卫生健康局"],
                cooperating_departments=["区教育局"],
                targets=[smoking],
            ),
        ],
        framework=[
            FrameworkRow(
                seq=1,
                indicator="居民健康素养水平",
                unit="%",
                basis=None,
                baseline=Baseline(year=2017, value=8, text="8"),
                targets=[
                    Target(
                        indicator="居民健康素养水平",
                        year=2022,
                        comparator=">=",
                        value=20,
                        unit="%",
                        scope="白银市",
                        text="≥20",
                    )
                ],
            )
        ],
        committee=[
            Member(role="主任", name="周万成", position="区政府副区长"),
            Member(role="副主任", name="张涛", position="区卫健局局长"),
        ],
    )


@dataclass
class World:
    baiyin: Region
    pingchuan: Region
    huining: Region
    health: Department
    education: Department
    literacy: Indicator
    smoking: Indicator
    office: User
    pingchuan_admin: User
    pingchuan_clerk: User
    education_clerk: User
    huining_admin: User
    huining_clerk: User
    leader: User
    nobody: User


@pytest.fixture
def world(db: None) -> World:
    regions_load_codes(only={PINGCHUAN, HUINING})
    pingchuan, huining = Region.objects.get(code=PINGCHUAN), Region.objects.get(code=HUINING)
    plan_import(plan=small_plan(), region=pingchuan, content=b"plan v1", file_name="plan.txt")
    huining_health = Department.objects.create(region=huining, name="县卫生健康局")
    health = Department.objects.get(region=pingchuan, name="区卫健局")
    education = Department.objects.get(region=pingchuan, name="区教育局")
    baiyin = Region.objects.get(code=BAIYIN)
    today = __import__("django.utils.timezone", fromlist=["localdate"]).localdate()
    ReportingRound.objects.create(
        region=baiyin,
        year=2022,
        opens_on=today.replace(year=today.year - 1),
        closes_on=today.replace(year=today.year + 1),
    )

    def user(
        name: str, role: Role | None, region: Region | None, department: Department | None = None
    ) -> User:
        return user_create_or_update(
            username=name, password=PASSWORD, full_name=name, role=role, region=region, department=department
        )

    return World(
        baiyin=baiyin,
        pingchuan=pingchuan,
        huining=huining,
        health=health,
        education=education,
        literacy=Indicator.objects.get(name="居民健康素养水平"),
        smoking=Indicator.objects.get(name="15岁以上人群吸烟率"),
        office=user("office", Role.OFFICE_ADMIN, baiyin),
        pingchuan_admin=user("pingchuan_admin", Role.COUNTY_ADMIN, pingchuan),
        pingchuan_clerk=user("pingchuan_clerk", Role.CLERK, pingchuan, health),
        education_clerk=user("education_clerk", Role.CLERK, pingchuan, education),
        huining_admin=user("huining_admin", Role.COUNTY_ADMIN, huining),
        huining_clerk=user("huining_clerk", Role.CLERK, huining, huining_health),
        leader=user("leader", Role.LEADER, baiyin),
        nobody=user("nobody", None, None),
    )
