"""The dashboards read a region by its code from the cache (one query fewer a page); the checks stay.

A region cached for one user is still refused to another outside its scope; a made-up code is a 404
and is not cached (codes from the address bar must not fill the cache); a changed role counts at the
next page, since the profile is read with the user on every request."""

from __future__ import annotations

from django.core.cache import caches
from django.test import Client

from web.accounts.models import Profile, Role
from web.api.services import api_token_create
from web.conftest import HUINING, PINGCHUAN, World
from web.dashboards.cache import ALIAS, generation, key


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_region_cached_for_the_office_is_refused_to_a_county_outside_it(world: World) -> None:
    assert _client(world.office).get(f"/regions/{HUINING}/").status_code == 200
    assert caches[ALIAS].get(key(generation(), "region", HUINING)) is not None
    assert _client(world.pingchuan_admin).get(f"/regions/{HUINING}/").status_code == 403
    assert _client(world.pingchuan_admin).get(f"/regions/{HUINING}/league/").status_code == 403


def test_an_unknown_code_is_not_found_and_not_cached(world: World) -> None:
    office = _client(world.office)
    for page in ("/regions/999999/", "/regions/999999/league/"):
        assert office.get(page).status_code == 404
    bearer = {"Authorization": f"Bearer {api_token_create(user=world.office, name='测试')[1]}"}
    assert Client().get("/api/regions/999999/statuses", headers=bearer).status_code == 404
    assert caches[ALIAS].get(key(generation(), "region", "999999")) is None


def test_a_role_moved_to_another_county_counts_at_the_next_page(world: World) -> None:
    admin = _client(world.pingchuan_admin)
    assert admin.get(f"/regions/{PINGCHUAN}/").status_code == 200
    Profile.objects.filter(user=world.pingchuan_admin).update(region=world.huining, role=Role.COUNTY_ADMIN)
    assert admin.get(f"/regions/{PINGCHUAN}/").status_code == 403
    assert admin.get(f"/regions/{HUINING}/").status_code == 200
