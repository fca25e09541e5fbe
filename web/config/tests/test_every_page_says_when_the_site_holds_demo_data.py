"""Every page says 演示数据 while the site holds the demo's values, and not on a site of real data.

Whether it holds them is kept with the dashboards' generation (one query fewer a page): the demo's
build ends with a refresh of the statuses, which replaces the token, so the banner shows at once."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from web.conftest import World
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation

BANNER = "本站数据为<b>演示数据</b>"


def test_the_banner_shows_once_demo_values_are_loaded_and_only_then(world: World) -> None:
    client = Client()
    client.force_login(world.office)
    for page in ("/", f"/regions/{world.baiyin.code}/", "/login/"):
        assert BANNER not in client.get(page, follow=True).content.decode()
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2022, value=Decimal("23"),
        state=Observation.State.APPROVED, is_demo=True,
    )  # fmt: skip
    statuses_refresh(regions=[world.pingchuan], years=[2022])  # as the demo's build ends
    for page in ("/", f"/regions/{world.baiyin.code}/", "/login/"):
        assert BANNER in client.get(page, follow=True).content.decode(), page
    assert BANNER in Client().get("/login/").content.decode()  # signed out too
