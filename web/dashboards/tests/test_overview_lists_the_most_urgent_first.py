"""The overview lists the most urgent lagging indicators first, a bounded number, and links to the rest."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import resolve

from web.conftest import World
from web.dashboards.views import LAGGING_SHOWN
from web.monitoring.models import SeriesStatus
from web.plans.models import Indicator

YEAR = 2023


def _lagging(world: World, n: int) -> list[Indicator]:
    items = [
        Indicator.objects.create(region=world.pingchuan, name=f"测试滞后指标{i:02d}", unit="%", polarity=1)
        for i in range(n)
    ]
    SeriesStatus.objects.bulk_create(
        SeriesStatus(
            region=world.pingchuan,
            indicator=item,
            year=YEAR,
            status="OFF_TRACK" if i == n - 1 else "LAGGING",
            ratio=i / n,
            explanation=f"说明{i:02d}",
        )
        for i, item in enumerate(items)
    )
    return items


def _rows(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]+)">(测试滞后指标\d\d)</a>', page)


def test_it_shows_the_most_urgent_lagging_indicators_and_links_to_all_of_them(world: World) -> None:
    items = _lagging(world, LAGGING_SHOWN + 5)
    client = Client()
    client.force_login(world.office)
    url = f"/regions/{world.pingchuan.code}/?year={YEAR}"

    page = client.get(url).content.decode()

    rows = _rows(page)
    assert len(rows) == LAGGING_SHOWN
    assert rows[0][1] == items[-1].name  # 严重滞后 before 进度滞后
    assert rows[1][1] == items[0].name  # then the furthest behind
    assert f"共 {LAGGING_SHOWN + 5} 项滞后" in page
    assert "查看全部" in page
    href, _ = rows[0]
    assert href == f"/regions/{world.pingchuan.code}/indicators/{items[-1].pk}/?year={YEAR}"  # the row marked
    assert resolve(href.partition("?")[0]).url_name == "indicator"

    everything = client.get(f"{url}&lagging=all").content.decode()

    assert len(_rows(everything)) == LAGGING_SHOWN + 5
    assert "查看全部" not in everything


def test_a_short_list_has_no_link_to_more(world: World) -> None:
    _lagging(world, 3)
    client = Client()
    client.force_login(world.office)

    page = client.get(f"/regions/{world.pingchuan.code}/?year={YEAR}").content.decode()

    assert len(_rows(page)) == 3
    assert f"<h1>{world.pingchuan.full_name} · {YEAR}年监测总览</h1>" in page
    assert f'上级：<a href="/regions/{world.baiyin.code}/">{world.baiyin.name}</a>' in page
    assert "查看全部" not in page


def test_the_parent_lists_its_children_with_their_counts(world: World) -> None:
    _lagging(world, 3)
    client = Client()
    client.force_login(world.office)

    page = client.get(f"/regions/{world.baiyin.code}/?year={YEAR}").content.decode()

    row = f'<a href="/regions/{world.pingchuan.code}/?year={YEAR}">{world.pingchuan.name}</a>'
    assert row in page
    cells = re.findall(r'<td class="n">(\d+)</td>', page[page.index(row) :].split("</tr>")[0])
    assert cells == ["0", "0", "2", "1", "0"]
