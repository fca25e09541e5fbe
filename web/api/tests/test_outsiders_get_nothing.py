"""The API's outsider matrix: every endpoint answers 403/404 outside its scope, 401 without a token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.conftest import World
from web.monitoring.models import Observation
from web.plans.models import PlanDocument

AsUser = Callable[[User], Callable[..., Any]]
Request = tuple[str, Callable[[World], str], Callable[[World], dict[str, Any] | None]]


def _no_body(world: World) -> None:
    return None


def _submission(world: World) -> dict[str, Any]:
    return {"region": world.pingchuan.code, "indicator_id": world.literacy.pk, "year": 2022, "value": "20"}


ENDPOINTS: dict[str, Request] = {
    "plan": ("get", lambda w: f"/api/plans/{PlanDocument.objects.get().pk}", _no_body),
    "targets": ("get", lambda w: f"/api/regions/{w.pingchuan.code}/targets", _no_body),
    "observations": ("get", lambda w: f"/api/observations?region={w.pingchuan.code}", _no_body),
    "statuses": ("get", lambda w: f"/api/regions/{w.pingchuan.code}/statuses", _no_body),
    "submit": ("post", lambda w: "/api/observations", _submission),
}
OUTSIDERS = ["huining_admin", "huining_clerk", "nobody"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_it_hides_pingchuan_from_outsiders(
    as_user: AsUser, world: World, endpoint: str, outsider: str
) -> None:
    method, url, body = ENDPOINTS[endpoint]
    response = as_user(getattr(world, outsider))(method, url(world), body(world))
    assert response.status_code in (403, 404)
    assert response.json()["detail"]
    assert not Observation.objects.exists()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_it_lets_the_city_office_in(as_user: AsUser, world: World, endpoint: str) -> None:
    method, url, body = ENDPOINTS[endpoint]
    assert as_user(world.office)(method, url(world), body(world)).status_code == 200


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_it_answers_401_without_a_token(client: Client, world: World, endpoint: str) -> None:
    method, url, body = ENDPOINTS[endpoint]
    response = getattr(client, method)(url(world), body(world) or {}, content_type="application/json")
    assert response.status_code == 401


def test_a_leader_may_read_but_not_submit(as_user: AsUser, world: World) -> None:
    call = as_user(world.leader)
    assert call("get", f"/api/regions/{world.pingchuan.code}/statuses").status_code == 200
    assert call("post", "/api/observations", _submission(world)).status_code == 403


def test_unscoped_lists_leave_out_other_counties(as_user: AsUser, world: World) -> None:
    Observation.objects.create(region=world.pingchuan, indicator=world.literacy, year=2022, value=20)
    call = as_user(world.huining_admin)
    assert call("get", "/api/plans").json() == []
    assert call("get", "/api/observations").json()["count"] == 0
    assert as_user(world.nobody)("get", "/api/plans").status_code == 403
    assert as_user(world.nobody)("get", "/api/observations").status_code == 403
