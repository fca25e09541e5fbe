"""The dashboards cache their parts, yet an approval (or a renamed indicator or region) shows at once.

Each test first views a page, so that its part is cached, then changes what it shows and views it
again. The old part stays in the cache under the old generation, as it would in another gunicorn
worker's memory: the page must not serve it.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from web.api.services import api_token_create
from web.conftest import World
from web.dashboards.selectors import STATUS_LABELS, STATUS_ORDER
from web.dashboards.templatetags.ha import num
from web.monitoring.models import Observation, RegionScore, SeriesStatus
from web.monitoring.services import observation_approve, observation_save
from web.plans.models import Indicator

pytest.importorskip("healthaction.engine")
YEAR = 2022


def _approve(world: World, indicator: Indicator, value: str) -> Observation:
    observation = observation_save(
        region=world.pingchuan, indicator=indicator, year=YEAR, value=Decimal(value), comment="",
        user=world.pingchuan_clerk, version=None, submit=True, department=world.health,
    )  # fmt: skip
    approver, version = world.pingchuan_admin, observation.version
    return observation_approve(observation=observation, user=approver, version=version)


def _office(world: World) -> Client:
    client = Client()
    client.force_login(world.office)
    return client


def _cards(page: str) -> dict[str, int]:
    cards = re.findall(r'<a class="card [a-z]+" href="[^"]+"><b>(\d+)</b>([^<]+)</a>', page)
    return {label: int(n) for n, label in cards}


def _main(page: str) -> str:
    return page[page.index("<main>") :]


def _held(world: World) -> dict[str, int]:
    """The status counts the database holds for 平川区 in the year."""
    held = SeriesStatus.objects.filter(region=world.pingchuan, year=YEAR)
    counts = Counter(held.values_list("status", flat=True))
    return {STATUS_LABELS[s]: counts.get(s, 0) for s in STATUS_ORDER}


def test_the_overview_is_served_from_the_cache_until_a_value_is_approved(world: World) -> None:
    _approve(world, world.literacy, "22.5")
    client = _office(world)
    url = f"/regions/{world.pingchuan.code}/?year={YEAR}"
    before = client.get(url).content.decode()
    assert _cards(before) == _held(world)

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).content.decode()
    assert _main(again) == _main(before)  # the header differs: a fresh CSRF token per page
    assert not [q for q in queries.captured_queries if "monitoring_seriesstatus" in q["sql"]]

    _approve(world, world.smoking, "30")

    after = client.get(url).content.decode()
    assert after != before
    assert _cards(after) == _held(world)
    smoking = SeriesStatus.objects.get(region=world.pingchuan, indicator=world.smoking, year=YEAR)
    assert smoking.value == 30.0
    if smoking.status in ("OFF_TRACK", "LAGGING"):
        assert "15岁以上人群吸烟率" in after


def test_the_parents_overview_and_league_table_follow_a_childs_approval(world: World) -> None:
    _approve(world, world.literacy, "22.5")
    client = _office(world)
    overview = f"/regions/{world.baiyin.code}/?year={YEAR}"
    league = f"/regions/{world.baiyin.code}/league/?year={YEAR}"
    overview_before = client.get(overview).content.decode()
    league_before = client.get(league).content.decode()

    _approve(world, world.smoking, "30")

    assert client.get(overview).content.decode() != overview_before
    page = client.get(league).content.decode()
    score = RegionScore.objects.get(region=world.pingchuan, year=YEAR)
    row = re.search(rf"<tr>.*?{world.pingchuan.name}.*?</tr>", page)
    assert row is not None
    assert f'<td class="n">{num(score.final)}</td>' in row.group(0)
    assert f'<td class="n">{score.assessed}</td></tr>' in row.group(0)
    assert page != league_before


def test_the_indicator_page_shows_a_value_as_soon_as_it_is_approved(world: World) -> None:
    _approve(world, world.literacy, "22.5")
    client = _office(world)
    url = f"/regions/{world.pingchuan.code}/indicators/{world.smoking.pk}/"
    assert "30.0" not in client.get(url).content.decode()

    _approve(world, world.smoking, "30")

    page = client.get(url).content.decode()
    chart = re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', page)
    assert chart is not None
    assert "30.0" in chart.group(1)


def test_the_statuses_api_answers_the_new_status_after_an_approval(world: World) -> None:
    _approve(world, world.literacy, "22.5")
    _, token = api_token_create(user=world.office, name="测试")
    client = Client(headers={"Authorization": f"Bearer {token}"})
    url = f"/api/regions/{world.pingchuan.code}/statuses?year={YEAR}"
    before = {s["indicator"]: s for s in client.get(url).json()["series"]}

    _approve(world, world.smoking, "30")

    after = {s["indicator"]: s for s in client.get(url).json()["series"]}
    held = SeriesStatus.objects.get(region=world.pingchuan, indicator=world.smoking, year=YEAR)
    smoking = "15岁以上人群吸烟率"
    assert (after[smoking]["status"], after[smoking]["value"]) == (held.status, 30.0)
    assert before[smoking]["value"] is None


def test_a_renamed_indicator_or_region_shows_at_once(world: World) -> None:
    _approve(world, world.literacy, "22.5")
    client = _office(world)
    url = f"/regions/{world.baiyin.code}/?year={YEAR}"
    assert "平川区" in client.get(url).content.decode()

    world.pingchuan.name = "平川新区"
    world.pingchuan.save()

    assert "平川新区" in client.get(url).content.decode()
    page = f"/regions/{world.pingchuan.code}/indicators/{world.literacy.pk}/"
    assert "居民健康素养水平" in client.get(page).content.decode()
    world.literacy.name = "居民健康素养水平（新）"
    world.literacy.save()
    assert "居民健康素养水平（新）" in client.get(page).content.decode()
