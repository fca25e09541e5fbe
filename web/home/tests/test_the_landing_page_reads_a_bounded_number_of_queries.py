"""The landing page reads the same number of queries for a city of two counties as for one of
fourteen, for each role: its counts are grouped in the database, not read a county at a time."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from web.conftest import World
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation
from web.organisation.models import Department
from web.regions.models import Region

YEAR = 2022
MOST = 20  # session, user, scope, the role's reads


def _counties(world: World, extra: int) -> None:
    for n in range(extra):
        code = f"6204{90 + n}"
        county = Region.objects.create(
            code=code, name=f"测试{n}县", level=Region.Level.COUNTY, parent=world.baiyin,
            path=f"{world.baiyin.path}{code}/",
        )  # fmt: skip
        Department.objects.create(region=county, name="县卫生健康局").indicators.add(world.literacy)
    for region in Region.objects.filter(parent=world.baiyin):
        Observation.objects.get_or_create(
            region=region, indicator=world.literacy, year=YEAR,
            defaults={"value": Decimal(23), "state": Observation.State.APPROVED},
        )  # fmt: skip
    statuses_refresh(regions=list(Region.objects.filter(parent=world.baiyin)), years=[YEAR])
    statuses_refresh(regions=[world.baiyin], years=[YEAR])


@pytest.mark.parametrize("extra", [0, 12], ids=["two counties", "fourteen counties"])
@pytest.mark.parametrize("who", ["office", "pingchuan_admin", "pingchuan_clerk", "leader"])
def test_the_landing_page_reads_as_many_queries_whatever_the_number_of_counties(
    client: Client, world: World, django_assert_max_num_queries: Callable[..., Any], who: str, extra: int
) -> None:
    _counties(world, extra)
    client.force_login(getattr(world, who))
    with django_assert_max_num_queries(MOST):
        assert client.get("/").status_code == 200
