"""Past years are shown read-only, the open round is editable, later years are refused with a reason.

Before: every year but the open round's answered 500 (the read-only branch formatted a missing value).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from web.conftest import World
from web.monitoring.models import Observation


@pytest.mark.parametrize("year", [1999, 2015, 2018, 2021, 2023])
def test_a_past_year_is_shown_read_only(client: Client, world: World, year: int) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=Decimal("18.5"), state="approved"
    )
    client.force_login(world.pingchuan_clerk)
    response = client.get(f"/monitoring/{world.pingchuan.code}/{year}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "只能查看" in page
    assert 'name="value-' not in page
    if year == 2021:
        assert "18.5" in page


def test_the_page_offers_the_years_there_are(client: Client, world: World) -> None:
    Observation.objects.create(region=world.pingchuan, indicator=world.literacy, year=2020, value=15)
    client.force_login(world.pingchuan_admin)
    page = client.get(f"/monitoring/{world.pingchuan.code}/2022/").content.decode()
    assert f'href="/monitoring/{world.pingchuan.code}/2020/"' in page
    assert "<b>2022</b>" in page


@pytest.mark.parametrize("later", [1, 5])
def test_a_later_year_is_refused_with_a_reason(client: Client, world: World, later: int) -> None:
    year = timezone.localdate().year + later
    client.force_login(world.pingchuan_clerk)
    response = client.get(f"/monitoring/{world.pingchuan.code}/{year}/")
    assert response.status_code == 404
    assert f"{year}年的填报尚未开放" in response.content.decode()


@pytest.mark.parametrize("year", ["99999999999999999999", "0", "12345", "0999"])
def test_a_mistyped_year_in_the_address_is_a_400_saying_why(client: Client, world: World, year: str) -> None:
    client.force_login(world.pingchuan_clerk)
    for url in (
        f"/monitoring/{world.pingchuan.code}/{year}/",
        f"/monitoring/{world.pingchuan.code}/{year}/workbook/",
    ):
        response = client.get(url)
        assert response.status_code == 400
        assert "年份" in response.content.decode()
