"""Each status card of the overview is a link to the indicators in that status, 无数据 included: the
overview then lists all of them (not only the lagging head); an unknown status is a 400 in Chinese."""

from __future__ import annotations

import re
from decimal import Decimal

from django.test import Client

from web.conftest import PINGCHUAN, World
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation


def _statuses(world: World) -> None:
    """平川区 2021: literacy reported (严重滞后), smoking not (无数据)."""
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=Decimal(9), state="approved"
    )
    statuses_refresh(regions=[world.pingchuan], years=[2021])


def test_each_card_leads_to_the_indicators_in_its_status(client: Client, world: World) -> None:
    _statuses(world)
    client.force_login(world.pingchuan_admin)
    page = client.get(f"/regions/{PINGCHUAN}/?year=2021").content.decode()
    cards = re.findall(r'<a class="card [a-z]+" href="([^"]+)"><b>(\d+)</b>([^<]+)</a>', page)
    assert [(label, count) for _, count, label in cards] == [
        ("已达标", "0"), ("进度正常", "0"), ("进度滞后", "0"), ("严重滞后", "1"), ("无数据", "1")
    ]  # fmt: skip
    href = dict((label, h) for h, _, label in cards)["无数据"].replace("&amp;", "&")
    assert href == f"/regions/{PINGCHUAN}/?year=2021&status=no_data"
    listed = client.get(href).content.decode()
    assert "「无数据」的指标（1 项）" in listed
    table = listed.split('id="lagging"')[1]
    assert world.smoking.name in table
    assert world.literacy.name not in table

    off_track = client.get(f"/regions/{PINGCHUAN}/?year=2021&status=off_track").content.decode()
    assert world.literacy.name in off_track.split('id="lagging"')[1]


def test_an_unknown_status_is_a_400_naming_it(client: Client, world: World) -> None:
    _statuses(world)
    client.force_login(world.pingchuan_admin)
    response = client.get(f"/regions/{PINGCHUAN}/?year=2021&status=late")
    assert response.status_code == 400
    assert "不认识的状态「late」" in response.content.decode()
