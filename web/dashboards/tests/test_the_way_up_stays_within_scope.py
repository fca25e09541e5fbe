"""The overview links up to the parent region only for those who may see it (no link into a 403)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from web.conftest import World


def _page(user: User, code: str) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(f"/regions/{code}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_city_office_sees_its_province_named_but_not_linked(world: World) -> None:
    province = world.baiyin.parent
    assert province is not None
    page = _page(world.office, world.baiyin.code)
    assert f"上级：{province.name}" in page
    assert f'href="/regions/{province.code}/"' not in page


def test_a_county_links_up_to_its_city_for_the_city_office_but_not_for_the_county(world: World) -> None:
    city = f'href="/regions/{world.baiyin.code}/"'
    assert city in _page(world.office, world.pingchuan.code)
    county_page = _page(world.pingchuan_admin, world.pingchuan.code)
    assert city not in county_page
    assert "上级：白银市" in county_page
