"""Every page that shows a year carries the same year selector: the years with data, the chosen one
selected, the page's other query parameters sent along (a league by county stays by county); a
malformed year in the address is a 400 on each of them."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client

from web.conftest import BAIYIN, PINGCHUAN, World
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation


@pytest.fixture
def years(world: World) -> World:
    for year, value in ((2020, 8), (2021, 9)):
        Observation.objects.create(
            region=world.pingchuan,
            indicator=world.literacy,
            year=year,
            value=Decimal(value),
            state="approved",
        )
    statuses_refresh(regions=[world.pingchuan], years=[2020, 2021])
    return world


def _selector(page: str) -> str:
    found = re.search(r'<form method="get" class="year-choice">.*?</form>', page, re.DOTALL)
    assert found, "no year selector"
    return found.group(0)


PAGES = {
    "landing": "/",
    "overview": f"/regions/{PINGCHUAN}/",
    "league": f"/regions/{BAIYIN}/league/",
    "indicator": f"/regions/{PINGCHUAN}/indicators/{{literacy}}/",
    "reports": f"/reports/{PINGCHUAN}/",
    "review": f"/monitoring/{PINGCHUAN}/review/",
}


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_with_a_year_has_the_selector_and_refuses_a_malformed_year(
    client: Client, years: World, page: str
) -> None:
    client.force_login(years.office)
    url = PAGES[page].format(literacy=years.literacy.pk)
    selector = _selector(client.get(f"{url}?year=2020").content.decode())
    if page != "review":  # the queue's years are those of the values waiting (none here)
        assert re.findall(r'<option value="(\d+)"', selector)[:2] == ["2021", "2020"]
        assert '<option value="2020" selected>' in selector
    response = client.get(f"{url}?year=20.21")
    assert response.status_code == 400
    assert "年份应为" in response.content.decode()


def test_the_selector_sends_the_other_parameters_along(client: Client, years: World) -> None:
    client.force_login(years.office)
    league = _selector(
        client.get(f"/regions/{BAIYIN}/league/?year=2021&level=county&page=2").content.decode()
    )
    assert '<input type="hidden" name="level" value="county">' in league
    assert 'name="page"' not in league  # another year starts at its first page
    assert 'name="year"' in league
    overview = _selector(client.get(f"/regions/{PINGCHUAN}/?year=2021&status=off_track").content.decode())
    assert '<input type="hidden" name="status" value="off_track">' in overview
    review = _selector(client.get(f"/monitoring/{BAIYIN}/review/?flag=flagged").content.decode())
    assert '<input type="hidden" name="flag" value="flagged">' in review
    assert '<option value="">全部年份</option>' in review


def test_a_year_without_data_is_said_plainly(client: Client, years: World) -> None:
    client.force_login(years.pingchuan_admin)
    selector = _selector(client.get(f"/regions/{PINGCHUAN}/?year=2030").content.decode())
    assert '<option value="2030" selected>' in selector
    assert "2030年没有数据" in selector
