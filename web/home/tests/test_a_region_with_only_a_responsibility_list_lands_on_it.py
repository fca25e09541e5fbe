"""西夏区 has a 责任清单 and no indicator plan: its people land on the 责任清单, not on an empty
「· 年监测总览」; a region with indicators lands on its own landing page."""

from __future__ import annotations

from django.test import Client

from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.conftest import PASSWORD, World
from web.regions.models import Region
from web.regions.services import regions_load_codes

XIXIA = "640105"


def test_a_responsibility_list_region_lands_on_its_list(client: Client, world: World) -> None:
    regions_load_codes(only={XIXIA})
    xixia = Region.objects.get(code=XIXIA)
    office = user_create_or_update(
        username="xixia_office", password=PASSWORD, full_name="西夏区", role=Role.COUNTY_ADMIN, region=xixia
    )
    client.force_login(office)
    assert client.get("/")["Location"] == f"/tasks/{XIXIA}/"
    page = client.get(f"/regions/{XIXIA}/").content.decode()
    assert "· 年监测总览" not in page
    assert "监测总览" in page
    client.force_login(world.pingchuan_admin)
    landing = client.get("/")
    assert landing.status_code == 200
    assert "今日待办" in landing.content.decode()
