"""Each dashboard page reads a fixed number of queries, however many regions, indicators and values:
the national bench (bench/web.py --national) serves 34 provinces and 2,844 counties with the same
queries as a county. Counted on the first (uncached) view and on the cached one after it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from web.api.services import api_token_create
from web.conftest import BAIYIN, PINGCHUAN, World
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation
from web.regions.models import Region

YEAR = 2022


def _counties(world: World, extra: int) -> None:
    """``extra`` more counties of 白银市 with approved values, each evaluated with its siblings."""
    for n in range(extra):
        code = f"6204{90 + n}"
        Region.objects.create(
            code=code, name=f"测试{n}县", level=Region.Level.COUNTY, parent=world.baiyin,
            path=f"{world.baiyin.path}{code}/",
        )  # fmt: skip
    for region in Region.objects.filter(parent=world.baiyin):
        for year, value in ((2021, 18), (YEAR, 23)):
            Observation.objects.get_or_create(
                region=region, indicator=world.literacy, year=year,
                defaults={"value": Decimal(value), "state": Observation.State.APPROVED},
            )  # fmt: skip
    statuses_refresh(regions=list(Region.objects.filter(parent=world.baiyin)), years=[YEAR])


PAGES: dict[str, str] = {
    "overview": f"/regions/{BAIYIN}/?year={YEAR}",
    "overview of the latest year": f"/regions/{BAIYIN}/",
    "county overview": f"/regions/{PINGCHUAN}/?year={YEAR}",
    "league": f"/regions/{BAIYIN}/league/?year={YEAR}",
    "league of every county, paged": f"/regions/{BAIYIN}/league/?year={YEAR}&level=county&page=1",
    "indicator": f"/regions/{PINGCHUAN}/indicators/{{literacy}}/",
}
# Queries of the first view (session, user with its scope, generation token, the page's reads) and of
# the cached view: the session, the user with its profile (web.accounts.backends) and the generation
# token; the region, whether the site holds 演示数据 and the page's parts come from the cache.
FIRST, CACHED = 13, 3


@pytest.mark.parametrize("extra", [0, 12], ids=["two counties", "fourteen counties"])
@pytest.mark.parametrize("page", list(PAGES))
def test_a_page_reads_as_many_queries_whatever_the_number_of_counties(
    client: Client, world: World, django_assert_max_num_queries: Callable[..., Any], page: str, extra: int
) -> None:
    _counties(world, extra)
    client.force_login(world.office)
    url = PAGES[page].format(literacy=world.literacy.pk)
    with django_assert_max_num_queries(FIRST):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(CACHED):
        assert client.get(url).status_code == 200


def test_the_statuses_api_reads_a_bounded_number_of_queries(
    client: Client, world: World, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    _counties(world, 12)
    token = api_token_create(user=world.office, name="测试")[1]
    headers = {"Authorization": f"Bearer {token}"}
    with django_assert_max_num_queries(FIRST):
        assert client.get(f"/api/regions/{BAIYIN}/statuses?year={YEAR}", headers=headers).status_code == 200
    with django_assert_max_num_queries(CACHED):
        assert client.get(f"/api/regions/{BAIYIN}/statuses?year={YEAR}", headers=headers).status_code == 200
