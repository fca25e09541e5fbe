"""Four counties of 白银市 assessed as in evaluation.md §5.6 (A 白银区, B 平川区, C 靖远县, D 景泰县)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.assessment.models import AssessmentScheme
from web.assessment.services import scheme_create
from web.monitoring.models import Observation
from web.plans.models import Baseline, Indicator, PlanDocument, Target
from web.regions.models import Region
from web.regions.services import regions_load_codes

CITY = "620400"
A, B, C, D = "620402", "620403", "620421", "620423"
OUTSIDE = "620102"  # 兰州市城关区
PASSWORD = "test-password"

# name, unit, polarity, comparator, target, 分值
INDICATORS = [
    ("居民健康素养水平", "%", 1, ">=", 22, 30),
    ("孕产妇死亡率", "1/10万", -1, "<=", 18, 20),
    ("高血压患者规范管理率", "%", 1, ">=", 70, 20),
    ("科普专家库", "", 1, "achieved", None, 10),
    ("尘肺病比例", "%", -1, "decrease", None, 20),
]
# county → (baseline, 2022 value) per indicator in the order above; None = 未报
DATA: dict[str, list[tuple[float | None, float | None]]] = {
    A: [(8, 21), (0, 0), (84.2, 78), (None, 1), (12, 10.5)],
    B: [(10, 23), (20, 50), (65, 72), (None, 1), (9, 9)],
    C: [(8, 15), (0, None), (84.2, 65), (None, 0), (15, 11)],
    D: [(8, 22), (0, 36), (84.2, 70), (None, 0), (10, 10)],
}


@dataclass
class Counties:
    city: Region
    a: Region
    b: Region
    c: Region
    d: Region
    indicators: list[Indicator]
    scheme: AssessmentScheme
    office: User
    county_admin: User  # of B (平川区)
    outsider: User  # county admin of 兰州市城关区, another city
    leader: User


def _user(name: str, role: Role | None, region: Region | None) -> User:
    return user_create_or_update(
        username=name, password=PASSWORD, full_name=name, role=role, region=region, department=None
    )


@pytest.fixture
def counties(db: None) -> Counties:
    regions_load_codes(only={A, B, C, D, OUTSIDE})
    city = Region.objects.get(code=CITY)
    document = PlanDocument.objects.create(
        region=city,
        title="健康白银行动考核测试",
        file="plans/t.txt",
        file_name="t.txt",
        sha256="0",
        parsed={},
    )
    indicators: list[Indicator] = []
    for name, unit, polarity, comparator, value, _ in INDICATORS:
        indicator = Indicator.objects.create(region=city, name=name, unit=unit, polarity=polarity)
        Target.objects.create(
            indicator=indicator,
            region=city,
            document=document,
            source=Target.Source.FRAMEWORK,
            year=2022,
            comparator=comparator,
            value=value,
            unit=unit,
            text=f"{comparator}{value or ''}",
        )
        indicators.append(indicator)
    for code, rows in DATA.items():
        region = Region.objects.get(code=code)
        for indicator, (baseline, reported) in zip(indicators, rows, strict=True):
            if baseline is not None:
                Baseline.objects.create(
                    indicator=indicator,
                    region=region,
                    document=document,
                    year=2017,
                    value=Decimal(str(baseline)),
                    text=str(baseline),
                )
            if reported is not None:
                Observation.objects.create(
                    region=region,
                    indicator=indicator,
                    year=2022,
                    value=Decimal(str(reported)),
                    state=Observation.State.APPROVED,
                )
    scheme = scheme_create(
        region=city,
        year=2022,
        indicators=indicators,
        points={i.pk: Decimal(p) for i, (*_, p) in zip(indicators, INDICATORS, strict=True)},
    )
    regions = {code: Region.objects.get(code=code) for code in (A, B, C, D)}
    return Counties(
        city=city,
        a=regions[A],
        b=regions[B],
        c=regions[C],
        d=regions[D],
        indicators=indicators,
        scheme=scheme,
        office=_user("office", Role.OFFICE_ADMIN, city),
        county_admin=_user("county_admin", Role.COUNTY_ADMIN, regions[B]),
        outsider=_user("chengguan_admin", Role.COUNTY_ADMIN, Region.objects.get(code=OUTSIDE)),
        leader=_user("leader", Role.LEADER, city),
    )
