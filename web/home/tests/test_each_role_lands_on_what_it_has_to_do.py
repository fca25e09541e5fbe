"""The landing page (the site's root, where login leads) shows each role what it has to act on, with
links that go there: the office and a county's admin the values waiting for 审核, who has not yet
reported in the round, the lagging indicators and the open 整改 of their own subtree; a clerk its
department's values to fill in and those sent back; a leader the charts, the league and 我的任务."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from web.conftest import BAIYIN, PINGCHUAN, World
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation, RegionScore
from web.monitoring.services import observation_return, observation_save
from web.organisation.models import Person
from web.supervision.services import rectification_create
from web.tasks.models import LeaderAccount

YEAR = 2022  # the world's open round (白银市, open from a year ago to a year ahead)


def _links(page: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', page)


@pytest.fixture
def desk(world: World) -> World:
    """平川区: literacy submitted by the clerk (waiting for 审核), smoking not reported; statuses for
    2021 (literacy lagging) and an 整改 past its deadline."""
    observation_save(
        region=world.pingchuan, indicator=world.literacy, year=YEAR, value=Decimal("19.6"), comment="",
        user=world.pingchuan_clerk, version=None, submit=True,
    )  # fmt: skip
    for indicator, value in ((world.literacy, 9), (world.smoking, 30)):
        Observation.objects.create(
            region=world.pingchuan, indicator=indicator, year=2021, value=Decimal(value), state="approved"
        )
    statuses_refresh(regions=[world.pingchuan], years=[2021])
    statuses_refresh(regions=[world.baiyin], years=[2021])
    rectification_create(
        region=world.pingchuan, department=world.health, issue="未按期报送", round="2021H2",
        due_on=timezone.localdate() - datetime.timedelta(days=3), user=None,
    )  # fmt: skip
    return world


@pytest.mark.parametrize("who", ["office", "pingchuan_admin"])
def test_the_office_and_the_county_see_what_needs_action_today(client: Client, desk: World, who: str) -> None:
    client.force_login(getattr(desk, who))
    response = client.get("/?year=2021")
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["pending"] == 1
    assert f"/monitoring/{PINGCHUAN if who == 'pingchuan_admin' else BAIYIN}/review/" in _links(page)
    unreported = response.context["unreported"]
    assert unreported.round.year == YEAR
    # 区卫健局 reports both indicators: literacy is submitted, smoking is not.
    assert [(r.code, d.name, missing, expected) for r, d, missing, expected in unreported.rows] == [
        (PINGCHUAN, "区卫健局", 1, 2)
    ]
    assert f"/monitoring/{PINGCHUAN}/{YEAR}/" in _links(page)
    if who == "pingchuan_admin":  # 平川区's own two indicators lag; 白银市 has none of its own values
        assert response.context["lagging_total"] == 2
        assert any("lagging=all" in href for href in _links(page))
    else:
        assert response.context["charts"]["bars"]["yAxis"]["data"] == ["平川区"]
    assert response.context["rectifications"].open == 1
    assert response.context["rectifications"].overdue == 1
    assert f"/tasks/{PINGCHUAN}/supervision/" in _links(page)
    assert 'data-echarts="ring-data"' in page
    assert 'id="ring-data"' in page


def test_a_county_sees_only_its_own_subtree(client: Client, desk: World) -> None:
    client.force_login(desk.huining_admin)
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["pending"] == 0
    assert response.context["rectifications"].open == 0
    assert f"/monitoring/{PINGCHUAN}/" not in response.content.decode()


def test_a_clerk_sees_its_values_to_fill_in_and_those_sent_back(client: Client, desk: World) -> None:
    client.force_login(desk.pingchuan_clerk)
    response = client.get("/")
    page = response.content.decode()
    (year,) = response.context["desk"].years
    assert year.round.year == YEAR
    assert [i.name for i in year.to_fill] == [desk.smoking.name]
    assert year.submitted == 1
    assert f"/monitoring/{PINGCHUAN}/{YEAR}/" in _links(page)
    assert "没有被退回的监测值" in page

    submitted = Observation.objects.get(region=desk.pingchuan, indicator=desk.literacy, year=YEAR)
    observation_return(observation=submitted, user=desk.pingchuan_admin, version=submitted.version,
                       comment="请核对调查样本量")  # fmt: skip
    page = client.get("/").content.decode()
    assert "请核对调查样本量" in page
    assert "修改后重新提交" in page


def test_a_leader_sees_the_charts_and_the_league_first(client: Client, desk: World) -> None:
    assert RegionScore.objects.filter(region=desk.pingchuan, year=2021).exists()  # scored with the statuses
    client.force_login(desk.leader)
    response = client.get("/?year=2021")
    page = response.content.decode().split("<main>")[1]
    assert 'data-echarts="ring-data"' in page
    assert 'data-echarts="bars-data"' in page
    assert page.index("ring-data") < page.index("下级地区排名") < page.index(f"/regions/{BAIYIN}/league/")
    assert f"/regions/{PINGCHUAN}/?year=2021" in _links(page)
    assert "我的任务" not in page  # bound to no seat
    assert "/review/" not in page

    person = Person.objects.create(name="周万成", region=desk.baiyin)
    LeaderAccount.objects.create(user=desk.leader, person=person)
    page = client.get("/?year=2021").content.decode()
    assert "我的任务" in page.split("<main>")[1]
    assert "您目前没有包抓或牵头的任务" in page


def test_status_cards_on_the_landing_page_lead_to_the_indicators_in_that_status(
    client: Client, desk: World
) -> None:
    client.force_login(desk.office)
    page = client.get("/?year=2021").content.decode()
    cards = [h for h in _links(page) if "status=" in h]
    assert len(cards) == 5
    assert f"/regions/{BAIYIN}/?year=2021&amp;status=no_data" in cards


def test_a_malformed_year_is_a_400_and_a_year_without_data_says_so(client: Client, desk: World) -> None:
    client.force_login(desk.office)
    assert client.get("/?year=20x1").status_code == 400
    page = client.get("/?year=2030").content.decode()
    assert "2030年没有数据" in page
